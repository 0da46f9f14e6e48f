"""What the bookmarks file on disk holds right now, and keeping a damaged one aside.

Read under the bookmarks lock before every save, so a change is applied to the latest list. The
answer separates three cases: a list to change (maybe empty), a file that is damaged (a copy is
kept before it is replaced), and a file that must not be written at all (a newer version's, a pipe
or device in its place, one that cannot be read), with the sentence that says why.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from app.bookmark_format import Bookmark, BookmarkError, NewerVersionError, parse_document
from app.records import record
from app.user_file import BOOKMARKS_LIMIT, NOT_REGULAR, Unreadable, read_user_file, shown_path

DAMAGED = ".damaged-"


@record
class DiskState:
    """The readable bookmarks; `damaged_note` when the file must be kept aside before writing;
    `refusal` when it must not be written at all."""

    bookmarks: tuple[Bookmark, ...] = ()
    damaged_note: str | None = None
    refusal: str | None = None


def real_target(path: Path) -> Path:
    """The file a save must write: the end of a symlink chain, so the link stays a link."""
    return Path(os.path.realpath(path)) if os.path.islink(path) else path


def read_disk(target: Path, shown: Path) -> DiskState:
    """The state of the bookmarks file `target` (named `shown` to the user)."""
    name = f"The bookmarks file {shown_path(shown)}"
    data = read_user_file(target, BOOKMARKS_LIMIT)
    if isinstance(data, Unreadable):
        return _unreadable(data, name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return DiskState(damaged_note=f"{name} is damaged (not UTF-8 text); {_KEPT}")
    try:
        parsed = parse_document(text, name, strict=False)
    except NewerVersionError as exc:
        refusal = f"{exc} Its bookmarks are shown but not changed: update the app to change them."
        return DiskState(exc.partial.bookmarks, refusal=refusal)
    except BookmarkError as exc:
        return DiskState(damaged_note=f"{exc} No bookmarks are shown; {_KEPT}")
    if parsed.skipped:
        count = f"{parsed.skipped} damaged bookmark{'s' if parsed.skipped != 1 else ''}"
        return DiskState(parsed.bookmarks, damaged_note=f"{name} has {count}, left out; {_KEPT}")
    return DiskState(parsed.bookmarks)


_KEPT = "the file is kept as a copy when a bookmark is next saved."


def _unreadable(data: Unreadable, name: str) -> DiskState:
    if data.missing:
        return DiskState()
    if data.reason.startswith("too large"):
        return DiskState(damaged_note=f"{name} is {data.reason}; {_KEPT}")
    if data.reason == NOT_REGULAR:
        return DiskState(refusal=f"{name} is {NOT_REGULAR}; bookmarks are not saved until it is removed.")
    return DiskState(refusal=f"{name} was not read ({data.reason}); bookmarks are not saved.")


def keep_damaged(target: Path) -> Path | None:
    """Rename a damaged file to `NAME.damaged-YYYYMMDD-HHMMSS` (never over another copy)."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for number in range(1, 100):
        copy = target.with_name(f"{target.name}{DAMAGED}{stamp}" + (f"-{number}" if number > 1 else ""))
        if os.path.lexists(copy):
            continue
        try:
            os.link(target, copy)  # link, then unlink: never replaces a copy made meanwhile
        except FileNotFoundError:
            return None
        except OSError:  # a file system without hard links (FAT on a USB stick)
            if os.path.lexists(copy):
                continue
            os.replace(target, copy)
            return copy
        os.unlink(target)
        return copy
    raise OSError(f"too many damaged copies of {target.name}; remove some")


def damaged_copies(target: Path) -> list[Path]:
    """The damaged copies kept beside the bookmarks file (they hold bookmarks: personal data)."""
    try:
        return sorted(p for p in target.parent.iterdir() if p.name.startswith(target.name + DAMAGED))
    except OSError:
        return []
