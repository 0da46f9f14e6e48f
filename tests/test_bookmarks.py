"""Bookmarks file: saved at once and atomically, damaged files read as empty with a warning."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.bookmarks import Bookmark, BookmarkError, Bookmarks, dump_bookmarks, parse_bookmarks
from app.model import Address

CHALLENGES = Bookmark(Address("lao-pdr", "challenges"), "TIP challenges ahead", "Lao PDR")
FACTS = Bookmark(Address("lao-pdr", "quick-facts"), "Lao PDR Quick Facts", "Lao PDR")


def test_toggle_adds_then_removes_and_every_change_is_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "data" / "bookmarks.json"
    bookmarks = Bookmarks(path)
    assert bookmarks.toggle(CHALLENGES) is True
    assert list(Bookmarks(path)) == [CHALLENGES]
    assert bookmarks.toggle(CHALLENGES) is False
    assert list(Bookmarks(path)) == []


def test_rename_move_and_remove_are_saved(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.json"
    bookmarks = Bookmarks(path)
    bookmarks.toggle(CHALLENGES)
    bookmarks.toggle(FACTS)
    assert bookmarks.move(1, -1) == 0
    bookmarks.rename(0, "  Facts  ")
    assert [b.title for b in Bookmarks(path)] == ["Facts", "TIP challenges ahead"]
    bookmarks.remove(0)
    assert list(Bookmarks(path)) == [CHALLENGES]


def test_no_temporary_file_is_left_beside_the_bookmarks(tmp_path: Path) -> None:
    bookmarks = Bookmarks(tmp_path / "bookmarks.json")
    bookmarks.toggle(FACTS)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bookmarks.json", "bookmarks.json.lock"]


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        "[]",
        '{"format": "something-else", "version": 1, "bookmarks": []}',
        '{"format": "tip-reference-bookmarks", "version": 99, "bookmarks": []}',
        '{"format": "tip-reference-bookmarks", "version": 1, "bookmarks": [{"address": "", "title": "x"}]}',
        '{"format": "tip-reference-bookmarks", "version": 1, "bookmarks": [{"address": "a/b", "title": 5}]}',
    ],
)
def test_a_damaged_file_reads_as_no_bookmarks_and_a_warning(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bookmarks.json"
    path.write_text(content, encoding="utf-8")
    bookmarks = Bookmarks(path)
    assert list(bookmarks) == []
    assert bookmarks.warning is not None and str(path) in bookmarks.warning
    assert path.read_text(encoding="utf-8") == content  # left alone until the user adds one


def test_binary_garbage_reads_as_no_bookmarks_and_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.json"
    path.write_bytes(b"\xff\xfe\x00garbage")
    bookmarks = Bookmarks(path)
    assert len(bookmarks) == 0
    assert bookmarks.warning


def test_export_then_import_merges_only_new_pages(tmp_path: Path) -> None:
    mine = Bookmarks(tmp_path / "mine.json")
    mine.toggle(CHALLENGES)
    mine.toggle(FACTS)
    mine.export(tmp_path / "shared.json")
    theirs = Bookmarks(tmp_path / "theirs.json")
    theirs.toggle(FACTS)
    assert theirs.merge(theirs.read_import(tmp_path / "shared.json")) == 1
    assert [b.address for b in theirs] == [FACTS.address, CHALLENGES.address]


def test_importing_a_foreign_file_raises_a_readable_error(tmp_path: Path) -> None:
    foreign = tmp_path / "notes.json"
    foreign.write_text(json.dumps({"hello": 1}), encoding="utf-8")
    with pytest.raises(BookmarkError, match="not a bookmarks file"):
        Bookmarks(tmp_path / "b.json").read_import(foreign)


def test_titles_with_markup_and_ampersands_round_trip_as_text() -> None:
    odd = Bookmark(Address("x", "y"), "<b>R&D</b>", "A & B")
    assert parse_bookmarks(dump_bookmarks([odd]), "test") == [odd]
    assert odd.label == "<b>R&D</b> — A & B"


def test_an_unwritable_folder_gives_a_warning_not_an_exception(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    bookmarks = Bookmarks(blocker / "bookmarks.json")  # a folder that cannot be created
    bookmarks.toggle(FACTS)
    assert bookmarks.warning is not None and "cannot be saved" in bookmarks.warning


def test_a_profile_page_bookmark_is_listed_by_the_profile_name_once() -> None:
    assert Bookmark(Address("lao-pdr"), "Lao PDR", "Lao PDR").label == "Lao PDR"
