"""The shell's own menu entries (copy, zoom, sections, focus, quit) around the places of the menus."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from app.ui.shell.menus import MenuPlace, Menus

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QKeySequence
    from PySide6.QtWidgets import QWidget

    from app.ui.shell.main_window import MainWindow


def make_action(
    window: QWidget,
    text: str,
    slot: Callable[[], object],
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    tip: str = "",
) -> QAction:
    """An action of the window, its shortcut working wherever the focus is (and with no menu bar)."""
    from PySide6.QtGui import QAction, QKeySequence

    action = QAction(text, window)
    if isinstance(shortcut, QKeySequence.StandardKey):
        action.setShortcuts(shortcut)  # every binding of the platform (ZoomIn: Ctrl++ and Ctrl+=)
    elif shortcut is not None:
        # A list, not setShortcut(), and no copy of a QKeySequence: those overloads' argument
        # checks build all of Qt's enums (see main_window's start-up note).
        action.setShortcuts([shortcut if isinstance(shortcut, QKeySequence) else QKeySequence(shortcut)])
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    action.triggered.connect(slot)
    window.addAction(action)
    return action


def build_menus(window: MainWindow) -> Menus:
    """File, Edit, View, Go and Help with the shell's entries, each place marked where it belongs."""
    from PySide6.QtGui import QAction, QKeySequence

    menus = Menus(window.menuBar(), window)
    key = QKeySequence.StandardKey
    view = window.section_view

    def add(place: MenuPlace, text: str, slot: Callable[[], object],
            shortcut: QKeySequence.StandardKey | str | None, tip: str) -> QAction:
        action = make_action(window, text, slot, shortcut, tip)
        menus.menu_of(place).addAction(action)
        return action

    menus.mark(MenuPlace.FILE)
    menus.menu["file"].addSeparator()
    quit_action = add(MenuPlace.FILE, "&Quit", window.close, key.Quit, "Close the app")
    quit_action.setMenuRole(QAction.MenuRole.QuitRole)

    add(MenuPlace.EDIT, "&Copy", view.copy, key.Copy, "Copy the selected text")
    menus.mark(MenuPlace.EDIT_AFTER_COPY)
    add(MenuPlace.EDIT, "Select &All", view.selectAll, key.SelectAll, "Select the whole section")
    menus.mark(MenuPlace.EDIT)

    zoom_in = add(MenuPlace.VIEW, "Zoom &In", lambda: window.zoom_by(1), key.ZoomIn, "Larger text")
    # Ctrl+= is Ctrl++ without Shift on most layouts; not every platform lists it for ZoomIn.
    if QKeySequence("Ctrl+=") not in zoom_in.shortcuts():
        zoom_in.setShortcuts([*zoom_in.shortcuts(), QKeySequence("Ctrl+=")])
    add(MenuPlace.VIEW, "Zoom &Out", lambda: window.zoom_by(-1), key.ZoomOut, "Smaller text")
    add(MenuPlace.VIEW, "&Actual Size", window.zoom_reset, "Ctrl+0", "Text at the system size")
    menus.menu["view"].addSeparator()
    window.side_panel_action = add(MenuPlace.VIEW, "Side &Panel", lambda: window.show_side_panel(
        window.side_panel_action.isChecked()), "F9", "Show or hide the search box and the navigation tree")
    window.side_panel_action.setCheckable(True)
    window.side_panel_action.setChecked(window.side_panel_shown)
    menus.mark(MenuPlace.VIEW)

    menus.mark(MenuPlace.GO_START)
    add(MenuPlace.GO, "&Previous Section", lambda: window.step_section(-1), "Ctrl+PgUp",
        "Open the section above in the tree")
    add(MenuPlace.GO, "&Next Section", lambda: window.step_section(1), "Ctrl+PgDown",
        "Open the section below in the tree")
    menus.menu["go"].addSeparator()
    add(MenuPlace.GO, "N&avigation Tree", window.focus_tree, "Alt+1",
        "Move the keyboard focus to the navigation tree")
    add(MenuPlace.GO, "Section &Text", view.setFocus, "Alt+2", "Move the keyboard focus to the section text")
    menus.mark(MenuPlace.GO)

    menus.mark(MenuPlace.HELP)
    _open_menu_bar_on_f10(window)
    return menus


def _open_menu_bar_on_f10(window: MainWindow) -> None:
    """F10 opens the first menu, as on other desktops (Alt alone does it through the style)."""
    from PySide6.QtGui import QKeySequence, QShortcut

    def open_first_menu() -> None:
        bar = window.menuBar()
        first = next((a for a in bar.actions() if a.isVisible()), None)
        if first is not None:
            bar.setFocus()
            bar.setActiveAction(first)

    shortcut = QShortcut(QKeySequence("F10"), window)
    shortcut.activated.connect(open_first_menu)
