"""The QApplication set-up: names and the window icon."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize

from app.ui.application import application, set_app_icon


@pytest.mark.usefixtures("qapp")
def test_window_icon_comes_in_every_size_a_panel_or_switcher_asks_for() -> None:
    app = application()
    set_app_icon(app)
    icon = app.windowIcon()
    assert not icon.isNull()
    assert {QSize(s, s) for s in (16, 24, 32, 48, 64, 128, 256)} <= set(icon.availableSizes())


@pytest.mark.usefixtures("qapp")
def test_desktop_file_name_matches_the_installed_entry() -> None:
    assert application().desktopFileName() == "tip-reference"
