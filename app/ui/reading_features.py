"""The reading comforts, installed into the window in one place: history, bookmarks, printing and
PDF, copy with source, theme, privacy and the keyboard-shortcuts list. Each lives in its own module."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QToolBar

    from app.ui.main_window import MainWindow


class ReadingFeatures:
    """Holds each feature's controller so tests and other features can reach them."""

    def __init__(self, window: MainWindow) -> None:
        from app.ui import bookmarks_ui, copying, history_ui, print_ui, privacy, theme

        self.history = history_ui.install(window)
        self.bookmarks = bookmarks_ui.install(window)
        self.printing = print_ui.install(window)
        self.theme = theme.install(window)
        self.copying = copying.install(window)
        self.privacy = privacy.install(window)
        self.window = window
        self.shortcuts_action = window.add_action(
            None, "&Keyboard Shortcuts", self.show_shortcuts, "F1", "Every command and its keys"
        )
        help_actions = window.help_menu.actions()
        window.help_menu.insertAction(help_actions[0] if help_actions else None, self.shortcuts_action)  # type: ignore[arg-type]
        describe(window, self.history.toolbar)

    def show_shortcuts(self) -> None:
        from app.ui.shortcuts_dialog import ShortcutsDialog

        ShortcutsDialog(self.window.menuBar(), self.window).exec()


def describe(window: MainWindow, toolbar: QToolBar) -> None:
    """Accessible descriptions for screen readers, and a tab order that follows the reading order:
    the side panel (search, hits, tree) first, then the text."""
    window.nav_tree.setAccessibleDescription(
        "Up and Down open sections; Enter moves to the text. Alt+1 comes back here."
    )
    window.section_view.setAccessibleDescription(
        "The open section. Alt+Left goes back; Ctrl+D bookmarks it; the context menu copies contacts."
    )
    toolbar.setAccessibleName("Navigation")
    window.setTabOrder(window.nav_tree, window.section_view)
