"""An exclusive lock between processes, held on a `NAME.lock` file beside the file it guards.

Two copies of the app (a double double-click) both save bookmarks; each save is read, change,
write, and without a lock the later writer drops what the other just added. The operating system
holds the lock (flock on POSIX, msvcrt.locking on Windows), so a copy that is killed mid-save
releases it at once: no stale lock file ever needs breaking. Waiting is bounded: a lock that is
not free within `timeout` seconds raises LockTimeoutError instead of hanging the window.
"""

from __future__ import annotations

import os
import stat
import sys
import time
from pathlib import Path
from types import TracebackType

DEFAULT_TIMEOUT = 5.0
_POLL = 0.01


class LockTimeoutError(OSError):
    """Another process held the lock for longer than the timeout."""


class FileLock:
    """`with FileLock(path):` runs its body while no other process holds the same lock."""

    def __init__(self, path: Path, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.path = path
        self.timeout = timeout
        self._descriptor: int | None = None

    def __enter__(self) -> FileLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
        descriptor = os.open(self.path, flags | getattr(os, "O_CLOEXEC", 0), 0o600)
        try:
            if not stat.S_ISREG(os.fstat(descriptor).st_mode):  # a pipe put there: refuse, never wait
                raise OSError(f"{self.path.name} is not a regular file")
            deadline = time.monotonic() + self.timeout
            while not _try_lock(descriptor):
                if time.monotonic() >= deadline:
                    raise LockTimeoutError(f"another copy of the app kept {self.path.name} locked")
                time.sleep(_POLL)  # a save takes milliseconds: the other copy is nearly done
        except BaseException:
            os.close(descriptor)
            raise
        self._descriptor = descriptor
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        descriptor, self._descriptor = self._descriptor, None
        if descriptor is not None:
            _unlock(descriptor)
            os.close(descriptor)


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(descriptor: int) -> bool:
        try:
            os.lseek(descriptor, 0, os.SEEK_SET)
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(descriptor: int) -> None:
        os.lseek(descriptor, 0, os.SEEK_SET)
        msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(descriptor: int) -> bool:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_UN)
