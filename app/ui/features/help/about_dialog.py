"""Help > About: the version, one table row per profile (name, source, file, checksum), what is
stored on this computer and what never is.

A table scrolls, so the dialog keeps its size on a 1024×600 screen whether one profile is loaded
or a thousand (a paragraph per profile in a message box grew 17,000 px tall with 200). Every text
is set as plain text: profile names and paths are shown, never read as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app import APP_NAME, __version__
from app.about import ABOUT_COLUMNS, OFFLINE, about_rows
from app.ui.shell.widget_text import literal

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from app.model import Library

SIZE = (900, 520)  # at most; never more than the screen's free area
SCREEN_MARGIN = (40, 60)  # the window frame and a panel


class AboutDialog(QDialog):
    def __init__(self, library: Library, toolkit: str, stored: Sequence[tuple[str, Path]], never_stored: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(f"About {APP_NAME}")
        layout = QVBoxLayout(self)
        title = _label(f"{APP_NAME} {__version__}")
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        title.setFont(font)
        layout.addWidget(title)
        layout.addWidget(_label(OFFLINE))
        self.table = _profile_table(library)
        layout.addWidget(self.table, 1)
        if stored:
            lines = "\n".join(f"{what}: {where}" for what, where in stored)
            layout.addWidget(_label(f"Stored on this computer:\n{lines}"))
        if never_stored:
            layout.addWidget(_label(never_stored))
        layout.addWidget(_label(toolkit))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self._fit()

    def _fit(self) -> None:
        screen = self.screen().availableGeometry()
        width = min(SIZE[0], screen.width() - SCREEN_MARGIN[0])
        height = min(SIZE[1], screen.height() - SCREEN_MARGIN[1])
        self.resize(width, height)


def _label(text: str) -> QLabel:
    from PySide6.QtCore import Qt

    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _profile_table(library: Library) -> QTableWidget:
    """One row per profile; cells are plain text (a QTableWidgetItem never reads markup), the
    whole of each on its tooltip when a column cuts it."""
    rows = about_rows(library)
    table = QTableWidget(len(rows), len(ABOUT_COLUMNS))
    table.setObjectName("aboutProfiles")
    table.setAccessibleName("Loaded profiles")
    table.setHorizontalHeaderLabels(list(ABOUT_COLUMNS))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    from PySide6.QtCore import Qt

    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a path keeps its file name, a name its origin
    for number, row in enumerate(rows):
        name = f"{row.name} ({row.profile_id}, {row.origin})"
        for column, text in enumerate((name, row.source, row.file, row.sha256)):
            item = QTableWidgetItem(text)
            item.setToolTip(literal(text))  # a tooltip would read markup-like text as HTML
            table.setItem(number, column, item)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for column, width in enumerate((200, 220, 220)):
        table.setColumnWidth(column, width)
    header.setStretchLastSection(True)
    return table
