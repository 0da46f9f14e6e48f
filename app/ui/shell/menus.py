"""The menu bar's skeleton and its named places, where features put their actions.

A place is a hidden marker action inside a menu: a feature's action is inserted just before it, so
actions land where people look for them ("after Copy", "end of File", before Quit) in the order the
features are installed, whatever else is already in the menu. No feature counts menu positions.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu, QMenuBar, QWidget


# A dynamic property on menu entries that are content (bookmarks), not commands (see Help's list of keys).
LIST_ENTRY = "listEntry"


class MenuPlace(Enum):
    """Where in the menu bar a feature's action goes (top to bottom within each menu)."""

    FILE = "file"  # the end of File, before Quit
    EDIT_AFTER_COPY = "edit-after-copy"
    EDIT = "edit"  # the end of Edit
    VIEW = "view"  # the end of View
    GO_START = "go-start"  # above Previous / Next Section
    GO = "go"  # the end of Go
    HELP = "help"  # the Help menu


# Menu titles in menu-bar order; features add menus of their own before Help.
_MENUS = (("file", "&File"), ("edit", "&Edit"), ("view", "&View"), ("go", "&Go"), ("help", "&Help"))


class Menus:
    """The window's menus and the marker of each place."""

    def __init__(self, menu_bar: QMenuBar, owner: QWidget) -> None:
        self._bar = menu_bar
        self._owner = owner
        self.menu: dict[str, QMenu] = {key: menu_bar.addMenu(title) for key, title in _MENUS}
        self._markers: dict[MenuPlace, QAction] = {}

    def mark(self, place: MenuPlace) -> None:
        """Put the marker of a place at the current end of its menu."""
        from PySide6.QtGui import QAction

        marker = QAction(self._owner)
        marker.setVisible(False)
        self.menu_of(place).addAction(marker)
        self._markers[place] = marker

    def menu_of(self, place: MenuPlace) -> QMenu:
        return self.menu[place.value.split("-")[0]]

    def insert(self, place: MenuPlace, action: QAction) -> None:
        self.menu_of(place).insertAction(self._markers[place], action)

    def insert_separator(self, place: MenuPlace) -> None:
        self.menu_of(place).insertSeparator(self._markers[place])

    def insert_menu(self, place: MenuPlace, title: str) -> QMenu:
        """A submenu at a place (View > Theme)."""
        from PySide6.QtWidgets import QMenu

        submenu = QMenu(title, self.menu_of(place))
        self.menu_of(place).insertMenu(self._markers[place], submenu)
        return submenu

    def add_menu(self, title: str) -> QMenu:
        """A menu of a feature's own in the menu bar, before Help."""
        from PySide6.QtWidgets import QMenu

        menu = QMenu(title, self._bar)
        self._bar.insertMenu(self.menu["help"].menuAction(), menu)
        return menu
