"""Runs a program and records when its reading pane is first painted (for the start-up bench).

    TIP_BENCH_PAINT_FILE=FILE python bench/paint_probe.py main.py [args]

Mapping a window and painting it are two moments: the app maps its window before it reads the
profiles and lays out the page, and paints only then. This wrapper lets the bench measure both,
for the app and the bare window alike: after the program's main window is shown, the first Paint
event of its text browser's viewport writes the wall-clock time to FILE. The program itself is
run unchanged (runpy), with nothing imported before it but what the patch needs.
"""

from __future__ import annotations

import os
import runpy
import sys
import time

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow, QTextBrowser


class _FirstPaint(QObject):
    def __init__(self, target: str) -> None:
        super().__init__()
        self.target = target

    def eventFilter(self, _watched: QObject, event: object) -> bool:
        from PySide6.QtCore import QEvent  # late: building QEvent's enums must not count before show

        if self.target and isinstance(event, QEvent) and event.type() == QEvent.Type.Paint:
            with open(self.target, "w", encoding="utf-8") as handle:
                handle.write(f"{time.time():.6f}\n")
            self.target = ""
        return False


_recorders: list[_FirstPaint] = []
_show = QMainWindow.show


def _show_and_watch(window: QMainWindow) -> None:
    _show(window)
    browser = window.findChild(QTextBrowser)
    target = os.environ.get("TIP_BENCH_PAINT_FILE")
    if browser is not None and target and not _recorders:
        recorder = _FirstPaint(target)
        browser.viewport().installEventFilter(recorder)
        _recorders.append(recorder)


QMainWindow.show = _show_and_watch  # type: ignore[method-assign,assignment]

if __name__ == "__main__":
    script = sys.argv[1]
    sys.argv = sys.argv[1:]
    sys.path.insert(0, os.path.dirname(os.path.abspath(script)))
    runpy.run_path(script, run_name="__main__")
