"""The one way the app reads a file a user controls: profiles, bookmarks, imports, settings, the log.

Any of those paths can be a pipe (opening it would wait for a writer for ever), a device (/dev/zero
never ends), a /proc file that reports size 0 and then streams, a file another program is still
writing, or a name that is not UTF-8. Each such case comes back as an `Unreadable` with a reason in
words, never as an exception and never as a hang, and at most `limit + 1` bytes are ever held.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from app.os_words import os_words
from app.records import record

# Caps per kind of file: far above what the app writes, far below what would hurt an old laptop.
PROFILE_LIMIT = 4 * 1024 * 1024  # the same as yaml_reader.MAX_BYTES
BOOKMARKS_LIMIT = 4 * 1024 * 1024  # 10,000 bookmarks of 500-character titles fit
SETTINGS_LIMIT = 1024 * 1024  # a window geometry, a last page, a zoom and a theme
LOG_LIMIT = 1024 * 1024  # the rotating log keeps each file to 256 KB

NOT_REGULAR = "not a regular file (a pipe, device or folder)"
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # a FIFO opens at once instead of waiting for a writer
    | getattr(os, "O_NOCTTY", 0)  # a terminal device never becomes the app's controlling terminal
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_CLOEXEC", 0)
)


@record
class Unreadable:
    """Why a file was not read; `missing` tells "no such file" (often normal) from a refusal."""

    path: Path
    reason: str
    missing: bool = False

    def sentence(self, what: str) -> str:
        """One sentence for the user, e.g. "The bookmarks file /x/bookmarks.json was not read: …"."""
        return f"The {what} {shown_path(self.path)} was not read: {self.reason}."


def shown_path(path: Path | str) -> str:
    """A path as text that can always be printed, shown in a Qt widget or written as UTF-8.

    A name that is not UTF-8 arrives from the system with its bytes escaped as lone surrogates
    ("caf\\udce9.yaml" for Latin-1 "café.yaml"); printing that raises UnicodeEncodeError. Those bytes
    are spelled out as `\\xe9`, and other invisible characters (a newline in a name) as their escape,
    so a problem line stays one line and says which file it is.
    """
    text = os.fspath(path)
    if text.isprintable():
        return text
    return "".join(_shown_char(c) for c in text)


def utf8_name(path: Path | str) -> bool:
    """Whether a path can be written as UTF-8 as it is (no undecodable bytes escaped in it)."""
    try:
        os.fspath(path).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _shown_char(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte, as os.fsdecode's surrogateescape keeps it
        return f"\\x{code - 0xDC00:02x}"
    return char if char.isprintable() else repr(char)[1:-1]


def read_user_file(path: Path, limit: int) -> bytes | Unreadable:
    """The whole content of a regular file of at most `limit` bytes, or why it cannot be had."""
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        return Unreadable(path, "cannot read the file: no such file", missing=True)
    except OSError as exc:
        return Unreadable(path, _os_reason(exc))
    except ValueError:  # a NUL byte in the name
        return Unreadable(path, "not a valid file name")
    try:
        return _read_open(descriptor, path, limit)
    except OSError as exc:
        return Unreadable(path, _os_reason(exc))
    finally:
        os.close(descriptor)


def _read_open(descriptor: int, path: Path, limit: int) -> bytes | Unreadable:
    # fstat of the open descriptor, not stat of the name: a name swapped for a pipe between a
    # check and the open is caught here.
    before = os.fstat(descriptor)
    if not stat.S_ISREG(before.st_mode):
        return Unreadable(path, NOT_REGULAR)
    if before.st_size > limit:
        return Unreadable(path, f"too large (over {_size(limit)})")
    try:
        data = _read_at_most(descriptor, before.st_size + 1)
    except BlockingIOError:  # /proc/kmsg and friends: a "regular" file that has no data yet
        return Unreadable(path, "gives no data yet (a system file, not a saved one)")
    after = os.fstat(descriptor)
    if before.st_size == 0 and data:
        return Unreadable(path, "reports no size yet streams data (a system file, not a saved one)")
    if len(data) != before.st_size or _version(before) != _version(after):
        return Unreadable(path, "changed while it was read (another program is writing it); try again")
    return data


def _read_at_most(descriptor: int, count: int) -> bytes:
    """Up to `count` bytes; never more, so a file that grows cannot fill memory."""
    chunks: list[bytes] = []
    remaining = count
    while remaining > 0:
        chunk = os.read(descriptor, min(remaining, 1024 * 1024))
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def _version(status: os.stat_result) -> tuple[int, int, int, int]:
    return status.st_size, status.st_mtime_ns, status.st_ino, status.st_dev


def check_user_file(path: Path, limit: int) -> Unreadable | None:
    """Whether a file another library will open (QSettings' INI file) is safe to hand over.

    None when the path is absent (the library creates it) or is a regular file within `limit`;
    else why not. Only the name is examined: nothing is opened, so a pipe cannot block here.
    """
    try:
        status = os.stat(path)
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        return Unreadable(path, _os_reason(exc) if isinstance(exc, OSError) else "not a valid file name")
    if not stat.S_ISREG(status.st_mode):
        return Unreadable(path, NOT_REGULAR)
    if status.st_size > limit:
        return Unreadable(path, f"too large (over {_size(limit)})")
    return None


def _os_reason(exc: OSError) -> str:
    # A folder, or a socket (which open() refuses with ENXIO): neither is a file to read.
    if isinstance(exc, IsADirectoryError) or exc.errno == errno.ENXIO:
        return NOT_REGULAR
    return f"cannot read the file: {os_words(exc)}"


def _size(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MB" if limit >= 1024 * 1024 else f"{limit // 1024} KB"


def settings_problem(path: Path) -> str | None:
    """The sentence to show instead of opening the settings file with QSettings, or None when it
    is safe to open: QSettings would block on a pipe and read a device or a huge file whole."""
    refused = check_user_file(path, SETTINGS_LIMIT)
    if refused is None:
        return None
    return f"{refused.sentence('settings file')} Default settings are used, and nothing is saved."
