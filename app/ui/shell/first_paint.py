"""Says when the reading pane is first painted, for the start-up bench, from source and frozen alike.

    TIP_REFERENCE_PAINT_FILE=FILE tip-reference

When the variable is set, the first Paint event of the reading pane's viewport writes the
wall-clock time (seconds since the epoch) to FILE, and the watcher removes itself. A built app
cannot be wrapped by a probe, so it reports the moment itself; when the variable is unset nothing
is installed and nothing is imported.
"""

from __future__ import annotations

import os
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent

PAINT_FILE_VARIABLE = "TIP_REFERENCE_PAINT_FILE"
_PAINT = 12  # QEvent.Type.Paint, as a number: naming it builds QEvent's enums before the first paint


class _FirstPaint(QObject):
    def __init__(self, target: str, watched: QWidget) -> None:
        super().__init__(watched)
        self._target = target
        self._watched = watched

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if self._target and int(event.type()) == _PAINT:
            stamp = f"{time.time():.6f}\n"
            with open(self._target, "w", encoding="utf-8") as handle:
                handle.write(stamp)
            self._target = ""
            self._watched.removeEventFilter(self)
        return False


def report_first_paint(widget: QWidget) -> None:
    """Write the time of `widget`'s first paint to the file the environment names, if it names one."""
    target = os.environ.get(PAINT_FILE_VARIABLE)
    if target:
        widget.installEventFilter(_FirstPaint(target, widget))
