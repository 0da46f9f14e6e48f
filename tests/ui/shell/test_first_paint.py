"""Work that changes nothing on screen waits for the first paint; the bench can ask when it was."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QTextBrowser
from pytestqt.qtbot import QtBot

from app.cli import gui_defaults
from app.ui.application import show_then_fill
from app.ui.shell.first_paint import PAINT_FILE_VARIABLE, FirstPaint


def test_a_start_asked_for_its_first_paint_writes_the_time_the_page_was_painted(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stamp = tmp_path / "painted"
    monkeypatch.setenv(PAINT_FILE_VARIABLE, str(stamp))
    before = time.time()

    window = show_then_fill(gui_defaults())
    qtbot.addWidget(window)
    qtbot.waitUntil(stamp.exists)

    assert before <= float(stamp.read_text(encoding="utf-8")) <= time.time()
    assert window.section_view.toPlainText()  # the page was there when it was painted


def test_work_after_the_first_paint_waits_for_it_and_runs_once(qtbot: QtBot) -> None:
    browser = QTextBrowser()
    qtbot.addWidget(browser)
    first_paint = FirstPaint(browser)
    ran: list[str] = []
    first_paint.later(lambda: ran.append("first"))
    qtbot.wait(20)
    assert ran == []  # never shown, never painted

    browser.show()
    qtbot.waitUntil(lambda: ran == ["first"])
    first_paint.later(lambda: ran.append("late"))  # after the paint: soon
    qtbot.waitUntil(lambda: ran == ["first", "late"])
    browser.update()
    qtbot.wait(20)
    assert ran == ["first", "late"]


def test_work_waiting_for_a_paint_that_does_not_come_runs_once_the_paint_is_overdue(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QShowEvent

    from app.ui.shell import first_paint as module

    monkeypatch.setattr(module, "OVERDUE_MS", 10)
    browser = QTextBrowser()
    qtbot.addWidget(browser)
    waiting = FirstPaint(browser)
    ran: list[str] = []
    waiting.later(lambda: ran.append("menus"))
    QApplication.sendEvent(browser, QShowEvent())  # shown, as far as it knows, but never painted

    qtbot.waitUntil(lambda: ran == ["menus"])
    assert not waiting.painted
    waiting.later(lambda: ran.append("later"))
    assert ran == ["menus", "later"]  # from now on at once


def test_a_start_not_asked_writes_nothing(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PAINT_FILE_VARIABLE, raising=False)
    monkeypatch.chdir(tmp_path)
    window = show_then_fill(gui_defaults())
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: hasattr(window, "splitter_keys"))

    assert list(tmp_path.iterdir()) == []
