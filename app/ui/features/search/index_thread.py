"""The search index built off the GUI thread, in a module of its own so that a start, which
builds no index before its first paint, never loads QThread (its enums cost about 0.5 ms)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal

if TYPE_CHECKING:
    from app.model import Library


class IndexThread(QThread):
    """Builds a SearchIndex off the GUI thread. Signals: built(object, int) — index, generation."""

    built = Signal(object, int)

    def __init__(self, library: Library, generation: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._generation = generation

    def run(self) -> None:
        from app.search import SearchIndex

        self.built.emit(SearchIndex.build(self._library), self._generation)
