"""Search highlights are bounded, so opening a hit costs the same whatever the profile holds."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from app.loader import parse_profile
from app.model import Library, Profile
from app.render import MAX_HIGHLIGHTS, section_html
from app.search import SearchIndex, word_spans

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from heavy_hit_bench import QUERY, heavy_profile_text


def _heavy(paragraphs: int = 12, chars: int = 2_000) -> Profile:
    result = parse_profile(heavy_profile_text(paragraphs, chars).encode("utf-8"), Path("heavy.yaml"))
    assert result.profile is not None, result.problems
    return result.profile


def _marks(html: str) -> list[int]:
    return [int(n) for n in re.findall(r'<a name="hit-(\d+)">\u2060</a>', html)]


def _items_marked(html: str) -> list[int]:
    """The item anchors that are followed by a highlight before the next item starts."""
    marked = []
    for number, body in re.findall(r'<a name="item-(\d+)">\u2060</a>(.*?)(?=<a name="item-|$)', html, re.DOTALL):
        if "hit-" in body:
            marked.append(int(number))
    return marked


def test_a_heavy_profile_is_valid_yet_its_page_carries_at_most_the_cap() -> None:
    profile = _heavy()
    index = SearchIndex.build(Library((profile,)))
    try:
        hit = index.search(QUERY, 1)[0]
        wanted = index.matched_words(QUERY, hit.address)
    finally:
        index.close()
    html = section_html(profile, profile.sections[0], highlight=lambda text: word_spans(text, wanted))
    assert _marks(html) == list(range(MAX_HIGHLIGHTS))  # numbered without gaps, for stepping


def test_the_hits_page_shows_as_many_highlights_as_the_search_counts_and_no_more_than_the_cap() -> None:
    profile = _heavy()
    index = SearchIndex.build(Library((profile,)))
    try:
        hit = index.search(QUERY, 1)[0]
        marks = index.section_marks(QUERY, hit.address)
        counted = index.counts(QUERY).get(str(hit.address.section_address), 0)
    finally:
        index.close()
    html = section_html(profile, profile.sections[0], highlight=marks)
    assert len(_marks(html)) == counted == MAX_HIGHLIGHTS


def test_a_small_page_still_marks_every_match() -> None:
    profile = _heavy(paragraphs=3, chars=100)
    wanted = frozenset({("labour",)})
    html = section_html(profile, profile.sections[0], highlight=lambda text: word_spans(text, wanted))
    # the title "Labour migration" and 6 "labour" in each 100-character paragraph
    assert len(_marks(html)) == 1 + 3 * 6
