"""Atomic writes: the target holds the old or the new content, never a mix, and no litter stays."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.atomic import write_atomically


def test_write_creates_folders_and_replaces_the_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "file.yaml"
    write_atomically(target, b"first version, rather long\n")
    write_atomically(target, b"second\n")
    assert target.read_bytes() == b"second\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["file.yaml"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "settings.ini"
    target.write_bytes(b"old")

    def broken_replace(_src: str, _dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="No space left"):
        write_atomically(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["settings.ini"]
