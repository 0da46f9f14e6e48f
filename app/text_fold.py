"""One normalisation for matching, applied alike to profile text and to what a reader types.

NFKC then case folding, so "ﬁ", full-width letters, "ß" and a query typed with combining marks
(NFD, as some keyboards send it) meet the same text; letters with a stroke that Unicode does not
decompose ("đ", "ł", "ø") are mapped to their base letter, because SQLite's
`remove_diacritics 2` strips only marks that decomposition exposes, and "Đông Nam Á" must be
found as "dong nam a". Other diacritics are left to the FTS tokenizer.

It also says which characters belong to scripts written without spaces between words (Thai, Lao,
Khmer, Burmese, Chinese, Japanese): there a word cannot be told from its neighbours without a
dictionary, so such text is searched by substring, never by the fragments a tokenizer makes.
"""

from __future__ import annotations

import re
import unicodedata

# Letters whose stroke or bar is part of the letter for Unicode (no decomposition), so FTS5
# keeps them; readers type the base letter.
_STROKES = str.maketrans({
    "đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "ħ": "h", "Ħ": "h",
    "ŧ": "t", "Ŧ": "t", "ƀ": "b", "ɨ": "i", "ƶ": "z", "ǥ": "g", "ɉ": "j", "ı": "i",
})

# Blocks of the scripts written without spaces between words, as (first, last) code points.
SPACELESS_RANGES: tuple[tuple[int, int], ...] = (
    (0x0E00, 0x0E7F),  # Thai
    (0x0E80, 0x0EFF),  # Lao
    (0x1000, 0x109F),  # Myanmar
    (0xA9E0, 0xA9FF),  # Myanmar Extended-B
    (0xAA60, 0xAA7F),  # Myanmar Extended-A
    (0x1780, 0x17FF),  # Khmer
    (0x19E0, 0x19FF),  # Khmer Symbols
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x31F0, 0x31FF),  # Katakana Phonetic Extensions
    (0x3400, 0x4DBF),  # CJK Extension A
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs
    (0xF900, 0xFAFF),  # CJK Compatibility Ideographs
    (0xFF66, 0xFF9F),  # half-width Katakana
    (0x20000, 0x3134F),  # CJK Extensions B-G
)
# Scripts whose one- and two-character words are common (Chinese, Japanese): too short for a
# trigram index, so they are looked for by substring over the rows instead.
_CJK_RANGES = SPACELESS_RANGES[7:]


def _in(ranges: tuple[tuple[int, int], ...], character: str) -> bool:
    point = ord(character)
    return any(first <= point <= last for first, last in ranges)


_SPACELESS = re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in SPACELESS_RANGES) + "]")


def is_spaceless(character: str) -> bool:
    """Whether a character belongs to a script written without spaces between words."""
    return ord(character) >= 0x0E00 and _in(SPACELESS_RANGES, character)


def has_spaceless(text: str) -> bool:
    """Whether a text holds any character of a script without spaces (one regular-expression
    scan: building the index asks this of every block)."""
    return _SPACELESS.search(text) is not None


def is_cjk(character: str) -> bool:
    return ord(character) >= 0x3040 and _in(_CJK_RANGES, character)


_HAS_STROKE = re.compile("[" + "".join(chr(c) for c in _STROKES) + "]")


def fold(text: str) -> str:
    """The form text is matched in: NFKC, case-folded, stroke letters on their base letter."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    # str.translate looks up every character; most texts have no stroke letter to map.
    return folded.translate(_STROKES) if _HAS_STROKE.search(folded) else folded


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """`text` folded character by character, with, for each folded character, the index of the
    original character it came from: a match found in the folded text is marked on the original.

    Text is NFC on load, so folding one character at a time gives what folding the whole does,
    apart from compatibility sequences that NFKC would join across characters (rare, and then
    only the marked span differs by a character)."""
    if text.isascii():
        return text.lower(), list(range(len(text)))
    folded_whole = fold(text)
    lowered = text.lower()
    if len(lowered) == len(text) and lowered == folded_whole:  # "’", "é": one for one
        return folded_whole, list(range(len(text)))
    folded: list[str] = []
    origin: list[int] = []
    for position, character in enumerate(text):
        piece = fold(character) if not character.isascii() else character.lower()
        folded.append(piece)
        origin.extend([position] * len(piece))
    return "".join(folded), origin


def fold_texts(texts: list[str]) -> str:
    """Texts folded one character at a time and joined by newlines: the form the index stores, so
    a span the index marks maps back onto the texts through `fold_with_offsets`."""
    return "\n".join(fold_with_offsets(text)[0] for text in texts)


def _marks() -> str:
    """The combining marks of the blocks profiles use (Latin diacritics, the Mekong scripts,
    Japanese kana), as a regular-expression class body. A mark is part of the word it sits on:
    splitting "ที่" or an NFD "ô" at its marks is what made fragments of words."""
    blocks = ((0x0300, 0x036F), (0x0E00, 0x0EFF), (0x1000, 0x109F), (0x1780, 0x17FF),
              (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF), (0x3099, 0x309A),
              (0xA9E0, 0xA9FF), (0xAA60, 0xAA7F), (0xFE20, 0xFE2F))
    found = [
        chr(point)
        for first, last in blocks
        for point in range(first, last + 1)
        if unicodedata.category(chr(point)).startswith("M")
    ]
    return "".join(found)


# A word: letters and digits with the marks on them; the FTS tokenizer splits text the same way
# (unicode61 with categories L* N* Co M*).
WORD = re.compile(f"(?:[^\\W_]|[{_marks()}])+")


def words(text: str) -> list[str]:
    """The folded words of a text, as the search index splits it (hyphens and apostrophes split)."""
    return WORD.findall(fold(text))
