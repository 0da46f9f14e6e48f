"""Bookmarks survive a writer killed mid-save, again and again, and two copies saving at once."""

from __future__ import annotations

import json
import os
import signal
import sys
import warnings
from collections.abc import Callable
from pathlib import Path

import pytest

from app.atomic import leftover_temporaries
from app.bookmarks import Bookmark, Bookmarks
from app.model import Address

pytestmark = pytest.mark.skipif(sys.platform == "win32" or not hasattr(os, "fork"), reason="uses fork and SIGKILL")
KILLS = 300


def _page(number: int) -> Bookmark:
    return Bookmark(Address("lao-pdr", f"page-{number}"), f"Page {number}", "Lao PDR")


def _fork(body: Callable[[], None]) -> int:
    """Run `body` in a child process that exits without running the parent's clean-up."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # fork with the test runner's threads
        pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            body()
        finally:
            os._exit(0)
    return pid


def _saving_for_ever(path: Path, tick: int) -> None:  # pragma: no cover - runs in the child
    # A killed process loses nothing the kernel already has, flushed or not: fsync guards against
    # power loss, not SIGKILL. Skipping it keeps 300 kills within a few seconds.
    os.fsync = lambda fd: None  # noqa: ARG005 - the signature of os.fsync
    bookmarks = Bookmarks(path)
    number = 0
    while True:
        os.write(tick, b".")  # "a save starts now": the parent kills somewhere inside the next one
        bookmarks.toggle(_page(number % 50))
        number += 1


def test_a_writer_killed_300_times_leaves_a_valid_file_and_no_temporary_files(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.json"
    Bookmarks(path).toggle(_page(1000))
    read_end, write_end = os.pipe()
    for kill in range(KILLS):
        pid = _fork(lambda: _saving_for_ever(path, write_end))
        os.read(read_end, 1 + kill % 3)  # one to three saves in: the kill lands at varying points
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    os.close(read_end)
    os.close(write_end)
    interrupted = leftover_temporaries(tmp_path)  # at most the last kill's: each start removes them
    after = Bookmarks(path)  # the next start
    assert len(interrupted) <= 1
    assert after.warning is None
    assert _page(1000) in list(after)
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == 1
    assert leftover_temporaries(tmp_path) == []


def test_two_processes_adding_at_the_same_time_keep_every_bookmark(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.json"
    go_read, go_write = os.pipe()

    def add(first: int) -> None:  # pragma: no cover - runs in the child
        bookmarks = Bookmarks(path)  # each copy starts with the same (empty) view
        os.read(go_read, 1)
        for number in range(first, first + 40):
            bookmarks.toggle(_page(number))
        if bookmarks.warning is not None:
            os._exit(3)

    children = [_fork(lambda: add(0)), _fork(lambda: add(100))]
    os.write(go_write, b"gg")  # both start adding at once
    codes = [os.waitpid(pid, 0)[1] for pid in children]
    os.close(go_read)
    os.close(go_write)
    assert codes == [0, 0]
    saved = {b.address.section for b in Bookmarks(path)}
    assert saved == {f"page-{n}" for n in [*range(40), *range(100, 140)]}
