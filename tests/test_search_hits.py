"""What a search returns, in words: counts with their nouns, for the result list and the find bar."""

from __future__ import annotations

import pytest

from app.search_hits import Hit, Results, position_text


@pytest.mark.parametrize(
    ("current", "total", "noun", "plural", "text"),
    [
        (None, 0, "match", "matches", "No matches"),
        (None, 1, "highlight", "highlights", "1 highlight"),
        (0, 1, "highlight", "highlights", "1 of 1 highlight"),
        (1, 7, "highlight", "highlights", "2 of 7 highlights"),
        (None, 1234, "match", "matches", "1,234 matches"),
    ],
)
def test_a_find_bar_count_says_its_noun_in_the_right_number(
    current: int | None, total: int, noun: str, plural: str, text: str
) -> None:
    assert position_text(current, total, noun, plural) == text



@pytest.mark.parametrize(("shown", "total", "text"), [(0, 0, "No hits"), (1, 1, "1 hit"), (3, 3, "3 hits"),
                                                      (25, 66, "25 of 66 hits"), (25, 1234, "25 of 1,234 hits")])
def test_the_result_list_says_how_many_of_how_many(shown: int, total: int, text: str) -> None:
    hits = tuple(Hit("p", "s", n, "Title", "Profile", "snippet", 1.0) for n in range(shown))
    assert Results(hits, total).summary == text


@pytest.mark.parametrize(("shown", "capped", "summary", "total"),
                         [(25, True, "25 of 1,000+ hits", "1,000+"), (25, False, "25 of 1,000 hits", "1,000"),
                          (1000, False, "1,000 hits", "1,000"), (1000, True, "1,000 of 1,000+ hits", "1,000+")])
def test_a_capped_count_says_there_are_more_and_an_uncapped_one_is_exact(
    shown: int, capped: bool, summary: str, total: str
) -> None:
    hits = tuple(Hit("p", "s", n, "Title", "Profile", "snippet", 1.0) for n in range(shown))
    results = Results(hits, 1000, capped)
    assert (results.summary, results.total_text) == (summary, total)
