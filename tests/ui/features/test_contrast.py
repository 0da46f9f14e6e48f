"""The dark theme measured from rendered pixels, not from the palette: every control at least 3:1
against what is around it (WCAG 2.1 non-text contrast), text at least 4.5:1. The lowest figures
found are printed, so a change of colours shows its effect in the test log."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QCheckBox, QLineEdit, QMenu, QToolBar, QWidget
from pytestqt.qtbot import QtBot

from app.model import Address
from app.ui.features.history.feature import HistoryFeature
from app.ui.features.theme.feature import ThemeFeature
from app.ui.shell.main_window import MainWindow
from tests.ui.features.test_theme import contrast

CONTROL, TEXT = 3.0, 4.5


@pytest.fixture(autouse=True)
def back_to_the_system_theme() -> Iterator[None]:
    yield
    from PySide6.QtGui import QGuiApplication

    QApplication.setPalette(QPalette())
    QGuiApplication.styleHints().unsetColorScheme()


def pixels(image: QImage, rect: QRect) -> list[QColor]:
    rect = rect.intersected(image.rect())
    return [image.pixelColor(x, y) for y in range(rect.top(), rect.bottom() + 1)
            for x in range(rect.left(), rect.right() + 1)]


def commonest(colours: list[QColor]) -> QColor:
    return QColor.fromRgb(Counter(c.rgb() for c in colours).most_common(1)[0][0])


def ring(rect: QRect, width: int) -> list[QRect]:
    """The bands of `width` pixels just inside a rectangle's edges."""
    return [QRect(rect.left(), rect.top(), rect.width(), width), QRect(rect.left(), rect.bottom() - width + 1,
            rect.width(), width), QRect(rect.left(), rect.top(), width, rect.height()),
            QRect(rect.right() - width + 1, rect.top(), width, rect.height())]


def best(image: QImage, areas: list[QRect], background: QColor) -> float:
    """The contrast of the most visible pixel of a control (its edge, its mark) on its background."""
    return max(contrast(c, background) for area in areas for c in pixels(image, area))


def within(window: MainWindow, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def surroundings(image: QImage, rect: QRect) -> QColor:
    """The commonest colour of the 3 pixels around a rectangle: what the control stands on."""
    outer = rect.adjusted(-3, -3, 3, 3)
    return commonest([c for area in ring(outer, 3) for c in pixels(image, area)])


def measure(window: MainWindow, qtbot: QtBot) -> tuple[dict[str, float], dict[str, float]]:
    window.feature(ThemeFeature).choose("dark")
    window.open_address(Address("lao-pdr", "contact-details"))
    window.open_address(Address("lao-pdr", "challenges"))  # Back is enabled, Forward is not
    window.nav_tree.clearFocus()
    window.section_view.setFocus()
    qtbot.waitUntil(lambda: window.feature(HistoryFeature).back_action.isEnabled())
    image = window.grab().toImage()
    controls: dict[str, float] = {}
    texts: dict[str, float] = {}
    toolbar = window.findChild(QToolBar, "navigationToolBar")
    assert toolbar is not None
    history = window.feature(HistoryFeature)
    for name, action in (("Back arrow (enabled)", history.back_action),
                         ("Forward arrow (disabled)", history.forward_action)):
        button = toolbar.widgetForAction(action)
        rect = within(window, button)
        controls[name] = best(image, [rect], surroundings(image, rect))
    search = window.findChild(QLineEdit, "searchBox")
    assert search is not None
    rect = within(window, search)
    controls["search box edge"] = best(image, ring(rect, 2), surroundings(image, rect))
    check = window.findChild(QCheckBox)
    assert check is not None
    rect = within(window, check)
    box = QRect(rect.left(), rect.top(), rect.height(), rect.height())
    controls["check box"] = best(image, [box], surroundings(image, rect))
    for name, widget in (("tree", window.nav_tree), ("section text", window.section_view)):
        rect = within(window, widget).adjusted(4, 4, -4, -4)
        texts[name] = best(image, [rect], commonest(pixels(image, rect)))
    label = within(window, window.age_label)
    texts["status bar"] = best(image, [label], commonest(pixels(image, label)))
    menu = window.menuBar().actions()[0].menu()
    assert isinstance(menu, QMenu)
    menu.popup(window.mapToGlobal(QPoint(0, 0)))
    qtbot.waitExposed(menu)
    shot = menu.grab().toImage()
    controls["menu edge"] = best(shot, ring(shot.rect(), 1), surroundings(image, within(window, window.section_view)))
    inner = shot.rect().adjusted(4, 4, -4, -4)
    texts["menu"] = best(shot, [inner], commonest(pixels(shot, inner)))
    menu.close()
    return controls, texts


def test_the_dark_themes_controls_and_text_can_be_seen(window: MainWindow, qtbot: QtBot,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    controls, texts = measure(window, qtbot)
    low_control = min((v, k) for k, v in controls.items() if "disabled" not in k)
    low_text = min((v, k) for k, v in texts.items())
    with capsys.disabled():
        print(f"\ndark theme, lowest control contrast {low_control[0]:.2f}:1 ({low_control[1]}), "
              f"lowest text contrast {low_text[0]:.2f}:1 ({low_text[1]})")
    assert {k: round(v, 2) for k, v in controls.items() if "disabled" not in k and v < CONTROL} == {}
    assert {k: round(v, 2) for k, v in texts.items() if v < TEXT} == {}
    assert controls["Back arrow (enabled)"] > controls["Forward arrow (disabled)"]


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_keyboard_focus_can_be_seen_on_the_reading_pane_the_tree_and_the_menu_bar(
    window: MainWindow, qtbot: QtBot, theme: str
) -> None:
    window.feature(ThemeFeature).choose(theme)
    seen: dict[str, float] = {}
    for name, widget in (("section text", window.section_view), ("tree", window.nav_tree)):
        widget.setFocus()
        qtbot.waitUntil(widget.hasFocus)
        image = window.grab().toImage()
        rect = within(window, widget)
        seen[name] = best(image, ring(rect, 2), surroundings(image, rect))
    bar = window.menuBar()
    bar.setActiveAction(bar.actions()[1])  # as Alt and the arrow keys leave it
    image = bar.grab().toImage()
    item = bar.actionGeometry(bar.actions()[1])
    seen["menu bar item"] = contrast(commonest(pixels(image, item.adjusted(1, 1, -1, -1))),
                                     commonest(pixels(image, bar.actionGeometry(bar.actions()[3]))))
    bar.setActiveAction(None)  # type: ignore[arg-type]
    assert {k: round(v, 2) for k, v in seen.items() if v < CONTROL} == {}
