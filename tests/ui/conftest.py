"""Fixtures for widget tests: a window built as `main.py` builds it, with settings in a temp folder."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from app.library import default_folders, load_library
from app.model import Library
from app.ui.application import create_window
from app.ui.shell.main_window import MainWindow
from app.ui.shell.settings import Settings

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


def notice_text(qtbot: QtBot) -> str:
    """The text of the notice box (MainWindow.tell) that is open or about to open; closes it."""
    from PySide6.QtWidgets import QMessageBox

    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    text = box.text()
    box.close()
    return text


def menu_action(window: MainWindow, menu: str, text: str) -> QAction:
    """The entry a user finds under `menu` (File, Help…) called `text`, mnemonics ignored."""

    def plain(label: str) -> str:
        return label.replace("&", "")

    top = next(a.menu() for a in window.menuBar().actions() if plain(a.text()) == menu)
    assert isinstance(top, QMenu)
    found = [a for a in top.actions() if plain(a.text()) == text]
    assert found, f"no {text!r} in the {menu} menu"
    return found[0]


@contextmanager
def answering_modal(check: Callable[[QWidget], None]) -> Iterator[None]:
    """Run `check` on the modal dialog the block opens, then close it whatever happens, so a
    failing assertion fails the test at once instead of leaving the dialog's loop running."""
    errors: list[BaseException] = []

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            assert dialog is not None, "no modal dialog was open"
            check(dialog)
        except BaseException as error:  # noqa: BLE001 - re-raised below, outside Qt's event loop
            errors.append(error)
        finally:
            if dialog is not None and dialog.isVisible():
                dialog.close()

    QTimer.singleShot(0, run)
    yield
    if errors:
        raise errors[0]


@contextmanager
def answering_popup(check: Callable[[QMenu], None]) -> Iterator[None]:
    """Like answering_modal, for the popup menu the block opens: a context menu (which runs its
    own event loop) or a menu of the menu bar (which does not, so the loop is turned here)."""
    errors: list[BaseException] = []
    timer = QTimer()
    turns = [0]

    def run() -> None:
        popup = QApplication.activePopupWidget()
        turns[0] += 1
        if popup is None and turns[0] < 200:
            return
        timer.stop()
        try:
            assert isinstance(popup, QMenu), "no popup menu was open"
            check(popup)
        except BaseException as error:  # noqa: BLE001 - re-raised below, outside Qt's event loop
            errors.append(error)
        finally:
            if popup is not None and popup.isVisible():
                popup.close()

    timer.timeout.connect(run)
    timer.start(0)
    try:
        yield
        while timer.isActive():  # at most 200 turns: run() stops the timer
            QApplication.processEvents()
    finally:
        timer.stop()
    if errors:
        raise errors[0]
