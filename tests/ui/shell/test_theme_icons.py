"""The toolbar's arrows: drawn with a round pen read from a bundled file, in the palette's colours."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPalette

from app import paths
from app.ui.shell import theme_icons
from app.ui.shell.theme_icons import ROUND_PEN_FILE, arrow_icon


@pytest.mark.usefixtures("qapp")
def test_the_bundled_pen_is_solid_with_round_cap_and_join_in_the_colour_and_width_asked() -> None:
    assert paths.resource(ROUND_PEN_FILE).is_file()
    pen = theme_icons._round_pen(QColor("#123456"), 2.5)
    assert (pen.style(), pen.capStyle(), pen.joinStyle()) == (
        Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    assert pen.color() == QColor("#123456") and pen.widthF() == 2.5


@pytest.mark.usefixtures("qapp")
def test_without_the_pen_file_the_arrows_are_drawn_with_a_plain_pen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(theme_icons, "ROUND_PEN_FILE", "icons/no-such-pen.ini")
    theme_icons._bundled_pen.cache_clear()
    try:
        pen = theme_icons._round_pen(QColor("#123456"), 2.5)
    finally:
        theme_icons._bundled_pen.cache_clear()  # the next user reads the real file again
    assert pen.capStyle() == Qt.PenCapStyle.SquareCap  # QPen's default
    assert pen.color() == QColor("#123456") and pen.widthF() == 2.5


@pytest.mark.usefixtures("qapp")
def test_an_arrow_is_drawn_in_the_window_text_colour_of_each_state() -> None:
    palette = QPalette()
    palette.setColor(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText, QColor("#ff0000"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#0000ff"))
    icon = arrow_icon(True, palette)
    for mode, colour in ((QIcon.Mode.Normal, "#ff0000"), (QIcon.Mode.Disabled, "#0000ff")):
        image = icon.pixmap(32, 32, mode).toImage()
        pixels = [image.pixelColor(x, y) for x in range(32) for y in range(32)]
        assert max(pixels, key=lambda c: c.alpha()).name() == colour


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize("ratio", [1.0, 1.25, 1.5, 2.0, 3.0])
def test_the_one_size_drawn_for_the_first_paint_shows_the_pixels_of_the_whole_icon(ratio: float) -> None:
    palette = QPalette()
    whole = arrow_icon(False, palette)
    first = arrow_icon(False, palette, (theme_icons.size_drawn_for(16, ratio),))
    for mode in (QIcon.Mode.Normal, QIcon.Mode.Disabled):
        assert first.pixmap(QSize(16, 16), ratio, mode).toImage() == whole.pixmap(QSize(16, 16), ratio, mode).toImage()
