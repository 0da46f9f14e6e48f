"""The window shell: navigation tree beside the reading pane, the menu skeleton, the status bar.

It knows no feature. Features are installed by the composition root (app/ui/compose.py) and use
the named places offered here: `add_action` at a MenuPlace, `add_menu`, `add_to_side_panel`,
`add_reader_bar`, `reload_page`, `open_address`, the current page and the library.

Signals: section_opened(str) — the address of the page now shown ("lao-pdr" or "lao-pdr/challenges");
library_changed() — set_library swapped in a reloaded library (features that index it rebuild).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

# Start-up: the window is shown as soon as its widgets exist (see application.show_then_fill), so
# nothing needed only later is imported here at module level: not the model, the renderer or the
# menus' classes, and never the `Qt` namespace, whose Python enums PySide6 builds on first use
# (more than 10 ms). They are imported where they are used, once the window is on screen.
from PySide6.QtCore import QModelIndex, QUrl, Signal, Slot
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QTreeView, QVBoxLayout, QWidget

from app import APP_NAME
from app.ui.shell.nav_model import NavModel
from app.ui.shell.section_view import SectionView

if TYPE_CHECKING:
    from datetime import date

    from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
    from PySide6.QtWidgets import QMenu

    from app.library import LibrarySource
    from app.model import Address, Library
    from app.render import Highlighter, ItemHighlighter
    from app.ui.shell.menus import MenuPlace, Menus
    from app.ui.shell.settings import Settings

# Libraries with at most this many profiles show every profile's sections at once (and are small
# enough to index on first use; see the search feature).
SMALL_LIBRARY_PROFILES = 20
WINDOW_SIZE = (1100, 720)  # before any size is remembered (then shrunk to fit the screen)
UNKNOWN_FRAME = (12, 48)  # window frame and title bar, until the window manager says

_F = TypeVar("_F")


class MainWindow(QMainWindow):
    section_opened = Signal(str)
    library_changed = Signal()

    def __init__(self, library: Library | None, settings: Settings, source: LibrarySource | None = None,
                 today: date | None = None) -> None:
        """The window for a library (None: none yet, see set_library), read from `source`
        (reloads read the same). Menus come with build_menus(), features after it."""
        super().__init__()
        self.setObjectName("mainWindow")
        self._settings = settings
        self._source = source
        self._today = today
        self._current: Address | None = None
        self._features: dict[type, object] = {}
        self._page_header: QLabel | None = None
        self._page_title = ""
        self.remember_on_close = True  # off for screenshots, which must not change the user's state
        self.menus: Menus | None = None
        self.side_panel_action: QAction  # View > Side Panel, made with the menus

        self.nav_model = NavModel(library, self)
        self.nav_tree = QTreeView()
        self.nav_tree.setObjectName("navTree")
        self.nav_tree.setAccessibleName("Profiles and sections")
        self.nav_tree.setHeaderHidden(True)
        self.nav_tree.setUniformRowHeights(True)
        self.nav_tree.setModel(self.nav_model)  # long titles are elided on the right, Qt's default
        self.nav_tree.selectionModel().currentChanged.connect(self._on_nav_tree_current_changed)
        self.nav_tree.activated.connect(self._on_nav_tree_activated)
        if library is not None and len(library.profiles) <= SMALL_LIBRARY_PROFILES:
            self.nav_tree.expandAll()

        self.section_view = SectionView()
        self.section_view.link_activated.connect(self._on_section_view_link_activated)

        side_panel = QWidget()
        side_panel.setObjectName("sidePanel")
        self.side_panel = side_panel
        self._side_layout = QVBoxLayout(side_panel)
        self._side_layout.setContentsMargins(6, 6, 0, 6)
        self._side_layout.addWidget(self.nav_tree, 2)
        # The reading pane: the section view with its bars (the find bar) underneath, in one column.
        reading = QWidget()
        reading.setObjectName("readingPane")
        self._reading_layout = QVBoxLayout(reading)
        self._reading_layout.setContentsMargins(0, 0, 0, 0)
        self._reading_layout.setSpacing(0)
        self._reading_layout.addWidget(self.section_view)
        reading.setSizePolicy(self.section_view.sizePolicy())

        self.splitter = QSplitter()  # side by side, Qt's default
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(side_panel)
        self.splitter.addWidget(reading)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        self.splitter.setSizes([self._preferred_tree_width(), 760])
        self.splitter_restored = False
        self.setCentralWidget(self.splitter)

        self.age_label = QLabel()
        self.age_label.setObjectName("dataAgeLabel")
        self.statusBar().addPermanentWidget(self.age_label)

        self.setWindowTitle(APP_NAME)
        self.resize(*WINDOW_SIZE)
        self.fit_to_screen()
        from app.ui.shell.first_paint import FirstPaint

        self._first_paint = FirstPaint(self.section_view)
        self.after_first_paint(self._add_splitter_keys)

    def after_first_paint(self, callback: Callable[[], object]) -> None:
        """Run `callback` once the reading pane has first been painted: for work that changes
        nothing on screen, so the first page is not kept waiting (see shell/first_paint.py)."""
        self._first_paint.later(callback)

    def _add_splitter_keys(self) -> None:
        from app.ui.shell.splitter import SplitterKeys

        self.splitter_keys = SplitterKeys(self.splitter)
        self.section_view.verticalScrollBar().valueChanged.connect(self._show_page_header)

    def fit_to_screen(self) -> None:
        """Never larger than the screen's free area (without panels and docks), at any scale: on a
        1024×600 netbook the status bar and the scroll bar stay on screen."""
        from app.ui.shell.window_fit import fitted_size

        available = self.screen().availableGeometry()
        frame = self.frameGeometry().size() - self.geometry().size()
        # Before the window manager has framed the window its frame is unknown: a title bar's worth.
        margins = (frame.width(), frame.height()) if not frame.isEmpty() else UNKNOWN_FRAME
        width, height = fitted_size((self.width(), self.height()), (available.width(), available.height()),
                                    margins)
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
        if not available.contains(self.frameGeometry()):
            self.move(max(available.left(), min(self.x(), available.right() - self.frameGeometry().width())),
                      max(available.top(), min(self.y(), available.bottom() - self.frameGeometry().height())))

    @property
    def side_panel_shown(self) -> bool:
        return not self.side_panel.isHidden()

    def show_side_panel(self, shown: bool) -> None:
        """Hide or show the side panel (search and tree); the reading pane takes the room.
        The keyboard focus never stays in a hidden panel."""
        if not shown and self.side_panel.isAncestorOf(self.focusWidget()):
            self.section_view.setFocus()
        self.side_panel.setVisible(shown)
        if self.menus is not None:
            self.side_panel_action.setChecked(shown)

    def focus_tree(self) -> None:
        """Alt+1: to the tree, showing the side panel first if it is hidden."""
        if not self.side_panel_shown:
            self.show_side_panel(True)
        self.nav_tree.setFocus()

    def _preferred_tree_width(self) -> int:
        """Wide enough for the section titles (no clipped text), never more than a third of 1024.
        Every profile's titles count, but only the dozen longest are measured (app.layout_hints)."""
        metrics = self.nav_tree.fontMetrics()
        library = self.nav_model.library  # not self.library: an empty window needs no model yet
        if library is None:
            titles: list[str] = []
        else:
            from app.layout_hints import longest_titles

            titles = longest_titles(library, 12)
        widest = max((metrics.horizontalAdvance(t) for t in titles), default=160)
        return max(200, min(340, widest + 2 * self.nav_tree.indentation() + 36))

    # -- places for features -------------------------------------------------------------------

    def build_menus(self) -> None:
        """The menu skeleton and its places: what the first paint can do without."""
        from app.ui.shell.window_menus import build_menus

        if self.menus is None:
            self.menus = build_menus(self)

    def add_action(
        self,
        place: MenuPlace | None,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
    ) -> QAction:
        """An action at a place of the menus (or in none), its shortcut working wherever the focus is."""
        from app.ui.shell.window_menus import make_action

        action = make_action(self, text, slot, shortcut, tip)
        if place is not None:
            assert self.menus is not None, "build_menus() first"
            self.menus.insert(place, action)
        return action

    def add_separator(self, place: MenuPlace) -> None:
        assert self.menus is not None, "build_menus() first"
        self.menus.insert_separator(place)

    def add_menu(self, title: str) -> QMenu:
        """A top-level menu of a feature's own, before Help."""
        assert self.menus is not None, "build_menus() first"
        return self.menus.add_menu(title)

    def add_submenu(self, place: MenuPlace, title: str) -> QMenu:
        assert self.menus is not None, "build_menus() first"
        return self.menus.insert_menu(place, title)

    def add_to_side_panel(self, widget: QWidget, stretch: int = 0) -> None:
        """A widget above the navigation tree (below those added before it)."""
        self._side_layout.insertWidget(self._side_layout.indexOf(self.nav_tree), widget, stretch)

    def add_reader_bar(self, widget: QWidget) -> None:
        """A bar under the reading pane (the find bar)."""
        self._reading_layout.addWidget(widget)

    def add_feature(self, feature: object) -> None:
        """Keep an installed feature, so the composition root's callers (tests) can reach it."""
        self._features[type(feature)] = feature

    def feature(self, kind: type[_F]) -> _F:
        found = self._features[kind]
        assert isinstance(found, kind)
        return found

    # -- what every page needs -----------------------------------------------------------------

    @property
    def has_library(self) -> bool:
        """Whether a library is set yet."""
        return self.nav_model.library is not None

    @property
    def library(self) -> Library:
        """The library shown (an empty one until one is set); the tree model holds it."""
        library = self.nav_model.library
        if library is None:
            from app.model import Library

            return Library()
        return library

    @property
    def library_source(self) -> LibrarySource:
        """Where the library is read from, built once at start (see app.library.LibrarySource)."""
        if self._source is None:
            from app.library import LibrarySource, default_folders

            self._source = LibrarySource(tuple(default_folders()))
        return self._source

    @library_source.setter
    def library_source(self, source: LibrarySource) -> None:
        self._source = source

    @property
    def settings(self) -> Settings:
        """The window's settings, for features that remember a choice (theme) or clear them all."""
        return self._settings

    @property
    def today(self) -> date:
        """The date figures are aged against: fixed for tests, else today."""
        if self._today is not None:
            return self._today
        from datetime import date

        return date.today()

    @property
    def current_address(self) -> Address | None:
        return self._current

    def set_library(self, library: Library, *, open_page: bool = True) -> None:
        """Swap in a reloaded library (a profile added or replaced) and stay on the same page if it
        still exists; `open_page=False` leaves choosing the page to the caller (start-up)."""
        from app.ui.shell.fonts import register_for

        current = self._current
        register_for(library)  # before the tree paints a title in a script that needs a bundled font
        self.nav_model.set_library(library)
        if len(library.profiles) <= SMALL_LIBRARY_PROFILES:
            self.nav_tree.expandAll()
        if current is not None and library.resolve(current.section_address) is not None:
            # At once: a tree left without a current row makes its first row current when it next
            # gets the focus, which would open that page in place of the reader's.
            self._select_in_tree(current)
        if not self.splitter_restored:
            self.splitter.setSizes([self._preferred_tree_width(), max(self.splitter.sizes()[1], 400)])
        self.library_changed.emit()
        if not open_page:
            return
        for candidate in (current, self.first_address()):
            if candidate is not None and self.open_address(candidate):
                return
        self._current = None
        self.setWindowTitle(APP_NAME)
        self.age_label.clear()
        self.section_view.show_html(self.no_profile_html())

    def open_address(self, address: Address, highlight: Highlighter | ItemHighlighter | None = None) -> bool:
        """Show a profile page, a section, or a section scrolled to one item; False if unknown.
        `highlight` marks search hits in a section's text."""
        from app.ui.shell.page import TITLE_SEPARATOR, page_for

        page = page_for(self.library, address, self.today, self.section_view.palette(), highlight)
        if page is None:
            return False
        self._page_title = page.title
        self.section_view.show_html(page.html, page.anchor)
        self._show_page_header()
        self._current = address
        self.setWindowTitle(f"{page.title}{TITLE_SEPARATOR}{APP_NAME}")
        self._select_in_tree(address)
        self.age_label.setText(page.status)
        self.section_opened.emit(str(address.section_address))
        return True

    @property
    def page_header(self) -> QLabel:
        """The line above the text naming the page ("Contact Details — Lao PDR") while its heading
        is scrolled out of view, so an opened hit low on a page still says where it is. Made on
        first use: a start never pays for it."""
        if self._page_header is None:
            from PySide6.QtCore import Qt

            header = QLabel()
            header.setObjectName("pageHeader")
            header.setTextFormat(Qt.TextFormat.PlainText)  # profile text: never markup
            header.setContentsMargins(8, 2, 8, 2)
            font = header.font()
            font.setBold(True)
            header.setFont(font)
            header.hide()
            self._reading_layout.insertWidget(0, header)
            self._page_header = header
        return self._page_header

    @Slot()
    def _show_page_header(self) -> None:
        scrolled_past = self.section_view.verticalScrollBar().value() > self.section_view.heading_bottom()
        if self._page_header is None and not scrolled_past:
            return
        header = self.page_header
        header.setText(self._page_title)
        header.setVisible(scrolled_past)

    def reload_page(self, *, keep_scroll: bool = True) -> None:
        """Render the open page again (new colours, highlights gone), where the reader has scrolled to."""
        current = self._current
        if current is None:
            return
        bar = self.section_view.verticalScrollBar()
        position = bar.value()
        self.open_address(current)
        if keep_scroll:
            bar.setValue(position)

    def _select_in_tree(self, address: Address) -> None:
        from PySide6.QtCore import QItemSelectionModel

        index = self.nav_model.index_of(address)
        if not index.isValid() or index == self.nav_tree.currentIndex():
            return
        self.nav_tree.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.nav_tree.scrollTo(index)

    def step_section(self, step: int) -> None:
        """Open the next or previous page in tree order, across profiles."""
        from app.model import Address

        order = [Address(p.id, s.id) for p in self.library.profiles for s in p.sections]
        if not order:
            return
        current = self._current.section_address if self._current else None
        start = order.index(current) if current in order else (-1 if step > 0 else len(order))
        position = start + step
        if 0 <= position < len(order):
            self.open_address(order[position])

    def first_address(self) -> Address | None:
        from app.model import Address

        profiles = self.library.profiles
        return Address(profiles[0].id) if profiles else None

    def no_profile_html(self) -> str:
        if self.library.errors:
            return ("<p>No profile is loaded: the profile files could not be read.</p>"
                    "<p>File &gt; Problems… says which files and why.</p>")
        return "<p>No profile is loaded.</p>"

    @Slot(QModelIndex, QModelIndex)
    def _on_nav_tree_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        address = self.nav_model.address(current)
        if address is not None and address != (self._current.section_address if self._current else None):
            self.open_address(address)

    @Slot(QModelIndex)
    def _on_nav_tree_activated(self, index: QModelIndex) -> None:
        from PySide6.QtCore import Qt

        if self.nav_model.address(index) is not None:
            self.section_view.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot(QUrl)
    def _on_section_view_link_activated(self, url: QUrl) -> None:
        from app.ui.shell.links import follow_link

        follow_link(self, url)

    def tell(self, title: str, message: str) -> None:
        """A message that needs attention, in a box that stays until dismissed: the status bar's
        messages vanish as soon as a menu opens. Shown once the event loop runs, so it can be said
        while the window is still being built."""
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, self, lambda: self._show_notice(title, message))

    def _show_notice(self, title: str, message: str) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("noticeBox")
        box.setTextFormat(Qt.TextFormat.PlainText)  # file names and profile text: never markup
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def copy_to_clipboard(self, text: str, what: str) -> None:
        from PySide6.QtGui import QGuiApplication

        QGuiApplication.clipboard().setText(text)
        self.statusBar().showMessage(f"{what} copied: {text}", 5000)

    # -- zoom ------------------------------------------------------------------------------------

    def zoom_by(self, steps: int) -> None:
        self.section_view.set_zoom(self.zoom + steps)
        percent = self.section_view.zoom_percent
        self.statusBar().showMessage(f"Zoom: {percent}%" if percent != 100 else "Zoom: 100% (actual size)", 2000)

    def zoom_reset(self) -> None:
        self.zoom_by(-self.zoom)

    @property
    def zoom(self) -> int:
        return self.section_view.zoom

    # -- settings --------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.remember_on_close:
            from app.ui.shell.window_state import save_state

            save_state(self)
        super().closeEvent(event)
