"""Paints a search hit in the hit list: its rich text (escaped profile text with our own <b>
marks) in a fixed-height row, clipped at whole lines. Loaded when the first search runs."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSize
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.ui.shell.closed_document import ClosedDocument

HIT_LINES = 4  # a hit shows its title line and up to three lines of snippet


class HitDelegate(QStyledItemDelegate):
    """Paints a hit's rich text (our own markup around escaped text) in a fixed-height row; the
    text is the item's data in `role`."""

    def __init__(self, role: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._role = role

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        options = QStyleOptionViewItem(option)
        self.initStyleOption(options, index)
        widget = options.widget
        options.text = ""
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, options, painter, widget)
        rect = options.rect
        document = self._document(str(index.data(self._role) or ""), rect.width(), options)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(options.state & QStyle.StateFlag.State_Selected)
        palette = options.palette
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, palette.color(role))
        painter.save()
        painter.translate(rect.topLeft())
        clip = rect.translated(-rect.topLeft())
        clip.setHeight(_whole_lines_height(document, rect.height()))  # never half a line
        painter.setClipRect(clip)
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, _index: QModelIndex | QPersistentModelIndex) -> QSize:
        metrics = option.fontMetrics
        return QSize(100, metrics.lineSpacing() * HIT_LINES + 12)

    def _document(self, text: str, width: int, options: QStyleOptionViewItem) -> QTextDocument:
        document = ClosedDocument()
        document.setDefaultFont(options.font)
        document.setDocumentMargin(5)
        document.setHtml(text)
        document.setTextWidth(max(40, width))
        return document


def _whole_lines_height(document: QTextDocument, height: int) -> int:
    """The height of the document's lines that fit entirely in `height` pixels."""
    layout = document.documentLayout()
    fits = 0.0
    block = document.begin()
    while block.isValid():
        top = layout.blockBoundingRect(block).top()
        lines = block.layout()
        for number in range(lines.lineCount()):
            line = lines.lineAt(number)
            bottom = top + line.y() + line.height()
            if bottom > height:
                return int(fits) + 1
            fits = bottom
        block = block.next()
    return height
