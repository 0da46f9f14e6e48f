"""Faults in the window: an error in a slot is logged and shown with the log's path; bad settings
files mean defaults and a warning."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from app.fault_log import log_file
from app.ui.shell.fault_dialog import handle_exception, install_excepthook
from app.ui.shell.main_window import MainWindow
from app.ui.shell.menus import MenuPlace
from tests.ui.conftest import MakeWindow, notice_text


def fault_dialog(qtbot: QtBot) -> QMessageBox:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox) and box.objectName() == "faultDialog"
    return box


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_menu_action_is_logged_and_shown_and_the_app_keeps_running(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    install_excepthook()  # as run_gui does

    def broken() -> None:
        raise RuntimeError("the printer caught " + "fire".upper())  # the message is not in the source

    action = window.add_action(MenuPlace.FILE, "Broken", broken, "Ctrl+Shift+F12")
    action.trigger()
    box = fault_dialog(qtbot)
    assert "RuntimeError: the printer caught FIRE" in box.text()
    assert str(log_file()) in box.text()
    log = log_file().read_text(encoding="utf-8")
    assert "Traceback" in log and "RuntimeError" in log
    assert "caught FIRE" not in log  # a message may quote what the user read or searched

    action.trigger()  # a second error while the dialog is open: logged, no second dialog
    assert log_file().read_text(encoding="utf-8").count("ERROR unexpected error") == 2
    assert sum(1 for w in QApplication.topLevelWidgets() if w.objectName() == "faultDialog" and w.isVisible()) == 1
    box.close()
    assert window.isVisible()


def test_fault_dialog_shows_markup_in_the_message_as_text(qtbot: QtBot) -> None:
    handle_exception(ValueError, ValueError("<b>bold</b> & <img src='x'>"), None)
    box = fault_dialog(qtbot)
    assert box.textFormat().name == "PlainText"
    assert "ValueError: <b>bold</b> & <img src='x'>" in box.text()
    box.close()


def test_settings_that_cannot_be_written_mean_defaults_and_a_warning(make_window: MakeWindow, settings_path: Path,
                                                                    qtbot: QtBot) -> None:
    settings_path.parent.parent.mkdir(parents=True, exist_ok=True)
    settings_path.parent.write_text("a file where the settings folder should be", encoding="utf-8")
    window = make_window()
    assert "Default settings are used, and nothing is saved" in notice_text(qtbot)
    assert window.zoom == 0


def test_a_pipe_where_the_settings_belong_means_defaults_and_a_warning_not_a_hang(
    make_window: MakeWindow, settings_path: Path, qtbot: QtBot
) -> None:
    settings_path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(settings_path)
    window = make_window("--section", "lao-pdr/challenges")
    assert "not a regular file" in notice_text(qtbot)
    window.zoom_by(2)
    window.close()  # saving the settings writes nothing into the pipe
    assert stat.S_ISFIFO(settings_path.stat().st_mode)


def test_readable_settings_give_no_warning(window: MainWindow) -> None:
    assert "settings" not in window.statusBar().currentMessage()


@pytest.mark.usefixtures("qapp")
def test_a_start_that_fails_is_logged_and_told_in_a_dialog_not_a_silent_exit(monkeypatch: pytest.MonkeyPatch) -> None:
    from app.cli import gui_defaults
    from app.ui import application

    shown: list[tuple[str, Path | None, bool]] = []

    def fail(_args: object) -> None:
        raise OSError("the disk went away")

    monkeypatch.setattr(application, "show_then_fill", fail)
    monkeypatch.setattr("app.ui.shell.fault_dialog.show_fault", lambda error, log, wait=False: shown.append((str(error), log, wait)))
    assert application.run_gui(gui_defaults()) == 1
    assert shown == [("the disk went away", log_file(), True)]
    logged = log_file().read_text(encoding="utf-8")
    assert "builtins.OSError" in logged and "in fail" in logged


@pytest.mark.qt_no_exception_capture
def test_the_fault_dialog_copies_its_report_and_opens_the_logs_folder_and_stays_open(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_excepthook()
    window.add_action(MenuPlace.FILE, "Broken", lambda: 1 / 0, "Ctrl+Shift+F11").trigger()
    box = fault_dialog(qtbot)
    copy = box.findChild(QPushButton, "copyReportButton")
    folder = box.findChild(QPushButton, "openLogFolderButton")
    assert copy is not None and folder is not None
    qtbot.mouseClick(copy, Qt.MouseButton.LeftButton)
    report = QGuiApplication.clipboard().text()
    assert "ZeroDivisionError" in report and "Traceback" in report and str(log_file()) in report
    opened: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr("app.ui.shell.fault_dialog.open_url", open_url)
    qtbot.mouseClick(folder, Qt.MouseButton.LeftButton)
    assert [u.toLocalFile() for u in opened] == [str(log_file().parent)]
    assert box.isVisible()
    box.close()
