"""Turning parsed terms into a `Query` over a built index (app.search_eval).

A block is a hit by its own text: every unit of the query must match the block's text, its
section's title or its profile's names, and at least one unit its own text. Acronyms are the
defining profile's own: where profiles read a query's acronym differently, each group of profiles
is searched with its own expression. Words of scripts without spaces are found in the trigram
table (substrings of three characters or more) or, shorter, by `instr` over its rows.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from app.acronyms import Acronyms
from app.records import record
from app.search_eval import TYPING_CAP, ExpressionQuery, NoQuery, Query, RowQuery, RowRange
from app.search_index import HEADS_WEIGHT
from app.search_query import BODY, Term, Whole, closeness_expressions, hit_expression, match_parts, spaceless_terms

if TYPE_CHECKING:
    import sqlite3

Definition = tuple[str, tuple[str, ...]]  # acronym, long form


@record
class Plan:
    """What the planner needs of the index."""

    db: sqlite3.Connection
    acronyms: tuple[Acronyms, ...]
    owners: dict[str, dict[Definition, frozenset[int]]]  # query word -> definition -> profiles
    row_profile: tuple[int, ...]  # by rowid - 1
    profile_count: int
    spaceless: bool
    whole: Whole | None = None  # a prefix only one term starts with, as that term


def owners_of(acronyms: tuple[Acronyms, ...]) -> dict[str, dict[Definition, frozenset[int]]]:
    """For each word that can start an acronym's use in a query, which profiles define what."""
    found: dict[str, dict[Definition, set[int]]] = defaultdict(lambda: defaultdict(set))
    for profile, known in enumerate(acronyms):
        for acronym, long_form in known.long_forms.items():
            for word in (acronym, acronym + "s", long_form[0]):
                found[word][(acronym, long_form)].add(profile)
    return {w: {d: frozenset(p) for d, p in by.items()} for w, by in found.items()}


def _groups(plan: Plan, terms: list[Term]) -> list[tuple[list[str], frozenset[int] | None]]:
    """(units, profiles) for each reading of the query; None: every profile not named elsewhere."""
    signature: dict[int, set[Definition]] = defaultdict(set)
    for word in {w for t in terms for w in t.words}:
        for definition, profiles in plan.owners.get(word, {}).items():
            for profile in profiles:
                signature[profile].add(definition)
    by_reading: dict[frozenset[Definition], set[int]] = defaultdict(set)
    for profile, definitions in signature.items():
        by_reading[frozenset(definitions)].add(profile)
    groups: list[tuple[list[str], frozenset[int] | None]] = []
    for reading, members in by_reading.items():
        known = Acronyms()
        for acronym, long_form in sorted(reading):
            known.add(acronym, long_form)
        groups.append((match_parts(terms, known, plan.whole), frozenset(members)))
    if sum(len(p) for _, p in groups if p) < plan.profile_count:
        groups.append((match_parts(terms, None, plan.whole), None))
    if len(groups) == 1:
        return [(groups[0][0], None)]
    return groups


# A query put together in Python reads each of its readings' rows into Python, about ten times the
# cost of a row SQLite ranks itself: while typing, it reads a quarter as many ("25 of 250+ hits").
ROW_QUERY_SHARE = 4


