"""Copy with source: the copied text always ends with where it comes from."""

from __future__ import annotations

from app.citation import contact_text, with_source
from app.library import default_folders, load_library
from app.model import Contact


def test_a_copied_section_ends_with_the_source_line_and_its_address() -> None:
    profile = load_library(default_folders()).profile("lao-pdr")
    assert profile is not None
    section = profile.section("quick-facts")
    assert section is not None
    text = with_source(profile, section)
    assert text.startswith("Lao PDR Quick Facts\n\nCapital: Vientiane\nPopulation: 6.6 million (2012)\n")
    assert text.rstrip().endswith("Source: UN-ACT, http://un-act.org/lao-pdr/ (Lao PDR, lao-pdr/quick-facts)")


def test_a_copied_profile_page_is_the_whole_profile_with_its_source_first() -> None:
    profile = load_library(default_folders()).profile("lao-pdr")
    assert profile is not None
    text = with_source(profile, None)
    assert text.splitlines()[:2] == ["Lao PDR", "Source: UN-ACT, http://un-act.org/lao-pdr/"]
    assert "TIP challenges ahead" in text


def test_a_contact_copies_as_lines_with_its_numbers() -> None:
    profile = load_library(default_folders()).profile("lao-pdr")
    assert profile is not None
    section = profile.section("contact-details")
    assert section is not None
    office = next(i for i in section.items if isinstance(i, Contact) and i.heading.startswith("Office"))
    assert contact_text(office).splitlines() == [
        "Office of the UN Resident Coordinator",
        "Lane Xang Avenue, PO Box 345",
        "Vientiane, Lao PDR",
        "Tel: +856 21 267777",
        "Fax: +856 21 267 792 / +856 21 267 799",
    ]
