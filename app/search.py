"""Full-text search over a library: in-memory SQLite FTS5 indexes with one row per block.

A block is a hit by its own text; its section's title and its profile's names and aliases rank it
(bm25) but never make it a hit. Words are stemmed (porter), folded alike in text and query, and
indexed by prefix for search-as-you-type; scripts without spaces are searched by substring.
Highlights, hit counts and snippets come from one source (app.search_marks), so they agree; what
a search returns is in app.search_hits.
`sqlite3` is imported only when an index is built, so the window and the text commands start
without it.
"""

from __future__ import annotations

import bisect
import difflib
from typing import TYPE_CHECKING

from app import search_index
from app.acronyms import Acronyms
from app.model import Address, Library
from app.render import MAX_HIGHLIGHTS
from app.search_eval import ExpressionQuery, Query, RowRange
from app.search_hits import Hit, HitCounts, Results
from app.search_marks import (
    MARK_END,
    MARK_START,
    RowMarks,
    SectionMarks,
    mark_count,
    row_marks,
    row_snippet,
    word_spans,
)
from app.search_plan import Plan, owners_of, plan_query
from app.search_query import parse, spaceless_terms
from app.text_fold import WORD, fold

if TYPE_CHECKING:
    from app.search_index import Built

__all__ = ["MARK_END", "MARK_START", "Hit", "HitCounts", "Results", "SearchIndex", "word_spans"]


