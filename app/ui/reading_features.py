"""The reading comforts, installed into the window in one place: history, bookmarks, printing and
PDF, copy with source, theme, privacy and the keyboard-shortcuts list. Each lives in its own module."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


class ReadingFeatures:
    """Holds each feature's controller so tests and other features can reach them."""

    def __init__(self, window: MainWindow) -> None:
        from app.ui import bookmarks_ui, history_ui, print_ui, theme

        self.history = history_ui.install(window)
        self.bookmarks = bookmarks_ui.install(window)
        self.printing = print_ui.install(window)
        self.theme = theme.install(window)
