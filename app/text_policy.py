"""The one character policy for every text value of a profile (and any other text the app shows
as content, such as bookmark titles).

A reference that field staff act on must show exactly the characters its publisher wrote, in the
order they wrote them. Characters a reader cannot see can change what is shown without changing
how the file looks: a right-to-left mark shows "+856 21 267 790" as "790 267 21 856+", a tag
character hides text inside text, a private-use character shows as something else on every
computer. So such characters are refused, each with its position and what to do, and everything
accepted is normalised to NFC so what is shown, copied, searched and printed is one string.
"""

from __future__ import annotations

import re
import unicodedata

from app.records import record

# Zero-width joiner and non-joiner: scripts such as Persian, Indic scripts and emoji sequences
# need them to join or separate letters, so they are the only format characters kept.
_KEPT_FORMAT = frozenset("\u200c\u200d")
# Line breaks and tabs are how a value's own lines are written; every other control is refused.
_KEPT_CONTROLS = frozenset("\t\n")
_BIDI = {
    "\u200e": "left-to-right mark",
    "\u200f": "right-to-left mark",
    "\u061c": "Arabic letter mark",
    "\u202a": "left-to-right embedding",
    "\u202b": "right-to-left embedding",
    "\u202c": "pop directional formatting",
    "\u202d": "left-to-right override",
    "\u202e": "right-to-left override",
    "\u2066": "left-to-right isolate",
    "\u2067": "right-to-left isolate",
    "\u2068": "first strong isolate",
    "\u2069": "pop directional isolate",
}
# Characters that draw nothing although they are letters or marks: a value made only of these
# (with spaces and the kept joiners) looks empty on screen.
_BLANK = frozenset("\u200c\u200d\u034f\u115f\u1160\u3164\uffa0\u180b\u180c\u180d\u180f") | frozenset(
    chr(c) for c in range(0xFE00, 0xFE10)
)

# What a phone dials: ASCII digits grouped by spaces and + - / ( ) ., and an extension.
_PHONE = re.compile(r"[0-9()./ +-]*[0-9][0-9()./ +-]*(?: *(?i:ext\.?|extension) *[0-9]+)?")
_EXTENSION = re.compile(r" *(?i:ext\.?|extension) *[0-9]+$")
_PHONE_CHARACTERS = frozenset("0123456789+-/(). ")
PHONE_RULE = "write the number with the digits 0-9, spaces and + - / ( ) . only (an extension as 'ext. 332')"


@record
class TextProblem:
    """Why a value is refused: `offset` is the 0-based index of the first refused character in the
    value (None when the value as a whole is at fault), `message` a sentence saying what to do."""

    offset: int | None
    message: str


def normalise(value: str) -> str:
    """The value as the app keeps it: NFC, so one word is one string however it was typed."""
    return unicodedata.normalize("NFC", value)


def text_problem(value: str) -> TextProblem | None:
    """The first reason `value` may not be shown as content, or None when it may."""
    for offset, character in enumerate(value):
        reason = _refusal(character)
        if reason is not None:
            return TextProblem(offset, reason)
    if all(c.isspace() or c in _BLANK for c in value):
        return TextProblem(None, "is blank: it holds only spaces or invisible characters; write the text")
    return None


def phone_problem(value: str) -> TextProblem | None:
    """The first reason `value` is not a dialable number (after text_problem found none)."""
    if _PHONE.fullmatch(value):
        return None
    offset = _first_non_phone_character(value)
    if offset is None:
        return TextProblem(None, f"is not a number a phone can dial; {PHONE_RULE}")
    found = describe(value[offset])
    return TextProblem(offset, f"holds {found}, which a phone cannot dial; {PHONE_RULE}")


def describe(character: str) -> str:
    """A character as a message names it: "'٣' (U+0663 ARABIC-INDIC DIGIT THREE)"."""
    code = f"U+{ord(character):04X}"
    name = unicodedata.name(character, "")
    shown = f"'{character}' " if character.isprintable() else ""
    return f"{shown}({code} {name})" if name else f"{shown}({code})"


def _first_non_phone_character(value: str) -> int | None:
    """Where a number stops being dialable: the first character outside the grammar's alphabet,
    skipping a well-formed extension; None when every character is allowed but misplaced."""
    match = _EXTENSION.search(value)
    body = value[: match.start()] if match else value
    return next((i for i, c in enumerate(body) if c not in _PHONE_CHARACTERS), None)


def _refusal(character: str) -> str | None:
    code = ord(character)
    if character in _BIDI:
        return (
            f"contains an invisible {_BIDI[character]} (U+{code:04X}), which changes the order the "
            "text is shown in; remove it"
        )
    if 0xE0000 <= code <= 0xE007F:
        return f"contains an invisible tag character (U+{code:04X}), which hides text; remove it"
    category = unicodedata.category(character)
    if category == "Cc" and character not in _KEPT_CONTROLS:
        return f"contains an invisible control character (U+{code:04X}); remove it"
    if category == "Cf" and character not in _KEPT_FORMAT:
        return f"contains an invisible format character {describe(character)}; remove it"
    if category == "Co":
        return (
            f"contains a private-use character (U+{code:04X}), which looks different on every computer; "
            "use a standard Unicode character"
        )
    if category == "Cs":
        return f"contains half of a surrogate pair (U+{code:04X}), which is no character; remove it"
    if category == "Cn":
        return f"contains U+{code:04X}, which is not a Unicode character; remove it"
    return None
