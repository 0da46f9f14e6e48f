"""Work that changes nothing on screen waits for the first paint; the bench can ask when it was."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QTextBrowser
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


def test_a_start_not_asked_writes_nothing(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PAINT_FILE_VARIABLE, raising=False)
    monkeypatch.chdir(tmp_path)
    window = show_then_fill(gui_defaults())
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: hasattr(window, "splitter_keys"))

    assert list(tmp_path.iterdir()) == []
