"""Any text a person types, turned into a safe SQLite FTS5 MATCH expression.

Every word is quoted, so FTS5's own syntax (quotes, hyphens, `*`, `:`, parentheses, AND/OR/NOT/NEAR)
typed by a reader is searched as words and never raises. "Quoted phrases" stay phrases; the last
word is a prefix while typing; spelling variants and a profile's own acronyms are OR-ed in.

While typing, a prefix that only one word of the index starts with may be searched as that word
(`Whole`): the same rows, scores and highlights, without FTS5 merging the word's whole doclist
again for every pass over it.

The query is folded like the indexed text (app.text_fold). Words of scripts written without
spaces are kept whole and left out of the FTS expression: they are looked for as substrings
(`spaceless_terms`), since the word tokenizer would only see whole clauses there.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from app.acronyms import Acronyms
from app.records import record
from app.search_variants import WORD_PAIRS, spelling_variants
from app.text_fold import WORD, fold, has_spaceless

MAX_CHARS = 1000  # a 10,000-character paste is searched by its start, not refused
MAX_TERMS = 24
MAX_WORD = 64
BODY = "body"  # the column of a block's own text; the other indexed column holds titles and names
# A run of words joined by hyphens, apostrophes or dots: "anti-trafficking", "6.6".
_RUN = re.compile(f"{WORD.pattern}(?:[-'’.]{WORD.pattern})*")
# The one word of the index a typed prefix stands for, or None (app.search_index.Completions).
Whole = Callable[[str], str | None]


@record
class Term:
    """One unit of a query: a word, a hyphenated run or a quoted phrase, as folded words."""

    words: tuple[str, ...]
    quoted: bool = False
    prefix: bool = False

    @property
    def spaceless(self) -> bool:
        """A word of a script without spaces: searched as a substring, prefix or not."""
        return any(has_spaceless(w) for w in self.words)


def parse(text: str, typing: bool = False) -> list[Term]:
    """The terms of a query. `typing`: the last word is still being typed, so it is a prefix."""
    text = fold(text[:MAX_CHARS])
    terms: list[Term] = []
    parts = text.split('"')
    for number, part in enumerate(parts):
        if number % 2 == 1:  # inside quotes (an unclosed quote runs to the end)
            phrase = tuple(w[:MAX_WORD] for w in WORD.findall(part))
            if phrase:
                terms.append(Term(phrase, quoted=True))
        else:
            for run in _RUN.findall(part):
                found = tuple(w[:MAX_WORD] for w in WORD.findall(run))
                if found:
                    terms.append(Term(found))
    terms = terms[:MAX_TERMS]
    if typing and terms and text and not text[-1].isspace() and not text.endswith('"'):
        last = terms[-1]
        if len(last.words[-1]) >= 3:  # a shorter prefix would match most of the index
            terms[-1] = Term(last.words, last.quoted, prefix=True)
    return terms


def quote(words_: tuple[str, ...], prefix: bool = False, whole: Whole | None = None) -> str:
    """One FTS5 string (a phrase when it has several words); quotes inside are doubled. A prefix
    only one word of the index starts with is that word (`whole`)."""
    if prefix and whole is not None and (word := whole(words_[-1])) is not None:
        words_, prefix = (*words_[:-1], word), False
    body = " ".join(w.replace('"', '""') for w in words_)
    return f'"{body}"' + ("*" if prefix else "")


def _any(options: list[str]) -> str:
    unique = list(dict.fromkeys(options))
    return unique[0] if len(unique) == 1 else "(" + " OR ".join(unique) + ")"


def _single(term: Term, acronyms: Acronyms | None, whole: Whole | None) -> str:
    options = [quote(term.words, term.prefix, whole)]
    if len(term.words) == 1 and not term.quoted:
        word = term.words[0]
        options.extend(quote((v,), term.prefix, whole) for v in spelling_variants(word))
        if acronyms is not None:
            forms = (word, word[:-1] if word.endswith("s") else None)  # "PSCs" is "PSC" too
            options.extend(quote(acronyms.long_forms[f]) for f in forms if f in acronyms.long_forms)
        for joined, split in WORD_PAIRS:
            if word == joined:
                options.append(quote(split, term.prefix, whole))
    return _any(options)


def _span(terms: list[Term], start: int, acronyms: Acronyms | None, whole: Whole | None) -> tuple[int, str] | None:
    """A run of plain words from `start` that is a known long form or a split word: its length and
    its alternatives."""
    plain: list[str] = []
    for term in terms[start:]:
        if term.quoted or len(term.words) != 1:
            break
        plain.append(term.words[0])
    candidates: list[tuple[tuple[str, ...], str]] = [(split, joined) for joined, split in WORD_PAIRS]
    if acronyms is not None:
        candidates.extend(acronyms.by_long_form.items())
    for long_words, short in sorted(candidates, key=lambda c: -len(c[0])):
        size = len(long_words)
        if size >= 2 and tuple(plain[:size]) == long_words:
            prefix = terms[start + size - 1].prefix
            return size, _any([quote(long_words, prefix, whole), quote((short,), prefix, whole)])
    return None


def match_parts(terms: list[Term], acronyms: Acronyms | None = None, whole: Whole | None = None) -> list[str]:
    """One FTS5 expression per unit of the query (a word with its variants, a phrase, a long form
    with its acronym); a block must match every unit. Words without spaces are left out."""
    worded = [t for t in terms if not t.spaceless]
    parts: list[str] = []
    position = 0
    while position < len(worded):
        span = _span(worded, position, acronyms, whole)
        if span is not None:
            size, expression = span
            parts.append(expression)
            position += size
        else:
            parts.append(_single(worded[position], acronyms, whole))
            position += 1
    return parts


def match_expression(text: str, acronyms: Acronyms | None = None, typing: bool = False) -> str:
    """The FTS5 MATCH expression for typed text, each unit in any column; "" when the text holds no
    word the word index can search."""
    return " AND ".join(match_parts(parse(text, typing), acronyms))


def hit_expression(parts: list[str]) -> str:
    """Every unit in a block's text or its section title or profile names, and at least one in the
    block's own text: a title or a country's name ranks a block, but never makes it a hit alone."""
    if not parts:
        return ""
    return f"{' AND '.join(parts)} AND {BODY} : ({' OR '.join(parts)})"


def closeness_expressions(terms: list[Term]) -> tuple[str, str] | None:
    """For a query of several plain words: the words as one phrase, and the words near one
    another, in a block's own text. A block matching them ranks above one that merely holds the
    words apart, which matters most for words so common that bm25 gives them no weight."""
    plain = [t for t in terms if not t.spaceless and not t.quoted and len(t.words) == 1]
    if len(plain) < 2:
        return None
    run = tuple(t.words[0] for t in plain)
    near = " ".join(quote((t.words[0],), t.prefix) for t in plain)
    return f"{BODY} : {quote(run, plain[-1].prefix)}", f"{BODY} : NEAR({near}, 8)"


def spaceless_terms(terms: list[Term]) -> list[str]:
    """The words of scripts without spaces, folded, each to be found as a substring."""
    return [" ".join(t.words) for t in terms if t.spaceless]
