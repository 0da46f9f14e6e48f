"""Building the search index of a library: the SQLite FTS5 tables and what each row stands for.

One row per addressable item. Its own text (`body`, exactly the texts the page highlights) and its
section's title with the profile's name and aliases (`heads`) are separate columns: a query is
matched against the body for a row to be a hit, and bm25 weighs a match in the heads as a boost.
Text is folded before it is stored (app.text_fold), so the index and a query agree on NFKC, case
and "đ"; the porter tokenizer keeps marks inside words (categories M*), so no word of any script
is cut at its vowel or tone marks.

Rows whose text holds a script written without spaces also go into a trigram table with the same
row ids, where a word is found as a substring. That table exists only when some profile needs it:
a library of English profiles pays nothing for it.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from app.acronyms import Acronyms
from app.model import Contact, Fact, Library, Profile, Section
from app.records import record
from app.render import marked_texts
from app.text_fold import fold, fold_texts, has_spaceless, words

if TYPE_CHECKING:
    import sqlite3

HEADS_WEIGHT, BODY_WEIGHT = 4.0, 1.0
WORD_TOKENIZER = "porter unicode61 remove_diacritics 2 categories 'L* N* Co M*'"


@record
class Row:
    """What one index row stands for: an item of a section of a profile."""

    profile: int  # index into Library.profiles
    section: str  # section address, "lao-pdr/challenges"
    item: int


@record
class Built:
    """Everything `SearchIndex` is made of, built in one pass over the library."""

    db: sqlite3.Connection
    rows: tuple[Row, ...]  # by rowid - 1
    acronyms: tuple[Acronyms, ...]  # by profile index
    vocabulary: tuple[str, ...]
    spaceless: bool  # the trigram table exists
    terms: tuple[str, ...] = ()  # the word table's own terms (stems), sorted


def item_texts(section: Section, item: int) -> list[str]:
    """An item's own texts, as the page highlights them: what the index matches."""
    return list(marked_texts(section.items[item]))


def snippet_frames(section: Section, item: int) -> list[tuple[str, str]]:
    """How a hit's texts are laid out on its result line: a fact as the source prints it,
    "Population: 6.6 million (2012)"; other items' texts a " · " apart."""
    found = section.items[item]
    if isinstance(found, Fact):
        return [("", ""), (": ", ""), (" (", ")")]
    if not isinstance(found, Contact):
        return []
    plain = [found.heading, found.role, found.organisation if found.name else None, *found.address]
    frames = [(" · " if number else "", "") for number in range(sum(1 for t in plain if t))]
    for phone in found.phones:
        frames.append((" · ", ""))  # the label, then its numbers as "Label: one / two"
        frames.extend((": " if n == 0 else " / ", "") for n in range(len(phone.numbers)))
    return frames


def heads_text(profile: Profile, section: Section) -> str:
    """A section's title and the profile's names, which rank the section's rows."""
    return "\n".join((section.title, profile.name, *profile.aliases))


def build(library: Library) -> Built:
    """The tables of a library, filled and optimised, with the row table and per-profile acronyms."""
    import sqlite3

    db = sqlite3.connect(":memory:", check_same_thread=False)
    db.execute(f'CREATE VIRTUAL TABLE blocks USING fts5(body, heads, tokenize="{WORD_TOKENIZER}", prefix=\'2 3\')')
    # One row per section: whether any title or name holds every word of a query tells whether a
    # block could match by its title alone, which only then needs the costlier hit expression.
    db.execute(f'CREATE VIRTUAL TABLE titles USING fts5(heads, tokenize="{WORD_TOKENIZER}", prefix=\'2 3\')')
    rows: list[Row] = []
    values: list[tuple[str, str]] = []
    section_heads: list[tuple[str]] = []
    vocabulary: set[str] = set()
    acronyms: list[Acronyms] = []
    for number, profile in enumerate(library.profiles):
        texts: list[str] = []
        for section in profile.sections:
            heads = fold(heads_text(profile, section))
            section_heads.append((heads,))
            vocabulary.update(words(section.title))
            address = f"{profile.id}/{section.id}"
            for item in range(len(section.items)):
                pieces = item_texts(section, item)
                texts.append("\n".join(pieces))
                rows.append(Row(number, address, item))
                values.append((fold_texts(pieces), heads))
        acronyms.append(Acronyms.learn(texts))
        vocabulary.update(w for text in texts for w in words(text))
    db.executemany("INSERT INTO blocks(body, heads) VALUES (?, ?)", values)
    db.executemany("INSERT INTO titles(heads) VALUES (?)", section_heads)
    db.execute("INSERT INTO blocks(blocks) VALUES ('optimize')")
    db.execute(f"INSERT INTO blocks(blocks, rank) VALUES ('rank', 'bm25({BODY_WEIGHT}, {HEADS_WEIGHT})')")
    spaceless = _build_trigrams(db, values)
    # Suggestions offer whole words only: a "word" of a script without spaces is a whole clause.
    known = tuple(sorted(w for w in vocabulary if not w.isdigit() and not has_spaceless(w)))
    return Built(db, tuple(rows), tuple(acronyms), known, spaceless, _terms(db))


