"""Where in the file one character of a scalar's value was written, for problem lines that point
at the character itself rather than at the start of the value.

A value is not a slice of the file: quotes, escapes ("\\u200F") and folded lines stand between
them. A refused character is found as the n-th appearance, in the scalar's own source text, of
that character or (in a double-quoted scalar) of an escape that spells it, where n is how often it
appears in the value before the offset. That is exact for every style, because neither quoting
nor folding ever adds or removes such a character.
"""

from __future__ import annotations

import re

from app.yaml_reader import Scalar

_ESCAPE = r"\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)"
_NAMED = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "n": "\n", "v": "\v", "f": "\f", "r": "\r",
          "e": "\x1b", "N": "\x85", "_": "\xa0", "L": "\u2028", "P": "\u2029"}


def character_position(text: str, scalar: Scalar, offset: int) -> tuple[int, int]:
    """The 1-based (line, column) in `text` where `scalar.value[offset]` was written; the scalar's
    start when it cannot be found (a scalar built without a source span)."""
    character = scalar.value[offset]
    wanted = scalar.value.count(character, 0, offset)
    source = text[scalar.start : scalar.end]
    pattern = re.escape(character)
    if scalar.style == '"':
        pattern = f"{_ESCAPE}|{pattern}"
    seen = 0
    for match in re.finditer(pattern, source, flags=re.DOTALL):
        if _decoded(match.group()) != character:
            continue
        if seen == wanted:
            return _line_column(text, scalar.start + match.start())
        seen += 1
    return scalar.line, scalar.column


def _decoded(token: str) -> str:
    if len(token) == 1 or not token.startswith("\\"):
        return token
    kind = token[1]
    if kind in "xuU" and len(token) > 2:
        return chr(int(token[2:], 16)) if int(token[2:], 16) <= 0x10FFFF else ""
    return _NAMED.get(kind, kind)


def _line_column(text: str, index: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1
