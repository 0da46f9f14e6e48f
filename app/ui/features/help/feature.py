"""Help: Keyboard Shortcuts (F1), read from the menus themselves, and About, which names the
version, every profile's source and checksum, and what the app stores on this computer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from app import APP_NAME

if TYPE_CHECKING:
    from app.ui.shell.main_window import MainWindow

StoredItems = Callable[[], list[tuple[str, Path]]]


class HelpFeature(QObject):
    """`stored_items` and `never_stored` say what the app keeps (the privacy feature knows)."""

    def __init__(self, window: MainWindow, stored_items: StoredItems, never_stored: str) -> None:
        from PySide6.QtGui import QAction

        from app.ui.shell.menus import MenuPlace

        super().__init__(window)
        self.window = window
        self._stored_items = stored_items
        self._never_stored = never_stored
        self.shortcuts_action = window.add_action(
            MenuPlace.HELP, "&Keyboard Shortcuts", self.show_shortcuts, "F1", "Every command and its keys"
        )
        self.about_action = window.add_action(MenuPlace.HELP, f"&About {APP_NAME}", self.show_about,
                                              tip="Version, content and checksums")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def show_shortcuts(self) -> None:
        from app.ui.features.help.dialog import ShortcutsDialog

        ShortcutsDialog(self.window.menuBar(), self.window).exec()

    def show_about(self) -> None:
        from PySide6 import __version__ as pyside_version
        from PySide6.QtCore import qVersion

        from app.ui.features.help.about_dialog import AboutDialog

        AboutDialog(self.window.library, f"PySide6 {pyside_version}, Qt {qVersion()}", self._stored_items(),
                    self._never_stored, self.window).exec()