def plan_query(plan: Plan, terms: list[Term], scope: RowRange | None, typing: bool = False) -> Query:
    """The query for parsed terms, within a row range (one profile) or the whole library.

    While the query is being typed, hits rank by bm25 alone: ranking words that stand together
    first takes two more passes of the index, a keystroke's budget when the last word is a prefix
    of many. The finished query (`--query`, the command line, a search box without the focus)
    gets them. And while typing, only the first TYPING_CAP matches are ranked and counted, which a
    result list says ("1,000+")."""
    if not terms:
        return NoQuery()
    needles = spaceless_terms(terms)
    groups = _groups(plan, terms)
    if not needles and len(groups) == 1:
        parts = groups[0][0]
        closeness = None if typing else closeness_expressions(terms)
        return ExpressionQuery(plan.db, _hits(plan, parts), scope, closeness or (), TYPING_CAP if typing else None)
    if needles and not plan.spaceless:
        return NoQuery()
    return _row_query(plan, groups, needles, scope, TYPING_CAP // ROW_QUERY_SHARE if typing else None)


def _hits(plan: Plan, parts: list[str]) -> str:
    """The expression of the hits: every unit somewhere, and, where some title or name holds every
    unit (so a block could match by it alone), one unit in the block's own text. Asking the small
    table of titles first spares most queries the second condition, which costs half as much again."""
    every = " AND ".join(parts)
    if plan.db.execute("SELECT 1 FROM titles WHERE titles MATCH ? LIMIT 1", (every,)).fetchone() is None:
        return every
    return hit_expression(parts)


def _row_query(
    plan: Plan, groups: list[tuple[list[str], frozenset[int] | None]], needles: list[str], scope: RowRange | None,
    cap: int | None = None,
) -> RowQuery:
    """Hits put together from each group's word expression and each substring. With a `cap`
    (while typing), each group's word expression is read for its first `cap` rows only, as one
    expression is for its first TYPING_CAP: a prefix such as "tra" is in most rows of a large
    library, and gathering them all in Python cost 40-95 ms a keystroke."""
    claimed = frozenset().union(*(p for _, p in groups if p is not None))
    capped = False
    scores: dict[int, float] = defaultdict(float)
    candidates: set[int] | None = None
    in_body: set[int] = set()
    expressions: dict[int, str] = {}
    default: str | None = None
    if any(parts for parts, _ in groups):
        candidates = set()
        for parts, profiles in groups:
            every = " AND ".join(parts)
            found = _matches(plan, every, scope, cap)
            if cap is not None and len(found) > cap:
                found, capped = found[:cap], True
            body = _in_body(plan, f"{BODY} : ({' OR '.join(parts)})", [r for r, _ in found])
            for rowid, score in found:
                if _belongs(plan.row_profile[rowid - 1], profiles, claimed):
                    candidates.add(rowid)
                    scores[rowid] += score
                    if rowid in body:
                        in_body.add(rowid)
            if profiles is None:
                default = every
            else:
                expressions.update(dict.fromkeys(profiles, every))
    for needle in needles:
        found_rows, body_rows = _substring(plan, needle, scope)
        candidates = set(found_rows) if candidates is None else candidates & set(found_rows)
        in_body |= body_rows
        for rowid, score in found_rows.items():
            scores[rowid] += score
    hits = {r: (0, scores[r]) for r in (candidates or set()) if r in in_body}
    redo = (lambda: _row_query(plan, groups, needles, scope)) if capped else None
    return RowQuery(hits, expressions, default, plan.row_profile, plan.db, redo=redo)


# Rows looked up by id at most: a longer list is tested over the range of rows it spans.
_LISTED_ROWS = 2_000


def _in_body(plan: Plan, expression: str, rowids: list[int]) -> set[int]:
    """Which of the rows found match `expression` (a unit in their own text): asked of those rows
    only, not of every row the expression matches, which for a common word is most of a library."""
    if not rowids:
        return set()
    span = f" AND rowid BETWEEN {min(rowids)} AND {max(rowids)}"
    listed = f" AND +rowid IN ({','.join(map(str, rowids))})" if len(rowids) <= _LISTED_ROWS else ""
    wanted = set(rowids)
    rows = plan.db.execute(f"SELECT rowid FROM blocks WHERE blocks MATCH ?{span}{listed}", (expression,))
    return {int(rowid) for (rowid,) in rows if rowid in wanted}


def _belongs(profile: int, group: frozenset[int] | None, claimed: frozenset[int]) -> bool:
    """Whether a row's profile reads the query as this group does (None: the default reading)."""
    return profile in group if group is not None else profile not in claimed


def _within(scope: RowRange | None) -> tuple[str, tuple[int, ...]]:
    return ("", ()) if scope is None else (" AND rowid BETWEEN ? AND ?", scope)


def _matches(plan: Plan, expression: str, scope: RowRange | None, cap: int | None = None) -> list[tuple[int, float]]:
    """Matching rows with their scores; with a `cap`, the first cap + 1 in library order (one
    more than kept, to know there are more)."""
    where, params = _within(scope)
    limit, bound = ("", ()) if cap is None else (" ORDER BY rowid LIMIT ?", (cap + 1,))
    rows = plan.db.execute(f"SELECT rowid, rank FROM blocks WHERE blocks MATCH ?{where}{limit}",
                           (expression, *params, *bound))
    return [(int(rowid), -float(rank)) for rowid, rank in rows]


def _substring(plan: Plan, needle: str, scope: RowRange | None) -> tuple[dict[int, float], set[int]]:
    """Rows holding a substring in their text or heads, with a score; and those holding it in
    their own text."""
    where, params = _within(scope)
    if len(needle) >= 3:  # a trigram phrase is a substring
        phrase = '"' + needle.replace('"', '""') + '"'
        rows = plan.db.execute(
            f"SELECT rowid, bm25(spaceless, 1.0, {HEADS_WEIGHT}) FROM spaceless WHERE spaceless MATCH ?{where}",
            (phrase, *params),
        )
        found = {int(r): -float(s) for r, s in rows}
        own = plan.db.execute(f"SELECT rowid FROM spaceless WHERE spaceless MATCH ?{where}",
                              (f"{BODY} : {phrase}", *params))
        return found, {int(r) for (r,) in own}
    # One or two characters (a Chinese or Japanese word, or a word being typed): below trigram
    # size, so every row of the table is looked at; only rows with such a script are in it.
    rows = plan.db.execute(
        f"SELECT rowid, instr(body, ?) > 0, instr(heads, ?) > 0 FROM spaceless"
        f" WHERE (instr(body, ?) > 0 OR instr(heads, ?) > 0){where}",
        (needle, needle, needle, needle, *params),
    )
    scored: dict[int, float] = {}
    body: set[int] = set()
    for rowid, in_text, in_heads in rows:
        scored[int(rowid)] = float(in_text) + HEADS_WEIGHT * float(in_heads)
        if in_text:
            body.add(int(rowid))
    return scored, body
