"""Reading a profile file's bytes: bounded, regular files only, without the YAML library.

Everything the app shows of a profile, its checksum and its signature check come from the one
`bytes` value read here, so what is on screen is always what was hashed and verified.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from app.model import Problem

MAX_BYTES = 4 * 1024 * 1024


class NotARegularFileError(OSError):
    """The path is a pipe, a device or a folder: reading it could block or never end."""


def read_regular_file(path: Path, limit: int) -> bytes:
    """At most `limit` bytes of a regular file. Opened without blocking and checked before
    reading, so a FIFO named like a profile cannot hang the start and /dev/zero cannot fill memory."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with open(descriptor, "rb", closefd=True) as handle:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise NotARegularFileError(path)
        return handle.read(limit)


def read_profile_bytes(path: Path) -> tuple[bytes | None, Problem | None]:
    """The file's bytes, or the one problem that says why they cannot be used."""
    display = str(path)
    try:
        data = read_regular_file(path, MAX_BYTES + 1)
    except NotARegularFileError:
        return None, Problem(display, "not a regular file (a pipe, device or folder)")
    except OSError as exc:
        return None, Problem(display, f"cannot read the file: {exc.strerror or exc.__class__.__name__}")
    if len(data) > MAX_BYTES:
        message = f"the file is too large (over {MAX_BYTES // (1024 * 1024)} MB); a profile is far smaller"
        return None, Problem(display, message)
    return data, None
