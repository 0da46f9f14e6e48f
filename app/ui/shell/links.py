"""Where a link in the reading pane leads: another section, the clipboard for a phone number, or,
only after asking, the browser (the app itself never goes online)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl

    from app.ui.shell.main_window import MainWindow


def follow_link(window: MainWindow, url: QUrl) -> None:
    from app.model import Address
    from app.render import SECTION_SCHEME

    scheme = url.scheme().lower()
    if scheme == SECTION_SCHEME:
        address = Address.parse(url.path())
        if address is None or not window.open_address(address):
            window.statusBar().showMessage(f"No such section: {url.path()}", 5000)
    elif scheme == "tel":
        window.copy_to_clipboard(url.path(), "Phone number")
    elif scheme in ("http", "https", "mailto"):
        open_outside(window, url)


def open_outside(window: MainWindow, url: QUrl) -> None:
    """A web or mail link is handed to the desktop only if the reader says so."""
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QMessageBox

    answer = QMessageBox.question(
        window,
        "Open outside the app?",
        f"Open {url.toString()} in your web browser or mail program?\n\n"
        "This leaves TIP Reference and may need an internet connection.",
        QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    if answer == QMessageBox.StandardButton.Open:
        QDesktopServices.openUrl(url)
