"""Keeping a user's profile file before Add Profile replaces it: `NAME.yaml.bak`, then `.bak-2` …

The file there may be a user's own draft; a copy is made (never over an existing one) before the
new file goes in, so nothing a user wrote is lost by adding a profile.
"""

from __future__ import annotations

import os
from pathlib import Path

from app.os_words import os_words
from app.user_file import Unreadable, read_user_file, shown_path

MAX_BACKUPS = 100  # .bak … .bak-100: past that, a folder of old versions needs tidying by hand
MAX_BACKUP_BYTES = 16 * 1024 * 1024  # a draft may be larger than a valid profile; copied whole


def backup_name(path: Path) -> Path:
    """The first free name of `NAME.yaml.bak`, `NAME.yaml.bak-2` … beside `path`."""
    for number in range(1, MAX_BACKUPS + 1):
        suffix = ".bak" if number == 1 else f".bak-{number}"
        candidate = path.with_name(path.name + suffix)
        if not os.path.lexists(candidate):
            return candidate
    return path.with_name(path.name + f".bak-{MAX_BACKUPS}")


def keep_backup(path: Path) -> Path | str:
    """Copy `path` to its backup name (never over an existing file); the backup, or why not."""
    old = read_user_file(path, MAX_BACKUP_BYTES)
    if isinstance(old, Unreadable):
        return f"not added: the file it would replace, {shown_path(path)}, cannot be kept as a copy ({old.reason})"
    for _ in range(MAX_BACKUPS):
        backup = backup_name(path)
        try:
            with open(backup, "xb") as stream:  # "x": a backup made meanwhile is never overwritten
                stream.write(old)
                stream.flush()
                os.fsync(stream.fileno())
        except FileExistsError:
            continue
        except OSError as exc:
            return f"not added: cannot keep a copy of {shown_path(path)} ({os_words(exc)})"
        return backup
    return f"not added: {shown_path(path)} has {MAX_BACKUPS} old copies already; tidy them first"
