"""Manage Bookmarks: rename (F2 or double-click), move up and down, delete and undo it, open,
export and import — all by keyboard. Each row names its profile, as the Bookmarks menu does."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from app.ui.shell.widget_text import literal

if TYPE_CHECKING:
    from app.bookmarks import Bookmark
    from app.ui.features.bookmarks.feature import BookmarksFeature

PROFILE_ROLE = Qt.ItemDataRole.UserRole + 1


class _WithProfile(QStyledItemDelegate):
    """Shows "Title — Profile" while the editor (F2) edits the title alone."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        profile = index.data(PROFILE_ROLE)
        if profile and profile != option.text:
            option.text = f"{option.text} — {profile}"


class BookmarksDialog(QDialog):
    """Every change is saved at once through the controller; there is nothing to apply or cancel."""

    def __init__(self, controller: BookmarksFeature, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bookmarksDialog")
        self.setWindowTitle("Manage Bookmarks")
        self.controller = controller
        self.list = QListWidget()
        self.list.setObjectName("bookmarksList")
        self.list.setAccessibleName("Bookmarks")
        self.list.setAccessibleDescription(
            "F2 renames, Delete removes, Ctrl+Z undoes it, Alt+Up and Alt+Down move, Enter opens")
        self.list.setItemDelegate(_WithProfile(self.list))
        self._deleted: list[tuple[int, Bookmark]] = []
        self.list.itemChanged.connect(self._on_list_item_changed)
        self.list.itemActivated.connect(lambda _item: self.open_selected())
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())

        self.open_button = self._button("&Open", self.open_selected)
        self.rename_button = self._button("&Rename", self.rename_selected)
        self.up_button = self._button("Move &Up", lambda: self.move_selected(-1))
        self.down_button = self._button("Move &Down", lambda: self.move_selected(1))
        self.delete_button = self._button("De&lete", self.delete_selected)
        self.undo_button = self._button("U&ndo Delete", self.undo_delete)
        self.export_button = self._button("&Export…", controller.ask_export)
        self.import_button = self._button("&Import…", controller.ask_import)
        self.list.installEventFilter(self)  # F2, Delete, Alt+Up/Down act on the list's current row

        column = QVBoxLayout()
        for button in (self.open_button, self.rename_button, self.up_button, self.down_button, self.delete_button,
                       self.undo_button):
            column.addWidget(button)
        column.addStretch(1)
        column.addWidget(self.export_button)
        column.addWidget(self.import_button)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(column)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(close)
        self.resize(560, 360)
        controller.changed.connect(self.refresh)
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key, alt = event.key(), event.modifiers() == Qt.KeyboardModifier.AltModifier
            if alt and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.move_selected(-1 if key == Qt.Key.Key_Up else 1)
                return True
            editing = self.list.state() == QListWidget.State.EditingState
            if key == Qt.Key.Key_Delete and not editing:
                self.delete_selected()
                return True
            if event.matches(QKeySequence.StandardKey.Undo) and not editing:
                self.undo_delete()
                return True
        return super().eventFilter(watched, event)

    def _button(self, text: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def refresh(self, row: int | None = None) -> None:
        keep = self.list.currentRow() if row is None else row
        self.list.blockSignals(True)
        self.list.clear()
        for bookmark in self.controller.bookmarks:
            item = QListWidgetItem(bookmark.title)
            item.setData(PROFILE_ROLE, bookmark.profile)
            item.setToolTip(literal(bookmark.description))  # imported text: never markup
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.list.addItem(item)
        self.list.blockSignals(False)
        if self.list.count():
            self.list.setCurrentRow(min(max(keep, 0), self.list.count() - 1))
        self._update_buttons()

    def _update_buttons(self) -> None:
        row, count = self.list.currentRow(), self.list.count()
        for button in (self.open_button, self.rename_button, self.delete_button):
            button.setEnabled(row >= 0)
        self.undo_button.setEnabled(bool(self._deleted))
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)

    def _on_list_item_changed(self, item: QListWidgetItem) -> None:
        row = self.list.row(item)
        self.controller.bookmarks.rename(row, item.text())
        self.controller.changed.emit()

    def rename_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.list.editItem(item)

    def move_selected(self, step: int) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        target = self.controller.bookmarks.move(row, step)
        self.controller.changed.emit()
        self.refresh(target)  # the moved bookmark stays selected, so Alt+Up can be pressed again

    def delete_selected(self) -> None:
        """Delete at once (nothing to confirm), and keep it for Undo Delete while the dialog is open."""
        row = self.list.currentRow()
        if row >= 0:
            self._deleted.append((row, self.controller.bookmarks[row]))
            self.controller.bookmarks.remove(row)
            self.controller.changed.emit()

    def undo_delete(self) -> None:
        if not self._deleted:
            return
        row, bookmark = self._deleted.pop()
        self.controller.bookmarks.restore(bookmark, row)
        self.controller.changed.emit()
        self.refresh(row)

    def open_selected(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.controller.open(row)
            self.accept()
