"""Failed file operations are said in plain words, never the system's or Python's own text."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from app.os_words import os_words


def test_a_file_in_the_way_is_said_in_words(tmp_path: Path) -> None:
    (tmp_path / "x").write_text("")
    with pytest.raises(FileExistsError) as caught:
        os.mkdir(tmp_path / "x")
    assert os_words(caught.value) == "something of that name is already there"


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EACCES, errno.EROFS, errno.EIO, 9999])
def test_no_reason_repeats_the_systems_text(code: int) -> None:
    error = OSError(code, os.strerror(code))
    assert os_words(error) and os.strerror(code).lower() not in os_words(error).lower()
