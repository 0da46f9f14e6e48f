"""The search panel above the navigation tree: the box, the "this profile only" toggle, the hits.

It runs the query on every keystroke (coalesced by a zero-delay timer, so a burst of typed or
pasted text costs one search) and shows the best hits with the matched words in bold. Up/Down in
the box move through the hits, Enter opens one, Esc clears the search.

Signals: hit_opened(object, str) — a Hit and the query text; counts_changed(dict) — hits per
section address ({} when no search is active); cleared() — Esc in an empty or cleared box.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent

    from app.search import Hit, SearchIndex

HTML_ROLE = 0x0100 + 1  # UserRole + 1: the hit as rich text, for HitDelegate
RESULT_LIMIT = 25  # a screenful or two; each snippet costs about 0.2 ms on a large library


class SearchPanel(QWidget):
    hit_opened = Signal(object, str)
    counts_changed = Signal(dict)
    cleared = Signal()
    searched = Signal(str)  # the hits of this query are on show

    def __init__(self, current_profile: Callable[[], str | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self._current_profile = current_profile
        self._index: SearchIndex | None = None
        self._hits: list[Hit] = []
        self._delegate_set = False
        self.last_typing = False  # whether the shown hits took the last word as a prefix

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.box = _SearchBox(self)
        self.box.setObjectName("searchBox")
        self.box.setPlaceholderText("Search (Ctrl+K)")
        self.box.setAccessibleName("Search all profiles")
        self.box.setClearButtonEnabled(True)
        self.box.textChanged.connect(self._on_box_text_changed)
        self.scope = QCheckBox("This profile only")
        self.scope.setObjectName("searchScope")
        self.scope.setToolTip("Search only the profile that is open")
        self.scope.toggled.connect(self._on_scope_toggled)
        self.status = QLabel()
        self.status.setObjectName("searchStatus")
        self.status.setWordWrap(True)
        self.status.linkActivated.connect(self._on_status_link_activated)
        self.status.hide()
        layout.addWidget(self.box)
        layout.addWidget(self.scope)
        layout.addWidget(self.status)

        self.results = QListWidget()
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName("Search results")
        self.results.setUniformItemSizes(True)
        self.results.setWordWrap(True)
        self.results.itemActivated.connect(self._on_results_item_activated)
        self.results.itemClicked.connect(self._on_results_item_activated)  # one click opens, as in a browser
        self.results.hide()  # placed by the window (above the tree); shown while a search is active

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.run_search)

    # -- our API -----------------------------------------------------------------------------

    @property
    def index(self) -> SearchIndex | None:
        return self._index

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
        """Search for the box's text now and show the hits."""
        self._timer.stop()
        text = self.box.text()
        index = self._index
        self.results.clear()
        self._hits = []
        if not text.strip():
            self.results.hide()
            self.status.hide()
            self.counts_changed.emit({})
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
        self._hits = index.search(text, RESULT_LIMIT, profile=profile, typing=typing)
        for hit in self._hits:
            item = QListWidgetItem(f"{hit.title} — {hit.profile_name}: {hit.snippet_text}")
            item.setData(HTML_ROLE, _hit_html(hit))
            item.setToolTip(str(hit.address))
            self.results.addItem(item)
        if self._hits:
            self.results.setCurrentRow(0)
            self.status.hide()
        else:
            self._say_no_hits(index.suggestions(text), profile is not None)
        self.counts_changed.emit(index.hit_counts(text, profile=profile, typing=typing))
        self.searched.emit(text)

    def open_current(self) -> bool:
        """Open the selected hit (the best if none is selected); False when there is none."""
        if self._timer.isActive():
            self.run_search()
        row = max(self.results.currentRow(), 0)
        if row >= len(self._hits):
            return False
        self.hit_opened.emit(self._hits[row], self.box.text())
        return True

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

    @Slot(QListWidgetItem)
    def _on_results_item_activated(self, item: QListWidgetItem) -> None:
        row = self.results.row(item)
        if 0 <= row < len(self._hits):
            self.hit_opened.emit(self._hits[row], self.box.text())

    @Slot(str)
    def _on_status_link_activated(self, link: str) -> None:
        if link.startswith("suggest:"):
            self.box.setText(link.removeprefix("suggest:"))
            self.run_search()

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
        row = min(max(self.results.currentRow() + step, 0), count - 1)
        self.results.setCurrentRow(row)

    def _say(self, text: str) -> None:
        self.status.setText(html.escape(text))
        self.status.show()

    def _say_no_hits(self, suggestions: list[str], scoped: bool) -> None:
        where = " in this profile" if scoped else ""
        text = f"No matches{where}."
        if suggestions:
            links = ", ".join(
                f'<a href="suggest:{html.escape(s, quote=True)}">{html.escape(s)}</a>' for s in suggestions
            )
            text += f" Did you mean: {links}?"
        self.status.setText(text)
        self.status.show()


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
        f"<b>{html.escape(hit.title)}</b> — {html.escape(hit.profile_name)}"
        f"<br/>{hit.snippet_html}"
    )
