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
_scripts: dict[str, frozenset[str]] = {}  # by the profile's SHA-256: a reload rescans only what changed

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
    from app.scripts import font_files

    needed: set[str] = set().union(*(_scripts_of(p) for p in library.profiles))
    added = [path for path in font_files(needed) if path not in _registered]
    if added:
        from PySide6.QtGui import QFontDatabase

        for path in added:
            _registered[path] = QFontDatabase.addApplicationFont(str(path))
    _served[:] = [library]
    return added


def learn_scripts(library: Library) -> None:
    """Find the scripts of every profile now, off the GUI thread (the library thread does, after
    reading a large library), so registering its fonts on the GUI thread looks them up. Plain
    Python, no Qt: safe on any thread."""
    for profile in library.profiles:
        _scripts_of(profile)


def _scripts_of(profile: Profile) -> frozenset[str]:
    """The scripts a profile uses (about 0.1 ms for a profile of the bundled one's size, so 80 ms
    for a thousand on the first load), kept for the next load of the same text."""
    found = _scripts.get(profile.sha256)
    if found is None:
        from app.scripts import scripts_used

        found = _scripts[profile.sha256] = frozenset(scripts_used(profile))
    return found


def registered() -> list[Path]:
    """Every font file this process has registered, in order (About and tests say which)."""
    return list(_registered)


def missing_font_note(profile: Profile) -> str | None:
    """The sentence for a profile's page when Qt has no font for some script it uses, else None."""
    from app.scripts import missing_font_note as note

    used = _scripts_of(profile)
    if not used:
        return None
    from PySide6.QtGui import QFontDatabase

    missing = []
    for script in used:
        system = getattr(QFontDatabase.WritingSystem, _WRITING_SYSTEMS.get(script, ""), None)
        if system is None or not QFontDatabase.families(system):
            missing.append(script)
    return note(missing)
