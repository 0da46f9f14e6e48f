"""Search ranking over several profiles: a block is a hit by its own text, titles and country names
rank, common words still rank, acronyms stay in their profile, totals and snippets."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.library import load_paths
from app.model import Address, Library, Paragraph
from app.render import hit_anchor, section_html
from app.search import SearchIndex
from app.search_marks import ELLIPSIS, MARK_END, MARK_START
from tests.conftest import ROOT, WriteProfile, minimal_profile, search_test_library

K = "cambodia-test"


@pytest.fixture(scope="module")
def library() -> Library:
    return search_test_library()


@pytest.fixture(scope="module")
def index(library: Library) -> Iterator[SearchIndex]:
    built = SearchIndex.build(library)
    yield built
    built.close()


@pytest.fixture(scope="module")
def lao_only() -> Iterator[SearchIndex]:
    built = SearchIndex.build(load_paths([ROOT / "data" / "profiles"]))
    yield built
    built.close()


BEST_HIT = [
    # a title ranks, but the best hit holds the word itself
    ("challenges", "lao-pdr/challenges#0"),
    ("situation", "lao-pdr/trafficking-situation#2"),
    # the country's name and its aliases weigh like a title
    ("Cambodia population", f"{K}/quick-facts#1"),
    ("Cambodia HDI", f"{K}/quick-facts#2"),
    ("Lim Tith Cambodia", f"{K}/contact-details#0"),
    ("Kampuchea capital", f"{K}/quick-facts#0"),
    ("Kingdom of Cambodia population", f"{K}/quick-facts#1"),
    ("Lao PDR population", "lao-pdr/quick-facts#1"),
    # a common word ranks by how well a block matches: twice in a short bullet beats once
    ("trafficking", f"{K}/trafficking-trends#1"),
    ("trafficked", f"{K}/trafficking-trends#1"),
    # words standing as a phrase rank above the same words apart
    ("forced marriage", f"{K}/trafficking-trends#1"),
    ("fishing boats", f"{K}/trafficking-trends#0"),
    # acronyms read by the profile that defines them
    ("Ministry of Planning and Statistics", f"{K}/statistics#0"),
    ("Minister of Public Security", "lao-pdr/anti-trafficking-mechanisms#0"),
]


@pytest.mark.parametrize(("query", "expected"), BEST_HIT)
def test_the_best_hit_is_the_expected_block(index: SearchIndex, query: str, expected: str) -> None:
    hits = index.search(query, 5)
    assert hits, f"no hit for {query!r}"
    assert str(hits[0].address) == expected


@pytest.mark.parametrize("query", ["challenges", "situation", "trafficking", "Cambodia population", "Quick Facts"])
def test_every_hit_holds_a_query_word_in_its_own_text(index: SearchIndex, query: str) -> None:
    for hit in index.search(query, 100):
        assert MARK_START in hit.snippet, f"{hit.address} is a hit by its title alone"


def test_a_title_or_name_alone_makes_no_hit_but_names_the_profile(index: SearchIndex) -> None:
    assert index.search("Quick Facts", 10) == []  # the words of section titles, in no block
    assert [str(h.address) for h in index.search("Cambodia", 10)] == ["lao-pdr/quick-facts#7"]  # a neighbour
    assert index.profiles_named("Cambodia") == [K]
    assert index.profiles_named("kampu", typing=True) == [K]
    assert index.profiles_named("Laos") == []  # the bundled profile gives no other name
    assert index.profiles_named("lao pdr") == ["lao-pdr"]


def test_a_common_word_is_not_ranked_in_file_order(index: SearchIndex) -> None:
    hits = index.search("trafficking", 100)
    scores = [h.score for h in hits]
    assert len(set(scores)) > len(scores) // 2
    assert scores == sorted(scores, reverse=True)
    assert all(score > 0.001 for score in scores)


def test_a_second_profile_does_not_change_the_acronyms_of_the_first(
    index: SearchIndex, lao_only: SearchIndex
) -> None:
    for query in ("Minister of Public Security", "MPS"):
        lao = [str(h.address) for h in lao_only.search(query, 20)]
        both = [str(h.address) for h in index.search(query, 20) if h.profile == "lao-pdr"]
        assert both == lao and len(lao) == 3
    assert {h.profile for h in index.search("Ministry of Planning and Statistics", 20)} == {K}
    assert index.acronyms(K).long_forms["mps"] == ("ministry", "of", "planning", "and", "statistics")
    assert index.acronyms("lao-pdr").long_forms["mps"] == ("minister", "of", "public", "security")


HIGHLIGHT_QUERIES = ["trafficking", "trafficked", "challenges", "NSC", "MPS", "forced marriage", "Cambodia population",
                     "labour", "shelters", "garm", '"Tith National"', "ការិយាល័យ", "福", "dong nam a"]


@pytest.mark.parametrize("query", HIGHLIGHT_QUERIES)
def test_the_count_of_each_section_is_the_number_of_highlights_on_its_page(
    index: SearchIndex, library: Library, query: str
) -> None:
    counts = index.counts(query, typing=query == "garm")
    assert counts, f"no hit for {query!r}"
    for profile in library.profiles:
        for section in profile.sections:
            address = Address(profile.id, section.id)
            marks = index.section_marks(query, address, typing=query == "garm")
            page = section_html(profile, section, highlight=marks)
            shown = len(re.findall(f'name="{hit_anchor(0)[:-1]}\\d+"', page))
            assert counts.get(str(address), 0) == shown, str(address)


def test_only_hit_items_are_highlighted_never_the_title(index: SearchIndex, library: Library) -> None:
    section = library.resolve(Address("lao-pdr", "challenges"))
    assert section is not None and section[1] is not None
    first, second = (item.text for item in section[1].items[:2] if isinstance(item, Paragraph))
    marks = index.section_marks("challenges", Address("lao-pdr", "challenges"))
    assert marks.spans(section[1].title, None) == []
    assert [first[a:b] for a, b in marks.spans(first, 0)] == ["challenge"]
    assert marks.spans(second, 1) == []  # not a hit: no highlight


def test_eager_and_lazy_counts_agree(index: SearchIndex) -> None:
    assert index.hit_counts("trafficking") == dict(index.counts("trafficking"))
    assert index.hit_counts("trafficking", profile=K) == {f"{K}/trafficking-trends": 4}


def test_results_say_how_many_hits_there_are_beyond_those_shown(index: SearchIndex) -> None:
    results = index.results("trafficking", 5)
    assert len(results.hits) == 5
    assert results.total == len(index.search("trafficking", 1000)) > 5
    assert results.summary == f"5 of {results.total} hits"
    assert index.results("shelters", 5).summary == "1 hit"
    assert index.results("zzzz", 5).summary == "No hits"


def test_a_cut_snippet_says_so_with_an_ellipsis(index: SearchIndex) -> None:
    hit = index.search("exploitative situations", 1)[0]
    assert hit.snippet_text.startswith(ELLIPSIS) and hit.snippet_text.endswith(ELLIPSIS)
    whole = index.search("Phnom Penh", 1)[0]
    assert ELLIPSIS not in whole.snippet_text
    assert f"{MARK_START}Phnom Penh{MARK_END}" in whole.snippet  # the words as a phrase, one mark


def test_a_search_within_one_profile_stays_in_it(index: SearchIndex) -> None:
    hits = index.search("trafficking", 50, profile=K)
    assert hits and {h.profile for h in hits} == {K}
    assert index.results("MPS", 50, profile="lao-pdr").total == 3



@pytest.mark.parametrize(
    ("query", "line"),
    [
        ("Cambodia population", "Population: 15.4 million (2013)"),  # a fact as the source prints it
        ("Lim Tith", "Mr. Lim Tith · National Project Coordinator · Tel: +855 23 216 167"),
        ("267 799", "…Lao PDR · Tel: +856 21 267777 · Fax: +856 21 267 792 / +856 21 267 799"),  # cut before
    ],
)
def test_a_snippet_reads_like_the_page(index: SearchIndex, query: str, line: str) -> None:
    assert index.search(query, 1)[0].snippet_text == line


def test_a_word_in_most_blocks_still_ranks_by_how_often_and_how_densely_it_occurs(
    write_profile: WriteProfile, tmp_path: Path
) -> None:
    blocks = [
        "Migration was discussed at length by the committee over several days of meetings.",
        "Migration, migration and again migration.",
        "The report on migration.",
        "Migration and migration in a longer sentence about the provinces and their borders.",
        "Nothing about it here.",
    ]
    text = minimal_profile().replace(
        "    blocks:\n", "    blocks:\n" + "".join(f"      - paragraph: {b}\n" for b in blocks), 1
    )
    write_profile(text, "common.yaml")
    built = SearchIndex.build(load_paths([tmp_path]))
    try:
        hits = built.search("migration", 10)
        # in four blocks of seven: bm25 gives the word itself a near-zero weight, not the blocks an order
        assert [h.block for h in hits] == [1, 3, 2, 0]  # three times, twice, once in 4 words, once in 13
        assert len({h.score for h in hits}) == len(hits) and all(h.score > 0 for h in hits)
    finally:
        built.close()


def test_a_closed_profile_row_counts_the_highlights_of_all_its_sections(index: SearchIndex) -> None:
    counts = index.counts("trafficking")
    lao = sum(n for address, n in index.hit_counts("trafficking").items() if address.startswith("lao-pdr/"))
    assert counts.profile_total("lao-pdr") == lao > 0
    assert counts.profile_total("no-such-profile") == 0
    assert counts.get("no-such-profile/section", 0) == 0
