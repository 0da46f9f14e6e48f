"""Reading a profile file's bytes: bounded, regular files only, without the YAML library.

Everything the app shows of a profile, its checksum and its signature check come from the one
`bytes` value read here, so what is on screen is always what was hashed and verified. The reading
itself is the one way the app reads a user's file (user_file.py).
"""

from __future__ import annotations

from pathlib import Path

from app.model import Problem
from app.user_file import PROFILE_LIMIT, Unreadable, read_user_file, shown_path

MAX_BYTES = PROFILE_LIMIT


def read_profile_bytes(path: Path) -> tuple[bytes | None, Problem | None]:
    """The file's bytes, or the one problem that says why they cannot be used."""
    data = read_user_file(path, MAX_BYTES)
    if isinstance(data, Unreadable):
        message = data.reason
        if message.startswith("too large"):
            message = f"the file is {message}; a profile is far smaller"
        return None, Problem(shown_path(path), message)
    return data, None
