"""The named places a feature puts its parts in (menu places, its own menus, the side panel, a
bar under the reading pane, the registry of installed features) and the services it calls
(a notice that stays, the side panel shown or hidden). A part of the window shell
(MainWindow takes it in), kept apart so the shell's window class stays about pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QKeySequence
    from PySide6.QtWidgets import QMenu, QVBoxLayout, QWidget

    from app.ui.shell.menus import MenuPlace, Menus
    from app.ui.shell.panes import NavTree
    from app.ui.shell.section_view import SectionView

_F = TypeVar("_F")


class FeaturePlaces:
    """What MainWindow offers its features to put things in (see docs/architecture.md)."""

    menus: Menus | None
    nav_tree: NavTree
    section_view: SectionView
    side_panel: QWidget
    side_panel_action: QAction | None  # View > Side Panel, made with the shell's menu entries
    _side_layout: QVBoxLayout
    _reading_layout: QVBoxLayout
    _features: dict[type, object]

    def add_action(
        self,
        place: MenuPlace | None,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
    ) -> QAction:
        """An action at a place of the menus (or in none), its shortcut working wherever the focus is."""
        from app.ui.shell.window_menus import make_action

        action = make_action(self.as_widget(), text, slot, shortcut, tip)
        if place is not None:
            assert self.menus is not None, "build_menus() first"
            self.menus.insert(place, action)
        return action

    def add_separator(self, place: MenuPlace) -> None:
        assert self.menus is not None, "build_menus() first"
        self.menus.insert_separator(place)

    def add_menu(self, title: str) -> QMenu:
        """A top-level menu of a feature's own, before Help."""
        assert self.menus is not None, "build_menus() first"
        return self.menus.add_menu(title)

    def add_submenu(self, place: MenuPlace, title: str) -> QMenu:
        assert self.menus is not None, "build_menus() first"
        return self.menus.insert_menu(place, title)

    def add_to_side_panel(self, widget: QWidget, stretch: int = 0) -> None:
        """A widget above the navigation tree (below those added before it)."""
        self._side_layout.insertWidget(self._side_layout.indexOf(self.nav_tree), widget, stretch)

    def add_reader_bar(self, widget: QWidget) -> None:
        """A bar under the reading pane (the find bar)."""
        self._reading_layout.addWidget(widget)

    def add_feature(self, feature: object) -> None:
        """Keep an installed feature, so the composition root's callers (tests) can reach it."""
        self._features[type(feature)] = feature

    def feature(self, kind: type[_F]) -> _F:
        found = self._features[kind]
        assert isinstance(found, kind)
        return found

    @property
    def side_panel_shown(self) -> bool:
        return not self.side_panel.isHidden()

    def show_side_panel(self, shown: bool) -> None:
        """Hide or show the side panel (search and tree); the reading pane takes the room.
        The keyboard focus never stays in a hidden panel."""
        if not shown and self.side_panel.isAncestorOf(self.as_widget().focusWidget()):
            self.section_view.setFocus()
        self.side_panel.setVisible(shown)
        if self.side_panel_action is not None:
            self.side_panel_action.setChecked(shown)

    def focus_tree(self) -> None:
        """Alt+1: to the tree, showing the side panel first if it is hidden."""
        if not self.side_panel_shown:
            self.show_side_panel(True)
        self.nav_tree.setFocus()

    def tell(self, title: str, message: str) -> None:
        """A message that needs attention, in a box that stays until dismissed: the status bar's
        messages vanish as soon as a menu opens. Shown once the event loop runs, so it can be said
        while the window is still being built."""
        from PySide6.QtCore import QTimer

        from app.ui.shell.notice import show_notice

        window = self.as_widget()
        QTimer.singleShot(0, window, lambda: show_notice(window, title, message))

    def as_widget(self) -> QWidget:
        """The window itself, as the widget that owns the actions."""
        raise NotImplementedError  # MainWindow, a QWidget, answers
