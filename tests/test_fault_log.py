"""The log file: unexpected errors land in a rotating log in the user data folder."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from collections.abc import Iterator

import pytest

from app import paths
from app.fault_log import (
    LOGGER_NAME,
    MAX_LOG_BYTES,
    clear_log,
    log_exception,
    log_file,
    setup_logging,
    short_message,
)


@pytest.fixture(autouse=True)
def fresh_logger() -> Iterator[None]:
    """Each test gets the logger without handlers, and leaves no open file behind."""
    logger = logging.getLogger(LOGGER_NAME)
    saved = list(logger.handlers)
    logger.handlers.clear()
    yield
    for handler in logger.handlers:
        handler.close()
    logger.handlers[:] = saved


def test_log_file_is_in_the_user_data_folder() -> None:
    assert log_file().parent == paths.user_data_dir() / "logs"


def test_an_exception_is_written_with_its_traceback_but_not_its_message() -> None:
    def search_for(term: str) -> None:
        raise ValueError(f"fts5: syntax error near {term}")

    typed = " ".join(["trafficked", "brides", "in", "Luang", "Namtha"])  # not in any source line
    try:
        search_for(typed)
    except ValueError:
        kind, error, trace = sys.exc_info()
        assert kind is not None and error is not None
        target = log_exception(kind, error, trace)
    assert target == log_file()
    text = target.read_text(encoding="utf-8")
    assert "Traceback" in text and "builtins.ValueError" in text and "in search_for" in text
    assert "Luang Namtha" not in text  # what the user searched never reaches the disk


def test_the_log_rotates_and_is_set_up_only_once() -> None:
    setup_logging()
    setup_logging()
    handlers = [h for h in logging.getLogger(LOGGER_NAME).handlers if isinstance(h, logging.handlers.RotatingFileHandler)]
    assert len(handlers) == 1
    handler = handlers[0]
    assert isinstance(handler, logging.handlers.RotatingFileHandler)
    assert handler.maxBytes == MAX_LOG_BYTES and handler.backupCount >= 1


def test_an_unwritable_log_folder_means_no_log_not_an_error() -> None:
    blocker = paths.user_data_dir()
    blocker.parent.mkdir(parents=True, exist_ok=True)
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    assert setup_logging() is None


@pytest.mark.parametrize(
    ("error", "expected"),
    [(ValueError("bad\nsecond line"), "ValueError: bad"), (KeyError(), "KeyError"), (OSError("x" * 500), "OSError: " + "x" * 190)],
)
def test_short_message_is_one_capped_line(error: BaseException, expected: str) -> None:
    message = short_message(error)
    assert message.startswith(expected) and "\n" not in message and len(message) <= 200


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs are POSIX")
def test_a_fifo_where_the_log_belongs_means_no_log_not_a_hang() -> None:
    import os

    log_file().parent.mkdir(parents=True)
    os.mkfifo(log_file())  # appending to it would wait for a reader for ever
    assert setup_logging() is None
    assert log_exception(ValueError, ValueError("x"), None) is None


def test_clearing_the_log_empties_it_and_removes_its_copies() -> None:
    target = setup_logging()
    assert target is not None
    logging.getLogger(LOGGER_NAME).error("something")
    target.with_name(target.name + ".1").write_text("older", encoding="utf-8")
    clear_log()
    assert target.read_bytes() == b"" and [p.name for p in target.parent.iterdir()] == [target.name]


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs are POSIX")
def test_clearing_the_log_removes_a_fifo_put_in_its_place_without_opening_it() -> None:
    import os

    log_file().parent.mkdir(parents=True)
    os.mkfifo(log_file())
    clear_log()
    assert not log_file().exists() and not log_file().is_symlink()
