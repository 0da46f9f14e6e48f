"""Pipes and devices named like profiles are refused at once: they never hang a start or fill memory."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from app import main as entry
from app.loader import load_profile
from app.profile_install import install_profile

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev/zero are POSIX")


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    folder = tmp_path / "profiles"
    folder.mkdir()
    path = folder / "waiting.yaml"
    os.mkfifo(path)  # nobody ever writes to it: opening it for reading would block forever
    return path


def test_a_fifo_named_like_a_profile_is_refused_without_blocking(fifo: Path) -> None:
    result = load_profile(fifo)
    assert result.profile is None
    assert [p.message for p in result.problems] == ["not a regular file (a pipe, device or folder)"]


def test_a_device_is_refused_without_being_read() -> None:
    result = load_profile(Path("/dev/zero"))
    assert result.profile is None and "not a regular file" in result.problems[0].message


def test_a_folder_of_profiles_with_a_fifo_still_lists_the_others(
    fifo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert entry.main(["--profiles-dir", str(fifo.parent), "list"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("lao-pdr\tLao PDR\n")
    assert f"{fifo}: not a regular file" in captured.err


def test_adding_a_fifo_as_a_profile_is_refused(fifo: Path, tmp_path: Path) -> None:
    result = install_profile(fifo, tmp_path / "installed")
    assert not result.added
    assert "not a regular file" in result.problems[0].message
