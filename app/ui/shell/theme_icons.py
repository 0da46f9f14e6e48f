"""Icons drawn in the palette's own text colours, so they follow the theme: the style's bitmaps are
dark grey whatever the palette (1.2:1 on a dark window), and darker enabled than disabled."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap

SIZES = (16, 24, 32)


def arrow_icon(pointing_left: bool, palette: QPalette) -> QIcon:
    """A back (left) or forward (right) arrow in WindowText, greyed in the disabled text colour."""
    icon = QIcon()
    for size in SIZES:
        for mode, group in ((QIcon.Mode.Normal, QPalette.ColorGroup.Active),
                            (QIcon.Mode.Disabled, QPalette.ColorGroup.Disabled)):
            colour = palette.color(group, QPalette.ColorRole.WindowText)
            icon.addPixmap(_arrow(size, pointing_left, colour), mode)
    return icon


def _arrow(size: int, pointing_left: bool, colour: QColor) -> QPixmap:
    from PySide6.QtCore import Qt

    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    box = QRectF(0, 0, size, size).adjusted(size * 0.18, size * 0.2, -size * 0.18, -size * 0.2)
    tip_x, tail_x = (box.left(), box.right()) if pointing_left else (box.right(), box.left())
    head = box.height() / 2
    inward = head if pointing_left else -head
    path = QPainterPath(QPointF(tail_x, box.center().y()))
    path.lineTo(tip_x, box.center().y())
    path.moveTo(tip_x + inward, box.top())
    path.lineTo(tip_x, box.center().y())
    path.lineTo(tip_x + inward, box.bottom())
    pen = QPen(colour, max(1.6, size / 9))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.drawPath(path)
    painter.end()
    return pixmap
