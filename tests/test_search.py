"""Search over the bundled library: ranking, stems, prefixes, phrases, acronyms, variants, numbers,
names, diacritics, hostile input and suggestions."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app import search_plan
from app.library import default_folders, load_library, load_paths
from app.model import Address
from app.search import SearchIndex, word_spans
from app.search_query import match_expression
from tests.conftest import ROOT

M = "lao-pdr/anti-trafficking-mechanisms"
S = "lao-pdr/trafficking-situation"


@pytest.fixture(scope="module")
def index() -> Iterator[SearchIndex]:
    built = SearchIndex.build(load_library(default_folders()))
    yield built
    built.close()


BEST_HIT_CASES = [
    # stems
    ("recruiter", f"{S}#2", False),
    ("shelter", f"{M}#9", False),
    ("prosecute", "lao-pdr/challenges#0", False),
    ("perpetrator", f"{S}#2", False),
    # spelling variants
    ("operationalize", "lao-pdr/challenges#1", False),
    ("labor trafficking cases", "lao-pdr/challenges#0", False),
    ("neighboring countries", "lao-pdr/quick-facts#7", False),
    ("Vietnam", "lao-pdr/quick-facts#7", False),
    ("organizations", "lao-pdr/trafficking-trends#2", False),
    ("anti-trafficking programs", f"{S}#2", False),
    ("transit center", f"{M}#8", False),
    # prefixes while typing
    ("Xouk", "lao-pdr/contact-details#0", True),
    ("garm", f"{S}#0", True),
    ("fishing and seaf", f"{S}#0", True),
    ("Lane Xan", "lao-pdr/contact-details#1", True),
    # phrases
    ('"forced marriage"', f"{S}#0", False),
    ('"rule of law"', f"{S}#2", False),
    ('"Penal Code"', "lao-pdr/challenges#0", False),
    # acronyms, both ways
    ("NSC", f"{M}#0", False),
    ("LWU", f"{M}#7", False),
    ("Lao Youth Union", f"{M}#7", False),
    ("VTC", f"{M}#8", False),
    ("COMMIT", f"{M}#4", False),
    ("DPA", f"{M}#2", False),
    ("NPA", "lao-pdr/challenges#1", False),
    ("Vientiane Transit Centre", f"{M}#8", False),
    ("Provincial Steering Committees", f"{M}#3", False),
    ("ATDs", f"{M}#5", False),
    # numbers and phone numbers
    ("6.6 million", "lao-pdr/quick-facts#1", False),
    ("+856 21 267 790", "lao-pdr/contact-details#0", False),
    ("267777", "lao-pdr/contact-details#1", False),
    ("2005", f"{M}#4", False),
    ("1,417", "lao-pdr/quick-facts#4", False),
    # names
    ("Xoukiet Panyanouvong", "lao-pdr/contact-details#0", False),
    ("Lane Xang Avenue", "lao-pdr/contact-details#1", False),
    ("UNODC", f"{M}#6", False),
    # diacritics
    ("Viêt Nam", "lao-pdr/quick-facts#7", False),
    ("Vièntiane Transit", f"{M}#8", False),
    # hostile input that still means something
    ("sex)trade(", f"{S}#0", False),
    ('"forced marriage', f"{S}#0", True),
    ("garment* (:", f"{S}#0", False),
]


@pytest.mark.parametrize(("query", "expected", "typing"), BEST_HIT_CASES)
def test_the_best_hit_is_the_expected_block(index: SearchIndex, query: str, expected: str, typing: bool) -> None:
    hits = index.search(query, 5, typing=typing)
    assert hits, f"no hit for {query!r}"
    assert str(hits[0].address) == expected


@pytest.mark.parametrize(
    ("long_name", "uses_only_acronym"),
    [
        ("Minister of Public Security", f"{M}#1"),  # "headed by the Deputy Director of the MPS Police Department"
        ("National Steering Committee on Human Trafficking", f"{M}#3"),  # "The NSC is supported by ..."
    ],
)
def test_a_long_name_finds_blocks_that_use_only_its_acronym(
    index: SearchIndex, long_name: str, uses_only_acronym: str
) -> None:
    assert uses_only_acronym in [str(h.address) for h in index.search(long_name, 20)]


def test_acronyms_are_learned_from_the_text_not_listed(index: SearchIndex) -> None:
    learned = index.acronyms("lao-pdr").long_forms
    assert learned["mps"] == ("minister", "of", "public", "security")
    assert learned["vtc"] == ("vientiane", "transit", "centre")
    assert {"nsc", "dpa", "lwu", "lyu", "commit", "npa"} <= learned.keys()


HOSTILE = [
    '"', '""', '"""', "-", "--", "*", "**", ":", "a:b", "(", ")", "()", "((x", "AND", "OR", "NOT", "NEAR",
    "NEAR(a b, 2)", "title:labour", "^labour", "labour AND", "OR labour", "-labour", "lab-", "+", "'",
    "😀", "traffick😀ing", "\x00", "\\", "' OR 1=1 --", "{title body}: x", "x" * 10_000,
    "labour " * 2_000, "é" * 500, "\u200b", "ـ", "人口贩卖",
]


