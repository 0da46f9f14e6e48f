"""The toolbar's arrows: drawn with a round pen read from a bundled file, in the palette's colours;
in the themes' own colours read from files drawn ahead."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPalette, QPixmap

from app import paths
from app.ui.features.theme.feature import dark_palette, light_palette
from app.ui.shell import theme_icons
from app.ui.shell.theme_icons import DRAWN_ARROWS, ROUND_PEN_FILE, arrow_icon, drawn_arrow_name


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


def _argb_image(pixmap: QPixmap) -> QImage:
    return pixmap.toImage().convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)


@pytest.mark.usefixtures("qapp")
def test_every_arrow_drawn_ahead_has_the_pixels_the_drawing_gives_now() -> None:
    """tools/make_icons.py writes them; a change to the drawing without running it again fails here."""
    files = sorted(paths.resource(DRAWN_ARROWS).glob("*.png"))
    assert files
    for file in files:
        direction, size, argb = file.stem.split("-")
        colour = QColor.fromRgba(int(argb, 16))
        assert drawn_arrow_name(int(size), direction == "back", colour) == f"{DRAWN_ARROWS}/{file.name}"
        drawn = theme_icons.draw_arrow(int(size), direction == "back", colour)
        assert _argb_image(QPixmap(str(file))) == _argb_image(drawn), file.name


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_themes_arrows_are_read_not_drawn(theme: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """In the light and dark palettes every size of both arrows, normal and disabled, is on file."""
    palette = light_palette() if theme == "light" else dark_palette()

    def no_drawing(*_args: object) -> QPixmap:
        raise AssertionError("drawn, not read")

    monkeypatch.setattr(theme_icons, "draw_arrow", no_drawing)
    for pointing_left in (True, False):
        icon = arrow_icon(pointing_left, palette)
        assert icon.availableSizes() == [QSize(size, size) for size in theme_icons.SIZES]


@pytest.mark.usefixtures("qapp")
def test_an_arrow_on_file_of_the_wrong_size_is_drawn_instead(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    colour = QColor("#123456")
    name = drawn_arrow_name(16, True, colour)
    (tmp_path / name).parent.mkdir(parents=True)
    QPixmap(8, 8).save(str(tmp_path / name), "PNG")
    monkeypatch.setattr(paths, "resources_dir", lambda: tmp_path)
    pixmap = theme_icons._arrow(16, True, colour)
    assert (pixmap.width(), pixmap.height()) == (16, 16)
    assert _argb_image(pixmap) == _argb_image(theme_icons.draw_arrow(16, True, colour))
