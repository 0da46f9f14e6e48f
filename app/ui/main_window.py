"""The main window: navigation tree beside the reading pane, menus, status bar.

Built in two steps so a plain start can show it before anything else happens (see
application.show_then_fill): __init__ makes only the widgets; finish_setup() adds the menus and
the features, which therefore hook in there (or after it), never in __init__.

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
from PySide6.QtCore import QModelIndex, QUrl, Signal, Slot
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QTreeView, QVBoxLayout, QWidget

from app import APP_NAME
from app.ui.nav_model import NavModel
from app.ui.section_view import SectionView
from app.ui.settings import Settings

if TYPE_CHECKING:
    from datetime import date
    from pathlib import Path

    from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
    from PySide6.QtWidgets import QMenu

    from app.model import Address, Library
    from app.render import Highlighter
    from app.ui.profile_actions import ProfileActions

TITLE_SEPARATOR = " — "


class MainWindow(QMainWindow):
    section_opened = Signal(str)
    library_changed = Signal()

    def __init__(
        self, library: Library | None, settings: Settings, today: date | None = None, *, finish: bool = True
    ) -> None:
        """The window for a library (None: none yet, see set_library).

        `finish=False` builds only the widgets, so the window can be shown at once; the caller then
        calls finish_setup() before the event loop runs (the user never sees the difference).
        """
        super().__init__()
        self.setObjectName("mainWindow")
        self._library = library
        self._settings = settings
        self._today = today
        self._current: Address | None = None
        self.remember_on_close = True  # off for screenshots, which must not change the user's state
        self.extra_profile_dirs: list[Path] = []  # --profiles-dir folders, read again on reload
        self.profile_actions: ProfileActions | None = None

        self.nav_model = NavModel(library, self)
        self.nav_tree = QTreeView()
        self.nav_tree.setObjectName("navTree")
        self.nav_tree.setAccessibleName("Profiles and sections")
        self.nav_tree.setHeaderHidden(True)
        self.nav_tree.setUniformRowHeights(True)
        self.nav_tree.setModel(self.nav_model)  # long titles are elided on the right, Qt's default
        self.nav_tree.selectionModel().currentChanged.connect(self._on_nav_tree_current_changed)
        self.nav_tree.activated.connect(self._on_nav_tree_activated)
        if library is not None and len(library.profiles) <= 20:
            self.nav_tree.expandAll()

        self.section_view = SectionView()
        self.section_view.link_activated.connect(self._on_section_view_link_activated)

        self.side_panel = QWidget()
        self.side_layout = QVBoxLayout(self.side_panel)
        self.side_layout.setContentsMargins(6, 6, 0, 6)
        self.side_layout.addWidget(self.nav_tree)

        self.splitter = QSplitter()  # side by side, Qt's default
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.side_panel)
        self.splitter.addWidget(self.section_view)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        self.splitter.setSizes([self._preferred_tree_width(), 760])
        self._splitter_restored = False
        self.setCentralWidget(self.splitter)

        self.age_label = QLabel()
        self.age_label.setObjectName("dataAgeLabel")
        self.statusBar().addPermanentWidget(self.age_label)

        self.setWindowTitle(APP_NAME)
        self.resize(1100, 720)
        self._finished = False
        if finish:
            self.finish_setup()

    def finish_setup(self) -> None:
        """Menus, actions and features: everything the first paint can do without (see __init__)."""
        if self._finished:
            return
        self._finished = True
        self._build_menus()
        # Features add their widgets and actions here, each from its own module.
        from app.ui.search_feature import install_search

        self.search = install_search(self)
        from app.ui.reading_features import ReadingFeatures

        self.reading = ReadingFeatures(self)
        from app.ui.fault_hook import settings_warning
        from app.ui.profile_actions import install_profile_actions

        install_profile_actions(self)
        warning = settings_warning(self._settings)
        if warning is not None:
            self.statusBar().showMessage(warning, 30000)
        self.add_quit_to_file_menu()

    def _preferred_tree_width(self) -> int:
        """Wide enough for the section titles (no clipped text), never more than a third of 1024."""
        metrics = self.nav_tree.fontMetrics()
        profiles = self._library.profiles[:200] if self._library is not None else ()
        titles = [t for p in profiles for t in (p.name, *(s.title for s in p.sections))]
        widest = max((metrics.horizontalAdvance(t) for t in titles), default=160)
        return max(200, min(340, widest + 2 * self.nav_tree.indentation() + 36))

    # -- menus -------------------------------------------------------------------------------

    def add_action(
        self,
        menu: QMenu | None,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
    ) -> QAction:
        """An action in a menu (or none), with its shortcut working wherever the focus is."""
        from PySide6.QtGui import QAction, QKeySequence

        action = QAction(text, self)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)  # every binding of the platform (ZoomIn: Ctrl++ and Ctrl+=)
        elif shortcut is not None:
            # A list, not setShortcut(), and no copy of a QKeySequence: those overloads' argument
            # checks build all of Qt's enums (see the module's start-up note).
            action.setShortcuts([shortcut if isinstance(shortcut, QKeySequence) else QKeySequence(shortcut)])
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts keep working when the menu bar is hidden
        if menu is not None:
            menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        """The menu skeleton; features add their actions to these menus (see the feature modules)."""
        from PySide6.QtGui import QAction, QKeySequence

        menu_bar = self.menuBar()
        self.file_menu = menu_bar.addMenu("&File")
        self.edit_menu = menu_bar.addMenu("&Edit")
        self.view_menu = menu_bar.addMenu("&View")
        self.go_menu = menu_bar.addMenu("&Go")
        self.help_menu = menu_bar.addMenu("&Help")

        self.quit_action = self.add_action(None, "&Quit", self.close, QKeySequence.StandardKey.Quit, "Close the app")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        add, edit = self.add_action, self.edit_menu
        self.copy_action = add(edit, "&Copy", self.section_view.copy, QKeySequence.StandardKey.Copy,
                               "Copy the selected text")
        self.select_all_action = add(edit, "Select &All", self.section_view.selectAll,
                                     QKeySequence.StandardKey.SelectAll, "Select the whole section")

        view = self.view_menu
        self.zoom_in_action = add(view, "Zoom &In", lambda: self.zoom_by(1), QKeySequence.StandardKey.ZoomIn,
                                  "Larger text")
        self.zoom_out_action = add(view, "Zoom &Out", lambda: self.zoom_by(-1), QKeySequence.StandardKey.ZoomOut,
                                   "Smaller text")
        self.zoom_reset_action = add(view, "&Actual Size", self.zoom_reset, "Ctrl+0", "Text at the system size")

        go = self.go_menu
        self.previous_section_action = add(go, "&Previous Section", lambda: self.step_section(-1), "Ctrl+PgUp",
                                           "Open the section above in the tree")
        self.next_section_action = add(go, "&Next Section", lambda: self.step_section(1), "Ctrl+PgDown",
                                       "Open the section below in the tree")
        go.addSeparator()
        self.focus_tree_action = add(go, "&Navigation Tree", self.nav_tree.setFocus, "Alt+1",
                                     "Move the keyboard focus to the navigation tree")
        self.focus_text_action = add(go, "Section &Text", self.section_view.setFocus, "Alt+2",
                                     "Move the keyboard focus to the section text")

        self.about_action = add(self.help_menu, f"&About {APP_NAME}", self.show_about,
                                tip="Version, content and checksums")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def add_quit_to_file_menu(self) -> None:
        """Quit closes the File menu, after whatever features put there."""
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

    # -- navigation --------------------------------------------------------------------------

    @property
    def has_library(self) -> bool:
        """Whether a library is set yet (asking `library` would make an empty one)."""
        return self._library is not None

    @property
    def library(self) -> Library:
        if self._library is None:
            from app.model import Library

            self._library = Library()
        return self._library

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
        current = self._current
        self._library = library
        self.nav_model.set_library(library)
        if len(library.profiles) <= 20:
            self.nav_tree.expandAll()
        if current is not None and library.resolve(current.section_address) is not None:
            # At once: a tree left without a current row makes its first row current when it next
            # gets the focus, which would open that page in place of the reader's.
            self._select_in_tree(current)
        if not self._splitter_restored:
            self.splitter.setSizes([self._preferred_tree_width(), max(self.splitter.sizes()[1], 400)])
        self.library_changed.emit()
        if not open_page:
            return
        for candidate in (current, self._first_address()):
            if candidate is not None and self.open_address(candidate):
                return
        self._current = None
        self.setWindowTitle(APP_NAME)
        self.age_label.clear()
        self.section_view.show_html(self._no_profile_html())

    def open_address(self, address: Address, highlight: Highlighter | None = None) -> bool:
        """Show a profile page, a section, or a section scrolled to one item; False if unknown.
        `highlight` marks search hits in a section's text."""
        from app.dataage import figures_age
        from app.render import item_anchor, profile_html, section_html
        from app.ui.page_style import render_style

        resolved = self.library.resolve(address)
        if resolved is None:
            return False
        profile, section = resolved
        style = render_style(self.section_view.palette())
        if section is None:
            html = profile_html(profile, self.today, style)
            title = profile.name
        else:
            html = section_html(profile, section, style, highlight)
            title = f"{section.title}{TITLE_SEPARATOR}{profile.name}"
        anchor = item_anchor(address.item) if address.item is not None else None
        self.section_view.show_html(html, anchor)
        self._current = address
        self.setWindowTitle(f"{title}{TITLE_SEPARATOR}{APP_NAME}")
        self._select_in_tree(address)
        age = figures_age(profile, self.today)
        from app.ui.plain_text import literal, shortened  # a profile's name is text, never markup

        name = shortened(profile.name, 60)  # a very long name would push the status bar's notices out
        self.age_label.setText(literal(f"{name}: {age}" if age else name))
        self.section_opened.emit(str(address.section_address))
        return True

    def _select_in_tree(self, address: Address) -> None:
        from PySide6.QtCore import QItemSelectionModel

        index = self.nav_model.index_of(address)
        if not index.isValid() or index == self.nav_tree.currentIndex():
            return
        self.nav_tree.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
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

    @Slot(QModelIndex, QModelIndex)
    def _on_nav_tree_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
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
        scheme = url.scheme().lower()
        from app.model import Address
        from app.render import SECTION_SCHEME

        if scheme == SECTION_SCHEME:
            address = Address.parse(url.path())
            if address is None or not self.open_address(address):
                self.statusBar().showMessage(f"No such section: {url.path()}", 5000)
        elif scheme == "tel":
            self.copy_to_clipboard(url.path(), "Phone number")
        elif scheme in ("http", "https", "mailto"):
            self._open_outside(url)

    def copy_to_clipboard(self, text: str, what: str) -> None:
        from PySide6.QtGui import QGuiApplication

        QGuiApplication.clipboard().setText(text)
        self.statusBar().showMessage(f"{what} copied: {text}", 5000)

    def _open_outside(self, url: QUrl) -> None:
        """The app itself never goes online; a web link is handed to the browser only if asked to."""
        from PySide6.QtGui import QDesktopServices
        from PySide6.QtWidgets import QMessageBox

        target = url.toString()
        answer = QMessageBox.question(
            self,
            "Open outside the app?",
            f"Open {target} in your web browser or mail program?\n\n"
            "This leaves TIP Reference and may need an internet connection.",
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Open:
            QDesktopServices.openUrl(url)

    # -- zoom --------------------------------------------------------------------------------

    def zoom_by(self, steps: int) -> None:
        self.section_view.set_zoom(self.zoom + steps)
        self.statusBar().showMessage(f"Zoom: {self.zoom:+d}" if self.zoom else "Zoom: actual size", 2000)

    def zoom_reset(self) -> None:
        self.zoom_by(-self.zoom)

    @property
    def zoom(self) -> int:
        return self.section_view.zoom

    # -- dialogs -----------------------------------------------------------------------------

    def show_about(self) -> None:
        from PySide6 import __version__ as pyside_version
        from PySide6.QtCore import qVersion
        from PySide6.QtWidgets import QMessageBox

        from app.about import about_html
        from app.ui.privacy import NEVER_STORED, stored_items

        html = about_html(self.library, f"PySide6 {pyside_version}, Qt {qVersion()}", stored_items(self), NEVER_STORED)
        QMessageBox.about(self, f"About {APP_NAME}", html)

    # -- settings ----------------------------------------------------------------------------

    def restore_geometry(self) -> None:
        """Size, place and splitter from the settings: what must be right before the window shows."""
        settings = self._settings
        if settings.geometry is not None:
            self.restoreGeometry(settings.geometry)
        if settings.window_state is not None:
            self.restoreState(settings.window_state)
        if settings.splitter_state is not None:
            self._splitter_restored = self.splitter.restoreState(settings.splitter_state)

    def restore_state(self, requested: Address | None = None) -> None:
        """Geometry, splitter and zoom from the settings; then the requested or last page."""
        self.restore_geometry()
        self.open_first_page(requested)

    def remembered_address(self) -> Address | None:
        """The page that was open when the app was last closed, if any."""
        return _parse(self._settings.last_address)

    def open_first_page(self, requested: Address | None = None) -> None:
        """The requested page, else the one open when the app was last closed, else the first;
        at the zoom the user left it."""
        settings = self._settings
        self.section_view.set_zoom(settings.zoom)
        for candidate in (requested, self.remembered_address(), self._first_address()):
            if candidate is not None and self.open_address(candidate):
                return
        self.section_view.show_html(self._no_profile_html())

    def _no_profile_html(self) -> str:
        if self.library.errors:
            return ("<p>No profile is loaded: the profile files could not be read.</p>"
                    "<p>File &gt; Problems… says which files and why.</p>")
        return "<p>No profile is loaded.</p>"

    def _first_address(self) -> Address | None:
        from app.model import Address

        profiles = self.library.profiles
        return Address(profiles[0].id) if profiles else None

    def save_state(self) -> None:
        from PySide6.QtCore import QByteArray

        settings = self._settings
        settings.geometry = self.saveGeometry()
        settings.window_state = self.saveState()
        settings.splitter_state = QByteArray(self.splitter.saveState())
        settings.zoom = self.zoom
        if self._current is not None:
            settings.last_address = str(self._current.section_address)
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.remember_on_close:
            self.save_state()
        super().closeEvent(event)


def _parse(text: str | None) -> Address | None:
    from app.model import Address

    return Address.parse(text) if text else None
