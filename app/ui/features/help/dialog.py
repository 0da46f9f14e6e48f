"""Help > Keyboard Shortcuts: every action of the menu bar with its keys, read from the menus
themselves, so actions any feature adds are listed without being registered anywhere."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout

from app.key_names import key_list
from app.ui.shell.menus import LIST_ENTRY

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu, QMenuBar, QWidget


# Keys that belong to widgets rather than to menu actions.
WIDGET_KEYS = (
    ("Navigation tree", "Up / Down", "Open the section above or below"),
    ("Navigation tree", "Enter", "Move to the section text"),
    ("Section text", "Tab / Shift+Tab", "Move between the links of the page"),
    ("Section text", "Enter", "Follow the focused link (a phone number is copied)"),
    ("Section text", "Menu / Shift+F10", "Copy Number, Copy Contact, Copy Section with Source"),
    ("Menus", "Alt / F10", "Open the menu bar"),
)


def plain(text: str) -> str:
    """A menu text without its mnemonic ampersands."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def menu_rows(menu_bar: QMenuBar) -> list[tuple[str, str, str]]:
    """(menu path, action, shortcuts) for every action with text in the menu bar, in menu order."""
    from PySide6.QtGui import QKeySequence

    rows: list[tuple[str, str, str]] = []

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            if action.isSeparator() or not action.text():
                continue
            if action.menu() is not None:
                walk(action.menu(), f"{path} › {plain(action.text())}")  # type: ignore[arg-type]
                continue
            if action.property(LIST_ENTRY):
                continue  # a bookmark, not a command
            keys = key_list([s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()])
            rows.append((path, plain(action.text()), keys))

    for top in menu_bar.actions():
        if top.menu() is not None:
            walk(top.menu(), plain(top.text()))  # type: ignore[arg-type]
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, menu_bar: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle("Keyboard Shortcuts")
        self.table = QTreeWidget()
        self.table.setObjectName("shortcutsTable")
        self.table.setAccessibleName("Keyboard shortcuts")
        self.table.setRootIsDecorated(False)
        self.table.setColumnCount(3)
        self.table.setHeaderLabels(["Where", "Command", "Keys"])
        for where, what, keys in menu_rows(menu_bar):
            self.table.addTopLevelItem(QTreeWidgetItem([where, what, keys]))
        for where, keys, what in WIDGET_KEYS:
            self.table.addTopLevelItem(QTreeWidgetItem([where, what, keys]))
        for column in range(3):
            self.table.resizeColumnToContents(column)
        # Wide enough for every key list without a horizontal scroll bar (up to a small screen's width).
        needed = sum(self.table.columnWidth(c) for c in range(3)) + self.table.verticalScrollBar().sizeHint().width()
        self._width = min(max(640, needed + 2 * self.table.frameWidth() + 40), 1000)
        note = QLabel("Every command is also in the menu bar: press Alt (or F10) and use the arrow keys.")
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(self._width, 520)

    def rows(self) -> list[tuple[str, str, str]]:
        items = (self.table.topLevelItem(i) for i in range(self.table.topLevelItemCount()))
        return [(i.text(0), i.text(1), i.text(2)) for i in items if i is not None]
