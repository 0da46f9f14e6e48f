"""The desktop's colour scheme read through Qt's own getter, without PySide6's `Qt` enums."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtGui import QGuiApplication

from app.ui.features.theme import color_scheme

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the getter is called on Linux only")
def test_the_getter_of_the_loaded_qt_gives_what_pyside6_gives() -> None:
    number = color_scheme.scheme_number()
    assert number is not None  # the ctypes path is the one taken here
    assert number == QGuiApplication.styleHints().colorScheme().value


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the getter is called on Linux only")
def test_the_library_called_is_the_one_this_process_loaded() -> None:
    from pathlib import Path

    import PySide6

    path = color_scheme.loaded_library(color_scheme.LIBRARY)
    assert path is not None and Path(path).is_relative_to(Path(PySide6.__file__).resolve().parent)


def test_without_the_getter_pyside6_is_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(color_scheme, "GETTER", "no_such_symbol")
    from PySide6.QtCore import Qt

    color_scheme.qt_getter.cache_clear()
    try:
        assert color_scheme.scheme_number() is None
        assert color_scheme.prefers_dark() == (QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark)
    finally:
        color_scheme.qt_getter.cache_clear()  # the next user finds the real symbol again


def test_dark_is_the_number_qt_gives_its_dark_scheme() -> None:
    from PySide6.QtCore import Qt

    assert Qt.ColorScheme.Dark.value == color_scheme.DARK
    assert (Qt.ColorScheme.Unknown.value, Qt.ColorScheme.Light.value) == (0, 1)
