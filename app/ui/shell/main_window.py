"""The window shell: navigation tree beside the reading pane, the menu skeleton, the status bar.

It knows no feature. Features are installed by the composition root (app/ui/compose.py) and use
the places of places.py (`add_action` at a MenuPlace, `add_menu`, `add_to_side_panel`,
`add_reader_bar`, `tell`) and, here, `reload_page`, `open_address`, the current page and the library.

Signals: section_opened(str) — the address of the page now shown ("lao-pdr" or "lao-pdr/challenges");
library_changed() — set_library swapped in a reloaded library (features that index it rebuild).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

# Start-up: the window is shown as soon as its widgets exist (see application.show_then_fill), so
# nothing needed only later is imported here at module level: not the model, the renderer or the
# menus' classes, and never the `Qt` namespace, whose Python enums PySide6 builds on first use
# (more than 10 ms). They are imported where they are used, once the window is on screen.
from PySide6.QtCore import QModelIndex, Signal, Slot
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from app import APP_NAME
from app.ui.shell.nav_model import NavModel
from app.ui.shell.page_header import PageHeader
from app.ui.shell.panes import build_panes, navigation_tree
from app.ui.shell.places import FeaturePlaces
from app.ui.shell.section_view import SectionView
from app.ui.shell.window_layout import WINDOW_SIZE, preferred_tree_width

if TYPE_CHECKING:

    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QAction, QCloseEvent

    from app.dataage import CalendarDay
    from app.library import LibrarySource
    from app.model import Address, Library
    from app.render import Highlighter, ItemHighlighter
    from app.ui.shell.menus import Menus
    from app.ui.shell.settings import Settings

# Libraries with at most this many profiles show every profile's sections at once (and are small
# enough to index on first use; see the search feature).
SMALL_LIBRARY_PROFILES = 20


class MainWindow(FeaturePlaces, QMainWindow):
    section_opened = Signal(str)
    library_changed = Signal()

    def __init__(self, library: Library | None, settings: Settings, source: LibrarySource | None = None,
                 today: CalendarDay | None = None) -> None:
        """The window for a library (None: none yet, see set_library), read from `source`
        (reloads read the same). Menus come with build_menus(), features after it."""
        super().__init__()
        self.setObjectName("mainWindow")
        self._settings = settings
        self._source = source
        self._today = today
        self._current: Address | None = None
        self._features: dict[type, object] = {}
        self.remember_on_close = True  # off for screenshots, which must not change the user's state
        self.menus: Menus | None = None
        self.side_panel_action: QAction | None = None  # View > Side Panel, made with the menus' entries

        self.nav_model = NavModel(library, self)
        self.nav_tree = navigation_tree(self.nav_model)
        self.nav_tree.current_moved.connect(self._on_nav_tree_current_changed)
        self.nav_tree.activated.connect(self._on_nav_tree_activated)
        if library is not None and len(library.profiles) <= SMALL_LIBRARY_PROFILES:
            self.nav_tree.expandAll()

        self.section_view = SectionView()
        self.section_view.link_activated.connect(self._on_section_view_link_activated)
        panes = build_panes(self.nav_tree, self.section_view, preferred_tree_width(self.nav_tree, library))
        self.side_panel, self.splitter = panes.side_panel, panes.splitter
        self._side_layout, self._reading_layout = panes.side_layout, panes.reading_layout
        self._page_header = PageHeader(self.section_view, self._reading_layout)
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
        self.after_first_paint(self._add_keys_and_size)

    def after_first_paint(self, callback: Callable[[], object]) -> None:
        """Run `callback` once the reading pane has first been painted: for work that changes
        nothing on screen, so the first page is not kept waiting (see shell/first_paint.py)."""
        self._first_paint.later(callback)

    def finish_now(self) -> None:
        """Run now what waits for the first paint (and anything asked later, at once): the window
        is complete when it is returned, as one built in one go must be."""
        self._first_paint.run_now()

    def _add_keys_and_size(self) -> None:
        from app.ui.shell.splitter import SplitterKeys

        self.splitter_keys = SplitterKeys(self.splitter)
        self.section_view.note_system_size()  # before any Ctrl+wheel zoom
        self.section_view.verticalScrollBar().valueChanged.connect(self._page_header.update)

    def fit_to_screen(self) -> None:
        """Never larger than the screen's free area, at any scale (see window_fit.fit_window)."""
        from app.ui.shell.window_layout import fit_window

        fit_window(self)

    def as_widget(self) -> QWidget:
        return self

    def build_menus(self) -> None:
        """The menu skeleton and its places: what the first paint can do without."""
        from app.ui.shell.window_menus import build_menus

        if self.menus is None:
            self.menus = build_menus(self)

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
    def today(self) -> CalendarDay:
        """The date figures are aged against: fixed for tests, else today."""
        if self._today is not None:
            return self._today
        from app.dataage import today

        return today()

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
            tree_width = preferred_tree_width(self.nav_tree, self.nav_model.library)
            self.splitter.setSizes([tree_width, max(self.splitter.sizes()[1], 400)])
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
        self._page_header.title = page.title
        self.section_view.show_html(page.html, page.anchor)
        self._page_header.update()
        self._current = address
        self.setWindowTitle(f"{page.title}{TITLE_SEPARATOR}{APP_NAME}")
        self._select_in_tree(address)
        self.age_label.setText(page.status)
        self.section_opened.emit(str(address.section_address))
        return True

    @property
    def page_header(self) -> QLabel:
        """The line above the text naming the page while its heading is scrolled out of view."""
        return self._page_header.label

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
        index = self.nav_model.index_of(address)
        if not index.isValid() or index == self.nav_tree.currentIndex():
            return
        self.nav_tree.setCurrentIndex(index)  # the row made current and selected, as a click does
        self.nav_tree.scrollTo(index)

    def step_section(self, step: int) -> None:
        """Open the next or previous page in tree order, across profiles."""
        from app.ui.shell.page import stepped_address

        address = stepped_address(self.library, self._current, step)
        if address is not None:
            self.open_address(address)

    def first_address(self) -> Address | None:
        from app.ui.shell.page import first_address

        return first_address(self.library)

    def no_profile_html(self) -> str:
        from app.ui.shell.page import no_profile_html

        return no_profile_html(self.library)

    @Slot(QModelIndex)
    def _on_nav_tree_current_changed(self, current: QModelIndex) -> None:
        address = self.nav_model.address(current)
        if address is not None and address != (self._current.section_address if self._current else None):
            self.open_address(address)

    @Slot(QModelIndex)
    def _on_nav_tree_activated(self, index: QModelIndex) -> None:
        from PySide6.QtCore import Qt

        if self.nav_model.address(index) is not None:
            self.section_view.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot("QUrl")
    def _on_section_view_link_activated(self, url: QUrl) -> None:
        from app.ui.shell.links import follow_link

        follow_link(self, url)

    def copy_to_clipboard(self, text: str, what: str) -> None:
        from PySide6.QtGui import QGuiApplication

        QGuiApplication.clipboard().setText(text)
        self.statusBar().showMessage(f"{what} copied: {text}", 5000)

    def zoom_by(self, steps: int) -> None:
        self.section_view.set_zoom(self.zoom + steps)
        percent = self.section_view.zoom_percent
        self.statusBar().showMessage(f"Zoom: {percent}%" if percent != 100 else "Zoom: 100% (actual size)", 2000)

    def zoom_reset(self) -> None:
        self.zoom_by(-self.zoom)

    @property
    def zoom(self) -> int:
        return self.section_view.zoom

    def closeEvent(self, event: QCloseEvent) -> None:
        """What the window remembers is written as it closes (window_state.py)."""
        if self.remember_on_close:
            from app.ui.shell.window_state import save_state

            save_state(self)
        super().closeEvent(event)
