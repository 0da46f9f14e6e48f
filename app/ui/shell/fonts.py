"""Fonts for the scripts a library uses: the bundled Noto files registered with Qt when, and only
when, a loaded profile is written in their script, and a note for scripts no font shows.

Registering is once per file per process: Qt's font database keeps application fonts until the
application ends, and the window, the PDF and the country card all draw through it. A library of
English profiles reads no font file (app.scripts.scripts_used finds no script to serve).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from app.model import Library, Profile

_registered: dict[Path, int] = {}  # font file -> Qt's id for it (-1: Qt could not read it)
_served: list[Library] = []  # the last library served: a page of it asks again for free

# Qt.WritingSystem of each script of app.scripts.SCRIPT_RANGES, by name: whether Qt has a font for it.
_WRITING_SYSTEMS = {
    "Thai": "Thai", "Lao": "Lao", "Khmer": "Khmer", "Myanmar": "Myanmar", "Han": "SimplifiedChinese",
    "Hiragana": "Japanese", "Katakana": "Japanese", "Hangul": "Korean",
}


def register_for(library: Library) -> list[Path]:
    """Register the bundled fonts of every script the library's profiles use (before a page of
    it is shown or printed); the files registered now, [] when all were already (or none is
    needed). Asking again for the same library costs nothing."""
    if _served and _served[0] is library:
        return []
    from app.scripts import font_files, scripts_used

    needed: set[str] = set().union(*(scripts_used(p) for p in library.profiles))
    added = [path for path in font_files(needed) if path not in _registered]
    if added:
        from PySide6.QtGui import QFontDatabase

        for path in added:
            _registered[path] = QFontDatabase.addApplicationFont(str(path))
    _served[:] = [library]
    return added


def registered() -> list[Path]:
    """Every font file this process has registered, in order (About and tests say which)."""
    return list(_registered)


def missing_font_note(profile: Profile) -> str | None:
    """The sentence for a profile's page when Qt has no font for some script it uses, else None."""
    from app.scripts import missing_font_note as note
    from app.scripts import scripts_used

    used = scripts_used(profile)
    if not used:
        return None
    from PySide6.QtGui import QFontDatabase

    missing = []
    for script in used:
        system = getattr(QFontDatabase.WritingSystem, _WRITING_SYSTEMS.get(script, ""), None)
        if system is None or not QFontDatabase.families(system):
            missing.append(script)
    return note(missing)
