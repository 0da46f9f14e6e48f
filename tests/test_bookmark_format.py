"""Imported bookmarks files are read strictly: every trick that hides, reorders or fakes text or
numbers is refused with one sentence, and the app's own file skips a bad entry instead of all."""

from __future__ import annotations

import json
import re

import pytest

from app.bookmark_format import (
    FORMAT,
    BookmarkError,
    NewerVersionError,
    clean_title,
    parse_bookmarks,
    parse_document,
    text_problem,
)


def _file(title: str = "Challenges", version: str = "1") -> str:
    entry = json.dumps({"address": "lao-pdr/challenges", "title": title, "profile": "Lao PDR"})
    return f'{{"format": "{FORMAT}", "version": {version}, "bookmarks": [{entry}]}}'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (_file("Evil \u202etxt.exe"), "U+202E"),
        (_file("Ring \x07 bell"), "U+0007"),
        (_file("Escape \x1b[31m red"), "U+001B"),
        (_file("Lone \ud800 surrogate"), "U+D800"),
        (_file("Private \ue000 use"), "U+E000"),
        (_file("Tag \U000e0041 letter"), "U+E0041"),
        (_file("Mark \u200e left"), "U+200E"),
        (_file(version="-99"), "version is not a whole number"),
        (_file(version="true"), "version is not a whole number"),
        (_file(version="NaN"), "NaN is not a number"),
        (_file(version="Infinity"), "Infinity is not a number"),
        (_file(version="1.0"), "version is not a whole number"),
        (_file(version="0"), "version is not a whole number"),
        (f'{{"format": "{FORMAT}", "format": "{FORMAT}", "version": 1, "bookmarks": []}}', "appears twice"),
    ],
)
def test_an_import_with_hidden_text_or_a_fake_number_is_refused(text: str, expected: str) -> None:
    with pytest.raises(BookmarkError, match=re.escape(expected)):
        parse_bookmarks(text, "shared.json")


def test_joiners_and_ordinary_scripts_are_allowed() -> None:
    for title in ("ສິດທິມະນຸດ", "क्‍ष", "Quick Facts", "👩‍👧"):
        assert text_problem(title) is None
        assert [b.title for b in parse_bookmarks(_file(title), "x")] == [title]


def test_own_file_leaves_out_a_damaged_entry_and_counts_it() -> None:
    good = {"address": "lao-pdr/quick-facts", "title": "Facts", "profile": "Lao PDR"}
    bad = {"address": "lao-pdr/challenges", "title": "Bad \ud800", "profile": "Lao PDR"}
    text = json.dumps({"format": FORMAT, "version": 1, "bookmarks": [good, bad]})
    parsed = parse_document(text, "bookmarks.json", strict=False)
    assert [b.title for b in parsed.bookmarks] == ["Facts"] and parsed.skipped == 1


def test_a_newer_version_says_so_and_carries_what_could_be_read() -> None:
    text = _file(version="7")
    with pytest.raises(NewerVersionError, match="newer version") as caught:
        parse_document(text, "bookmarks.json", strict=False)
    assert [b.title for b in caught.value.partial.bookmarks] == ["Challenges"]


def test_a_title_is_cleaned_of_what_the_rules_refuse() -> None:
    assert clean_title("  Cafe\u0301 \u202e\x07news ") == "Café news"
