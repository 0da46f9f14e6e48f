"""Reading a user's file: only regular files, bounded, never blocking, never raising; names that
are not UTF-8 are spelled out wherever a path is printed."""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path

import pytest

from app import main as entry
from app.user_file import (
    NOT_REGULAR,
    Unreadable,
    check_user_file,
    read_user_file,
    shown_path,
    utf8_name,
)
from tests.conftest import BUNDLED_PROFILE, minimal_profile

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs, /dev and /proc are POSIX")
LATIN1_NAME = os.fsdecode(b"caf\xe9.yaml")  # "café.yaml" written by a Latin-1 system


def test_a_regular_file_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_bytes(b"0123456789")
    assert read_user_file(path, 10) == b"0123456789"


def test_a_file_over_its_cap_is_refused_without_being_read(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_bytes(b"x" * 11)
    result = read_user_file(path, 10)
    assert isinstance(result, Unreadable) and result.reason.startswith("too large")


def test_a_missing_file_is_marked_missing(tmp_path: Path) -> None:
    result = read_user_file(tmp_path / "nowhere.json", 10)
    assert isinstance(result, Unreadable) and result.missing


def test_a_folder_is_refused(tmp_path: Path) -> None:
    result = read_user_file(tmp_path, 10)
    assert isinstance(result, Unreadable) and result.reason == NOT_REGULAR and not result.missing


@posix_only
def test_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.json"
    os.mkfifo(path)  # nobody writes to it: a blocking open would wait for ever
    result = read_user_file(path, 10)
    assert isinstance(result, Unreadable) and result.reason == NOT_REGULAR


@posix_only
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
def test_a_device_behind_a_link_is_refused(tmp_path: Path, device: str) -> None:
    link = tmp_path / "settings.ini"
    link.symlink_to(device)
    result = read_user_file(link, 10)
    assert isinstance(result, Unreadable) and result.reason == NOT_REGULAR


@posix_only
def test_a_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        result = read_user_file(path, 10)
    finally:
        server.close()
    assert isinstance(result, Unreadable) and result.reason == NOT_REGULAR


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc")
def test_a_proc_file_that_reports_size_0_but_streams_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "x.yaml"
    link.symlink_to("/proc/self/status")
    result = read_user_file(link, 1024 * 1024)
    assert isinstance(result, Unreadable) and "streams" in result.reason


def test_a_file_that_changes_while_it_is_read_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "bookmarks.json"
    path.write_bytes(b"[1, 2, 3]")
    real_read = os.read

    def read_then_grow(descriptor: int, count: int) -> bytes:
        data = real_read(descriptor, count)
        with open(path, "ab") as writer:  # another program appends while we read
            writer.write(b" more")
        return data

    monkeypatch.setattr(os, "read", read_then_grow)
    result = read_user_file(path, 100)
    assert isinstance(result, Unreadable) and "changed while it was read" in result.reason


def test_an_unreadable_sentence_names_the_file_and_the_reason(tmp_path: Path) -> None:
    result = read_user_file(tmp_path, 10)
    assert isinstance(result, Unreadable)
    assert result.sentence("bookmarks file") == f"The bookmarks file {tmp_path} was not read: {NOT_REGULAR}."


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("plain.yaml", "plain.yaml"),
        (LATIN1_NAME, "caf\\xe9.yaml"),
        ("two\nlines.yaml", "two\\nlines.yaml"),
        ("café.yaml", "café.yaml"),
    ],
)
def test_a_path_is_shown_spelled_out_and_always_encodable(name: str, shown: str) -> None:
    assert shown_path(Path("/x") / name) == f"/x/{shown}"
    shown_path(name).encode("utf-8")  # never raises


def test_utf8_name_tells_undecodable_names() -> None:
    assert utf8_name("café.yaml") and not utf8_name(LATIN1_NAME)


def test_settings_check_passes_a_missing_or_small_file_and_refuses_a_folder_or_a_big_one(tmp_path: Path) -> None:
    settings = tmp_path / "settings.ini"
    assert check_user_file(settings, 100) is None
    settings.write_bytes(b"[General]\n")
    assert check_user_file(settings, 100) is None
    settings.write_bytes(b"x" * 101)
    big = check_user_file(settings, 100)
    assert big is not None and big.reason.startswith("too large")
    folder = check_user_file(tmp_path, 100)
    assert folder is not None and folder.reason == NOT_REGULAR


@posix_only
def test_settings_check_refuses_a_fifo_without_opening_it(tmp_path: Path) -> None:
    settings = tmp_path / "settings.ini"
    os.mkfifo(settings)
    refused = check_user_file(settings, 100)
    assert refused is not None and "settings.ini" in refused.sentence("settings file")


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="the file system must accept any bytes in a name")
@pytest.mark.parametrize("command", [["list"], ["text"], ["search", "Testland"]])
def test_a_profile_named_in_latin1_never_stops_a_command(
    tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "profiles"
    folder.mkdir()
    (folder / LATIN1_NAME).write_text(minimal_profile("testland"), encoding="utf-8")
    (folder / os.fsdecode(b"br\xf6ken.yaml")).write_text("schema: 1\nid: [", encoding="utf-8")
    assert entry.main(["--profiles-dir", str(folder), *command]) == 0
    captured = capsys.readouterr()
    assert "unexpected error" not in captured.err
    assert "br\\xf6ken.yaml:" in captured.err
    assert "Testland" in captured.out


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="the file system must accept any bytes in a name")
def test_validate_spells_out_a_latin1_name_in_its_problem_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "profiles"
    folder.mkdir()
    (folder / LATIN1_NAME).write_bytes(BUNDLED_PROFILE.read_bytes())
    (folder / os.fsdecode(b"br\xf6ken.yaml")).write_text("schema: 1\nid: [", encoding="utf-8")
    assert entry.main(["validate", str(folder)]) == 1
    captured = capsys.readouterr()
    assert f"{folder}/br\\xf6ken.yaml:3:1: YAML syntax error" in captured.out
    assert "1 valid profile, 1 problem" in captured.err


@posix_only
def test_the_settings_sentence_says_defaults_are_used_for_a_pipe() -> None:
    from app import paths
    from app.user_file import settings_problem

    settings = paths.settings_file()
    assert settings_problem(settings) is None
    settings.parent.mkdir(parents=True)
    os.mkfifo(settings)
    problem = settings_problem(settings)
    assert problem is not None and "not a regular file" in problem and "Default settings are used" in problem
