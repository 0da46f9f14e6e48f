"""Which writing systems a profile uses, and which bundled font files show them.

The window registers a bundled font with Qt only when a loaded profile uses its script, so a start
with English profiles reads no font file. Thai, Lao, Khmer and Burmese come with the app (Noto
Sans, SIL Open Font License, app/resources/fonts/, fetched by tools/fetch_fonts.py); Chinese,
Japanese and Korean use the system's fonts, which are large and usually installed where those
languages are read. Where a script has no font at all, the page says so once (`missing_font_note`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from app import paths
from app.model import Profile
from app.render import marked_texts

# Unicode blocks of the scripts a Mekong profile may be written in, besides Latin.
SCRIPT_RANGES: dict[str, tuple[tuple[int, int], ...]] = {
    "Thai": ((0x0E00, 0x0E7F),),
    "Lao": ((0x0E80, 0x0EFF),),
    "Khmer": ((0x1780, 0x17FF), (0x19E0, 0x19FF)),
    "Myanmar": ((0x1000, 0x109F), (0xA9E0, 0xA9FF), (0xAA60, 0xAA7F)),
    "Han": ((0x2E80, 0x2FDF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3134F)),
    "Hiragana": ((0x3040, 0x309F),),
    "Katakana": ((0x30A0, 0x30FF), (0x31F0, 0x31FF), (0xFF66, 0xFF9F)),
    "Hangul": ((0x1100, 0x11FF), (0x3130, 0x318F), (0xAC00, 0xD7AF)),
}
# Bundled font files per script: regular, bold.
FONT_FILES: dict[str, tuple[str, str]] = {
    "Thai": ("NotoSansThai-Regular.ttf", "NotoSansThai-Bold.ttf"),
    "Lao": ("NotoSansLao-Regular.ttf", "NotoSansLao-Bold.ttf"),
    "Khmer": ("NotoSansKhmer-Regular.ttf", "NotoSansKhmer-Bold.ttf"),
    "Myanmar": ("NotoSansMyanmar-Regular.ttf", "NotoSansMyanmar-Bold.ttf"),
}
# How a reader knows each script; "Myanmar" is Unicode's name, "Burmese" the language's.
SCRIPT_NAMES: dict[str, str] = {
    "Thai": "Thai", "Lao": "Lao", "Khmer": "Khmer", "Myanmar": "Burmese (Myanmar)", "Han": "Chinese (Han)",
    "Hiragana": "Japanese (Hiragana)", "Katakana": "Japanese (Katakana)", "Hangul": "Korean (Hangul)",
}
FONTS_DIR = "fonts"
LOWEST = chr(min(a for ranges in SCRIPT_RANGES.values() for a, _ in ranges))  # Thai's first letter
# Punctuation, symbols and arrows between LOWEST and the CJK blocks: in every English profile.
SYMBOLS = ("\u2000", "\u2e80")


@functools.cache
def _patterns() -> tuple[re.Pattern[str], dict[str, re.Pattern[str]]]:
    """The scripts' patterns, compiled on first need: classes this wide take 15 ms to compile,
    which a start with English profiles never pays."""
    patterns = {
        script: re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in ranges) + "]")
        for script, ranges in SCRIPT_RANGES.items()
    }
    return re.compile("|".join(p.pattern for p in patterns.values())), patterns


def profile_texts(profile: Profile) -> Iterator[str]:
    """Every text of a profile that is shown: names, titles and every item's texts."""
    yield profile.name
    yield from profile.aliases
    for section in profile.sections:
        yield section.title
        for item in section.items:
            yield from marked_texts(item)


def scripts_in(text: str) -> set[str]:
    """The scripts of SCRIPT_RANGES in a text; for English text, a look at its distinct
    characters (no regular expression is compiled or run)."""
    if not any(c >= LOWEST and not SYMBOLS[0] <= c < SYMBOLS[1] for c in set(text)):
        return set()
    any_script, patterns = _patterns()
    if not any_script.search(text):
        return set()
    return {script for script, pattern in patterns.items() if pattern.search(text)}


def scripts_used(profile: Profile) -> set[str]:
    """The scripts of SCRIPT_RANGES a profile's text uses (Latin is not reported: every system
    has a font for it)."""
    return scripts_in("\n".join(profile_texts(profile)))


def font_files(scripts: Iterable[str]) -> list[Path]:
    """The bundled font files for these scripts, regular then bold, those present on disk:
    what the window registers with Qt (QFontDatabase.addApplicationFont) before showing them."""
    folder = paths.resource(FONTS_DIR)
    found = [folder / name for script in sorted(scripts) for name in FONT_FILES.get(script, ())]
    return [path for path in found if path.is_file()]


def missing_font_note(scripts: Iterable[str]) -> str | None:
    """The sentence a profile page shows once when the system has no font for some of its
    scripts (the window knows which, from Qt's font database); None when nothing is missing."""
    names = [SCRIPT_NAMES.get(s, s) for s in sorted(set(scripts))]
    if not names:
        return None
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return (
        f"This profile uses {listed} script, for which no font is available on this computer: "
        "its text may show as boxes. Installing a font for it (such as Noto Sans) shows the text."
    )
