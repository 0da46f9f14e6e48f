"""How big the window and its tree are: fitted to the screen's free area, wide enough for titles."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow, QTreeView

    from app.model import Library

WINDOW_SIZE = (1100, 720)  # before any size is remembered (then shrunk to fit the screen)
UNKNOWN_FRAME = (12, 48)  # window frame and title bar, until the window manager says


def fit_window(window: QMainWindow) -> None:
    """Never larger than the screen's free area (without panels and docks), at any scale: on a
    1024×600 netbook the status bar and the scroll bar stay on screen."""
    from app.ui.shell.window_fit import fitted_size

    available = window.screen().availableGeometry()
    frame = window.frameGeometry().size() - window.geometry().size()
    # Before the window manager has framed the window its frame is unknown: a title bar's worth.
    margins = (frame.width(), frame.height()) if not frame.isEmpty() else UNKNOWN_FRAME
    size = (window.width(), window.height())
    width, height = fitted_size(size, (available.width(), available.height()), margins)
    if (width, height) != size:
        window.resize(width, height)
    if not available.contains(window.frameGeometry()):
        window.move(max(available.left(), min(window.x(), available.right() - window.frameGeometry().width())),
                    max(available.top(), min(window.y(), available.bottom() - window.frameGeometry().height())))


def preferred_tree_width(tree: QTreeView, library: Library | None) -> int:
    """Wide enough for the section titles (no clipped text), never more than a third of 1024.
    Every profile's titles count, but only the dozen longest are measured (app.layout_hints)."""
    metrics = tree.fontMetrics()
    if library is None:
        titles: list[str] = []
    else:
        from app.layout_hints import longest_titles

        titles = longest_titles(library, 12)
    widest = max((metrics.horizontalAdvance(t) for t in titles), default=160)
    return max(200, min(340, widest + 2 * tree.indentation() + 36))
