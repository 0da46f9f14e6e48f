"""Full-text search over a library: an in-memory SQLite FTS5 index with one row per block.

Titles weigh more than body text (bm25), words are stemmed (porter) and accent-free, prefixes are
indexed for search-as-you-type. `sqlite3` is imported only when an index is built, so the window
and the text commands start without it.
"""

from __future__ import annotations

import difflib
import html
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.acronyms import Acronyms, words
from app.model import Address, Library
from app.search_query import match_expression, parse

if TYPE_CHECKING:
    import sqlite3

MARK_START, MARK_END = "\x02", "\x03"  # around matched words in snippets; never in profile text
TITLE_WEIGHT, BODY_WEIGHT = 4.0, 1.0
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass(frozen=True)
class Hit:
    """One matching block. `score`: higher is better (bm25, sign flipped)."""

    profile: str
    section: str
    block: int
    title: str
    profile_name: str
    snippet: str  # plain text with MARK_START/MARK_END around matched words
    score: float

    @property
    def address(self) -> Address:
        return Address(self.profile, self.section, self.block)

    @property
    def snippet_text(self) -> str:
        return self.snippet.replace(MARK_START, "").replace(MARK_END, "")

    @property
    def snippet_html(self) -> str:
        """The snippet escaped, with only our own <b> marks as markup."""
        return html.escape(self.snippet, quote=True).replace(MARK_START, "<b>").replace(MARK_END, "</b>")


