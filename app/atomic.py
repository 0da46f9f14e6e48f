"""Writes a file so that readers see either the old content or the new, never half of either.

A crash, a full disk or a pulled USB stick in the middle of a write must not leave a truncated
settings, bookmarks or profile file behind: the data goes to a temporary file in the same folder,
is flushed to the disk, and only then renamed over the target (an atomic step on every platform).
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

TEMPORARY_SUFFIX = ".tmp"


def write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` with `data` in one step; raises OSError and leaves `path` as it was on failure."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=temporary_prefix(path.name), suffix=TEMPORARY_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows opening a folder (not Windows)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def temporary_prefix(name: str) -> str:
    """How the temporary files of a save of `name` begin: hidden, so no folder listing shows them."""
    return f".{name}."


def leftover_temporaries(folder: Path, name: str | None = None) -> list[Path]:
    """Temporary files of saves (of `name`, or of any file) in `folder` that were never renamed.

    A save killed between writing and renaming leaves one behind, holding what was being saved
    (bookmarks, settings): personal data nobody sees. Only call this where no save can be running
    (under the file's lock, or when clearing personal data).
    """
    prefix = temporary_prefix(name) if name is not None else "."
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    return sorted(
        Path(entry.path)
        for entry in entries
        if entry.name.startswith(prefix) and entry.name.endswith(TEMPORARY_SUFFIX) and _is_file(entry)
    )


def remove_leftover_temporaries(folder: Path, name: str | None = None) -> list[Path]:
    """Remove what `leftover_temporaries` finds; returns what was removed."""
    removed = []
    for path in leftover_temporaries(folder, name):
        with contextlib.suppress(OSError):
            path.unlink()
            removed.append(path)
    return removed


def _is_file(entry: os.DirEntry[str]) -> bool:
    try:
        return stat.S_ISREG(entry.stat(follow_symlinks=False).st_mode)
    except OSError:
        return False
