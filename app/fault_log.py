"""The app's log file: a rotating log in the user data folder where unexpected errors are written.

A user who meets an error can send this file; it never holds what they read or searched, only
the kinds of errors and where in the code they happened (never their messages, which can quote
either). Rotation keeps it small (a few hundred KB at most) on old laptops.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import os
import stat
import sys
import traceback
from pathlib import Path
from types import TracebackType

from app import APP_ID, paths
from app.user_file import check_user_file

LOGGER_NAME = "tip_reference"
MAX_LOG_BYTES = 256 * 1024
LOG_BACKUPS = 3


def log_file() -> Path:
    return paths.user_data_dir() / "logs" / f"{APP_ID}.log"


def clear_log() -> None:
    """Empty the log and remove its rotated copies (Clear Personal Data), without ever opening
    something that is not a regular file: a pipe put there is removed, not written to."""
    target = log_file()
    try:
        olds = [p for p in target.parent.iterdir() if p.name.startswith(target.name)]
    except OSError:
        return
    for old in olds:
        with contextlib.suppress(OSError):
            if old == target and stat.S_ISREG(os.lstat(old).st_mode):
                _empty(old)  # the log may be open for appending in this process: empty it in place
            else:
                old.unlink()


def _empty(path: Path) -> None:
    descriptor = os.open(path, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        if stat.S_ISREG(os.fstat(descriptor).st_mode):
            os.ftruncate(descriptor, 0)
    finally:
        os.close(descriptor)


def setup_logging() -> Path | None:
    """Attach the rotating file to the app's logger once; None when the file cannot be written."""
    logger = logging.getLogger(LOGGER_NAME)
    target = log_file()
    for handler in list(logger.handlers):
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            if Path(handler.baseFilename) == target.absolute():
                return target
            logger.removeHandler(handler)  # the user data folder moved (tests give each run its own)
            handler.close()
    if check_user_file(target, sys.maxsize) is not None:
        # A pipe or device where the log belongs: opening it to append would wait for a reader
        # for ever. No log is better than a hung app. (Size is the rotation's business.)
        return None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            target, maxBytes=MAX_LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    return target


def log_exception(
    kind: type[BaseException], _error: BaseException, trace: TracebackType | None
) -> Path | None:
    """Write an unexpected error with its traceback; returns the log file, if there is one.

    The error's own message is left out: it can quote what the user typed or read (a search term
    in a database error, a profile's text in a value error), and none of that may reach the disk.
    The kind of error and where it happened are what a fix needs; the dialog shows the message.
    """
    target = setup_logging()
    frames = "".join(traceback.format_tb(trace))
    text = f"Traceback (most recent call last):\n{frames}{kind.__module__}.{kind.__qualname__} (message not logged)"
    logging.getLogger(LOGGER_NAME).error("unexpected error\n%s", text.rstrip())
    return target


def short_message(error: BaseException) -> str:
    """One line a user can read out or paste: the kind of error and its first line, capped."""
    detail = str(error).strip().splitlines()[0] if str(error).strip() else ""
    text = f"{error.__class__.__name__}: {detail}" if detail else error.__class__.__name__
    return text if len(text) <= 200 else text[:199] + "…"
