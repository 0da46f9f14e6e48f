"""The loader: valid profiles become the model; every problem is reported with file, line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.loader import load_profile, parse_profile
from app.model import Bullet, BulletList, Contact, Fact, FactList, Paragraph, Phone
from tests.conftest import BUNDLED_PROFILE, LAO_SECTIONS, WriteProfile, minimal_profile


def problems_of(text: str) -> list[str]:
    result = parse_profile(text.encode("utf-8"), Path("p.yaml"))
    assert result.profile is None, "a file with problems must not yield a profile"
    return [str(p) for p in result.problems]


def test_bundled_profile_loads_with_all_six_sections_in_order() -> None:
    result = load_profile(BUNDLED_PROFILE, bundled=True)
    assert result.problems == ()
    profile = result.profile
    assert profile is not None
    assert profile.id == "lao-pdr" and profile.name == "Lao PDR" and profile.bundled
    assert [s.id for s in profile.sections] == LAO_SECTIONS
    assert len(profile.sha256) == 64


def test_bundled_profile_keeps_years_estimates_and_nested_bullets_as_data() -> None:
    profile = load_profile(BUNDLED_PROFILE).profile
    assert profile is not None
    facts = profile.sections[0].blocks[0]
    assert isinstance(facts, FactList)
    assert Fact("Population", "6.6 million", 2012) in facts.facts
    assert Fact("Unofficial", "6.8 million", 2014, estimate=True) in facts.facts
    assert Fact("Capital", "Vientiane") in facts.facts
    contacts = profile.sections[1].blocks
    assert contacts[1] == Contact(
        organisation="Office of the UN Resident Coordinator",
        address=("Lane Xang Avenue, PO Box 345", "Vientiane, Lao PDR"),
        phones=(Phone("Tel", ("+856 21 267777",)), Phone("Fax", ("+856 21 267 792", "+856 21 267 799"))),
    )
    mechanisms = profile.sections[4].blocks[0]
    assert isinstance(mechanisms, BulletList)
    dpa = mechanisms.items[2]
    assert dpa.text.endswith("includes six divisions:")
    assert dpa.items == (Bullet("Intelligence, Investigation, Awareness and Training, Secretariat, Cases and the Cabinet"),)
    closing = profile.sections[5].blocks[-1]
    assert isinstance(closing, Paragraph) and closing.text.endswith("please see the resource section")


def test_typographic_apostrophes_are_kept() -> None:
    profile = load_profile(BUNDLED_PROFILE).profile
    assert profile is not None
    paragraph = profile.sections[3].blocks[1]
    assert isinstance(paragraph, Paragraph)
    assert "country’s borders" in paragraph.text


@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        ("syntax error", "schema: 1\nid: [unclosed\n", "p.yaml:3:1: YAML syntax error"),
        ("tab indentation", "schema: 1\nsource:\n\tpublisher: x\n", "p.yaml:3:1: a tab is used for indentation"),
        ("top level is a list", "- a\n- b\n", "p.yaml:1:1: the profile must be a mapping"),
        ("empty file", "", "p.yaml:1:1: the file is empty"),
        ("comments only", "# nothing here\n", "p.yaml:1:1: the file is empty"),
        ("missing field", "schema: 1\nid: x\nname: X\nsource: {publisher: P}\n", "p.yaml:1:1: the profile is missing 'sections'"),
        ("unknown key with hint", minimal_profile().replace("name:", "nmae:"), "p.yaml:3:1: unknown key 'nmae' in the profile; did you mean 'name'?"),
        ("number where text is due", minimal_profile().replace("value: Testville", "value: 0.543"), "'value' must be text, but YAML reads 0.543 as a number; quote it"),
        ("bool where text is due", minimal_profile().replace("value: Testville", "value: NO"), "YAML reads NO as true/false; quote it"),
        ("date where text is due", minimal_profile().replace("value: Testville", "value: 2012-01-01"), "as a date; quote it"),
        ("year that is not a year", minimal_profile().replace("year: 2020", "year: 20201"), "'year' must be a year such as 2012; got 20201"),
        ("year as text", minimal_profile().replace("year: 2020", "year: last year"), "'year' must be a year"),
        ("bad id", minimal_profile("Test Land"), "p.yaml:2:5: 'id' must use only a-z, 0-9 and '-'"),
        ("duplicate section id", minimal_profile().replace("id: notes", "id: facts"), "p.yaml:11:5: duplicate section id 'facts' (first at line 6)"),
        ("duplicate key", minimal_profile().replace("name: Testland\n", "name: Testland\nname: Other\n"), "p.yaml:4:1: 'name' appears twice in this mapping (first at line 3)"),
        ("unsupported schema", minimal_profile().replace("schema: 1", "schema: 2"), "p.yaml:1:9: schema 2 is not supported"),
        ("two block kinds", minimal_profile().replace("      - paragraph: A", "      - bullets: [a]\n        paragraph: A"), "a block holds exactly one of facts, bullets, contact, paragraph"),
        ("list where text is due", minimal_profile().replace("title: Notes", "title: [Notes]"), "'title' must be text, not a list"),
        ("empty list", minimal_profile().replace("      - paragraph: A paragraph about Testland.", "      - bullets: []"), "'bullets' is an empty list"),
        ("ftp url", minimal_profile().replace('url: "https://example.org/testland"', 'url: "ftp://example.org/x"'), "'url' must be an http(s), mailto or tel address"),
        ("alias", "schema: 1\nid: &a x\nname: *a\n", "p.yaml:3:7: aliases (*a) are not allowed"),
        ("python tag", "schema: 1\nid: !!python/object:os.system x\n", "p.yaml:2:5: the tag !!python/object:os.system is not allowed"),
        ("custom tag", "schema: 1\nid: !secret x\n", "the tag !secret is not allowed"),
        ("second document", "schema: 1\n---\nschema: 1\n", "p.yaml:2:1: a profile file holds one YAML document"),
        ("contact without name", minimal_profile().replace("      - paragraph: A paragraph about Testland.", "      - contact: {role: Clerk}"), "a contact needs a 'name' or an 'organisation'"),
    ],
)
def test_problem_is_reported_with_position(case: str, text: str, expected: str) -> None:
    problems = problems_of(text)
    assert any(expected in p for p in problems), f"{case}: {problems}"
    assert all(p.startswith("p.yaml:") for p in problems)


def test_every_problem_of_a_file_is_reported_not_just_the_first() -> None:
    text = minimal_profile().replace("name:", "nmae:").replace("year: 2020", "year: soon").replace("title: Notes", "title: 12")
    problems = problems_of(text)
    assert len(problems) == 3, problems  # unknown key (did you mean 'name'), bad year, number title


def test_a_misspelt_required_key_is_one_problem_not_also_a_missing_one() -> None:
    problems = problems_of(minimal_profile().replace("    title: Notes", "    titel: Notes"))
    assert problems == ["p.yaml:12:5: unknown key 'titel' in a section; did you mean 'title'?"]


def test_a_missing_key_without_a_near_miss_is_still_reported() -> None:
    problems = problems_of(minimal_profile().replace("    title: Notes\n", "    colour: red\n"))
    assert "p.yaml:11:5: a section is missing 'title'" in problems
    assert any("unknown key 'colour' in a section; expected 'id', 'title', 'blocks'" in p for p in problems)


def test_non_utf8_file_names_the_byte_and_its_position() -> None:
    result = parse_profile(b"schema: 1\nname: Caf\xe9\n", Path("p.yaml"))
    assert result.profile is None
    assert [str(p) for p in result.problems] == ["p.yaml:2:10: not UTF-8 text (byte 0xE9); save the file as UTF-8"]


def test_binary_file_is_refused() -> None:
    result = parse_profile(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", Path("p.yaml"))
    assert result.profile is None
    assert "binary file" in result.problems[0].message


def test_unreadable_path_is_a_problem_not_an_exception(tmp_path: Path) -> None:
    result = load_profile(tmp_path / "missing.yaml")
    assert result.profile is None
    assert "cannot read the file" in result.problems[0].message


def test_utf8_byte_order_mark_is_accepted(write_profile: WriteProfile) -> None:
    path = write_profile("\ufeff" + minimal_profile())
    result = load_profile(path)
    assert result.problems == ()


def test_minimal_profile_builds_the_model(write_profile: WriteProfile) -> None:
    result = load_profile(write_profile(minimal_profile()))
    assert result.profile is not None
    assert [s.title for s in result.profile.sections] == ["Facts of Testland", "Notes"]
    assert result.profile.sections[0].items == (Fact("Capital", "Testville", 2020),)


def test_other_names_of_the_country_are_kept_as_aliases() -> None:
    text = minimal_profile().replace("name: Testland\n", "name: Testland\naliases: [Testia, Republic of Testland]\n")
    profile = parse_profile(text.encode("utf-8"), Path("p.yaml")).profile
    assert profile is not None and profile.aliases == ("Testia", "Republic of Testland")
    plain = parse_profile(minimal_profile().encode("utf-8"), Path("p.yaml")).profile
    assert plain is not None and plain.aliases == ()


def test_an_empty_alias_is_reported_at_its_place() -> None:
    text = minimal_profile().replace("name: Testland\n", 'name: Testland\naliases: [Testia, ""]\n')
    assert problems_of(text) == ["p.yaml:4:19: 'aliases' is empty"]
