"""Moving the splitter's handle from the keyboard: Tab to it, then the arrow keys (Shift for bigger
steps, Home and End to either end), as a window splitter should for people who use no mouse.

Added to a plain QSplitter after the first paint: a Python override of QSplitter.createHandle, or
naming a focus policy, builds all of Qt's enums in PySide6 (see main_window's start-up note). Even
after it, nothing here names `Qt` until a key is pressed on the handle: the namespace's 93 enum
types hold about 1 MiB for the rest of the session, which a start that never needs them keeps.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from app.ui.shell.event_numbers import FOCUS_IN, FOCUS_OUT, KEY_PRESS

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QSplitter, QSplitterHandle

STEP = 24  # pixels per arrow key; Shift moves five times as far
TAB_FOCUS = 1  # Qt.FocusPolicy.TabFocus, set through the focusPolicy property: no Qt enum named


class SplitterKeys(QObject):
    """Keys and a visible focus for the handle between a splitter's first and second pane."""

    def __init__(self, splitter: QSplitter) -> None:
        super().__init__(splitter)
        self._splitter = splitter
        self.handle: QSplitterHandle = splitter.handle(1)
        self.handle.setProperty("focusPolicy", TAB_FOCUS)
        self.handle.setAccessibleName("Side panel width")
        self.handle.setAccessibleDescription("Left and Right arrows make the side panel narrower or wider")
        self.handle.installEventFilter(self)

    def move_by(self, pixels: int) -> None:
        sizes = self._splitter.sizes()
        total = sum(sizes)
        second = self._splitter.widget(1)
        least = second.minimumSizeHint().width() if second is not None else 0
        first = min(max(sizes[0] + pixels, 0), total - least)
        self._splitter.setSizes([first, total - first])

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        kind = int(event.type())
        if kind in (FOCUS_IN, FOCUS_OUT):
            self._show_focus(kind == FOCUS_IN)
        elif kind == KEY_PRESS:
            return self._key_pressed(event)
        return False

    def _key_pressed(self, event: QEvent) -> bool:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QKeyEvent

        if isinstance(event, QKeyEvent):
            step = STEP * (5 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1)
            total = sum(self._splitter.sizes())
            moves = {Qt.Key.Key_Left: -step, Qt.Key.Key_Right: step, Qt.Key.Key_Home: -total,
                     Qt.Key.Key_End: total}
            pixels = moves.get(Qt.Key(event.key()))
            if pixels is not None:
                self.move_by(pixels)
                return True
        return False

    def _show_focus(self, focused: bool) -> None:
        """The handle filled with the highlight colour while it has the keyboard focus."""
        from PySide6.QtGui import QPalette

        palette = self._splitter.palette()
        if focused:
            palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.Highlight))
        self.handle.setPalette(palette)
        self.handle.setAutoFillBackground(focused)
        self.handle.update()