class SearchIndex:
    """The index of one library. Build it with `build()`; it is then read-only.

    Built on one thread and used on another: the connection allows that, and is only ever used by
    one thread at a time (the builder hands it over and never touches it again).
    """

    def __init__(
        self,
        connection: sqlite3.Connection,
        acronyms: Acronyms,
        vocabulary: Sequence[str],
        sections: Sequence[str],
    ) -> None:
        self._db = connection
        self._sections = tuple(sections)  # section address of each row, by rowid - 1
        self.acronyms = acronyms
        self.vocabulary = tuple(vocabulary)
        self._known = frozenset(vocabulary)
        self._by_length: dict[int, list[str]] = {}
        for word in self.vocabulary:
            self._by_length.setdefault(len(word), []).append(word)

    @classmethod
    def build(cls, library: Library) -> SearchIndex:
        import sqlite3

        from app.plaintext import item_text

        db = sqlite3.connect(":memory:", check_same_thread=False)
        db.execute(
            "CREATE VIRTUAL TABLE blocks USING fts5(title, body, profile UNINDEXED, section UNINDEXED,"
            " item UNINDEXED, profile_name UNINDEXED,"
            " tokenize='porter unicode61 remove_diacritics 2', prefix='2 3')"
        )
        rows = []
        vocabulary: set[str] = set()
        texts: list[str] = []
        for profile in library.profiles:
            for section in profile.sections:
                vocabulary.update(words(section.title))
                for number, item in enumerate(section.items):
                    body = item_text(item)
                    texts.append(body)
                    rows.append((section.title, body, profile.id, section.id, number, profile.name))
        for body in texts:
            vocabulary.update(words(body))
        db.executemany("INSERT INTO blocks VALUES (?, ?, ?, ?, ?, ?)", rows)
        db.execute("INSERT INTO blocks(blocks) VALUES ('optimize')")
        # `ORDER BY rank LIMIT n` lets FTS5 sort by itself, so snippet() runs for the n rows shown only.
        db.execute(f"INSERT INTO blocks(blocks, rank) VALUES ('rank', 'bm25({TITLE_WEIGHT}, {BODY_WEIGHT})')")
        words_only = sorted(w for w in vocabulary if not w.isdigit())
        sections = [f"{profile}/{section}" for _, _, profile, section, _, _ in rows]
        return cls(db, Acronyms.learn(texts), words_only, sections)

    def close(self) -> None:
        self._db.close()

    def expression(self, text: str, typing: bool = False) -> str:
        return match_expression(text, self.acronyms, typing)

    def search(
        self, text: str, limit: int = 50, profile: str | None = None, typing: bool = False
    ) -> list[Hit]:
        """The best `limit` hits, best first; [] for text with nothing to search."""
        expression = self.expression(text, typing)
        if not expression or limit <= 0:
            return []
        where, params = self._where(expression, profile)
        rows = self._db.execute(
            f"SELECT profile, section, item, title, profile_name,"
            f" snippet(blocks, 1, '{MARK_START}', '{MARK_END}', '…', 16), rank"
            f" FROM blocks WHERE {where} ORDER BY rank LIMIT ?",
            (*params, limit),
        ).fetchall()
        return [Hit(p, s, int(i), t, n, snip, round(-score, 4)) for p, s, i, t, n, snip, score in rows]

    def hit_counts(self, text: str, profile: str | None = None, typing: bool = False) -> dict[str, int]:
        """How many blocks match in each section, keyed by section address ("lao-pdr/challenges")."""
        expression = self.expression(text, typing)
        if not expression:
            return {}
        # Row ids come from the index alone; reading the profile and section columns of every
        # matching row would cost several times more on a large library.
        sections = self._sections
        counts = Counter(sections[rowid - 1] for (rowid,) in self._db.execute(
            "SELECT rowid FROM blocks WHERE blocks MATCH ?", (expression,)))
        if profile is not None:
            return {address: n for address, n in counts.items() if address.startswith(profile + "/")}
        return dict(counts)

    def matched_words(self, text: str, address: Address, typing: bool = False) -> frozenset[tuple[str, ...]]:
        """What the query matched in a section, as word sequences (lower case): single words, and
        phrases or long forms as the whole run. FTS5 itself decides, stems and variants included,
        so "trafficked" marks "trafficking"; pass the result to `word_spans` to highlight it."""
        expression = self.expression(text, typing)
        if not expression or address.section is None:
            return frozenset()
        rows = self._db.execute(
            f"SELECT highlight(blocks, 0, '{MARK_START}', '{MARK_END}'),"
            f" highlight(blocks, 1, '{MARK_START}', '{MARK_END}')"
            " FROM blocks WHERE blocks MATCH ? AND profile = ? AND section = ?",
            (expression, address.profile, address.section),
        ).fetchall()
        found: set[tuple[str, ...]] = set()
        marked = re.compile(f"{MARK_START}(.*?){MARK_END}", re.DOTALL)
        for columns in rows:
            for column in columns:
                for span in marked.findall(column):
                    run = tuple(words(span))
                    if run:
                        found.add(run)
        return frozenset(found)

    def suggestions(self, text: str, count: int = 3) -> list[str]:
        """Queries with the words the index does not know replaced by the closest words it does."""
        terms = parse(text)
        typed = [w for term in terms for w in term.words]
        unknown = [w for w in typed if len(w) >= 3 and not w.isdigit() and w not in self._known]
        if not unknown:
            return []
        choices = {w: difflib.get_close_matches(w, self._candidates(w), n=count, cutoff=0.7) for w in unknown}
        first = unknown[0]
        suggestions: list[str] = []
        for candidate in choices[first] or [first]:
            replaced = [
                candidate if w == first else (choices[w][0] if choices.get(w) else w) for w in typed
            ]
            suggestion = " ".join(replaced)
            if suggestion != " ".join(typed) and suggestion not in suggestions:
                suggestions.append(suggestion)
        return suggestions

    def _candidates(self, word: str) -> list[str]:
        """Words that could be what a misspelt word meant: about as long, and starting alike
        (first letter, or the next two letters when the first is the typo). Keeps suggestions
        fast with the vocabulary of a thousand profiles, where comparing with every word is not.
        A first letter dropped or added is caught by comparing the letters shifted by one."""
        head, middle, start = word[0], word[1:3], word[:2]
        return [
            candidate
            for size in range(len(word) - 2, len(word) + 3)
            for candidate in self._by_length.get(size, ())
            if candidate[0] == head or candidate[1:3] in (middle, start) or candidate[:2] == middle
        ]

    def _where(self, expression: str, profile: str | None) -> tuple[str, tuple[str, ...]]:
        if profile is None:
            return "blocks MATCH ?", (expression,)
        return "blocks MATCH ? AND profile = ?", (expression, profile)


def word_spans(text: str, wanted: frozenset[tuple[str, ...]]) -> list[tuple[int, int]]:
    """Where the wanted word sequences occur in a text, as (start, end) spans, longest first at
    each word: a highlighter for render.section_html. A phrase is marked only where it is whole."""
    if not wanted:
        return []
    tokens = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text)]
    lengths = sorted({len(w) for w in wanted}, reverse=True)
    spans: list[tuple[int, int]] = []
    position = 0
    while position < len(tokens):
        for size in lengths:
            run = tuple(t[2] for t in tokens[position:position + size])
            if len(run) == size and run in wanted:
                spans.append((tokens[position][0], tokens[position + size - 1][1]))
                position += size
                break
        else:
            position += 1
    return spans
