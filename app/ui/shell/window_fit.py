"""The first window's size on the screen it opens on (plain arithmetic, no Qt)."""

from __future__ import annotations

Size = tuple[int, int]


def fitted_size(wanted: Size, available: Size, frame: Size = (0, 0)) -> Size:
    """`wanted`, shrunk so that it and its window frame fit inside `available` (the screen less its
    panels, in the device-independent pixels Qt works in, so the same at any scale factor)."""
    width = min(wanted[0], max(available[0] - frame[0], 1))
    height = min(wanted[1], max(available[1] - frame[1], 1))
    return width, height
