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
    from PySide6.QtGui import QAction

    action = QAction(text, window)
    if shortcut is not None:
        set_shortcut(action, shortcut)
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    action.triggered.connect(slot)
    window.addAction(action)
    return action


def set_shortcut(action: QAction, shortcut: QKeySequence | QKeySequence.StandardKey | str) -> None:
    """Every binding of a standard key, or the one given: QKeySequence is loaded only here, as its
    enums cost about 1 ms (the toolbar's arrows get their keys after the first paint)."""
    from PySide6.QtGui import QKeySequence

    if isinstance(shortcut, QKeySequence.StandardKey):
        action.setShortcuts(shortcut)  # every binding of the platform (ZoomIn: Ctrl++ and Ctrl+=)
    elif shortcut is not None:
        # A list, not setShortcut(), and no copy of a QKeySequence: those overloads' argument
        # checks build all of Qt's enums (see main_window's start-up note).
        action.setShortcuts([shortcut if isinstance(shortcut, QKeySequence) else QKeySequence(shortcut)])


def build_menus(window: MainWindow) -> Menus:
    """File, Edit, View, Go and Help, each place marked where it belongs; the shell's own entries
    come after the first paint (only the titles are on screen before a menu opens), put in place
    before the features' entries so that they keep their order (see add_shell_entries)."""
    menus = Menus(window.menuBar(), window)
    menus.mark(MenuPlace.FILE)
    menus.mark(MenuPlace.EDIT_AFTER_COPY)
    menus.mark(MenuPlace.EDIT)
    menus.mark(MenuPlace.VIEW)
    menus.mark(MenuPlace.GO_START)
    menus.mark(MenuPlace.GO)
    menus.mark(MenuPlace.HELP)
    window.after_first_paint(lambda: add_shell_entries(window, menus))
    return menus


def add_shell_entries(window: MainWindow, menus: Menus) -> None:
    """Quit after the end of File; Copy before the place after it and Select All after that; the
    zoom and the side panel before the end of View; the section steps and focus keys before the
    end of Go. Features' entries at those places come after these, as the features are installed
    after the shell."""
    from PySide6.QtGui import QAction, QKeySequence

    key = QKeySequence.StandardKey
    view = window.section_view

    def add(place: MenuPlace, text: str, slot: Callable[[], object],
            shortcut: QKeySequence.StandardKey | str | None, tip: str) -> QAction:
        action = make_action(window, text, slot, shortcut, tip)
        menus.insert(place, action)
        return action

    menus.menu["file"].addSeparator()  # after the end of File: Quit stays last
    quit_action = make_action(window, "&Quit", window.close, key.Quit, "Close the app")
    menus.menu["file"].addAction(quit_action)
    quit_action.setMenuRole(QAction.MenuRole.QuitRole)

    add(MenuPlace.EDIT_AFTER_COPY, "&Copy", view.copy, key.Copy, "Copy the selected text")
    add(MenuPlace.EDIT, "Select &All", view.selectAll, key.SelectAll, "Select the whole section")

    zoom_in = add(MenuPlace.VIEW, "Zoom &In", lambda: window.zoom_by(1), key.ZoomIn, "Larger text")
    # Ctrl+= is Ctrl++ without Shift on most layouts; not every platform lists it for ZoomIn.
    if QKeySequence("Ctrl+=") not in zoom_in.shortcuts():
        zoom_in.setShortcuts([*zoom_in.shortcuts(), QKeySequence("Ctrl+=")])
    add(MenuPlace.VIEW, "Zoom &Out", lambda: window.zoom_by(-1), key.ZoomOut, "Smaller text")
    add(MenuPlace.VIEW, "&Actual Size", window.zoom_reset, "Ctrl+0", "Text at the system size")
    menus.insert_separator(MenuPlace.VIEW)
    side_panel = add(MenuPlace.VIEW, "Side &Panel", lambda: window.show_side_panel(side_panel.isChecked()), "F9",
                     "Show or hide the search box and the navigation tree")
    side_panel.setCheckable(True)
    side_panel.setChecked(window.side_panel_shown)
    window.side_panel_action = side_panel

    add(MenuPlace.GO, "&Previous Section", lambda: window.step_section(-1), "Ctrl+PgUp",
        "Open the section above in the tree")
    add(MenuPlace.GO, "&Next Section", lambda: window.step_section(1), "Ctrl+PgDown",
        "Open the section below in the tree")
    menus.insert_separator(MenuPlace.GO)
    add(MenuPlace.GO, "N&avigation Tree", window.focus_tree, "Alt+1",
        "Move the keyboard focus to the navigation tree")
    add(MenuPlace.GO, "Section &Text", view.setFocus, "Alt+2", "Move the keyboard focus to the section text")
    _open_menu_bar_on_f10(window)


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
