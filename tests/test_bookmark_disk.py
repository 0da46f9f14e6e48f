"""The bookmarks file on disk: nothing a user had is lost or overwritten unasked, whatever is there."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from app.bookmark_format import FORMAT
from app.bookmarks import Bookmark, BookmarkError, Bookmarks, dump_bookmarks
from app.model import Address
from app.user_file import BOOKMARKS_LIMIT

CHALLENGES = Bookmark(Address("lao-pdr", "challenges"), "TIP challenges ahead", "Lao PDR")
FACTS = Bookmark(Address("lao-pdr", "quick-facts"), "Lao PDR Quick Facts", "Lao PDR")
TRENDS = Bookmark(Address("lao-pdr", "trafficking-trends"), "Trends", "Lao PDR")
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and symlinks as on POSIX")


def _entries(path: Path) -> list[dict[str, str]]:
    entries: list[dict[str, str]] = json.loads(path.read_text(encoding="utf-8"))["bookmarks"]
    return entries


def test_a_damaged_file_is_kept_as_a_dated_copy_before_a_new_one_is_written(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.json"
    path.write_text("{half a file", encoding="utf-8")
    bookmarks = Bookmarks(path)
    assert bookmarks.warning is not None and "kept as a copy" in bookmarks.warning
    bookmarks.toggle(FACTS)
    copies = [p for p in tmp_path.iterdir() if p.name.startswith("bookmarks.json.damaged-")]
    assert len(copies) == 1 and copies[0].read_text(encoding="utf-8") == "{half a file"
    assert len(copies[0].name) == len("bookmarks.json.damaged-YYYYMMDD-HHMMSS")
    assert bookmarks.warning is not None and copies[0].name in bookmarks.warning
    assert [e["address"] for e in _entries(path)] == ["lao-pdr/quick-facts"]


def test_a_lone_surrogate_in_one_title_keeps_the_others_and_every_later_save_works(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.json"
    good = '{"address": "lao-pdr/quick-facts", "title": "Facts", "profile": "Lao PDR"}'
    bad = '{"address": "lao-pdr/challenges", "title": "Bad \\ud800", "profile": "Lao PDR"}'
    path.write_text(f'{{"format": "{FORMAT}", "version": 1, "bookmarks": [{good}, {bad}]}}', encoding="utf-8")
    bookmarks = Bookmarks(path)
    assert [b.title for b in bookmarks] == ["Facts"] and bookmarks.warning is not None
    assert bookmarks.toggle(TRENDS) and bookmarks.toggle(CHALLENGES)
    assert [e["title"] for e in _entries(path)] == ["Facts", "Trends", "TIP challenges ahead"]
    assert any(p.name.startswith("bookmarks.json.damaged-") for p in tmp_path.iterdir())


def test_a_newer_versions_file_is_shown_and_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.json"
    newer = {"format": FORMAT, "version": 2, "bookmarks": [
        {"address": f"lao-pdr/s{n}", "title": f"Page {n}", "profile": "Lao PDR", "colour": "red"} for n in range(5)
    ]}
    content = json.dumps(newer)
    path.write_text(content, encoding="utf-8")
    bookmarks = Bookmarks(path)
    assert len(bookmarks) == 5 and bookmarks.warning is not None and "newer version" in bookmarks.warning
    bookmarks.toggle(FACTS)
    assert path.read_text(encoding="utf-8") == content
    assert bookmarks.warning is not None and "not changed" in bookmarks.warning and len(bookmarks) == 5


@posix_only
def test_a_save_through_a_symlink_writes_the_file_it_points_to(tmp_path: Path) -> None:
    real = tmp_path / "synced" / "my-bookmarks.json"
    real.parent.mkdir()
    link = tmp_path / "data" / "bookmarks.json"
    link.parent.mkdir()
    link.symlink_to(real)
    Bookmarks(link).toggle(FACTS)
    assert link.is_symlink() and [e["address"] for e in _entries(real)] == ["lao-pdr/quick-facts"]


@posix_only
@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_pipe_or_device_in_place_of_the_file_is_never_written_and_says_why(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "bookmarks.json"
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/null")
    bookmarks = Bookmarks(path)
    assert bookmarks.warning is not None and "not a regular file" in bookmarks.warning
    bookmarks.toggle(FACTS)
    assert bookmarks.warning is not None and "not saved" in bookmarks.warning
    assert kind != "fifo" or not path.is_file()


def test_leftover_temporary_files_of_a_killed_save_are_removed_at_the_next_start(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.json"
    Bookmarks(path).toggle(FACTS)
    leftover = tmp_path / ".bookmarks.json.k3j4h5.tmp"
    leftover.write_text(dump_bookmarks([CHALLENGES]), encoding="utf-8")
    other = tmp_path / ".settings.ini.abc.tmp"  # not ours to judge here
    other.write_text("x", encoding="utf-8")
    Bookmarks(path)
    assert not leftover.exists() and other.exists()


def test_a_stale_window_applies_only_its_own_change(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.json"
    first, second = Bookmarks(path), Bookmarks(path)  # two windows, each with its own view
    first.toggle(FACTS)
    first.toggle(CHALLENGES)
    second.toggle(TRENDS)  # second never saw the other two
    assert [b.address for b in second] == [FACTS.address, CHALLENGES.address, TRENDS.address]
    second.rename(0, "Facts, renamed")
    first.remove(1)  # first removes CHALLENGES by its page, whatever second did meanwhile
    assert [e["title"] for e in _entries(path)] == ["Facts, renamed", "Trends"]


def test_a_title_with_control_characters_is_not_accepted_as_a_rename(tmp_path: Path) -> None:
    bookmarks = Bookmarks(tmp_path / "bookmarks.json")
    bookmarks.toggle(FACTS)
    assert not bookmarks.rename(0, "Ring\x07")
    assert bookmarks.warning is not None and "U+0007" in bookmarks.warning
    assert bookmarks[0].title == FACTS.title


def test_an_import_over_its_size_cap_is_refused_unread(tmp_path: Path) -> None:
    big = tmp_path / "huge.json"
    with open(big, "wb") as stream:
        stream.truncate(BOOKMARKS_LIMIT + 1)  # sparse: costs no disk, and must not be read
    with pytest.raises(BookmarkError, match="too large"):
        Bookmarks(tmp_path / "bookmarks.json").read_import(big)


@posix_only
def test_an_import_from_a_fifo_is_refused_without_waiting(tmp_path: Path) -> None:
    pipe = tmp_path / "shared.json"
    os.mkfifo(pipe)
    with pytest.raises(BookmarkError, match="not a regular file"):
        Bookmarks(tmp_path / "bookmarks.json").read_import(pipe)


def test_clearing_removes_the_file_and_its_damaged_copies(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.json"
    path.write_text("{damaged", encoding="utf-8")
    bookmarks = Bookmarks(path)
    bookmarks.toggle(FACTS)
    bookmarks.delete_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bookmarks.json.lock"]
