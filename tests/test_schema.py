"""The published JSON Schema: valid itself, accepts the bundled profile, and agrees with the loader."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from app.loader import parse_profile
from tests.conftest import BUNDLED_PROFILE, ROOT, minimal_profile

SCHEMA_FILE = ROOT / "data" / "profile.schema.json"


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return loaded


@pytest.fixture(scope="module")
def validator(schema: dict[str, Any]) -> Draft202012Validator:
    return Draft202012Validator(schema)


def with_blocks(blocks: str) -> str:
    """A minimal profile whose one section holds the given `blocks:` entries (YAML at column 0)."""
    head = "schema: 1\nid: testland\nname: Testland\nsource: {publisher: P}\nsections:\n"
    head += "  - id: notes\n    title: Notes\n    blocks:\n"
    return head + textwrap.indent(textwrap.dedent(blocks), " " * 6)


def schema_errors(validator: Draft202012Validator, text: str) -> list[str]:
    return [error.message for error in validator.iter_errors(yaml.safe_load(text))]


def loader_accepts(text: str) -> bool:
    return parse_profile(text.encode("utf-8"), Path("x.yaml")).profile is not None


def test_schema_is_a_valid_draft_2020_12_schema(schema: dict[str, Any]) -> None:
    Draft202012Validator.check_schema(schema)


def test_bundled_profile_validates_against_the_schema(validator: Draft202012Validator) -> None:
    assert schema_errors(validator, BUNDLED_PROFILE.read_text(encoding="utf-8")) == []


def test_bundled_profile_points_editors_at_the_schema() -> None:
    first_line = BUNDLED_PROFILE.read_text(encoding="utf-8").splitlines()[0]
    prefix = "# yaml-language-server: $schema="
    assert first_line.startswith(prefix)
    assert (BUNDLED_PROFILE.parent / first_line[len(prefix) :]).resolve() == SCHEMA_FILE.resolve()


def _properties(node: object) -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        for name, value in node.get("properties", {}).items():
            yield name, value
        for value in node.values():
            yield from _properties(value)
    elif isinstance(node, list):
        for value in node:
            yield from _properties(value)


def test_every_property_has_a_title_and_description_for_editor_completion(schema: dict[str, Any]) -> None:
    properties = list(_properties(schema))
    every_key = {
        "schema",
        "id",
        "name",
        "aliases",
        "source",
        "sections",
        "publisher",
        "url",
        "title",
        "blocks",
        "facts",
        "bullets",
        "contact",
        "paragraph",
        "label",
        "value",
        "year",
        "estimate",
        "text",
        "items",
        "role",
        "organisation",
        "address",
        "phones",
        "number",
        "email",
        "checked",
        "published",
    }
    assert {name for name, _ in properties} == every_key
    missing = [name for name, value in properties if not (value.get("title") and value.get("description"))]
    assert missing == []


VALID = [
    ("minimal profile", minimal_profile()),
    ("fact with year and estimate", with_blocks("- facts: [{label: A, value: B, year: 2014, estimate: true}]\n")),
    ("quoted numeric value", with_blocks('- facts: [{label: HDI, value: "0.543", year: 2012}]\n')),
    (
        "nested bullets two levels deep",
        with_blocks(
            "- bullets:\n    - plain\n    - text: parent\n      items:\n        - {text: child, items: [grandchild]}\n"
        ),
    ),
    (
        "contact with every field",
        with_blocks(
            """\
            - contact:
                name: N
                role: R
                organisation: O
                address: [Line 1, Line 2]
                phones:
                  - {label: Tel, number: "+856 21 267777"}
                  - {label: Fax, number: ["+856 21 267 792", "+856 21 267 799"]}
                email: someone@example.org
                url: "https://example.org/office"
            """
        ),
    ),
    ("contact with organisation only", with_blocks("- contact: {organisation: O}\n")),
    ("mailto url", with_blocks('- contact: {name: N, url: "mailto:someone@example.org"}\n')),
    ("tel url", with_blocks('- contact: {name: N, url: "tel:+85621267777"}\n')),
    ("source with title", minimal_profile().replace("source: {", "source: {title: A report, ")),
    ("other names of the country", minimal_profile().replace("name: Testland\n", "name: Testland\naliases: [Testia, TL]\n")),
    ("contact checked in a month", with_blocks("- contact: {name: N, checked: 2014-06}\n")),
    ("contact checked in a year", with_blocks("- contact: {name: N, checked: 2014}\n")),
    ("profile published", minimal_profile().replace("sections:", "published: 2014-06\nsections:")),
]


@pytest.mark.parametrize(("case", "text"), VALID, ids=[case for case, _ in VALID])
def test_schema_and_loader_both_accept_valid_profiles(case: str, text: str, validator: Draft202012Validator) -> None:
    del case  # names the case in pytest's ids
    assert schema_errors(validator, text) == []
    assert loader_accepts(text)


INVALID = [
    ("unknown top-level key", minimal_profile() + "author: Someone\n"),
    ("contact checked on a day", with_blocks("- contact: {name: N, checked: 2014-06-01}\n")),
    ("contact checked in month 13", with_blocks("- contact: {name: N, checked: 2014-13}\n")),
    ("published in words", minimal_profile().replace("sections:", "published: June 2014\nsections:")),
    ("unknown key in a fact", with_blocks("- facts: [{label: A, value: B, yeer: 2012}]\n")),
    ("section without title", minimal_profile().replace("    title: Notes\n", "")),
    ("year as text", with_blocks('- facts: [{label: A, value: B, year: "2012"}]\n')),
    ("year out of range", with_blocks("- facts: [{label: A, value: B, year: 1700}]\n")),
    ("estimate as text", with_blocks('- facts: [{label: A, value: B, estimate: "yes"}]\n')),
    ("unquoted number as value", with_blocks("- facts: [{label: HDI, value: 0.543}]\n")),
    ("two kinds in one block", with_blocks("- paragraph: Text.\n  bullets: [item]\n")),
    ("empty block", with_blocks("- {}\n")),
    ("bad profile id", minimal_profile("Lao_PDR")),
    ("id longer than 64 characters", minimal_profile("a" * 65)),
    ("bad section id", minimal_profile().replace("id: notes", "id: Notes")),
    ("ftp source url", minimal_profile().replace("https://example.org", "ftp://example.org")),
    ("http url without host", minimal_profile().replace("https://example.org/testland", "http:///testland")),
    ("empty bullets list", with_blocks("- bullets: []\n")),
    ("empty sub-bullet list", with_blocks("- bullets: [{text: parent, items: []}]\n")),
    ("empty sections list", "schema: 1\nid: testland\nname: Testland\nsource: {publisher: P}\nsections: []\n"),
    ("contact with neither name nor organisation", with_blocks("- contact: {role: Coordinator}\n")),
    ("phone with an empty number list", with_blocks("- contact: {name: N, phones: [{label: Fax, number: []}]}\n")),
    ("phone without a label", with_blocks('- contact: {name: N, phones: [{number: "+856"}]}\n')),
    ("whitespace-only paragraph", with_blocks('- paragraph: "   "\n')),
    ("empty name", minimal_profile().replace("name: Testland", "name:")),
    ("right-to-left mark in a title", minimal_profile().replace("title: Notes", 'title: "No\\u200Ftes"')),
    ("zero-width space in a paragraph", with_blocks('- paragraph: "Call\\u200Bnow."\n')),
    ("Arabic-Indic digits in a number", with_blocks('- contact: {name: N, phones: [{label: Tel, number: "\u0662\u0666"}]}\n')),
    ("a letter in a number", with_blocks('- contact: {name: N, phones: [{label: Tel, number: "+856 21 79O"}]}\n')),
    ("empty aliases list", minimal_profile().replace("name: Testland\n", "name: Testland\naliases: []\n")),
    ("alias that is not text", minimal_profile().replace("name: Testland\n", "name: Testland\naliases: [{a: b}]\n")),
    ("aliases as one text", minimal_profile().replace("name: Testland\n", "name: Testland\naliases: Testia\n")),
    ("unsupported schema version", minimal_profile().replace("schema: 1", "schema: 2")),
    (
        "missing source",
        minimal_profile().replace('source: {publisher: Test publisher, url: "https://example.org/testland"}\n', ""),
    ),
]


@pytest.mark.parametrize(("case", "text"), INVALID, ids=[case for case, _ in INVALID])
def test_schema_and_loader_both_reject_invalid_profiles(case: str, text: str, validator: Draft202012Validator) -> None:
    assert schema_errors(validator, text) != [], f"the schema accepts: {case}"
    assert not loader_accepts(text), f"the loader accepts: {case}"