@pytest.mark.parametrize("query", HOSTILE)
@pytest.mark.parametrize("typing", [False, True])
def test_hostile_input_never_raises(index: SearchIndex, query: str, typing: bool) -> None:
    hits = index.search(query, 5, typing=typing)
    assert isinstance(hits, list)
    assert isinstance(index.hit_counts(query, typing=typing), dict)
    assert isinstance(index.suggestions(query), list)


def test_a_plural_acronym_expands_like_the_singular(index: SearchIndex) -> None:
    assert "provincial steering committees" in match_expression("PSCs", index.acronyms("lao-pdr"))


def test_operators_typed_as_words_are_searched_as_words() -> None:
    assert match_expression("labour AND NEAR") == '("labour" OR "labor") AND "and" AND "near"'


def test_the_last_word_is_a_prefix_only_while_typing() -> None:
    assert match_expression("garm", typing=True) == '"garm"*'
    assert match_expression("garm", typing=False) == '"garm"'
    assert match_expression("garm ", typing=True) == '"garm"'


@pytest.mark.parametrize(
    ("misspelled", "suggested"),
    [
        ("trafickng", "trafficking"),
        ("vientine", "vientiane"),
        ("brokrs", "brokers"),
        ("goverment", "government"),
        ("rafficking", "trafficking"),  # first letter dropped
        ("xtrafficking", "trafficking"),  # one added
    ],
)
def test_a_misspelling_gets_the_closest_words_of_the_index(index: SearchIndex, misspelled: str, suggested: str) -> None:
    assert index.search(misspelled, 5) == []
    assert index.suggestions(misspelled)[0] == suggested


def test_a_suggestion_keeps_the_other_words(index: SearchIndex) -> None:
    assert index.suggestions("labour brokrs")[0] == "labour brokers"


def test_hit_counts_per_section(index: SearchIndex) -> None:
    counts = index.hit_counts("shelters")
    assert counts == {M: 1}


def test_search_limited_to_one_profile(index: SearchIndex) -> None:
    assert index.search("labour", 5, profile="no-such-profile") == []
    assert index.search("labour", 5, profile="lao-pdr")


def test_matched_words_include_other_forms_of_the_stem(index: SearchIndex) -> None:
    wanted = index.matched_words("trafficked", Address("lao-pdr", "challenges"))
    assert {("trafficked",), ("trafficking",)} <= wanted
    text = "Human trafficking; trafficked persons"
    assert [text[a:b] for a, b in word_spans(text, wanted)] == ["trafficking", "trafficked"]


def test_snippet_html_escapes_text_and_marks_matches(index: SearchIndex) -> None:
    hit = index.search("shelters", 1)[0]
    assert "<b>shelters</b>" in hit.snippet_html
    assert "\x02" not in hit.snippet_text


