"""Privacy: what the app keeps on this computer (for the About box), and File > Clear Personal
Data, which removes bookmarks, the remembered window and page, and every setting.

Never stored at all: search terms, and the history of pages read (both live in memory only).
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from app.ui.features.bookmarks.feature import BookmarksFeature
    from app.ui.features.history.feature import HistoryFeature
    from app.ui.shell.main_window import MainWindow

NEVER_STORED = "Never stored: search terms and the history of pages read; they are forgotten when the app closes."


class PrivacyFeature(QObject):
    """File > Clear Personal Data, over the bookmarks and history it is handed."""

    def __init__(self, window: MainWindow, bookmarks: BookmarksFeature, history: HistoryFeature) -> None:
        from app.ui.shell.menus import MenuPlace

        super().__init__(window)
        self.window = window
        self._bookmarks = bookmarks
        self._history = history
        window.add_separator(MenuPlace.FILE)
        self.clear_action = window.add_action(
            MenuPlace.FILE, "C&lear Personal Data…", self.ask_clear, None,
            "Remove bookmarks, the remembered window and page, and all settings",
        )

    def stored_items(self) -> list[tuple[str, Path]]:
        """Every file the app writes, with what it holds (shown in the About box)."""
        from app import paths
        from app.fault_log import log_file

        return [
            ("Settings (window size and place, last page, zoom, theme)", self.window.settings.path),
            ("Bookmarks", self._bookmarks.path),
            ("Error log (unexpected errors, to report them)", log_file()),
            ("Cache of parsed profiles (can be deleted at any time)", paths.user_cache_dir()),
        ]

    def ask_clear(self) -> None:
        """Ask first, with a button that says what it does ("Delete"), and the bookmarks counted."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Clear personal data?",
            "Delete from this computer:\n\n"
            f"• {bookmark_count(self._bookmarks.count)}\n"
            "• the remembered window size and place, last page, zoom and theme\n"
            "• the error log\n"
            "• the cache of parsed profiles, which names the profile files on this computer\n\n"
            "Pages read and search terms are never stored. Nothing more is remembered until the app "
            "is started again. This cannot be undone.",
            QMessageBox.StandardButton.Cancel,
            self.window,
        )
        box.setObjectName("clearPersonalDataBox")
        delete = box.addButton("&Delete", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is delete:
            self.clear()

    def clear(self) -> None:
        """Remove everything personal, now; the window then stops remembering until the next start."""
        from app.fault_log import log_file

        window = self.window
        self._bookmarks.clear()
        self._history.clear()
        window.settings.clear()
        window.remember_on_close = False  # else closing would write the window's place again
        log = log_file()
        for old in log.parent.glob(log.name + "*") if log.parent.is_dir() else ():
            with contextlib.suppress(OSError):
                if old == log:
                    old.write_bytes(b"")  # the log may be open for appending: empty it in place
                else:
                    old.unlink()
        from app import paths
        from app.library_cache import CACHE_NAME

        with contextlib.suppress(OSError):
            (paths.user_cache_dir() / CACHE_NAME).unlink(missing_ok=True)  # rebuilt at the next start
        window.statusBar().showMessage(
            "Personal data cleared: bookmarks, settings, the error log and the profile cache.", 8000
        )



def bookmark_count(count: int) -> str:
    """"the bookmark", "all 3 bookmarks", "no bookmarks (there are none)": counted as said."""
    if count == 0:
        return "no bookmarks (there are none)"
    return "the bookmark" if count == 1 else f"all {count:,} bookmarks"
