"""Search in the window: hooks the search panel, the find bar and their actions into MainWindow.

The index is built on a worker thread once the window is on screen, and again after every
library change, so the first paint never waits for it. Opening a hit shows its section scrolled
to the block with every matched word highlighted; F3 / Shift+F3 step through the highlights.

Keys: Ctrl+K and Ctrl+Shift+F search all profiles; Ctrl+F (Find) finds text in the open
section; F3 / Shift+F3 (FindNext / FindPrevious) step through highlights or matches.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from app.ui.features.search.panel import SearchPanel
from app.ui.shell.main_window import SMALL_LIBRARY_PROFILES

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent

    from app.search import Hit, HitCounts, SearchIndex
    from app.ui.features.search.find_bar import FindBar
    from app.ui.features.search.index_thread import IndexThread
    from app.ui.shell.main_window import MainWindow


# Libraries with more profiles than this are indexed right after the window shows, not on first use.
EAGER_INDEX_PROFILES = SMALL_LIBRARY_PROFILES


class SearchFeature(QObject):
    """Everything search adds to one window. Signals: index_ready() — a new index is in use.

    The panel is on screen from the first paint; the find bar (hidden until asked), the menu
    entries and their keys come after it."""

    index_ready = Signal()
    find_bar: FindBar

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._generation = 0
        self._started = 0
        self._hooked_quit = False
        self._threads: list[IndexThread] = []
        self._wanted = False  # search has been used: keep the index current from now on

        self.panel = SearchPanel(self._current_profile, lambda: window.library,
                                 lambda results: window.add_to_side_panel(results, 3))
        window.add_to_side_panel(self.panel)
        self.panel.hit_opened.connect(self._on_panel_hit_opened)
        self.panel.profile_opened.connect(self._on_panel_profile_opened)
        self.panel.counts_changed.connect(window.nav_model.set_hit_counts)
        self.panel.counts_changed.connect(self._on_panel_counts_changed)
        self._highlighted = False  # the page shows a hit's highlights
        self.panel.cleared.connect(self._on_panel_cleared)
        self.panel.box.textChanged.connect(self.prepare)
        self._opening_hit = False
        window.after_first_paint(self._install)

    def _install(self) -> None:
        from app.ui.features.search.find_bar import FindBar

        window = self._window
        self.panel.add_clear_button()
        self.panel.make_results()
        self.find_bar = FindBar(window.section_view)
        window.add_reader_bar(self.find_bar)
        self.find_bar.closed.connect(self._on_find_bar_closed)
        window.section_opened.connect(self._on_window_section_opened)
        self._add_actions()
        window.library_changed.connect(self.rebuild)
        if window.has_library:  # built with a library, or given it before the first paint
            self.rebuild()

    def _add_actions(self) -> None:
        from PySide6.QtGui import QKeySequence

        from app.ui.shell.menus import MenuPlace

        window, edit = self._window, MenuPlace.EDIT
        window.add_separator(edit)
        self.search_action = window.add_action(edit, "&Search All Profiles…", self.focus_search, "Ctrl+K",
                                               "Search every profile (Ctrl+K or Ctrl+Shift+F)")
        self.search_action.setShortcuts([QKeySequence("Ctrl+K"), QKeySequence("Ctrl+Shift+F")])
        # The menu item and the panel's check box are one setting, whichever is used.
        self.scope_action = window.add_action(
            edit, "Search This &Profile Only", lambda: self.panel.scope.setChecked(self.scope_action.isChecked()),
            tip="Limit search to the open profile",
        )
        self.scope_action.setCheckable(True)
        self.panel.scope.toggled.connect(self.scope_action.setChecked)
        self.find_action = window.add_action(edit, "&Find in Section…", self.find_bar.start_find,
                                             QKeySequence.StandardKey.Find, "Find text in the open section")
        self.find_next_action = window.add_action(edit, "Find &Next", lambda: self.find_bar.step(1),
                                                  QKeySequence.StandardKey.FindNext, "Next highlight or match")
        self.find_previous_action = window.add_action(edit, "Find Pre&vious", lambda: self.find_bar.step(-1),
                                                      QKeySequence.StandardKey.FindPrevious,
                                                      "Previous highlight or match")

    # -- index -------------------------------------------------------------------------------

    @property
    def index(self) -> SearchIndex | None:
        return self.panel.index

    @Slot()
    def rebuild(self) -> None:
        """Index the window's library on a worker thread once the event loop runs (after the
        first paint has been queued); the current index serves until then.

        A small library is indexed on first use instead (prepare()): a few milliseconds when the
        first key is typed, and a window nobody searches in never holds an index (about 2.5 MiB).
        A large one is indexed at once, as that takes long enough to be noticed.
        """
        self._generation += 1
        if not self._wanted and len(self._window.library.profiles) <= EAGER_INDEX_PROFILES:
            return
        QTimer.singleShot(0, self, self._start_build)

    @Slot()
    def prepare(self) -> None:
        """Search is about to be used: build the index now if there is none and none is coming."""
        self._wanted = True
        if self._started != self._generation and not self._threads:
            self._start_build()

    @Slot()
    def _start_build(self) -> None:
        if self._started == self._generation:
            return  # several library changes in one go: one build
        self._started = self._generation
        if not self._threads:
            self._window.installEventFilter(self)  # wait for the build if the window closes
        if not self._hooked_quit:
            from PySide6.QtCore import QCoreApplication

            app = QCoreApplication.instance()
            if app is not None:
                app.aboutToQuit.connect(self.wait)
            self._hooked_quit = True
        from app.ui.features.search.index_thread import IndexThread  # late: QThread's enums wait

        thread = IndexThread(self._window.library, self._generation, self)
        thread.built.connect(self._on_thread_built)
        thread.finished.connect(lambda: self._forget(thread))
        self._threads.append(thread)
        thread.start()

    def ensure_index(self) -> SearchIndex:
        """The index now, built on this thread if the worker has not delivered it yet (--query)."""
        from app.search import SearchIndex

        self._wanted = True
        if self.index is None:
            self._generation += 1
            self._use(SearchIndex.build(self._window.library))
        assert self.index is not None
        return self.index

    def wait(self) -> None:
        """Let running builds finish: a thread must never outlive its window."""
        for thread in list(self._threads):
            thread.wait()

    @Slot(object, int)
    def _on_thread_built(self, index: SearchIndex, generation: int) -> None:
        if generation == self._generation:
            self._use(index)
        else:
            index.close()  # the library changed meanwhile; a newer build is on its way

    def _use(self, index: SearchIndex) -> None:
        old = self.panel.index
        self.panel.set_index(index)
        if old is not None:
            old.close()
        self.index_ready.emit()

    def _forget(self, thread: IndexThread) -> None:
        if thread in self._threads:
            self._threads.remove(thread)
        if not self._threads:
            self._window.removeEventFilter(self)
        thread.deleteLater()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        from PySide6.QtCore import QEvent  # late: its enums are built on first use

        if watched is self._window and event.type() == QEvent.Type.Close:
            self.wait()
        return super().eventFilter(watched, event)

    # -- searching and opening hits ------------------------------------------------------------

    def focus_search(self) -> None:
        from PySide6.QtCore import Qt

        self.prepare()
        self.panel.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.panel.box.selectAll()

    def show_query(self, text: str) -> bool:
        """--query: search for complete words and open the best hit; False when nothing matches."""
        self.ensure_index()
        self.panel.box.setText(text)
        self.panel.run_search()
        return self.panel.open_current()

    def _current_profile(self) -> str | None:
        current = self._window.current_address
        return current.profile if current is not None else None

    @Slot(object, str)
    def _on_panel_hit_opened(self, hit: Hit, query: str) -> None:
        self.open_hit(hit, query)

    @Slot(str)
    def _on_panel_profile_opened(self, profile: str) -> None:
        from app.model import Address

        self._window.open_address(Address(profile))

    def open_hit(self, hit: Hit, query: str) -> None:
        """Show the hit's section scrolled to its block, marked as the index matched it: the
        highlights are the ones the tree counted for the section."""
        from app.render import item_anchor
        from app.search_hits import count_noun
        from app.ui.shell.page_style import render_style

        index = self.index
        if index is None:
            return
        marks = index.section_marks(query, hit.address, typing=self.panel.last_typing)
        self._opening_hit = True
        try:
            opened = self._window.open_address(hit.address, highlight=marks)
        finally:
            self._opening_hit = False
        self._highlighted = opened
        if opened:
            colour = render_style(self._window.section_view.palette()).hit_background
            self.find_bar.show_search_hits(colour, item_anchor(hit.block))
            self._window.statusBar().showMessage(
                f"{count_noun(len(self.find_bar.matches), 'highlight')} — F3 / Shift+F3 step through them", 5000
            )

    @Slot(str)
    def _on_window_section_opened(self, _address: str) -> None:
        if not self._opening_hit:
            self._highlighted = False
            self.find_bar.clear()
            if not self.find_bar.field.text():
                self.find_bar.hide()

    @Slot(object)
    def _on_panel_counts_changed(self, counts: HitCounts | None) -> None:
        from PySide6.QtCore import Qt

        # A long title loses its middle rather than its hit count while a search is active.
        searching = bool(self.panel.query.strip())
        elide = Qt.TextElideMode.ElideMiddle if searching else Qt.TextElideMode.ElideRight
        if self._window.nav_tree.textElideMode() != elide:
            self._window.nav_tree.setTextElideMode(elide)
        if counts is None and not searching:
            self.remove_highlights()

    def remove_highlights(self) -> None:
        """The search is over: show the page plain again, where the reader has scrolled to."""
        current = self._window.current_address
        if not self._highlighted or current is None:
            return
        self._highlighted = False
        self._window.reload_page(keep_scroll=True)

    @Slot()
    def _on_panel_cleared(self) -> None:
        from PySide6.QtCore import Qt

        self._window.nav_tree.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _on_find_bar_closed(self) -> None:
        from PySide6.QtCore import Qt

        self._window.section_view.setFocus(Qt.FocusReason.OtherFocusReason)

