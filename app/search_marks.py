"""Where a query's matches fall in a hit: the one source for page highlights, hit counts and
result snippets, so the three always agree.

The index's own highlight of a row (stems, variants, phrases and prefixes as FTS5 matched them)
is cut into the item's texts as the page shows them; words of scripts without spaces are found as
whole substrings of the query's word, never as fragments of it. `word_spans` marks any text with
matched word forms, for callers that have no hit row.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from app.records import field, record
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


def _disjoint(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans sorted, an overlapping one dropped (the earlier, longer one is kept)."""
    kept: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if end > start and (not kept or start >= kept[-1][1]):
            kept.append((start, end))
    return kept


def unmark(highlighted: str) -> tuple[str, list[tuple[int, int]]]:
    """A text with MARK_START/MARK_END taken out, and the spans they enclosed."""
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    for number, part in enumerate(highlighted.split(MARK_START)):
        inside, _, after = part.partition(MARK_END) if number else ("", "", part)
        if inside:
            spans.append((length, length + len(inside)))
        plain.extend((inside, after))
        length += len(inside) + len(after)
    return "".join(plain), spans


@record
class RowMarks:
    """The marks of one hit: for each text of the item (render.marked_texts), its spans."""

    pieces: tuple[tuple[str, tuple[tuple[int, int], ...]], ...]

    def spans(self, text: str) -> list[tuple[int, int]]:
        """The spans of the item's text equal to `text` (equal texts are marked alike)."""
        return next((list(spans) for piece, spans in self.pieces if piece == text), [])

    @property
    def count(self) -> int:
        """How many highlights the page shows for this item: counted the way it looks them up."""
        return sum(len(self.spans(piece)) for piece, _ in self.pieces)

    def line(self, frames: Sequence[tuple[str, str]] = ()) -> tuple[str, list[tuple[int, int]]]:
        """The item's texts as one line, with the spans moved onto it: for a snippet. `frames`
        gives, per text, what goes before and after it ("Population", ": ", "6.6 million",
        " (", "2012", ")"); without one, texts are joined by " · "."""
        parts: list[str] = []
        spans: list[tuple[int, int]] = []
        offset = 0
        for number, (piece, marked) in enumerate(self.pieces):
            before, after = frames[number] if number < len(frames) else (" · " if number else "", "")
            text = piece.replace("\n", " ")  # one for one, so the spans still fit
            offset += len(before)
            spans.extend((offset + a, offset + b) for a, b in marked)
            parts.extend((before, text, after))
            offset += len(text) + len(after)
        return "".join(parts), spans


def row_marks(pieces: Sequence[str], highlighted: str, needles: Sequence[str]) -> RowMarks:
    """Where a hit's texts are marked, from the index's own highlight of the row (its folded texts
    joined by newlines, the matched runs between marks: stems, variants, phrases and prefixes as
    FTS5 decided) and the substrings of scripts without spaces. A run crossing from one text into
    the next is marked in each; a span never runs past its text."""
    _, found = unmark(highlighted)
    marked: list[tuple[str, tuple[tuple[int, int], ...]]] = []
    start = 0
    for piece in pieces:
        folded, origin = (piece, None) if piece.isascii() and not needles else fold_with_offsets(piece)
        end = start + len(folded)
        local = [(max(a, start) - start, min(b, end) - start) for a, b in found if a < end and b > start]
        for needle in needles:
            at = folded.find(needle)
            while needle and at >= 0:
                local.append((at, at + len(needle)))
                at = folded.find(needle, at + len(needle))
        if local and origin is None:  # ASCII: folding keeps every offset
            marked.append((piece, tuple(_disjoint(local))))
        elif local:
            assert origin is not None
            spans = [(origin[a], origin[b - 1] + 1) for a, b in _disjoint(local)]
            marked.append((piece, tuple(_disjoint(spans))))
        else:
            marked.append((piece, ()))
        start = end + 1  # the newline between texts
    return RowMarks(tuple(marked))


_CROSSING = re.compile(f"{MARK_START}[^{MARK_END}]*\n")


def mark_count(highlighted: str, needles: Sequence[str]) -> int | None:
    """How many highlights a hit's page shows, read straight off the index's highlight of the row
    when that is certain to be what `row_marks` gives (no substrings to add, no run crossing from
    one text into the next); None when it must be worked out with `row_marks`. Counting the hits
    of a screenful of tree rows then costs no Python per word."""
    if needles or ("\n" in highlighted and _CROSSING.search(highlighted)):  # one text: nothing crosses
        return None
    return highlighted.count(MARK_START)


@record
class SectionMarks:
    """The highlighter of one section's page (render.ItemHighlighter): marks only the items that
    are hits, as the index marked them, and never the title, which ranks hits but does not make
    them. Its `count` is the number of highlights the page shows."""

    items: dict[int, RowMarks] = field(default_factory=dict)

    def spans(self, text: str, item: int | None) -> list[tuple[int, int]]:
        marks = self.items.get(item) if item is not None else None
        return marks.spans(text) if marks is not None else []

    @property
    def count(self) -> int:
        return sum(marks.count for marks in self.items.values())


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


def row_snippet(marks: RowMarks, frames: Sequence[tuple[str, str]] = ()) -> str:
    """The snippet of a hit for the result list, marked as its page marks it."""
    line, spans = marks.line(frames)
    return snippet(line, spans)
