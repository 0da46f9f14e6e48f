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



class PrivacyFeature(QObject):
    """File > Clear Personal Data, over the bookmarks and history it is handed."""

    def __init__(self, window: MainWindow, bookmarks: BookmarksFeature, history: HistoryFeature) -> None:
        super().__init__(window)
        self.window = window
        self._bookmarks = bookmarks
        self._history = history
        window.after_first_paint(self._add_entry)  # a menu entry: nothing to paint before it is opened

    def _add_entry(self) -> None:
        from app.ui.shell.menus import MenuPlace

        window = self.window
        window.add_separator(MenuPlace.FILE)
        self.clear_action = window.add_action(
            MenuPlace.FILE, "C&lear Personal Data…", self.ask_clear, None,
            "Remove bookmarks, the remembered window and page, and all settings",
        )

    def stored_items(self) -> list[tuple[str, Path]]:
        """Every file the app writes, with what it holds (shown in the About box)."""
        from app.stored_files import stored_items

        return [(item.what, item.path) for item in stored_items(self.window.settings.path, self._bookmarks.path)]

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
        from app.fault_log import clear_log
        from app.stored_files import remove_leftovers

        window = self.window
        self._bookmarks.clear()
        self._history.clear()
        window.settings.clear()
        window.remember_on_close = False  # else closing would write the window's place again
        clear_log()
        remove_leftovers(self._bookmarks.path)  # interrupted saves can hold bookmarks or settings
        forget_file_dialog_history()
        from app import paths
        from app.library_cache import CACHE_NAME

        with contextlib.suppress(OSError):
            (paths.user_cache_dir() / CACHE_NAME).unlink(missing_ok=True)  # rebuilt at the next start
        window.statusBar().showMessage(
            "Personal data cleared: bookmarks, settings, the error log, the profile cache and the file "
            "dialogs' history.", 8000
        )



def forget_file_dialog_history() -> None:
    """Qt's own file dialogs remember the last folder opened (`lastVisited`, which can name a
    case's folder) in QtProject.conf, shared by every Qt app: only that group goes. The file is
    checked first, as every file the app reads (a pipe there would hang QSettings)."""
    import sys

    from PySide6.QtCore import QSettings

    from app import paths
    from app.user_file import SETTINGS_LIMIT, check_user_file

    history = paths.qt_dialog_history_file()
    if history is None or sys.platform == "darwin":  # the registry, or a property list
        settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    elif not history.exists() or check_user_file(history, SETTINGS_LIMIT) is not None:
        return
    else:
        settings = QSettings(str(history), QSettings.Format.IniFormat)
    settings.remove("FileDialog")
    settings.sync()


def bookmark_count(count: int) -> str:
    """"the bookmark", "all 3 bookmarks", "no bookmarks (there are none)": counted as said."""
    if count == 0:
        return "no bookmarks (there are none)"
    return "the bookmark" if count == 1 else f"all {count:,} bookmarks"
