"""Building the index: the one term a typed prefix stands for, which finds exactly what the prefix
finds (rows, scores, counts and highlights), so a keystroke may search it instead."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app import search_index
from app.search_eval import TYPING_CAP, ExpressionQuery
from app.search_index import Built, Completions
from app.search_query import match_parts, parse
from tests.conftest import search_test_library


@pytest.fixture(scope="module")
def built() -> Iterator[Built]:
    made = search_index.build(search_test_library())
    yield made
    made.db.close()


@pytest.fixture
def completions(built: Built) -> Iterator[Completions]:
    made = Completions(built.terms)
    yield made
    made.close()


@pytest.mark.parametrize(
    ("typed", "term"),
    [
        ("traf", "traffick"),  # the only term starting so
        ("trafficking", "traffick"),  # stemmed first, as the index stems it
        ("vientian", "vientian"),  # a term that is its own only completion
        ("seaf", "seafood"),
        ("kampu", "kampuchea"),  # a profile's alias, in the titles and names
        ("don", "dong"),  # Vietnamese "Đông", folded
        ("pro", None),  # province, program, prosecute...: a prefix of many stays a prefix
        ("labor", None),  # no term starts so: left for FTS5 to find nothing
    ],
)
def test_a_prefix_only_one_term_of_the_index_starts_with_stands_for_that_term(
    completions: Completions, typed: str, term: str | None
) -> None:
    assert completions(typed) == term


def test_a_query_being_typed_searches_the_term_and_keeps_its_other_spellings(completions: Completions) -> None:
    assert match_parts(parse("labour traf", typing=True), None, completions) == ['("labour" OR "labor")', '"traffick"']
    assert match_parts(parse('"fishing and seaf', typing=True), None, completions) == ['"fishing and seafood"']


@pytest.mark.parametrize(
    ("prefix", "term"),
    [
        ('"traf"*', '"traffick"'),
        ('"traf"* AND body : ("traf"*)', '"traffick" AND body : ("traffick")'),  # a hit by its own text
        ('"fishing and seaf"*', '"fishing and seafood"'),
        ('"kampu"*', '"kampuchea"'),
    ],
)
@pytest.mark.parametrize("cap", [None, TYPING_CAP, 3])
def test_a_prefix_and_the_one_term_it_stands_for_find_the_same_rows_scores_and_highlights(
    built: Built, prefix: str, term: str, cap: int | None
) -> None:
    typed, whole = ExpressionQuery(built.db, prefix, cap=cap), ExpressionQuery(built.db, term, cap=cap)
    everything = (1, len(built.rows))
    assert whole.top(50)
    assert typed.top(50) == whole.top(50)
    assert (typed.total(), typed.capped()) == (whole.total(), whole.capped())
    assert typed.marked_in(everything) == whole.marked_in(everything)
