"""Typed reading of positioned YAML nodes, recording every problem with its line and column.

The profile's structure lives in loader.py; this is what every value goes through there: known
and required keys ("did you mean"), text under the one character policy, dialable numbers, ids,
addresses, years and dates, and true/false.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from typing import TypeVar
from urllib.parse import urlsplit

from app.model import Problem, SourceDate
from app.scalar_position import character_position
from app.text_policy import TextProblem, normalise, phone_problem, text_problem
from app.yaml_reader import Mapping, Node, Scalar, Sequence, shown_value

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
URL_SCHEMES = ("http", "https", "mailto", "tel")
YEARS = range(1800, 2101)
MAX_TEXT_CHARS = 20_000  # one text value: about ten printed pages

_T = TypeVar("_T")


class NodeReader:
    """Reads the values of one file's nodes; every problem is kept, with its place."""

    def __init__(self, display_path: str) -> None:
        self.path = display_path
        self.problems: list[Problem] = []
        self.source_text = ""  # the decoded file, so a problem can point at one character

    def problem(self, message: str, line: int | None = None, column: int | None = None) -> None:
        self.problems.append(Problem(self.path, message, line, column))

    def error(self, node: Node, message: str) -> None:
        self.problem(message, node.line, node.column)

    def fields(
        self, node: Node, what: str, known: tuple[str, ...], required: tuple[str, ...] = ()
    ) -> dict[str, Node] | None:
        """The known keys of a mapping; unknown keys get a "did you mean", missing ones a message."""
        if not isinstance(node, Mapping):
            self.error(node, f"{what} must be a mapping with {_join(known)}, not {_describe(node)}")
            return None
        found: dict[str, Node] = {}
        suggested: set[str] = set()
        for key, value in node.pairs:
            if key.value in known:
                found[key.value] = value
                continue
            close = difflib.get_close_matches(key.value, known, n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else f"expected {_join(known)}"
            suggested.update(close)
            self.error(key, f"unknown key '{shown_value(key.value)}' in {what}; {hint}")
        for name in required:
            if name not in found and name not in suggested:  # "did you mean" already said it
                self.error(node, f"{what} is missing '{name}'")
        if not node.pairs and not required:
            self.error(node, f"{what} is empty; expected {_join(known)}")
        return found

    def optional(
        self, fields: dict[str, Node], name: str, read: Callable[[Node, str], _T | None]
    ) -> _T | None:
        node = fields.get(name)
        return read(node, name) if node is not None else None

    def sequence(self, node: Node, name: str) -> list[Node] | None:
        if not isinstance(node, Sequence):
            self.error(node, f"'{name}' must be a list, not {_describe(node)}")
            return None
        if not node.items:
            self.error(node, f"'{name}' is an empty list")
            return None
        return node.items

    def list_of(self, node: Node, name: str, read: Callable[[Node], _T | None]) -> tuple[_T, ...] | None:
        items = self.sequence(node, name)
        if items is None:
            return None
        values = [read(item) for item in items]
        kept = tuple(v for v in values if v is not None)
        return kept if len(kept) == len(values) else None

    def text(self, node: Node, name: str) -> str | None:
        if not isinstance(node, Scalar):
            self.error(node, f"'{name}' must be text, not {_describe(node)}")
            return None
        if node.kind == "empty" or (node.kind == "text" and not node.value.strip()):
            self.error(node, f"'{name}' is empty")
            return None
        if node.kind != "text":
            self.error(
                node,
                f"'{name}' must be text, but YAML reads {shown_value(node.value)} as {_article(node.kind)}; "
                f"quote it: \"{shown_value(node.value)}\"",
            )
            return None
        if len(node.value) > MAX_TEXT_CHARS:
            # Full-text search's snippets grow with the square of a block's length: one 4 MB
            # paragraph would take minutes to search. The longest paragraph of a profile so far
            # is about 1,000 characters.
            self.error(
                node,
                f"'{name}' is too long ({len(node.value):,} characters, at most {MAX_TEXT_CHARS:,}); "
                "split it into several",
            )
            return None
        if not self.policy(node, name, text_problem(node.value)):
            return None
        return normalise(node.value)

    def number(self, node: Node, name: str) -> str | None:
        """A phone or fax number: text that is also what a phone dials."""
        text = self.text(node, name)
        if text is None or not isinstance(node, Scalar):
            return None
        return text if self.policy(node, name, phone_problem(node.value)) else None

    def policy(self, node: Scalar, name: str, found: TextProblem | None) -> bool:
        """Report what the character policy found, at the refused character's own position."""
        if found is None:
            return True
        line, column = (node.line, node.column)
        if found.offset is not None:
            line, column = character_position(self.source_text, node, found.offset)
        self.problem(f"'{name}' {found.message}", line, column)
        return False

    def identifier(self, node: Node, name: str) -> str | None:
        text = self.text(node, name)
        if text is not None and not ID_PATTERN.fullmatch(text):
            self.error(
                node,
                f"'{name}' must use only a-z, 0-9 and '-' (at most 64), such as 'lao-pdr'; got '{shown_value(text)}'",
            )
            return None
        return text

    def url(self, node: Node, name: str) -> str | None:
        text = self.text(node, name)
        if text is None:
            return None
        parts = urlsplit(text.strip())
        if parts.scheme.lower() not in URL_SCHEMES or (parts.scheme.lower().startswith("http") and not parts.netloc):
            self.error(node, f"'{name}' must be an http(s), mailto or tel address; got '{shown_value(text)}'")
            return None
        return text

    def year(self, node: Node, name: str) -> int | None:
        # isascii and a length cap: int() of thousands of digits raises, and "２０１２" is no year.
        if isinstance(node, Scalar) and node.kind == "integer" and node.value.isascii() and node.value.isdigit() \
                and len(node.value) <= 4:
            value = int(node.value)
            if value in YEARS:
                return value
        shown = node.value if isinstance(node, Scalar) else _describe(node)
        self.error(node, f"'{name}' must be a year such as 2012; got {shown_value(shown)}")
        return None

    def source_date(self, node: Node, name: str) -> SourceDate | None:
        """`2014` or `2014-06`: a year, or a year and month (YAML reads the first as a number)."""
        found = re.fullmatch(r"([0-9]{4})(?:-(0[1-9]|1[0-2]))?", node.value) if isinstance(node, Scalar) else None
        if found is not None and int(found[1]) in YEARS:
            return SourceDate(int(found[1]), int(found[2]) if found[2] else None)
        shown = node.value if isinstance(node, Scalar) else _describe(node)
        self.error(node, f"'{name}' must be a year or a year and month such as 2014-06; got {shown_value(shown)}")
        return None

    def boolean(self, node: Node, name: str) -> bool | None:
        if isinstance(node, Scalar) and node.kind == "true/false":
            return node.value.lower() in ("true", "yes", "on", "y")
        self.error(node, f"'{name}' must be true or false")
        return None


def _describe(node: Node) -> str:
    if isinstance(node, Mapping):
        return "a mapping"
    if isinstance(node, Sequence):
        return "a list"
    assert isinstance(node, Scalar)
    return "nothing" if node.kind == "empty" else _article(node.kind)


def _article(kind: str) -> str:
    return {"integer": "a number", "number": "a number", "true/false": "true/false", "date": "a date"}.get(
        kind, kind
    )


def _join(names: tuple[str, ...]) -> str:
    return ", ".join(f"'{n}'" for n in names)