def _terms(db: sqlite3.Connection) -> tuple[str, ...]:
    """Every term of the word tables, sorted: of the titles too, which a query is matched against
    first (a section without items has its title there only)."""
    found: set[str] = set()
    for table in ("blocks", "titles"):
        db.execute(f"CREATE VIRTUAL TABLE temp.terms USING fts5vocab(main, {table}, row)")
        found.update(term for (term,) in db.execute("SELECT term FROM temp.terms"))
        db.execute("DROP TABLE temp.terms")
    return tuple(sorted(found))


def _build_trigrams(db: sqlite3.Connection, values: list[tuple[str, str]]) -> bool:
    """The trigram table of the rows with a script without spaces; False when there is none."""
    needed = [(rowid, body, heads) for rowid, (body, heads) in enumerate(values, start=1)
              if has_spaceless(body) or has_spaceless(heads)]
    if not needed:
        return False
    db.execute("CREATE VIRTUAL TABLE spaceless USING fts5(body, heads, tokenize='trigram')")
    db.executemany("INSERT INTO spaceless(rowid, body, heads) VALUES (?, ?, ?)", needed)
    db.execute("INSERT INTO spaceless(spaceless) VALUES ('optimize')")
    return True


class Completions:
    """The one term of the index a typed prefix stands for, when only one starts with it: "traf"
    searched as "traffick" matches the same rows, with the same bm25 scores and highlights, and
    spares FTS5 merging that term's doclist afresh for every pass over it (about a millisecond a
    pass for a word in most rows of a thousand profiles, and a keystroke takes four to six).

    Typed letters can also run past the stem: "trafficki" starts no term, as "trafficking" is
    indexed as "traffick". Then the words of the text the letters start ("trafficking") are
    stemmed, and if they come to one term, that term is searched: the list does not empty in the
    middle of a word, and never matches a word the letters do not start.

    A typed word is a term once the tokenizer has stemmed it; the tokenizer itself is asked, on a
    connection of its own (0.1 ms a word), by writing the word into a table and taking it back."""

    def __init__(self, terms: tuple[str, ...], words: tuple[str, ...] = ()) -> None:
        self._terms = terms
        self._words = words  # the text's own folded words, sorted
        self._db: sqlite3.Connection | None = None
        self._found: dict[str, str | None] = {}  # a typed word -> its one term; the last few hundred

    def __call__(self, word: str) -> str | None:
        if word not in self._found:
            if len(self._found) >= 512:
                del self._found[next(iter(self._found))]
            self._found[word] = self._only_term(word)
        return self._found[word]

    def _only_term(self, word: str) -> str | None:
        stem = self.tokens(word)
        if len(stem) != 1:
            return None
        at = bisect.bisect_left(self._terms, stem[0])
        starting = [t for t in self._terms[at:at + 2] if t.startswith(stem[0])]
        if not starting:
            starting = self._stem_of_words_starting(word)
        # The term is searched as typed text again: it must come out of the tokenizer unchanged.
        return starting[0] if len(starting) == 1 and self.tokens(starting[0]) == starting else None

    def _stem_of_words_starting(self, letters: str, most: int = 16) -> list[str]:
        """The terms the text's words that start with `letters` stem to (of the first `most`)."""
        at = bisect.bisect_left(self._words, letters)
        found: set[str] = set()
        for word in self._words[at:at + most]:
            if not word.startswith(letters):
                break
            found.update(self.tokens(word))
        return sorted(found)

    def tokens(self, text: str) -> list[str]:
        """The terms the word tokenizer makes of a text, one per token, in no particular order."""
        if self._db is None:
            import sqlite3

            self._db = sqlite3.connect(":memory:", check_same_thread=False)
            self._db.execute(f'CREATE VIRTUAL TABLE typed USING fts5(word, tokenize="{WORD_TOKENIZER}")')
            self._db.execute("CREATE VIRTUAL TABLE typed_terms USING fts5vocab(typed, instance)")
        self._db.execute("SAVEPOINT typing")
        try:
            self._db.execute("INSERT INTO typed(rowid, word) VALUES (1, ?)", (text,))
            return [term for (term,) in self._db.execute("SELECT term FROM typed_terms")]
        finally:
            self._db.execute("ROLLBACK TO typing")
            self._db.execute("RELEASE typing")

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
