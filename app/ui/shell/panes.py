"""The window's widgets: the navigation tree, and the side panel beside the reading pane (the
section view with its bars underneath) in one splitter. Built before the window first shows.

Signals of NavTree: side_button_pressed(int) — the mouse's back (-1) or forward (1) button over
the tree (see side_buttons.py); current_moved(QModelIndex) — the current row changed, told by the
view itself: asking for its selection model before the first paint makes PySide6 load
QItemSelectionModel's classes (about 1 ms).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QSplitter, QTreeView, QVBoxLayout, QWidget

from app.records import record
from app.ui.shell.nav_model import NavModel
from app.ui.shell.section_view import SectionView
from app.ui.shell.side_buttons import took_side_button

if TYPE_CHECKING:
    from PySide6.QtCore import QPersistentModelIndex
    from PySide6.QtGui import QMouseEvent


class NavTree(QTreeView):
    """The navigation tree: a QTreeView that reports the mouse's side buttons and its current row."""

    side_button_pressed = Signal(int)
    current_moved = Signal(QModelIndex)

    def currentChanged(self, current: QModelIndex | QPersistentModelIndex,
                       previous: QModelIndex | QPersistentModelIndex) -> None:
        super().currentChanged(current, previous)
        self.current_moved.emit(current)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if not took_side_button(event, self.side_button_pressed):
            super().mousePressEvent(event)


def navigation_tree(model: NavModel) -> NavTree:
    tree = NavTree()
    tree.setObjectName("navTree")
    tree.setAccessibleName("Profiles and sections")
    tree.setHeaderHidden(True)
    tree.setUniformRowHeights(True)
    tree.setModel(model)  # long titles are elided on the right, Qt's default
    return tree


@record
class Panes:
    """The side panel (search above the tree), the reading pane's column, and the splitter."""

    side_panel: QWidget
    side_layout: QVBoxLayout
    reading_layout: QVBoxLayout
    splitter: QSplitter


def build_panes(tree: NavTree, view: SectionView, tree_width: int) -> Panes:
    side_panel = QWidget()
    side_panel.setObjectName("sidePanel")
    side_layout = QVBoxLayout(side_panel)
    side_layout.setContentsMargins(6, 6, 0, 6)
    side_layout.addWidget(tree, 2)
    reading = QWidget()
    reading.setObjectName("readingPane")
    reading_layout = QVBoxLayout(reading)
    reading_layout.setContentsMargins(0, 0, 0, 0)
    reading_layout.setSpacing(0)
    reading_layout.addWidget(view)
    splitter = QSplitter()  # side by side, Qt's default
    splitter.setObjectName("mainSplitter")
    splitter.addWidget(side_panel)
    splitter.addWidget(reading)
    splitter.setStretchFactor(0, 0)
    splitter.setStretchFactor(1, 1)
    splitter.setCollapsible(1, False)
    splitter.setSizes([tree_width, 760])
    return Panes(side_panel, side_layout, reading_layout, splitter)