def test_synthetic_profiles_are_deterministic_valid_and_marked(tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    from make_library import write_library

    first = write_library(2, tmp_path / "a")
    second = write_library(2, tmp_path / "b")
    assert [p.read_text() for p in first] == [p.read_text() for p in second]
    library = load_paths([tmp_path / "a"])
    assert not library.problems
    assert [p.name for p in library.profiles] == ["Synthetic 0001", "Synthetic 0002"]
    assert "SYNTHETIC" in first[0].read_text().splitlines()[0]


def test_a_phrase_is_highlighted_only_where_it_is_whole(index: SearchIndex) -> None:
    wanted = index.matched_words("NSC", Address("lao-pdr", "anti-trafficking-mechanisms"))
    text = "The National Steering Committee on Human Trafficking (NSC) fights human trafficking"
    marked = [text[a:b] for a, b in word_spans(text, wanted)]
    assert marked == ["National Steering Committee on Human Trafficking", "NSC"]


@pytest.fixture
def own_index() -> Iterator[SearchIndex]:
    """An index of the bundled profile no other test has searched: nothing read before is kept."""
    built = SearchIndex.build(load_library(default_folders()))
    yield built
    built.close()


def test_while_typing_a_word_in_more_blocks_than_the_cap_ranks_and_counts_the_first_and_says_so(
    own_index: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    everything = own_index.results("trafficking", 100, typing=True)  # within the cap: ranked whole
    assert not everything.capped and everything.total > 5
    monkeypatch.setattr(search_plan, "TYPING_CAP", 5)
    capped = SearchIndex.build(load_library(default_folders()))
    try:
        found = capped.results("trafficking", 25, typing=True)
        finished = capped.results("trafficking", 100)
    finally:
        capped.close()
    assert found.capped and found.total == 5 and found.summary == "5 of 5+ hits"
    sections = [s.id for s in load_library(default_folders()).profiles[0].sections]
    first = sorted(everything.hits, key=lambda h: (sections.index(h.section), h.block))[:5]  # in reading order
    best_of_first = [h for h in everything.hits if h in first]  # in the order of the whole ranking
    assert found.hits == tuple(best_of_first)
    assert not finished.capped and finished.total == everything.total  # the finished query counts all


def test_a_settled_query_being_typed_ranks_and_counts_every_match(
    own_index: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    everything = own_index.results("traffick", 100, typing=True)
    monkeypatch.setattr(search_plan, "TYPING_CAP", 5)
    capped = SearchIndex.build(load_library(default_folders()))
    try:
        assert capped.results("traffick", 25, typing=True).capped
        assert capped.settle("traffick", typing=True)
        settled = capped.results("traffick", 100, typing=True)
        counts = dict(capped.counts("traffick", typing=True))
        assert not capped.settle("traffick", typing=True)  # nothing left capped
    finally:
        capped.close()
    assert not settled.capped and settled.hits == everything.hits and settled.total == everything.total
    assert counts == dict(own_index.counts("traffick", typing=True)) and sum(counts.values()) > 5


@pytest.mark.parametrize("word", ["trafficking", "migration", "vulnerability"])
def test_typing_a_word_letter_by_letter_never_empties_the_list_past_its_stem(own_index: SearchIndex, word: str) -> None:
    finished = own_index.results(word, 100)
    assert finished.total > 0
    for end in range(4, len(word) + 1):
        typed = own_index.results(word[:end], 100, typing=True)
        assert typed.total >= finished.total, word[:end]
        assert {h.address for h in finished.hits} <= {h.address for h in typed.hits}, word[:end]


def test_letters_that_start_no_word_of_the_text_find_nothing_while_typing(own_index: SearchIndex) -> None:
    assert own_index.results("traffickx", 10, typing=True).total == 0
    assert own_index.results("cartoo", 10, typing=True).total == 0  # no "cartoon" in the profile


def test_an_acronym_two_profiles_read_differently_is_capped_while_typing_and_settles_exact(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.conftest import search_test_library

    library = search_test_library()
    exact = SearchIndex.build(library)
    try:
        whole = exact.results("MPS", 50, typing=True)
    finally:
        exact.close()
    monkeypatch.setattr(search_plan, "TYPING_CAP", 2 * search_plan.ROW_QUERY_SHARE)  # two rows a reading
    capped = SearchIndex.build(library)
    try:
        found = capped.results("MPS", 50, typing=True)
        assert capped.settle("MPS", typing=True)
        settled = capped.results("MPS", 50, typing=True)
    finally:
        capped.close()
    assert not whole.capped and whole.total > 2
    assert found.capped and found.summary.endswith("+ hits") and set(found.hits) < set(whole.hits)
    assert not settled.capped and settled.hits == whole.hits and settled.total == whole.total


def test_while_typing_a_count_within_the_cap_is_exact(own_index: SearchIndex, monkeypatch: pytest.MonkeyPatch) -> None:
    total = own_index.results("trafficking", 0).total
    monkeypatch.setattr(search_plan, "TYPING_CAP", total)  # exactly as many hits as may be counted
    found = own_index.results("trafficking", 10, typing=True)
    assert not found.capped and found.total == total and found.summary == f"10 of {total} hits"


def test_typing_on_through_one_word_reads_the_index_once_and_finds_what_a_fresh_index_finds(
    own_index: SearchIndex,
) -> None:
    first = own_index.query("traf", typing=True)
    own_index.results("traf", 25, typing=True)
    assert own_index.query("traffi", typing=True) is first  # both stand for the one term "traffick"
    fresh = SearchIndex.build(load_library(default_folders()))
    try:
        assert own_index.results("traffi", 25, typing=True) == fresh.results("traffi", 25, typing=True)
        assert own_index.hit_counts("traffi", typing=True) == fresh.hit_counts("traffi", typing=True)
    finally:
        fresh.close()
