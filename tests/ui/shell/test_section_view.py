"""Ctrl+wheel zooms the text like Ctrl+= / Ctrl+-, and the zoom is remembered like theirs."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

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
