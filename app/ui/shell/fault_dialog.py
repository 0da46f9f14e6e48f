"""Unexpected errors in the window: logged with their traceback and told to the user in a dialog.

Without this an exception in a slot is printed to a console nobody sees, or a start-up error ends
the app silently; instead the user gets a short message and the path of the log file to send.
Installed before the first paint, so the log (and `logging`) is loaded only when an error happens.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from app import APP_NAME

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl
    from PySide6.QtWidgets import QMessageBox, QWidget

# One dialog at a time: an error repeated on every paint must not stack up dialogs without end.
_open_dialog: list[QMessageBox] = []


def install_excepthook() -> None:
    """From now on an error in a slot is logged and shown in a dialog, never lost on a console."""
    sys.excepthook = handle_exception


def fault_text(error: BaseException, log: Path | None) -> str:
    from app.fault_log import short_message

    where = f"Details were written to:\n{log}" if log is not None else "The log file could not be written."
    return f"Something went wrong:\n{short_message(error)}\n\n{where}"


def show_fault(error: BaseException, log: Path | None, *, wait: bool = False) -> QMessageBox:
    """The dialog: plain text (the message may quote a file), modal; `wait` blocks until closed."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox  # late: its enums cost the first paint ~1.5 ms

    parent: QWidget | None = QApplication.activeWindow()
    box = QMessageBox(QMessageBox.Icon.Critical, f"{APP_NAME}: unexpected error", fault_text(error, log),
                      QMessageBox.StandardButton.Close, parent)
    box.setObjectName("faultDialog")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _add_report_buttons(box, error, log)
    if wait:
        box.exec()
    else:
        box.open()
    return box


def open_url(url: QUrl) -> bool:
    """Hand a folder to the desktop's file manager."""
    from PySide6.QtGui import QDesktopServices

    return QDesktopServices.openUrl(url)


def report_text(error: BaseException, log: Path | None) -> str:
    """What Copy Report copies: the dialog's words, then the traceback a developer needs."""
    import traceback

    trace = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    return f"{fault_text(error, log)}\n\n{trace}"


def _add_report_buttons(box: QMessageBox, error: BaseException, log: Path | None) -> None:
    """Copy Report and Open Log Folder, which act without closing the dialog (a message box's
    buttons close it, so their own connection is replaced)."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QMessageBox

    copy = box.addButton("&Copy Report", QMessageBox.ButtonRole.ActionRole)
    copy.setObjectName("copyReportButton")
    copy.clicked.disconnect()
    copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(report_text(error, log)))
    if log is not None:
        folder = box.addButton("Open &Log Folder", QMessageBox.ButtonRole.ActionRole)
        folder.setObjectName("openLogFolderButton")
        folder.setToolTip(str(log.parent))
        folder.clicked.disconnect()
        folder.clicked.connect(lambda: open_url(QUrl.fromLocalFile(str(log.parent))))


def handle_exception(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
    """sys.excepthook while the window runs: log, then tell the user; the app keeps running."""
    from app.fault_log import log_exception

    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return
    log = log_exception(kind, error, trace)
    if QApplication.instance() is None:
        sys.__excepthook__(kind, error, trace)
        return
    if _open_dialog:
        return  # already on screen; the log has this one too
    box = show_fault(error, log)
    _open_dialog.append(box)
    box.finished.connect(_open_dialog.clear)
