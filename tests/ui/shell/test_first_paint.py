"""The reading pane says when it is first painted, only when the start-up bench asks."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.cli import gui_defaults
from app.ui.application import show_then_fill
from app.ui.shell.first_paint import PAINT_FILE_VARIABLE


def test_a_start_asked_for_its_first_paint_writes_the_time_the_page_is_painted(
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


def test_a_start_not_asked_installs_no_watcher(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.ui.shell.first_paint import _FirstPaint

    monkeypatch.delenv(PAINT_FILE_VARIABLE, raising=False)
    window = show_then_fill(gui_defaults())
    qtbot.addWidget(window)

    assert window.section_view.viewport().findChildren(_FirstPaint) == []
