"""Ctrl+wheel zooms the text like Ctrl+= / Ctrl+-, and the zoom is remembered like theirs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.model import Address
from app.ui.shell.main_window import MainWindow
from tests.ui.conftest import MakeWindow


def wheel(window: MainWindow, notches: int, modifiers: Qt.KeyboardModifier) -> None:
    """Turn the mouse wheel over the text by whole notches (120 units each), as a mouse sends it."""
    viewport = window.section_view.viewport()
    centre = QPointF(viewport.rect().center())
    event = QWheelEvent(
        centre, QPointF(viewport.mapToGlobal(centre.toPoint())), QPoint(0, 0), QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton, modifiers, Qt.ScrollPhase.NoScrollPhase, False,
    )
    QApplication.sendEvent(viewport, event)


def test_ctrl_wheel_zooms_in_and_out_and_a_plain_wheel_does_not(window: MainWindow, qtbot: QtBot) -> None:
    start = window.zoom
    wheel(window, 2, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.zoom == start + 2)
    wheel(window, -3, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.zoom == start - 1)
    wheel(window, 2, Qt.KeyboardModifier.NoModifier)
    assert window.zoom == start - 1


def test_a_ctrl_wheel_zoom_is_there_again_after_reopening(make_window: MakeWindow, qtbot: QtBot) -> None:
    first = make_window("--section", "lao-pdr/challenges")
    wheel(first, 3, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: first.zoom == 3)
    first.close()
    second = make_window()
    assert second.zoom == 3
    qtbot.keyClick(second.section_view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert second.zoom == 0


def test_copied_text_carries_no_invisible_anchor_characters(window: MainWindow, qtbot: QtBot) -> None:
    from PySide6.QtGui import QGuiApplication

    from app.render import ANCHOR_CARRIER

    window.open_address(Address("lao-pdr", "trafficking-situation"))
    assert ANCHOR_CARRIER in window.section_view.toPlainText()  # the page's anchors stand on it
    window.section_view.setFocus()
    qtbot.keyClick(window.section_view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.section_view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QGuiApplication.clipboard().text()
    QGuiApplication.clipboard().clear()  # the offscreen platform crashes at exit holding copied data
    assert "perpetrators" in copied and ANCHOR_CARRIER not in copied


def test_anchors_stand_apart_from_the_text_so_a_burmese_word_is_shaped_whole(make_window: MakeWindow) -> None:
    from pathlib import Path

    from app.render import ANCHOR_CARRIER
    from app.ui.features.search.feature import SearchFeature

    data = Path(__file__).parents[2] / "data" / "search"
    window = make_window("--profiles-dir", str(data), "--section", "scripts-test/burmese")
    feature = window.feature(SearchFeature)
    index = feature.ensure_index()
    feature.open_hit(index.search("အကူအညီ", 1)[0], "အကူအညီ")  # a highlight's anchor too
    document, anchored = window.section_view.document(), []
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().anchorNames():
                anchored.append(fragment.text())
            iterator += 1
        block = block.next()
    assert len(anchored) >= 3 and set(anchored) == {ANCHOR_CARRIER}  # two items and a highlight
    assert "လူကုန်ကူး" in window.section_view.toPlainText().replace(ANCHOR_CARRIER, "")


@pytest.mark.parametrize("size", [(1100, 720), (1400, 900), (800, 500), (640, 700)])
def test_the_text_is_centred_in_a_column_of_the_measure_beside_the_scroll_bar(
    window: MainWindow, qtbot: QtBot, size: tuple[int, int]
) -> None:
    from app.ui.shell.section_view import MEASURE_CHARS

    view = window.section_view
    window.open_address(Address("lao-pdr", "trafficking-situation"))  # long: the scroll bar shows
    window.resize(*size)
    qtbot.waitUntil(lambda: view.document().pageSize().width() == view.viewport().width())
    measure = view.fontMetrics().averageCharWidth() * MEASURE_CHARS
    side = max(12.0, (view.viewport().width() - measure) / 2)
    qtbot.waitUntil(lambda: view.document().rootFrame().frameFormat().leftMargin() == side)
    assert view.document().rootFrame().frameFormat().rightMargin() == side
