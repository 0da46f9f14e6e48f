"""The Bookmarks menu: Ctrl+D toggles a bookmark on the open page, the menu lists and opens them,
a dialog renames, reorders and deletes them, and they are exported and imported as files.

Signals: BookmarksFeature.changed() — the list changed (the menu and the dialog refresh).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from app import paths
from app.ui.shell.menus import LIST_ENTRY
from app.ui.shell.widget_text import literal

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from app.bookmarks import Bookmark, Bookmarks
    from app.ui.shell.main_window import MainWindow

BOOKMARKS_FILTER = "Bookmarks (*.json);;All files (*)"


class BookmarksFeature(QObject):
    """The menu's title is on screen from the first paint; the file is read and the entries and
    keys are made after it (about 8 ms, most of it the bookmark modules' import)."""

    changed = Signal()
    bookmarks: Bookmarks
    toggle_action: QAction
    manage_action: QAction
    export_action: QAction
    import_action: QAction

    def __init__(self, window: MainWindow, path: Path | None = None) -> None:
        super().__init__(window)
        self.window = window
        self._path = path or paths.bookmarks_file()
        self.menu = window.add_menu("&Bookmarks")
        self.menu.setObjectName("bookmarksMenu")
        window.after_first_paint(self._install)

    def _install(self) -> None:
        from PySide6.QtGui import QKeySequence

        from app.bookmarks import Bookmarks

        window = self.window
        self.bookmarks = Bookmarks(self._path)
        add = window.add_action
        self.toggle_action = add(None, "&Bookmark This Page", self.toggle_current, QKeySequence("Ctrl+D"),
                                 "Add the open page to the bookmarks, or remove it")
        self.toggle_action.setCheckable(True)
        self.manage_action = add(None, "&Manage Bookmarks…", self.manage, QKeySequence("Ctrl+Shift+B"),
                                 "Rename, reorder and delete bookmarks")
        self.export_action = add(None, "&Export Bookmarks…", self.ask_export, tip="Save the bookmarks to a file")
        self.import_action = add(None, "&Import Bookmarks…", self.ask_import, tip="Add bookmarks from a file")
        self._entries: list[object] = []
        window.section_opened.connect(self._update_toggle)
        self.changed.connect(self._rebuild_menu)
        self._rebuild_menu()
        if self.bookmarks.warning:
            self.warn(self.bookmarks.warning)

    # -- the menu ----------------------------------------------------------------------------

    def _rebuild_menu(self) -> None:
        menu = self.menu
        menu.clear()
        for action in (self.toggle_action, self.manage_action):
            menu.addAction(action)
        menu.addSeparator()
        if len(self.bookmarks) == 0:
            empty = menu.addAction("(No bookmarks yet: Ctrl+D bookmarks the open page)")
            empty.setEnabled(False)
            empty.setProperty(LIST_ENTRY, True)
        for index, bookmark in enumerate(self.bookmarks):
            # "&&": an ampersand in a title is text, not a mnemonic.
            action = menu.addAction(bookmark.label.replace("&", "&&"))
            action.setData(str(bookmark.address))
            action.setProperty(LIST_ENTRY, True)  # content, not a command (see shortcuts_dialog)
            action.setToolTip(literal(bookmark.description))  # imported text: never markup
            action.triggered.connect(lambda _checked=False, i=index: self.open(i))
        menu.addSeparator()
        menu.addAction(self.export_action)
        menu.addAction(self.import_action)
        self._update_toggle()

    def _update_toggle(self) -> None:
        current = self.window.current_address
        marked = current is not None and self.bookmarks.find(current.section_address) is not None
        self.toggle_action.setChecked(marked)
        self.toggle_action.setEnabled(current is not None)

    @property
    def path(self) -> Path:
        """The bookmarks file (for the list of what the app stores)."""
        return self._path

    @property
    def count(self) -> int:
        return len(self.bookmarks)

    # -- actions -----------------------------------------------------------------------------

    def current_bookmark(self) -> Bookmark | None:
        from app.bookmarks import Bookmark

        current = self.window.current_address
        if current is None:
            return None
        address = current.section_address
        resolved = self.window.library.resolve(address)
        if resolved is None:
            return None
        profile, section = resolved
        return Bookmark(address, section.title if section else profile.name, profile.name)

    def toggle_current(self) -> None:
        bookmark = self.current_bookmark()
        if bookmark is None:
            self._update_toggle()
            return
        added = self.bookmarks.toggle(bookmark)
        self.changed.emit()
        if self.bookmarks.warning:
            self.warn(self.bookmarks.warning)
        else:
            self.window.statusBar().showMessage(
                f"Bookmarked: {bookmark.label}" if added else f"Bookmark removed: {bookmark.label}", 5000
            )

    def open(self, index: int) -> None:
        if not 0 <= index < len(self.bookmarks):
            return
        bookmark = self.bookmarks[index]
        if not self.window.open_address(bookmark.address):
            self.window.statusBar().showMessage(
                f"The page of this bookmark is not in the loaded profiles: {bookmark.address}", 8000
            )

    def warn(self, message: str) -> None:
        """Bookmark problems never stop reading, but are said in a box that stays until dismissed."""
        self.window.tell("Bookmarks", message)

    def manage(self) -> None:
        from app.ui.features.bookmarks.dialog import BookmarksDialog

        dialog = BookmarksDialog(self, self.window)
        dialog.exec()

    def export_to(self, target: Path) -> bool:
        from app.bookmarks import BookmarkError

        try:
            self.bookmarks.export(target)
        except BookmarkError as exc:
            self.warn(str(exc))
            return False
        self.window.statusBar().showMessage(f"{len(self.bookmarks)} bookmarks saved to {target}", 5000)
        return True

    def import_from(self, source: Path) -> bool:
        from app.bookmarks import BookmarkError

        try:
            added = self.bookmarks.merge(self.bookmarks.read_import(source))
        except BookmarkError as exc:
            self.warn(str(exc))
            return False
        self.changed.emit()
        if self.bookmarks.warning:
            self.warn(self.bookmarks.warning)
            return False
        self.window.statusBar().showMessage(f"{added} bookmarks added from {source}", 5000)
        return True

    def ask_export(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getSaveFileName(
            self.window, "Export Bookmarks", str(Path.home() / "bookmarks.json"), BOOKMARKS_FILTER
        )
        if name:
            self.export_to(Path(name))

    def ask_import(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(self.window, "Import Bookmarks", str(Path.home()), BOOKMARKS_FILTER)
        if name:
            self.import_from(Path(name))

    def clear(self) -> None:
        """Clear personal data: every bookmark and the file."""
        self.bookmarks.delete_file()
        self.changed.emit()

