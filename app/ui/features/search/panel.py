"""The search panel above the navigation tree: the box, the "this profile only" toggle, the hits.

It runs the query on every keystroke (coalesced by a zero-delay timer, so a burst of typed or
pasted text costs one search) and shows the best hits with the matched words in bold, under a
line saying how many there are ("25 of 66 hits"; "25 of 1,000+ hits" while a word is typed that
most blocks of a large library hold, and only the first thousand were ranked); a last row shows
the rest. A profile whose name or alias the query spells comes first. Up/Down in the box move
through the rows, Enter opens one, Esc clears the search. With no hits, the "Did you mean" words
are rows too: Down or Tab reach them, Enter takes one.

Signals: hit_opened(object, str) — a Hit and the query text; profile_opened(str) — a profile's id;
counts_changed(object) — the HitCounts of the search (None when no search is active), which count
a section only when asked, so a tree pays only for the rows it paints; cleared() — Esc in an
empty or cleared box.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.render import escape

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QListWidget, QListWidgetItem

    from app.model import Library
    from app.search import Hit, SearchIndex

HTML_ROLE = 0x0100 + 1  # UserRole + 1: the hit as rich text, for HitDelegate
RESULT_LIMIT = 25  # a screenful or two; each snippet costs about 0.2 ms on a large library
PROFILE_ROWS = 3  # countries a query names, above the hits ("land" names every "…land")
SHOW_ALL_LIMIT = 500  # "Show all": a tenth of a second of snippets; more is never read in a list
# The status's tooltip when only the first `cap` hits were ranked ("25 of 1,000+ hits").
CAPPED_TIP = ("More than {cap:,} blocks hold these words: the best of the first {cap:,}, in library order, are"
              " listed. Type more of a word, or another word, to narrow them.")

# A pause in typing this long, after a capped list, has every match ranked and counted: the hits
# shown settle on the best of all (a large library's common word costs tens of milliseconds once).
SETTLE_MS = 300

Row = tuple[str, object]  # ("hit", Hit), ("profile", id), ("more", count), ("suggest", query)


class SearchPanel(QWidget):
    hit_opened = Signal(object, str)
    profile_opened = Signal(str)
    counts_changed = Signal(object)
    cleared = Signal()
    searched = Signal(str)  # the hits of this query are on show

    def __init__(self, current_profile: Callable[[], str | None], library: Callable[[], Library],
                 place_results: Callable[[QWidget], None], parent: QWidget | None = None) -> None:
        """`place_results` puts the hit list in its window (above the tree) once it is made."""
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self._current_profile = current_profile
        self._library = library
        self._index: SearchIndex | None = None
        self._hits: list[Hit] = []
        self._rows: list[Row] = []
        self._limit = RESULT_LIMIT
        self._delegate_set = False
        self._last_text = ""
        self.last_typing = False  # whether the shown hits took the last word as a prefix

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.box = _SearchBox(self)
        self.box.setObjectName("searchBox")
        self.box.setPlaceholderText("Search (Ctrl+K)")
        self.box.setAccessibleName("Search all profiles")
        self.box.textChanged.connect(self._on_box_text_changed)
        self.scope = QCheckBox("This profile only")
        self.scope.setObjectName("searchScope")
        self.scope.setToolTip("Search only the profile that is open")
        self.scope.toggled.connect(self._on_scope_toggled)
        self.status = QLabel()
        self.status.setObjectName("searchStatus")
        self.status.setWordWrap(True)
        self.status.hide()
        layout.addWidget(self.box)
        layout.addWidget(self.scope)
        layout.addWidget(self.status)

        self._place_results = place_results
        self._results: QListWidget | None = None  # made on first use: nothing shows it before a search

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.run_search)
        self._settle_timer = QTimer(self)
        self._settle_timer.setSingleShot(True)
        self._settle_timer.setInterval(SETTLE_MS)
        self._settle_timer.timeout.connect(self._settle)

    # -- our API -----------------------------------------------------------------------------

    def add_clear_button(self) -> None:
        """The box's clear button, which shows once there is text: Qt loads its icon from the
        style (10-14 ms measured), so a start adds it after the first paint."""
        self.box.setClearButtonEnabled(True)

    @property
    def index(self) -> SearchIndex | None:
        return self._index

    @property
    def results(self) -> QListWidget:
        """The hit list (hidden while no search is active), made and placed on first use: the
        first paint shows none, and QListWidget's classes cost PySide6 2 to 3 ms to load."""
        return self._results if self._results is not None else self._make_results()

    def make_results(self) -> None:
        """Make the hit list now (after the first paint), so the first search does not wait for it."""
        if self._results is None:
            self._make_results()

    def _make_results(self) -> QListWidget:
        from PySide6.QtWidgets import QListWidget

        results = self._results = QListWidget()
        results.setObjectName("searchResults")
        results.setAccessibleName("Search results")
        results.setUniformItemSizes(True)
        results.setWordWrap(True)
        results.itemActivated.connect(self._on_results_item_activated)
        results.itemClicked.connect(self._on_results_item_activated)  # one click opens, as in a browser
        results.hide()  # shown while a search is active
        self._place_results(results)
        # Tab from the box reaches the hits or suggestions, then the toggle.
        QWidget.setTabOrder(self.box, results)
        QWidget.setTabOrder(results, self.scope)
        return results

    def set_index(self, index: SearchIndex | None) -> None:
        """A freshly built index; a search typed while it was being built runs now."""
        self._index = index
        if self.box.text().strip():
            self.run_search()

    @property
    def hits(self) -> list[Hit]:
        return list(self._hits)

    @property
    def query(self) -> str:
        return self.box.text()

    @property
    def typing(self) -> bool:
        """Whether the last word is still being typed (a prefix): the box has the focus."""
        return self.box.hasFocus()

    def profile_filter(self) -> str | None:
        return self._current_profile() if self.scope.isChecked() else None

    @Slot()
    def run_search(self) -> None:
        """Search for the box's text now and show the hits (the first RESULT_LIMIT of them)."""
        self._timer.stop()
        self._settle_timer.stop()
        text = self.box.text()
        if text != self._last_text:
            self._limit, self._last_text = RESULT_LIMIT, text
        index = self._index
        self.results.clear()
        self._hits, self._rows = [], []
        if not text.strip():
            self.results.hide()
            self.status.hide()
            self.counts_changed.emit(None)
            return
        if self.results.isHidden() and not self._delegate_set:
            from app.ui.features.search.hit_delegate import HitDelegate  # late: its style classes cost start-up time

            self.results.setItemDelegate(HitDelegate(HTML_ROLE, self.results))
            self._delegate_set = True
        self.results.show()
        if index is None:
            self._say("Preparing the search index…")
            return
        profile, typing = self.profile_filter(), self.typing
        self.last_typing = typing
        found = index.results(text, self._limit, profile=profile, typing=typing)
        self._hits = list(found.hits)
        if profile is None:
            for named in index.profiles_named(text, typing)[:PROFILE_ROWS]:
                self._add_profile_row(named)
        for hit in self._hits:
            self._add_row(("hit", hit), f"{hit.title} — {hit.profile_name}: {hit.snippet_text}", _hit_html(hit),
                          f"{hit.title}, in the {hit.profile_name} profile")
        more = min(found.total, SHOW_ALL_LIMIT)
        if len(self._hits) < more:  # not once SHOW_ALL_LIMIT are shown: the status says how many more
            everything = more == found.total and not found.capped
            label = f"Show all {found.total:,} hits" if everything else f"Show {more:,} of {found.total_text}"
            self._add_row(("more", more), label, escape(label), "Lists more hits")
        if self._rows:
            self.results.setCurrentRow(0)
        if self._hits:
            self._say(found.summary + ("" if profile is None else " in this profile"),
                      CAPPED_TIP.format(cap=found.total) if found.capped else "")
        else:
            self._say_no_hits(index.suggestions(text), profile is not None)
        if found.capped:
            self._settle_timer.start()
        self.counts_changed.emit(index.counts(text, profile, typing))
        self.searched.emit(text)

    @Slot()
    def _settle(self) -> None:
        """The typing has paused on a capped list: the same search over every match."""
        index = self._index
        if index is not None and index.settle(self.box.text(), self.typing, self.profile_filter()):
            row = self.results.currentRow()
            self.run_search()
            self.results.setCurrentRow(min(max(row, 0), self.results.count() - 1))

    def _add_profile_row(self, profile_id: str) -> None:
        name = next((p.name for p in self._library().profiles if p.id == profile_id), profile_id)
        label = f"{name}: the country profile"
        self._add_row(("profile", profile_id), label, f"<b>{escape(name)}</b> — the country profile",
                      f"Opens the {name} profile")

    def _add_row(self, row: Row, text: str, rich: str, tip: str) -> None:
        """A row of the list: `text` for screen readers and sorting, `rich` drawn, `tip` in words."""
        from PySide6.QtWidgets import QListWidgetItem

        item = QListWidgetItem(text)
        item.setData(HTML_ROLE, rich)
        item.setToolTip(tip)
        self.results.addItem(item)
        self._rows.append(row)

    def open_current(self) -> bool:
        """Act on the selected row (the first if none is selected): open a hit or a profile, show
        more hits, or take a suggestion; False when there is nothing to open."""
        if self._timer.isActive():
            self.run_search()
        return self._activate(max(self.results.currentRow(), 0))

    def _activate(self, row: int) -> bool:
        if not 0 <= row < len(self._rows):
            return False
        kind, value = self._rows[row]
        if kind == "hit":
            self.hit_opened.emit(value, self.box.text())
        elif kind == "profile":
            self.profile_opened.emit(str(value))
        elif kind == "more":
            assert isinstance(value, int)
            self._limit = value
            shown = row - RESULT_LIMIT  # the rows above the hits: countries the query names
            self.run_search()
            self.results.setCurrentRow(min(shown + RESULT_LIMIT, self.results.count() - 1))  # the first new hit
            return False
        elif kind == "suggest":
            self.box.setText(str(value))
            self.run_search()
            return False
        return kind in ("hit", "profile")

    def clear_search(self) -> None:
        self.box.clear()  # textChanged -> the results, counts and status go
        self.run_search()

    # -- slots -------------------------------------------------------------------------------

    @Slot(str)
    def _on_box_text_changed(self, _text: str) -> None:
        self._timer.start()

    @Slot(bool)
    def _on_scope_toggled(self, _checked: bool) -> None:
        self.run_search()

    def _on_results_item_activated(self, item: QListWidgetItem) -> None:  # no @Slot: its type loads late
        self._activate(self.results.row(item))

    def handle_key(self, key: int) -> bool:
        """Keys typed in the box that drive the hit list; True when handled."""
        from PySide6.QtCore import Qt

        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            self._move(key)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_current()
            return True
        if key == Qt.Key.Key_Escape:
            self.clear_search()
            self.cleared.emit()
            return True
        return False

    def _move(self, key: int) -> None:
        from PySide6.QtCore import Qt

        if self._timer.isActive():
            self.run_search()
        count = self.results.count()
        if not count:
            return
        step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 5, Qt.Key.Key_PageUp: -5}[Qt.Key(key)]
        current = self.results.currentRow()
        row = min(max(current + step if current >= 0 or step < 0 else 0, 0), count - 1)
        self.results.setCurrentRow(row)

    def _say(self, text: str, tip: str = "") -> None:
        self.status.setText(escape(text))
        self.status.setToolTip(tip)
        self.status.show()

    def _say_no_hits(self, suggestions: list[str], scoped: bool) -> None:
        """"No hits", and the suggestions as rows of the list, which the keyboard reaches."""
        where = " in this profile" if scoped else ""
        self._say(f"No hits{where}." + (" Did you mean:" if suggestions else ""))
        for suggestion in suggestions:
            self._add_row(("suggest", suggestion), suggestion, escape(suggestion), f"Search for “{suggestion}”")
        if self._rows and self._rows[0][0] == "profile":
            return  # a country the query names is still the first row, selected
        self.results.setCurrentRow(-1)  # Down reaches the first; Enter in the box takes the first
        if not suggestions:
            self.results.hide()


class _SearchBox(QLineEdit):
    """The search box; a subclass rather than an event filter, so nothing runs per event
    before the first paint (PySide6 builds QEvent's enums on first use)."""

    def __init__(self, panel: SearchPanel) -> None:
        super().__init__()
        self._panel = panel

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._panel.handle_key(event.key()):
            super().keyPressEvent(event)


def _hit_html(hit: Hit) -> str:
    """Title and profile on the first line, the snippet below: escaped text, our own marks only."""
    return (
        f"<b>{escape(hit.title)}</b> — {escape(hit.profile_name)}"
        f"<br/>{hit.snippet_html}"
    )
