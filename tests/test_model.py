"""The domain model: addresses, items in reading order, and what a profile says about its years."""

from __future__ import annotations

import pytest

from app.library import default_folders, load_library
from app.model import Address, Bullet, BulletList, Fact, FactList, Paragraph, Section


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lao-pdr", Address("lao-pdr")),
        ("lao-pdr/challenges", Address("lao-pdr", "challenges")),
        ("lao-pdr/quick-facts#3", Address("lao-pdr", "quick-facts", 3)),
        (" lao-pdr/challenges ", Address("lao-pdr", "challenges")),
        ("", None),
        ("/challenges", None),
        ("lao-pdr#3", None),
        ("lao-pdr/a/b", None),
        ("lao-pdr/quick-facts#x", None),
        ("lao-pdr/quick-facts#-1", None),
        ("lao-pdr/quick-facts#٣", None),
    ],
)
def test_address_parses_profile_section_and_item(text: str, expected: Address | None) -> None:
    assert Address.parse(text) == expected
    if expected is not None:
        assert Address.parse(str(expected)) == expected


def test_items_are_numbered_across_blocks_in_reading_order() -> None:
    section = Section(
        "s",
        "S",
        (
            FactList((Fact("A", "1"), Fact("B", "2"))),
            Paragraph("p"),
            BulletList((Bullet("x", (Bullet("nested"),)), Bullet("y"))),
        ),
    )
    assert [type(i).__name__ for i in section.items] == ["Fact", "Fact", "Paragraph", "Bullet", "Bullet"]
    assert section.items[3] == Bullet("x", (Bullet("nested"),))


@pytest.mark.parametrize(
    ("fact", "qualifier"),
    [
        (Fact("Population", "6.6 million", 2012), "2012"),
        (Fact("Unofficial", "6.8 million", 2014, estimate=True), "2014 estimate"),
        (Fact("Capital", "Vientiane"), ""),
        (Fact("Rural", "64%", estimate=True), "estimate"),
    ],
)
def test_fact_qualifier_reads_as_the_source_prints_it(fact: Fact, qualifier: str) -> None:
    assert fact.qualifier == qualifier


def test_library_resolves_sections_and_refuses_unknown_addresses() -> None:
    library = load_library(default_folders())
    resolved = library.resolve(Address("lao-pdr", "challenges"))
    assert resolved is not None
    assert resolved[1] is not None and resolved[1].title == "TIP challenges ahead"
    assert library.resolve(Address("lao-pdr")) == (library.profiles[0], None)
    assert library.resolve(Address("lao-pdr", "nope")) is None
    assert library.resolve(Address("nope", "challenges")) is None
    assert library.resolve(Address("lao-pdr", "quick-facts", 7)) is not None
    assert library.resolve(Address("lao-pdr", "quick-facts", 8)) is None


def test_bundled_profile_figures_span_2012_to_2014() -> None:
    profile = load_library(default_folders()).profile("lao-pdr")
    assert profile is not None
    assert profile.figure_years() == (2012, 2014)
    assert profile.source.line == "Source: UN-ACT, http://un-act.org/lao-pdr/"
