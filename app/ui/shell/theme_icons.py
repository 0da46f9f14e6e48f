"""Icons drawn in the palette's own text colours, so they follow the theme: the style's bitmaps are
dark grey whatever the palette (1.2:1 on a dark window), and darker enabled than disabled.

They are drawn before the first paint (the toolbar shows them), so nothing here names the `Qt`
namespace: PySide6 builds all of its Python enums on first use, about 25 ms. That rules out
QPen's constructors with a colour (their default arguments are `Qt` enums), QPainter.setPen (its
overloads), and setCapStyle/setJoinStyle (their arguments): the pen is made plain, then given its
round cap and join through Qt's own serialised form (see _round_pen).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QDataStream, QIODevice, QPointF, QRectF
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
    painter.strokePath(path, _round_pen(colour, max(1.6, size / 9)))  # as setPen + drawPath, no brush
    painter.end()
    return pixmap


# Qt::SolidLine | Qt::RoundCap | Qt::RoundJoin, the pen's style word in QDataStream since Qt 4.3.
_SOLID_ROUND_STYLE = (0x01 | 0x20 | 0x80).to_bytes(2, "big")


def _round_pen(colour: QColor, width: float) -> QPen:
    """A solid pen with round cap and join, made without naming a `Qt` enum: a plain pen is
    written to a QDataStream, its style word (the first two bytes) replaced, and read back.
    Should the format ever differ, the pen is still the plain one, of the right colour and width."""
    plain = QPen()
    plain.setColor(colour)
    plain.setWidthF(width)
    data = QByteArray()
    QDataStream(data, QIODevice.OpenModeFlag.WriteOnly) << plain
    raw = bytes(data.data())
    pen = QPen()
    QDataStream(QByteArray(_SOLID_ROUND_STYLE + raw[2:])) >> pen
    return pen if pen.widthF() == width and pen.color() == colour else plain
