"""The mouse's side buttons (back and forward) over the views of the window.

A view's viewport takes the mouse's presses and never passes them on, so the window cannot watch
them from outside without a filter on each viewport; wrapping a viewport, a plain QWidget, costs
PySide6 a walk that builds the classes of every QWidget subclass it knows (57 enum types, about
1 MiB, 6 ms). The views report the buttons themselves instead, from their own mousePressEvent.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtGui import QMouseEvent


def side_button_step(event: QMouseEvent) -> int:
    """-1 for the back button, 1 for the forward button, 0 for any other."""
    from PySide6.QtCore import Qt  # only on a press: naming Qt builds all of its enums

    button = event.button()
    if button == Qt.MouseButton.BackButton:
        return -1
    if button == Qt.MouseButton.ForwardButton:
        return 1
    return 0


def took_side_button(event: QMouseEvent, pressed: SignalInstance) -> bool:
    """For a view's mousePressEvent: a side button is reported through `pressed` (-1 or 1) and
    taken; False for any other button, which the view handles as usual."""
    step = side_button_step(event)
    if not step:
        return False
    pressed.emit(step)
    event.accept()
    return True
