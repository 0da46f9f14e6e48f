"""The line above the reading pane naming the page ("Contact Details — Lao PDR") while the page's
own heading is scrolled out of view, so an opened hit low on a page still says where it is."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel, QVBoxLayout

    from app.ui.shell.section_view import SectionView


class PageHeader(QObject):
    """Made on first need: a start never pays for the label."""

    def __init__(self, view: SectionView, column: QVBoxLayout) -> None:
        super().__init__(view)
        self._view = view
        self._column = column
        self._label: QLabel | None = None
        self.title = ""

    @property
    def label(self) -> QLabel:
        if self._label is None:
            from PySide6.QtCore import Qt
            from PySide6.QtWidgets import QLabel

            header = QLabel()
            header.setObjectName("pageHeader")
            header.setTextFormat(Qt.TextFormat.PlainText)  # profile text: never markup
            header.setContentsMargins(8, 2, 8, 2)
            font = header.font()
            font.setBold(True)
            header.setFont(font)
            header.hide()
            self._column.insertWidget(0, header)
            self._label = header
        return self._label

    @Slot()
    def update(self) -> None:
        """Shown exactly while the page's heading is scrolled out of view."""
        position = self._view.verticalScrollBar().value()
        # At the top nothing is scrolled past: a page just opened needs no layout query.
        scrolled_past = position > 0 and position > self._view.heading_bottom()
        if self._label is None and not scrolled_past:
            return
        self.label.setText(self.title)
        self.label.setVisible(scrolled_past)
