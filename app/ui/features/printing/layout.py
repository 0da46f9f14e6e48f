"""Lays print jobs out on pages (a printer or a PDF file) with a header and footer on every page:
profile and page title, the date and age of the figures, the source line and the page number.

Qt's QTextDocument paginates; each page is painted through a clip rectangle, then the header and
footer are drawn around it, which QTextDocument.print_() cannot do.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from app import APP_NAME
from app.os_words import os_words
from app.print_pages import PrintJob
from app.ui.shell.closed_document import ClosedDocument

BODY_POINTS = 10.0
MARGIN_POINTS = 8.5
MARGINS_MM = QMarginsF(16, 14, 16, 14)


class PrintError(Exception):
    """A printer or file that could not be written; one sentence for the user."""


def _document(job: PrintJob, device: QPagedPaintDevice, width: float) -> QTextDocument:
    document = ClosedDocument()
    document.documentLayout().setPaintDevice(device)  # points mean points on paper
    font = QFont()
    font.setPointSizeF(BODY_POINTS)
    # No ligatures: text copied or extracted from the PDF must read "official", not "oﬃcial".
    for feature in ("liga", "clig"):
        font.setFeature(QFont.Tag(feature), 0)
    document.setDefaultFont(font)
    document.setDocumentMargin(0)
    document.setHtml(job.html)
    document.setTextWidth(width)
    return document


def paint_jobs(device: QPagedPaintDevice, jobs: Sequence[PrintJob]) -> int:
    """Paint every job, each starting on a new page; returns the number of pages painted."""
    painter = QPainter()
    if not painter.begin(device):
        raise PrintError("The printer or file cannot be written to.")
    pages = 0
    try:
        for number, job in enumerate(jobs):
            if number:
                device.newPage()
            pages += _paint_job(painter, device, job)
    finally:
        painter.end()
    return pages


def _paint_job(painter: QPainter, device: QPagedPaintDevice, job: PrintJob) -> int:
    width, height = float(device.width()), float(device.height())
    small = QFont()
    small.setPointSizeF(MARGIN_POINTS)
    metrics = QFontMetricsF(small, device)
    band = metrics.height() * 2.2  # a line of text and a gap, above and below the body
    body = height - 2 * band
    if job.one_page:
        card = _fit_one_page(job, device, width, body)
        if card is not None:  # else the card goes onto more pages: no line is ever cut off
            _paint_one_page(painter, card, top=band, body=body)
            _paint_margins(painter, small, job, job.header_left, width, height, 1, 1)
            return 1
    document = _document(job, device, width)
    document.setPageSize(QSizeF(width, body))
    flow_sections(document, body)
    headings = section_starts(document)
    count = document.pageCount()
    for page in range(count):
        if page:
            device.newPage()
        painter.save()
        painter.translate(0, band - page * body)
        document.drawContents(painter, QRectF(0, page * body, width, body))
        painter.restore()
        header = job.header_left
        if job.section_headers:
            section = section_at(headings, page * body, body)
            header = f"{header} — {section}" if section and section != header else header
        _paint_margins(painter, small, job, header, width, height, page + 1, count)
    return count


# A section that would start in the last fifth of a page starts on the next one instead.
LAST_PART = 0.8


def section_starts(document: QTextDocument) -> list[tuple[float, str]]:
    """Where each top-level heading (a section's title) is laid out, and its text."""
    layout = document.documentLayout()
    starts: list[tuple[float, str]] = []
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() == 1:
            starts.append((layout.blockBoundingRect(block).top(), block.text()))
        block = block.next()
    return starts


def flow_sections(document: QTextDocument, body: float) -> None:
    """Sections follow one another on the same sheet; only a title that would land in the last
    fifth of a page (with little of its section under it) is moved to the top of the next."""
    from PySide6.QtGui import QTextCursor, QTextFormat

    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() == 1 and block.blockNumber() > 0:
            document.size()  # lays the document out again after a break put in above: positions are fresh
            top = document.documentLayout().blockBoundingRect(block).top()
            if top % body > LAST_PART * body:
                fmt = block.blockFormat()
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                QTextCursor(block).setBlockFormat(fmt)  # the layout below moves down with it
        block = block.next()


def section_at(starts: list[tuple[float, str]], page_top: float, body: float) -> str | None:
    """The section a page is about: one starting in its upper part, else the one running on."""
    current = None
    for top, title in starts:
        if top < page_top + body * (1 - LAST_PART):
            current = title
    return current


# Below this a card is no longer readable; a longer one is printed on as many pages as it needs.
SMALLEST_CARD_SCALE = 0.3
LARGEST_CARD_SCALE = 1.6  # a short card is enlarged to fill its sheet, up to this


def _fit_one_page(
    job: PrintJob, device: QPagedPaintDevice, width: float, body: float
) -> tuple[QTextDocument, float] | None:
    """The document laid out to fill one sheet and its scale, or None if it cannot at a readable size."""
    document = _document(job, device, width)
    scale = min(LARGEST_CARD_SCALE, max(1.0, 0.97 * body / document.size().height()))
    document.setTextWidth(width / scale)
    while True:  # the scale falls by at least 5% a step, so this ends within 25 layouts
        needed = document.size().height()
        if needed * scale <= body:
            return document, scale
        if scale <= SMALLEST_CARD_SCALE:
            return None
        # A wider text column wraps less, so body / needed alone could swing back and forth.
        scale = max(SMALLEST_CARD_SCALE, min(scale * 0.95, body / needed))
        document.setTextWidth(width / scale)


def _paint_one_page(painter: QPainter, card: tuple[QTextDocument, float], top: float, body: float) -> None:
    document, scale = card
    width = document.textWidth()
    painter.save()
    painter.translate(0, top)
    painter.scale(scale, scale)
    document.drawContents(painter, QRectF(0, 0, width, body / scale))
    painter.restore()


def _paint_margins(
    painter: QPainter, font: QFont, job: PrintJob, header: str, width: float, height: float, page: int, pages: int
) -> None:
    painter.save()
    painter.setFont(font)
    painter.setPen(QColor("#444444"))
    metrics = QFontMetricsF(font, painter.device())
    line = metrics.height()
    flags = Qt.AlignmentFlag.AlignVCenter
    right_text = job.header_right
    right_width = metrics.horizontalAdvance(right_text) + line
    painter.drawText(QRectF(0, 0, width - right_width, line), flags | Qt.AlignmentFlag.AlignLeft,
                     metrics.elidedText(header, Qt.TextElideMode.ElideRight, width - right_width))
    painter.drawText(QRectF(0, 0, width, line), flags | Qt.AlignmentFlag.AlignRight, right_text)
    painter.drawLine(QPointF(0, line * 1.3), QPointF(width, line * 1.3))
    footer_top = height - line
    painter.drawLine(QPointF(0, footer_top - line * 0.3), QPointF(width, footer_top - line * 0.3))
    number = f"Page {page} of {pages}"
    number_width = metrics.horizontalAdvance(number) + line
    painter.drawText(QRectF(0, footer_top, width - number_width, line), flags | Qt.AlignmentFlag.AlignLeft,
                     metrics.elidedText(job.footer_left, Qt.TextElideMode.ElideMiddle, width - number_width))
    painter.drawText(QRectF(0, footer_top, width, line), flags | Qt.AlignmentFlag.AlignRight, number)
    painter.restore()


def setup_page(device: QPagedPaintDevice) -> None:
    """A4 with margins, the paper most of the region uses; a print dialog may change it."""
    device.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    device.setPageMargins(MARGINS_MM, QPageLayout.Unit.Millimeter)


def write_pdf(target: Path, jobs: Sequence[PrintJob]) -> int:
    """Write the jobs to a PDF file, atomically: a failed export never leaves half a file behind."""
    if not jobs:
        raise PrintError("There is nothing to export.")
    folder = target.resolve().parent
    if not folder.is_dir():
        raise PrintError(f"Cannot write {target}: the folder {folder} does not exist.")
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    os.close(handle)
    try:
        writer = QPdfWriter(temporary)
        writer.setTitle(jobs[0].title if len(jobs) == 1 else APP_NAME)
        writer.setCreator(APP_NAME)
        writer.setResolution(300)
        setup_page(writer)
        pages = paint_jobs(writer, jobs)
        del writer  # closes the file
        os.replace(temporary, target)
    except OSError as exc:
        raise PrintError(f"Cannot write {target}: {os_words(exc)}.") from None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return pages
