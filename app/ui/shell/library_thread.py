"""Reads a large library on a worker thread, so a window with a thousand profiles paints at once.

The window first shows the bundled profiles; this thread reads the rest (from the parsed-profile
cache where it can) and hands the whole library back to the GUI thread through a queued signal.

Signals: loaded(object) — the Library, delivered in the GUI thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal

if TYPE_CHECKING:
    from app.library import LibrarySource
    from app.library_cache import ProfileCache


class LibraryThread(QThread):
    loaded = Signal(object)

    def __init__(self, source: LibrarySource, cache: ProfileCache, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._cache = cache

    def run(self) -> None:
        from app.ui.shell.fonts import learn_scripts

        library = self._source.load(cache=self._cache)
        self._cache.save()
        learn_scripts(library)  # 0.1 ms a profile: here, not on the GUI thread when the library arrives
        self.loaded.emit(library)
