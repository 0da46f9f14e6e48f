"""The first window's size: never larger than the screen's free area, whatever the scale."""

from __future__ import annotations

import pytest

from app.ui.shell.window_fit import fitted_size


@pytest.mark.parametrize(
    ("available", "expected"),
    [
        ((1024, 576), (1024 - 10, 576 - 30)),  # 1024×600 less a 24-pixel panel
        ((853, 533), (853 - 10, 533 - 30)),  # 1280×800 at scale 1.5
        ((2560, 1560), (1100, 720)),  # large screens keep the preferred size
    ],
)
def test_the_window_and_its_frame_fit_the_free_area(available: tuple[int, int], expected: tuple[int, int]) -> None:
    assert fitted_size((1100, 720), available, (10, 30)) == expected
