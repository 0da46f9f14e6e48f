"""What the window remembers between runs: geometry, splitter, side panel, zoom and the last page read.

Like the PySide6 application example: read at start (restore_*), written when the window closes
(save_state, from MainWindow.closeEvent).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.model import Address
    from app.ui.shell.main_window import MainWindow


def restore_geometry(window: MainWindow) -> None:
    """Size, place and splitter from the settings: what must be right before the window shows."""
    settings = window.settings
    if settings.geometry is not None:
        window.restoreGeometry(settings.geometry)
    if settings.window_state is not None:
        window.restoreState(settings.window_state)
    if settings.splitter_state is not None:
        window.splitter_restored = window.splitter.restoreState(settings.splitter_state)
    window.fit_to_screen()  # a size kept from a larger screen, or a higher scale, is shrunk to fit
    window.show_side_panel(settings.side_panel)


def remembered_address(window: MainWindow) -> Address | None:
    """The page that was open when the app was last closed, if any."""
    from app.model import Address

    text = window.settings.last_address
    return Address.parse(text) if text else None


def open_first_page(window: MainWindow, requested: Address | None = None) -> None:
    """The requested page, else the one open when the app was last closed, else the first;
    at the zoom the user left it."""
    window.section_view.set_zoom(window.settings.zoom)
    for candidate in (requested, remembered_address(window), window.first_address()):
        if candidate is not None and window.open_address(candidate):
            return
    window.section_view.show_html(window.no_profile_html())


def save_state(window: MainWindow) -> None:
    from PySide6.QtCore import QByteArray

    settings = window.settings
    settings.geometry = window.saveGeometry()
    settings.window_state = window.saveState()
    settings.splitter_state = QByteArray(window.splitter.saveState())
    settings.zoom = window.zoom
    settings.side_panel = window.side_panel_shown
    current = window.current_address
    if current is not None:
        settings.last_address = str(current.section_address)
    settings.sync()