class SearchIndex:
    """The index of one library. Build it with `build()`; it is then read-only.

    Built on one thread and used on another: the connection allows that, and is only ever used by
    one thread at a time (the builder hands it over and never touches it again).
    """

    def __init__(self, built: Built, library: Library) -> None:
        self._db = built.db
        self._library = library
        self._rows = built.rows
        self._profiles = {p.id: n for n, p in enumerate(library.profiles)}
        self._sections: dict[str, RowRange] = {}
        self._profile_rows: dict[str, RowRange] = {}
        for rowid, row in enumerate(self._rows, start=1):
            low, _ = self._sections.get(row.section, (rowid, rowid))
            self._sections[row.section] = (low, rowid)
            profile_id = library.profiles[row.profile].id
            self._profile_rows[profile_id] = (self._profile_rows.get(profile_id, (rowid, rowid))[0], rowid)
        self._acronyms = built.acronyms
        self._completions = search_index.Completions(built.terms, built.vocabulary)
        self._plan = Plan(built.db, built.acronyms, owners_of(built.acronyms), tuple(r.profile for r in self._rows),
                          len(library.profiles), built.spaceless, self._completions)
        self.vocabulary = built.vocabulary
        self._known = frozenset(built.vocabulary)
        self._by_length: dict[int, list[str]] = {}
        for word in self.vocabulary:
            self._by_length.setdefault(len(word), []).append(word)
        self._names: tuple[list[str], dict[str, set[tuple[int, int]]]] | None = None
        # The last few queries: a keystroke asks for hits, then counts, scoped and not.
        self._recent: dict[tuple[str, bool, str | None], Query] = {}

    @classmethod
    def build(cls, library: Library) -> SearchIndex:
        return cls(search_index.build(library), library)

    def close(self) -> None:
        self._db.close()
        self._completions.close()

    def acronyms(self, profile: str) -> Acronyms:
        """The acronyms a profile defines (none for an unknown profile)."""
        number = self._profiles.get(profile)
        return self._acronyms[number] if number is not None else Acronyms()

    def query(self, text: str, typing: bool = False, profile: str | None = None) -> Query:
        """The evaluated query (kept for the next few calls)."""
        key = (text, typing, profile)
        if key in self._recent:
            return self._recent[key]
        scope = None if profile is None else self._profile_rows.get(profile, (1, 0))
        evaluated = plan_query(self._plan, parse(text, typing), scope, typing)
        # Another text may come to the same expression ("traf", "traff"): what it read holds.
        evaluated = next((q for q in self._recent.values() if isinstance(q, ExpressionQuery) and q == evaluated),
                         evaluated)
        if len(self._recent) >= 4:
            del self._recent[next(iter(self._recent))]
        self._recent[key] = evaluated
        return evaluated

    def settle(self, text: str, typing: bool = False, profile: str | None = None) -> bool:
        """Typing has paused: from now on the query (and the library-wide one the tree counts
        and page marks use) ranks and counts every match, so the list ends exact, not "1,000+".
        True if anything was capped, so the caller shows the hits again."""
        settled = False
        for scope in dict.fromkeys((profile, None)):
            query = self.query(text, typing, scope)
            if query.capped():
                self._recent[(text, typing, scope)] = query.uncapped()
                settled = True
        return settled

    def results(self, text: str, limit: int = 50, profile: str | None = None, typing: bool = False) -> Results:
        """The best `limit` hits, best first, and the number of hits in all (while typing, of the
        first TYPING_CAP, and whether there are more)."""
        query = self.query(text, typing, profile)
        needles = spaceless_terms(parse(text, typing))
        top = query.top(limit) if limit > 0 else []
        hits = [self._hit(rowid, score, row_marks(self._texts(rowid), marked, needles))
                for rowid, score, marked in top]
        return Results(tuple(hits), query.total(), query.capped())

    def search(self, text: str, limit: int = 50, profile: str | None = None, typing: bool = False) -> list[Hit]:
        """The best `limit` hits, best first; [] for text with nothing to search."""
        return list(self.results(text, limit, profile, typing).hits)

    def _marks(self, text: str, typing: bool, span: RowRange) -> dict[int, RowMarks]:
        """The marks of every hit row in a range, from one highlight pass over the range."""
        needles = spaceless_terms(parse(text, typing))
        marked = self.query(text, typing).marked_in(span)
        return {rowid: row_marks(self._texts(rowid), found, needles) for rowid, found in marked.items()}

    def _texts(self, rowid: int) -> list[str]:
        row = self._rows[rowid - 1]
        section = self._library.profiles[row.profile].section(row.section.partition("/")[2])
        assert section is not None
        return search_index.item_texts(section, row.item)

    def _hit(self, rowid: int, score: float, marks: RowMarks) -> Hit:
        row = self._rows[rowid - 1]
        profile = self._library.profiles[row.profile]
        section = profile.section(row.section.partition("/")[2])
        assert section is not None
        snippet = row_snippet(marks, search_index.snippet_frames(section, row.item))
        return Hit(profile.id, section.id, row.item, section.title, profile.name, snippet, float(f"{score:.4g}"))

    def section_marks(self, text: str, address: Address, typing: bool = False) -> SectionMarks:
        """The highlighter of a section's page (pass it to render.section_html): the hit items
        only, marked as the index matched them. Its `count` is what `counts` says."""
        span = self._sections.get(str(address.section_address))
        if span is None or address.section is None:
            return SectionMarks()
        marks = self._marks(text, typing, span)
        return SectionMarks({self._rows[rowid - 1].item: found for rowid, found in marks.items()})

    def matched_words(self, text: str, address: Address, typing: bool = False) -> frozenset[tuple[str, ...]]:
        """What the query matched in a section's hits, as folded word sequences (for
        `word_spans`; `section_marks` marks the page more exactly)."""
        marks = self.section_marks(text, address, typing)
        return frozenset(
            run
            for row in marks.items.values()
            for piece, spans in row.pieces
            for a, b in spans
            if (run := tuple(WORD.findall(fold(piece[a:b]))))
        )

    def counts(self, text: str, profile: str | None = None, typing: bool = False) -> HitCounts:
        """Highlights per section address, as the section's page will show them, counted only
        for the sections asked about (the rows a tree paints)."""
        return HitCounts(self, text, profile, typing)

    def hit_counts(self, text: str, profile: str | None = None, typing: bool = False) -> dict[str, int]:
        """Every section's highlights at once: right for a few profiles; for many, `counts`."""
        return dict(self.counts(text, profile, typing))

    def profile_counts(self, text: str, profiles: list[str], typing: bool = False) -> dict[str, dict[str, int]]:
        """The highlights of each section with any, for each of some profiles next to one another
        in the library, from one pass over their rows: what their tree rows (each a sum) and
        their sections show."""
        spans = [self._profile_rows[p] for p in profiles if p in self._profile_rows]
        counts: dict[str, dict[str, int]] = {p: {} for p in profiles}
        if not spans:
            return counts
        span = (min(s[0] for s in spans), max(s[1] for s in spans))
        needles = spaceless_terms(parse(text, typing))
        for rowid, marked in self.query(text, typing).marked_in(span).items():
            row = self._rows[rowid - 1]
            count = mark_count(marked, needles)
            if count is None:
                count = row_marks(self._texts(rowid), marked, needles).count
            if count:
                by_section = counts.setdefault(self._library.profiles[row.profile].id, {})
                by_section[row.section] = by_section.get(row.section, 0) + count
        # A page marks at most MAX_HIGHLIGHTS words (render.py): the count is what the page shows.
        return {p: {s: min(n, MAX_HIGHLIGHTS) for s, n in sections.items()} for p, sections in counts.items()}

    def profile_ids(self) -> list[str]:
        return list(self._profiles)

    def profiles_from(self, profile: str, count: int) -> list[str]:
        """Up to `count` profile ids in library order, from `profile` on."""
        start = self._profiles.get(profile)
        if start is None:
            return []
        return [p.id for p in self._library.profiles[start:start + count]]

    def profile_sections(self, profile: str) -> list[str]:
        span = self._profile_rows.get(profile)
        return [] if span is None else list(dict.fromkeys(r.section for r in self._rows[span[0] - 1:span[1]]))

    def hit_sections(self, text: str, typing: bool = False, profile: str | None = None) -> list[str]:
        """The sections with a hit, in library order, from one pass over the hits."""
        rowids = self.query(text, typing, profile).rows_in((1, len(self._rows)))
        return list(dict.fromkeys(self._rows[r - 1].section for r in rowids))

    def profiles_named(self, text: str, typing: bool = False) -> list[str]:
        """The profiles whose name or an alias holds every word of the query ("Laos", "Kampuchea"),
        for a result list to offer the profile itself above its blocks."""
        terms = parse(text, typing)
        if not terms:
            return []
        last = terms[-1].words[-1] if terms[-1].prefix else None
        words, names = self._name_words()
        sets = [names.get(w, set()) for t in terms for w in t.words if w != last]
        if last is not None:
            low = bisect.bisect_left(words, last)
            high = bisect.bisect_left(words, last + "\U0010ffff")
            sets.append(set().union(*(names[w] for w in words[low:high])))
        if not sets or not (hit := set.intersection(*sets)):
            return []
        return list(dict.fromkeys(self._library.profiles[number].id for number, _ in sorted(hit)))

    def _name_words(self) -> tuple[list[str], dict[str, set[tuple[int, int]]]]:
        """Every folded word of the profiles' names and aliases, sorted (a typed prefix is a range
        of them), each with the names holding it as (profile, name) numbers: worked out once, so
        a keystroke looks up a few words instead of folding a thousand names (2.6 ms)."""
        if self._names is None:
            names: dict[str, set[tuple[int, int]]] = {}
            for number, profile in enumerate(self._library.profiles):
                for which, name in enumerate((profile.name, *profile.aliases)):
                    for word in WORD.findall(fold(name)):
                        names.setdefault(word, set()).add((number, which))
            self._names = (sorted(names), names)
        return self._names

    def suggestions(self, text: str, count: int = 3) -> list[str]:
        """Queries with the words the index does not know replaced by the closest words it does.
        Words of scripts without spaces get none: the index knows no word boundaries there."""
        typed = [w for term in parse(text) if not term.spaceless for w in term.words]
        unknown = [w for w in typed if len(w) >= 3 and not w.isdigit() and w not in self._known]
        if not unknown:
            return []
        choices = {w: difflib.get_close_matches(w, self._candidates(w), n=count, cutoff=0.7) for w in unknown}
        first = unknown[0]
        suggestions: list[str] = []
        for candidate in choices[first] or [first]:
            replaced = [candidate if w == first else (choices[w][0] if choices.get(w) else w) for w in typed]
            suggestion = " ".join(replaced)
            if suggestion != " ".join(typed) and suggestion not in suggestions:
                suggestions.append(suggestion)
        return suggestions

    def _candidates(self, word: str) -> list[str]:
        """Words that could be what a misspelt word meant: about as long, and starting alike
        (first letter, or the next two letters when the first is the typo). Keeps suggestions
        fast with the vocabulary of a thousand profiles, where comparing with every word is not."""
        head, middle, start = word[0], word[1:3], word[:2]
        return [
            candidate
            for size in range(len(word) - 2, len(word) + 3)
            for candidate in self._by_length.get(size, ())
            if candidate[0] == head or candidate[1:3] in (middle, start) or candidate[:2] == middle
        ]
