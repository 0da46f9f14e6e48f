"""One query evaluated against the index: its rows ranked, counted and looked up by row range.

Two ways, one interface. Most queries are one FTS5 expression over the whole library, so SQLite
ranks them itself (`ORDER BY rank LIMIT n`) and nothing is read for the rows not shown
(`ExpressionQuery`). A query that needs the trigram table, or whose words are an acronym some
profiles define differently, is put together in Python from several expressions (`RowQuery`).

While a query is typed, a word common to most of a large library would cost tens of milliseconds
per keystroke to rank and count: bm25 reads every matching row. Such a query ranks and counts only
its first `TYPING_CAP` matches in library order, and says so (`capped`: "25 of 1,000+ hits").
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Protocol

from app.search_index import BODY_WEIGHT, HEADS_WEIGHT
from app.search_marks import MARK_END, MARK_START

if TYPE_CHECKING:
    import sqlite3

RowRange = tuple[int, int]  # first and last rowid, inclusive
_MARKED = f"highlight(blocks, 0, '{MARK_START}', '{MARK_END}')"
# The table's rank as a plain function: SQLite then keeps only the best few while it sorts, where
# FTS5's own ORDER BY rank sorts every match.
_SCORE = f"bm25(blocks, {BODY_WEIGHT}, {HEADS_WEIGHT})"
# Matches ranked and counted at most while typing: bm25 costs about a microsecond a row.
TYPING_CAP = 1_000


Ranked = tuple[int, float, str]  # rowid, score, the body with the matched runs marked


class Query(Protocol):
    """A query's hits: best rows first, how many there are, and the rows inside a range, each
    with its body as the index highlights it (stems, variants, phrases and prefixes as FTS5
    matched them). Each call is one pass of the index: FTS5 merges a prefix's doclists per query,
    so a query per row would cost that many merges."""

    def top(self, limit: int) -> list[Ranked]: ...

    def total(self) -> int: ...

    def capped(self) -> bool:
        """Whether only the first `total()` matches were ranked and counted: there are more."""
        ...

    def uncapped(self) -> Query:
        """The same query ranked and counted over every match (itself, if it never was capped)."""
        ...

    def rows_in(self, span: RowRange) -> list[int]: ...

    def marked_in(self, span: RowRange) -> dict[int, str]: ...


def marked_runs(
    db: sqlite3.Connection, expression: str, rowids: Sequence[int], span: RowRange | None = None
) -> dict[int, str]:
    """The highlighted bodies of some rows: of those within `span`, in one pass over the range,
    or else of the rows listed, in one pass from the first to the last of them (`+rowid`: FTS5
    would otherwise look each up afresh, merging a prefix's doclists once per row)."""
    if not expression or not rowids:
        return {}
    wanted = set(rowids)
    if span is not None:
        rows = db.execute(f"SELECT rowid, {_MARKED} FROM blocks WHERE blocks MATCH ? AND rowid BETWEEN ? AND ?",
                          (expression, *span))
    else:
        marks = ",".join("?" * len(wanted))
        rows = db.execute(f"SELECT rowid, {_MARKED} FROM blocks WHERE blocks MATCH ? AND rowid BETWEEN ? AND ?"
                          f" AND +rowid IN ({marks})", (expression, min(wanted), max(wanted), *wanted))
    return {int(rowid): text for rowid, text in rows if rowid in wanted}


@dataclass
class ExpressionQuery:
    """One FTS5 expression, optionally within one row range (a profile), ranked by bm25 with rows
    where the words stand as a phrase, then near one another, ranked first. With a `cap` (while
    typing), only the first `cap` matches in library order are ranked and counted."""

    db: sqlite3.Connection
    expression: str
    scope: RowRange | None = None
    closeness: tuple[str, ...] = ()  # phrase, near: each a stricter expression ranked first
    cap: int | None = None
    # What was read, kept: the index never changes, and typing "traf", "traff", "traffi" asks one
    # expression (app.search_index.Completions) over and over. Not part of what the query is.
    _total: int | None = field(default=None, init=False, compare=False)
    _short: int | None = field(default=None, init=False, compare=False)
    _capped: bool = field(default=False, init=False, compare=False)
    _tops: dict[int, list[Ranked]] = field(default_factory=dict, init=False, compare=False)
    _marked: dict[RowRange, dict[int, str]] = field(default_factory=dict, init=False, compare=False)

    def _where(self, extra: str = "") -> tuple[str, tuple[object, ...]]:
        expression = f"({self.expression}) AND ({extra})" if extra else self.expression
        if self.scope is None:
            return "blocks MATCH ?", (expression,)
        return "blocks MATCH ? AND rowid BETWEEN ? AND ?", (expression, *self.scope)

    def top(self, limit: int) -> list[Ranked]:
        if limit not in self._tops:
            ranked = self._top_of_first(limit, self.cap) if self.cap is not None and not self.closeness \
                else self._top(limit)
            self._tops = {limit: ranked}  # one list at a time: the first screenful, or all shown
        return list(self._tops[limit])

    def _top(self, limit: int) -> list[Ranked]:
        chosen: dict[int, Ranked] = {}
        for extra in (*self.closeness, ""):
            if len(chosen) >= limit:
                break
            where, params = self._where(extra)
            # Only the rows returned are highlighted: FTS5 sorts by rank itself.
            for rowid, rank, marked in self.db.execute(
                f"SELECT rowid, rank, {_MARKED} FROM blocks WHERE {where} ORDER BY rank LIMIT ?", (*params, limit)
            ):
                if rowid not in chosen and len(chosen) < limit:
                    chosen[int(rowid)] = (int(rowid), -float(rank), marked)
        if len(chosen) < limit:
            self._short = len(chosen)
        return list(chosen.values())

    def _top_of_first(self, limit: int, cap: int) -> list[Ranked]:
        """The best of the first `cap` matches, counted in the same pass (one more is read, to know
        whether there are more, and left out). Only the best `limit` are highlighted, in a second
        pass over the rows between them."""
        where, params = self._where()
        best = self.db.execute(
            f"SELECT rowid, score, found FROM (SELECT rowid, score, count(*) OVER () AS found,"
            f" max(rowid) OVER () AS last FROM (SELECT rowid, {_SCORE} AS score FROM blocks"
            f" WHERE {where} ORDER BY rowid LIMIT ?)) WHERE found <= ? OR rowid < last ORDER BY score, rowid LIMIT ?",
            (*params, cap + 1, cap, limit),
        ).fetchall()
        found = int(best[0][2]) if best else 0
        self._total, self._capped = min(found, cap), found > cap
        marked = marked_runs(self.db, self.expression, [int(rowid) for rowid, _, _ in best])
        return [(int(rowid), -float(score), marked.get(int(rowid), "")) for rowid, score, _ in best]

    def total(self) -> int:
        if self._total is None and self._short is not None:
            self._total = self._short  # fewer hits than asked for: all were listed
        if self._total is None and self.cap is not None:
            where, params = self._where()
            found = int(self.db.execute(f"SELECT count(*) FROM (SELECT 1 FROM blocks WHERE {where} LIMIT ?)",
                                        (*params, self.cap + 1)).fetchone()[0])
            self._total, self._capped = min(found, self.cap), found > self.cap
        if self._total is None:
            where, params = self._where()
            self._total = int(self.db.execute(f"SELECT count(*) FROM blocks WHERE {where}", params).fetchone()[0])
        return self._total

    def capped(self) -> bool:
        self.total()
        return self._capped

    def uncapped(self) -> ExpressionQuery:
        return self if self.cap is None else replace(self, cap=None)  # what was read is not carried over

    def _in(self, columns: str, span: RowRange) -> list[tuple[int, str]]:
        low, high = span
        if self.scope is not None:
            low, high = max(low, self.scope[0]), min(high, self.scope[1])
        if low > high:
            return []
        return self.db.execute(
            f"SELECT rowid, {columns} FROM blocks WHERE blocks MATCH ? AND rowid BETWEEN ? AND ?",
            (self.expression, low, high),
        ).fetchall()

    def rows_in(self, span: RowRange) -> list[int]:
        return [int(rowid) for rowid, _ in self._in("NULL", span)]

    def marked_in(self, span: RowRange) -> dict[int, str]:
        if span not in self._marked:
            if len(self._marked) >= 4:  # a few screenfuls of tree rows
                del self._marked[next(iter(self._marked))]
            self._marked[span] = {int(rowid): marked for rowid, marked in self._in(_MARKED, span)}
        return dict(self._marked[span])


@dataclass
class RowQuery:
    """Hits gathered in Python: row id -> (closeness tier, score), and the word expression that
    applies to each profile (None: no word part, only substrings)."""

    scores: dict[int, tuple[int, float]]
    expressions: dict[int, str] = field(default_factory=dict)  # by profile
    default_expression: str | None = None
    row_profile: Sequence[int] = ()
    db: sqlite3.Connection | None = None
    # Set when only the first rows of a word part were read (while typing): the same query, uncapped.
    redo: Callable[[], Query] | None = field(default=None, compare=False)
    _sorted: list[int] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        self._sorted = sorted(self.scores)

    def top(self, limit: int) -> list[Ranked]:
        best = sorted(self.scores.items(), key=lambda row: (-row[1][0], -row[1][1], row[0]))[:limit]
        marked = self._marked([rowid for rowid, _ in best], None)
        return [(rowid, score, marked.get(rowid, "")) for rowid, (_, score) in best]

    def total(self) -> int:
        return len(self.scores)

    def capped(self) -> bool:
        return self.redo is not None

    def uncapped(self) -> Query:
        return self.redo() if self.redo is not None else self

    def rows_in(self, span: RowRange) -> list[int]:
        start = bisect.bisect_left(self._sorted, span[0])
        end = bisect.bisect_right(self._sorted, span[1])
        return self._sorted[start:end]

    def marked_in(self, span: RowRange) -> dict[int, str]:
        return self._marked(self.rows_in(span), span)

    def _marked(self, rowids: list[int], span: RowRange | None) -> dict[int, str]:
        """Rows highlighted by the expression their profile reads the query by; rows found by
        substrings alone are left to the substring marks."""
        groups: dict[str, list[int]] = {}
        for rowid in rowids:
            expression = self.expressions.get(self.row_profile[rowid - 1], self.default_expression)
            if expression and self.db is not None:
                groups.setdefault(expression, []).append(rowid)
        marked: dict[int, str] = {}
        for expression, some in groups.items():
            assert self.db is not None
            marked.update(marked_runs(self.db, expression, some, span))
        return {rowid: marked.get(rowid, "") for rowid in rowids}


class NoQuery:
    """Text with nothing to search."""

    def top(self, _limit: int) -> list[Ranked]:
        return []

    def total(self) -> int:
        return 0

    def capped(self) -> bool:
        return False

    def uncapped(self) -> Query:
        return self

    def rows_in(self, _span: RowRange) -> list[int]:
        return []

    def marked_in(self, _span: RowRange) -> dict[int, str]:
        return {}
