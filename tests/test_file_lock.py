"""The lock between copies of the app: exclusive, bounded in waiting, never blocked by a pipe."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from app.file_lock import FileLock, LockTimeoutError


def test_a_held_lock_makes_another_wait_then_give_up_in_words(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.json.lock"
    with FileLock(path), pytest.raises(LockTimeoutError, match="another copy of the app"):  # noqa: SIM117
        with FileLock(path, timeout=0.05):
            pass


def test_a_released_lock_can_be_taken_again(tmp_path: Path) -> None:
    path = tmp_path / "a.lock"
    with FileLock(path):
        pass
    with FileLock(path, timeout=0):
        assert path.is_file()


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs are POSIX")
def test_a_fifo_in_place_of_the_lock_file_is_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "a.lock"
    os.mkfifo(path)
    with pytest.raises(OSError, match="not a regular file"), FileLock(path):
        pass
