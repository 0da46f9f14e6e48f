"""The reading pane's first paint: work that can wait for it, and a report of when it happened.

What the reader waits for is the page on screen. Work that changes nothing they see (keyboard
helpers, accessible names, mouse-button watchers, a large library's search index) is run once
the reading pane has first been painted, not from a zero timer: on X11 a zero timer fires before
the window's first expose, so it would delay the very paint it meant to let through. A window
shown but not painted within OVERDUE_MS (minimised, on another desktop) gets it all the same.

    TIP_REFERENCE_PAINT_FILE=FILE tip-reference

When that variable is set, the wall-clock time (seconds since the epoch) at which the first paint
of the reading pane is done (from the event loop right after its first Paint event, so the page
has been drawn and handed to the window system) is written to FILE, for the start-up bench: a
built app cannot be wrapped by a probe, so it reports the moment itself. Unset, nothing is written.

The reading pane itself is watched, not its viewport: asking PySide6 for the viewport before the
first paint costs about 6 ms (it wraps a widget made in C++); the viewport is painted in the same
pass, right after the pane's frame.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from app.ui.shell.event_numbers import PAINT, SHOW

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent

PAINT_FILE_VARIABLE = "TIP_REFERENCE_PAINT_FILE"
# A widget shown but not painted this long after (its window minimised, or on another desktop,
# where a compositor may not paint it): what waits runs anyway, so no menu entry or key waits for
# the window to come into view.
OVERDUE_MS = 2000


class FirstPaint(QObject):
    """Watches a widget until its first Paint event, then runs what waited for it (from the event
    loop, once that paint is done) and stops watching."""

    def __init__(self, watched: QWidget) -> None:
        super().__init__(watched)
        self._watched = watched
        self._waiting: list[Callable[[], object]] = []
        self._target = os.environ.get(PAINT_FILE_VARIABLE, "")
        self.painted = False
        self._at_once = False
        self._shown = False
        watched.installEventFilter(self)

    def later(self, callback: Callable[[], object]) -> None:
        """Run `callback` after the first paint (soon, if it has been painted already; at once,
        after run_now())."""
        if self._at_once:
            callback()
        elif self.painted:
            QTimer.singleShot(0, self, callback)
        else:
            self._waiting.append(callback)

    def run_now(self) -> None:
        """Nothing waits for the paint any more: what waited runs now, in order, and what is
        asked later runs at once. For a window built in one go, whose callers (tests, a start
        at a named section) expect every part in place when it is returned."""
        self._at_once = True
        waiting, self._waiting = self._waiting, []
        for callback in waiting:
            callback()

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        kind = int(event.type())
        if not self.painted and kind == PAINT:
            self.painted = True
            self._watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)
        elif kind == SHOW and not self._shown:
            self._shown = True
            # A timer of its own, not singleShot(ms, receiver, slot): that form loads QMetaMethod's
            # classes (0.3 ms) before the first paint.
            overdue = QTimer(self)
            overdue.setSingleShot(True)
            overdue.timeout.connect(self._overdue)
            overdue.start(OVERDUE_MS)
        return False

    def _overdue(self) -> None:
        if not self.painted:
            self.run_now()

    def _run(self) -> None:
        if self._target:
            with open(self._target, "w", encoding="utf-8") as handle:
                handle.write(f"{time.time():.6f}\n")
        waiting, self._waiting = self._waiting, []
        for callback in waiting:
            callback()
