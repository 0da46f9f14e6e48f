"""One query evaluated against the index: its rows ranked, counted and looked up by row range.

Two ways, one interface. Most queries are one FTS5 expression over the whole library, so SQLite
ranks them itself (`ORDER BY rank LIMIT n`) and nothing is read for the rows not shown
(`ExpressionQuery`). A query that needs the trigram table, or whose words are an acronym some
profiles define differently, is put together in Python from several expressions (`RowQuery`).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from app.search_marks import MARK_END, MARK_START

if TYPE_CHECKING:
    import sqlite3

RowRange = tuple[int, int]  # first and last rowid, inclusive
_MARKED = f"highlight(blocks, 0, '{MARK_START}', '{MARK_END}')"


class Query(Protocol):
    """A query's hits: best rows first, how many there are, and the rows inside a range."""

    def top(self, limit: int) -> list[tuple[int, float]]: ...

    def total(self) -> int: ...

    def rows_in(self, span: RowRange) -> list[int]: ...

    def expression_for(self, profile: int) -> str | None: ...


def marked_runs(db: sqlite3.Connection, expression: str, rowids: Sequence[int]) -> dict[int, str]:
    """Each row's body with what the expression matched between marks (the index's own decision:
    stems, variants and prefixes included)."""
    if not expression or not rowids:
        return {}
    marks = ",".join("?" * len(rowids))
    found = db.execute(
        f"SELECT rowid, {_MARKED} FROM blocks WHERE blocks MATCH ? AND rowid IN ({marks})",
        (expression, *rowids),
    )
    return {int(rowid): text for rowid, text in found}


@dataclass
class ExpressionQuery:
    """One FTS5 expression, optionally within one row range (a profile), ranked by bm25 with rows
    where the words stand as a phrase, then near one another, ranked first."""

    db: sqlite3.Connection
    expression: str
    scope: RowRange | None = None
    closeness: tuple[str, ...] = ()  # phrase, near: each a stricter expression ranked first
    _total: int | None = field(default=None, init=False)

    def _where(self, extra: str = "") -> tuple[str, tuple[object, ...]]:
        expression = f"({self.expression}) AND ({extra})" if extra else self.expression
        if self.scope is None:
            return "blocks MATCH ?", (expression,)
        return "blocks MATCH ? AND rowid BETWEEN ? AND ?", (expression, *self.scope)

    def top(self, limit: int) -> list[tuple[int, float]]:
        chosen: dict[int, float] = {}
        for extra in (*self.closeness, ""):
            if len(chosen) >= limit:
                break
            where, params = self._where(extra)
            for rowid, rank in self.db.execute(
                f"SELECT rowid, rank FROM blocks WHERE {where} ORDER BY rank LIMIT ?", (*params, limit)
            ):
                if rowid not in chosen and len(chosen) < limit:
                    chosen[int(rowid)] = -float(rank)
        return list(chosen.items())

    def total(self) -> int:
        if self._total is None:
            where, params = self._where()
            self._total = int(self.db.execute(f"SELECT count(*) FROM blocks WHERE {where}", params).fetchone()[0])
        return self._total

    def rows_in(self, span: RowRange) -> list[int]:
        low, high = span
        if self.scope is not None:
            low, high = max(low, self.scope[0]), min(high, self.scope[1])
        if low > high:
            return []
        found = self.db.execute(
            "SELECT rowid FROM blocks WHERE blocks MATCH ? AND rowid BETWEEN ? AND ?", (self.expression, low, high)
        )
        return [int(rowid) for (rowid,) in found]

    def expression_for(self, profile: int) -> str | None:
        return self.expression


@dataclass
class RowQuery:
    """Hits gathered in Python: row id -> (closeness tier, score), and the word expression that
    applies to each profile (None: no word part, only substrings)."""

    scores: dict[int, tuple[int, float]]
    expressions: dict[int, str] = field(default_factory=dict)
    default_expression: str | None = None
    _sorted: list[int] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        self._sorted = sorted(self.scores)

    def top(self, limit: int) -> list[tuple[int, float]]:
        best = sorted(self.scores.items(), key=lambda row: (-row[1][0], -row[1][1], row[0]))[:limit]
        return [(rowid, score) for rowid, (_, score) in best]

    def total(self) -> int:
        return len(self.scores)

    def rows_in(self, span: RowRange) -> list[int]:
        start = bisect.bisect_left(self._sorted, span[0])
        end = bisect.bisect_right(self._sorted, span[1])
        return self._sorted[start:end]

    def expression_for(self, profile: int) -> str | None:
        return self.expressions.get(profile, self.default_expression)


class NoQuery:
    """Text with nothing to search."""

    def top(self, limit: int) -> list[tuple[int, float]]:
        return []

    def total(self) -> int:
        return 0

    def rows_in(self, span: RowRange) -> list[int]:
        return []

    def expression_for(self, profile: int) -> str | None:
        return None
