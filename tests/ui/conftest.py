"""Fixtures for widget tests: a window built as `main.py` builds it, with settings in a temp folder."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.library import default_folders, load_library
from app.model import Library
from app.ui.application import create_window
from app.ui.main_window import MainWindow
from app.ui.settings import Settings

MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings" / "settings.ini"


@pytest.fixture
def make_window(qtbot: QtBot, settings_path: Path) -> MakeWindow:
    """Build (and register for cleanup) a window for an argument list, sharing one settings file."""

    def make(*argv: str) -> MainWindow:
        window = create_window(list(argv), Settings(settings_path))
        qtbot.addWidget(window)
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        return window

    return make


@pytest.fixture
def window(make_window: MakeWindow) -> MainWindow:
    return make_window()


@pytest.fixture
def library() -> Library:
    return load_library(default_folders())


@pytest.fixture
def today() -> date:
    return date(2026, 11, 28)
