"""Where a query's matches fall in a text: the one source for page highlights, hit counts and
result snippets, so the three always agree.

Words are compared folded (app.text_fold) with the word forms the index itself matched (stems and
variants included); words of scripts without spaces are found as whole substrings of the query's
word, never as fragments of it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from app.text_fold import WORD, fold, fold_with_offsets

MARK_START, MARK_END = "\x02", "\x03"  # around matched words in snippets; never in profile text
ELLIPSIS = "…"
SNIPPET_CHARS = 160  # about two lines of the result list
SNIPPET_LEAD = 50  # text kept before the first match, so it is read in context


def _fold_word(word: str) -> str:
    return word.lower() if word.isascii() else fold(word)  # most words: the fast, same answer


def word_spans(text: str, wanted: frozenset[tuple[str, ...]]) -> list[tuple[int, int]]:
    """Where the wanted word sequences (folded) occur in a text, as (start, end) spans, longest
    first at each word. A phrase is marked only where it is whole."""
    if not wanted:
        return []
    tokens = [(m.start(), m.end(), _fold_word(m.group())) for m in WORD.finditer(text)]
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


def substring_spans(text: str, needles: Sequence[str]) -> list[tuple[int, int]]:
    """Where each folded needle occurs in the folded text, as spans of the original text."""
    if not needles:
        return []
    folded, origin = fold_with_offsets(text)
    spans: list[tuple[int, int]] = []
    for needle in needles:
        start = folded.find(needle)
        while needle and start >= 0:
            end = start + len(needle)
            spans.append((origin[start], origin[end - 1] + 1))
            start = folded.find(needle, end)
    return spans


def _disjoint(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans sorted, an overlapping one dropped (the earlier, longer one is kept)."""
    kept: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept


@dataclass(frozen=True)
class Matcher:
    """What a query matched: folded word sequences and substrings of scripts without spaces."""

    words: frozenset[tuple[str, ...]] = frozenset()
    substrings: tuple[str, ...] = ()

    def spans(self, text: str) -> list[tuple[int, int]]:
        return _disjoint(word_spans(text, self.words) + substring_spans(text, self.substrings))


@dataclass(frozen=True)
class SectionMarks:
    """The highlighter of one section's page (render.ItemHighlighter): marks matches only in
    the items that are hits, never in the title, which ranks hits but does not make them."""

    matcher: Matcher
    items: frozenset[int]

    def spans(self, text: str, item: int | None) -> list[tuple[int, int]]:
        if item is None or item not in self.items:
            return []
        return self.matcher.spans(text)


def snippet(text: str, spans: Sequence[tuple[int, int]], size: int = SNIPPET_CHARS) -> str:
    """A line of `text` around its first match, matches between MARK_START and MARK_END, and an
    ellipsis wherever the text was cut. Cuts fall at spaces where the script has them."""
    first = spans[0][0] if spans else 0
    start = max(0, first - SNIPPET_LEAD)
    if start > 0:
        space = text.find(" ", start, first)
        start = space + 1 if space >= 0 else start
    end = min(len(text), start + size)
    if end < len(text):
        space = text.rfind(" ", max(start, first + 1), end)
        end = space if space > first else end
    start, end = _off_marks(text, start, -1), _off_marks(text, end, 1)
    marked: list[str] = [ELLIPSIS] if start > 0 else []
    position = start
    for a, b in spans:
        if a < position or b > end:
            continue
        marked.extend((text[position:a], MARK_START, text[a:b], MARK_END))
        position = b
    marked.append(text[position:end])
    if end < len(text):
        marked.append(ELLIPSIS)
    return "".join(marked)


def _off_marks(text: str, position: int, step: int) -> int:
    """A cut moved off combining marks (Thai, Khmer and Burmese vowels and tones sit on the
    letter before them), so no mark is parted from its letter."""
    while 0 < position < len(text) and unicodedata.category(text[position]).startswith("M"):
        position += step
    return position


def line_snippet(text: str, matcher: Matcher) -> str:
    """The snippet of a block's text for the result list, marked by the same matcher as the page."""
    line = " ".join(text.split())
    return snippet(line, matcher.spans(line))
