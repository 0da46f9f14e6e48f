"""Icons drawn in the palette's own text colours, so they follow the theme: the style's bitmaps are
dark grey whatever the palette (1.2:1 on a dark window), and darker enabled than disabled.

They are drawn before the first paint (the toolbar shows them), so nothing here names the `Qt`
namespace: PySide6 builds all of its Python enums on first use, about 25 ms. That rules out
QPen's constructors with a colour (their default arguments are `Qt` enums), QPainter.setPen (its
overloads), and setCapStyle/setJoinStyle (their arguments): the round cap and join come with a
pen read from a bundled settings file, as QSettings stores a QPen (see _round_pen).

In the colours of the app's own palettes (the light and the dark theme, normal and disabled) the
arrows are not drawn at start but read: tools/make_icons.py draws them with this module and
writes them as PNG files, which give back the same pixels (tests/ui/shell/test_theme_icons.py).
A start then loads none of QPainter's, QPainterPath's or QPen's classes: 5 million instructions
fewer of about 840 million to the first paint. Any other colour (a desktop's own palette) is
drawn, as before.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QIcon, QPalette, QPixmap

from app import paths

if TYPE_CHECKING:
    from PySide6.QtGui import QPen

SIZES = (16, 24, 32)


def size_drawn_for(logical: int, ratio: float) -> int:
    """The one of SIZES an icon of all of them shows at `logical` pixels and this device pixel
    ratio: the smallest at least as large, else the largest (QIcon's choice). Drawing only it
    before the first paint makes 4 pictures of the 12, with the same pixels on screen."""
    wanted = logical * ratio
    return min((size for size in SIZES if size >= wanted), default=SIZES[-1])


def arrow_icon(pointing_left: bool, palette: QPalette, sizes: tuple[int, ...] = SIZES) -> QIcon:
    """A back (left) or forward (right) arrow in WindowText, greyed in the disabled text colour."""
    icon = QIcon()
    for size in sizes:
        for mode, group in ((QIcon.Mode.Normal, QPalette.ColorGroup.Active),
                            (QIcon.Mode.Disabled, QPalette.ColorGroup.Disabled)):
            colour = palette.color(group, QPalette.ColorRole.WindowText)
            icon.addPixmap(_arrow(size, pointing_left, colour), mode)
    return icon


# Where the arrows drawn ahead are kept, one file per direction, size and colour (see drawn_arrow_name).
DRAWN_ARROWS = "icons/arrows"


def drawn_arrow_name(size: int, pointing_left: bool, colour: QColor) -> str:
    """The resource name of an arrow drawn ahead: `icons/arrows/back-16-ff000000.png`, the colour
    as its ARGB number, so a colour differing only in alpha is another file."""
    return f"{DRAWN_ARROWS}/{'back' if pointing_left else 'forward'}-{size}-{colour.rgba():08x}.png"


def _arrow(size: int, pointing_left: bool, colour: QColor) -> QPixmap:
    """The arrow drawn ahead in this colour if there is one, else drawn now."""
    path = paths.resource(drawn_arrow_name(size, pointing_left, colour))
    if path.is_file():
        pixmap = QPixmap(str(path))
        if pixmap.width() == size and pixmap.height() == size:
            return pixmap
    return draw_arrow(size, pointing_left, colour)


def draw_arrow(size: int, pointing_left: bool, colour: QColor) -> QPixmap:
    """The arrow, drawn: a shaft and a head, antialiased, with round ends (see _round_pen)."""
    from PySide6.QtCore import QPointF, QRectF
    from PySide6.QtGui import QPainter, QPainterPath

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


# Written by tools/make_icons.py: a solid pen with round cap and join, in QSettings' own form.
ROUND_PEN_FILE = "icons/round-pen.ini"
ROUND_PEN_KEY = "pen"


def _round_pen(colour: QColor, width: float) -> QPen:
    """A solid pen with round cap and join, made without naming a `Qt` enum: the bundled pen,
    read back by QSettings (which loads none of QDataStream's classes here, 3 ms before the first
    paint), given the colour and width. The painter copies it, so one pen serves every arrow.
    Should the file be missing or hold something else, it is a plain pen, of the right colour
    and width."""
    pen = _bundled_pen()
    pen.setColor(colour)
    pen.setWidthF(width)
    return pen


@cache
def _bundled_pen() -> QPen:
    """The bundled pen, read once; each use sets its colour and width."""
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QPen

    pen = QSettings(str(paths.resource(ROUND_PEN_FILE)), QSettings.Format.IniFormat).value(ROUND_PEN_KEY)
    return pen if isinstance(pen, QPen) else QPen()
