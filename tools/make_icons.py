"""Renders the app icon's SVG source into the PNG, ICO and ICNS files the platforms need, writes
the round pen the toolbar's arrows are drawn with (app/ui/shell/theme_icons.py), and draws those
arrows ahead in the text colours of the app's light and dark palettes, so a start reads them.

    python tools/make_icons.py        (or `make icons`)

The generated files are committed, so building the app never needs this step; run it again after
changing app/resources/icons/tip-reference.svg, the arrows' drawing or the themes' colours (a
test fails until then). ICO and ICNS are written here rather than through
another dependency: both are a small index in front of PNG images.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSettings, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QPen
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import paths  # noqa: E402
from app.ui.features.theme.feature import dark_palette, light_palette  # noqa: E402
from app.ui.shell.theme_icons import (  # noqa: E402 - the files it reads
    DRAWN_ARROWS,
    ROUND_PEN_FILE,
    ROUND_PEN_KEY,
    SIZES,
    draw_arrow,
    drawn_arrow_name,
)

ICONS = ROOT / "app" / "resources" / "icons"
NAME = "tip-reference"
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)  # the hicolor theme's usual sizes
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_TYPES = (  # (OSType, pixels): the PNG-carrying types macOS reads, @1x and @2x
    (b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256), (b"ic09", 512),
    (b"ic10", 1024), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256), (b"ic14", 512),
)


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    buffer.close()
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """An ICO file: a header, one 16-byte entry per image, then the PNG images themselves."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, payload = b"", b""
    for size in sizes:
        png = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(payload))
        payload += png
    return header + entries + payload


def icns(pngs: dict[int, bytes]) -> bytes:
    """An ICNS file: 'icns' and the total length, then (type, length, PNG) chunks, big-endian."""
    chunks = b"".join(kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks


def write_round_pen(target: Path) -> None:
    """A solid pen with round cap and join, as QSettings stores a QPen: read back by the app,
    it is a QPen with those styles without its naming a `Qt` enum (see theme_icons)."""
    pen = QPen()
    pen.setStyle(Qt.PenStyle.SolidLine)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    target.unlink(missing_ok=True)
    settings = QSettings(str(target), QSettings.Format.IniFormat)
    settings.setValue(ROUND_PEN_KEY, pen)
    settings.sync()


def arrow_colours() -> list[QColor]:
    """The normal and disabled text colours of the light and dark themes' palettes."""
    colours: dict[int, QColor] = {}
    for palette in (light_palette(), dark_palette()):
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Disabled):
            colour = palette.color(group, QPalette.ColorRole.WindowText)
            colours[colour.rgba()] = colour
    return list(colours.values())


def write_drawn_arrows() -> None:
    """Every size of both arrows in each of those colours, drawn as the app draws them; the
    files of colours no longer used are removed."""
    folder = paths.resource(DRAWN_ARROWS)
    folder.mkdir(exist_ok=True)
    for old in folder.glob("*.png"):
        old.unlink()
    for colour in arrow_colours():
        for size in SIZES:
            for pointing_left in (True, False):
                name = drawn_arrow_name(size, pointing_left, colour)
                if not draw_arrow(size, pointing_left, colour).save(str(paths.resource(name)), "PNG"):
                    raise OSError(f"cannot write {name}")


def main() -> int:
    QApplication(sys.argv[:1])  # a QApplication: the light palette is the widget style's own
    write_round_pen(paths.resource(ROUND_PEN_FILE))
    write_drawn_arrows()
    renderer = QSvgRenderer(str(ICONS / f"{NAME}.svg"))
    if not renderer.isValid():
        print(f"cannot read {ICONS / f'{NAME}.svg'}", file=sys.stderr)
        return 1
    sizes = sorted(set(PNG_SIZES) | set(ICO_SIZES) | {size for _, size in ICNS_TYPES})
    pngs = {size: render_png(renderer, size) for size in sizes}
    for size in PNG_SIZES:
        (ICONS / f"{NAME}-{size}.png").write_bytes(pngs[size])
    (ICONS / f"{NAME}.ico").write_bytes(ico({size: pngs[size] for size in ICO_SIZES}))
    (ICONS / f"{NAME}.icns").write_bytes(icns(pngs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
