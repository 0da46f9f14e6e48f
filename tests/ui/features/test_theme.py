"""View > Theme: light and dark palettes, the page's colours following them, the choice remembered."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from pytestqt.qtbot import QtBot

from app.model import Address
from app.ui.features.theme.feature import ThemeFeature, dark_palette, is_dark
from app.ui.shell.main_window import MainWindow
from tests.ui.conftest import MakeWindow


@pytest.fixture(autouse=True)
def back_to_the_system_theme() -> Iterator[None]:
    """The palette is the whole application's: no test leaves another one dark."""
    yield
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    QApplication.setPalette(QPalette())
    QGuiApplication.styleHints().unsetColorScheme()


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours."""

    def luminance(c: QColor) -> float:
        channels = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in (c.redF(), c.greenF(), c.blueF())]
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def page_text_colour(window: MainWindow) -> QColor:
    cursor = window.section_view.textCursor()
    cursor.setPosition(5)
    return cursor.charFormat().foreground().color()


def test_dark_theme_darkens_the_window_and_renders_the_page_in_light_text(window: MainWindow) -> None:
    window.open_address(Address("lao-pdr", "challenges"))
    window.feature(ThemeFeature).actions["dark"].trigger()
    base = window.section_view.palette().color(QPalette.ColorRole.Base)
    assert is_dark(window.section_view.palette())
    text = page_text_colour(window)
    assert contrast(text, base) >= 7.0  # WCAG AAA for body text
    assert window.current_address == Address("lao-pdr", "challenges")


def test_light_theme_after_dark_brings_dark_text_on_light_paper(window: MainWindow) -> None:
    window.feature(ThemeFeature).actions["dark"].trigger()
    window.feature(ThemeFeature).actions["light"].trigger()
    palette = window.section_view.palette()
    assert not is_dark(palette)
    assert contrast(page_text_colour(window), palette.color(QPalette.ColorRole.Base)) >= 7.0


def test_the_theme_is_remembered_for_the_next_start(make_window: MakeWindow) -> None:
    first = make_window()
    first.feature(ThemeFeature).actions["dark"].trigger()
    first.close()
    QGuiApplication.instance().setPalette(QPalette())  # type: ignore[union-attr]
    second = make_window()
    assert second.feature(ThemeFeature).theme == "dark"
    assert second.feature(ThemeFeature).actions["dark"].isChecked()
    assert is_dark(second.section_view.palette())


def test_system_follows_the_platform_again(window: MainWindow) -> None:
    window.feature(ThemeFeature).actions["dark"].trigger()
    window.feature(ThemeFeature).actions["system"].trigger()
    assert QGuiApplication.palette().resolveMask() == 0  # the platform's palette, not ours
    assert window.settings.theme == "system"


def test_links_keep_their_contrast_in_the_dark_palette() -> None:
    palette = dark_palette()
    base = palette.color(QPalette.ColorRole.Base)
    assert contrast(palette.color(QPalette.ColorRole.Link), base) >= 4.5
    assert contrast(palette.color(QPalette.ColorRole.Text), base) >= 12


def test_with_system_the_page_follows_a_palette_change_of_the_desktop(window: MainWindow, qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QApplication

    window.open_address(Address("lao-pdr", "challenges"))
    assert window.feature(ThemeFeature).theme == "system"
    QApplication.setPalette(dark_palette())  # what the platform does when the desktop turns dark
    qtbot.waitUntil(lambda: contrast(page_text_colour(window), QColor("#17181a")) >= 7.0)
    assert window.current_address == Address("lao-pdr", "challenges")


def test_system_on_a_dark_desktop_whose_style_stays_light_uses_the_dark_palette(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QGuiApplication

    import app.ui.features.theme.feature as theme

    monkeypatch.setattr(theme, "system_prefers_dark", lambda: True)
    window.feature(ThemeFeature).actions["system"].trigger()
    assert is_dark(window.section_view.palette())
    assert contrast(page_text_colour(window), window.section_view.palette().color(QPalette.ColorRole.Base)) >= 7.0
    monkeypatch.setattr(theme, "system_prefers_dark", lambda: False)
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)  # the desktop turned light again
    assert not is_dark(window.section_view.palette())
