"""The command line when the installation itself is broken: one clear line and exit 1, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import paths
from app.main import main


@pytest.mark.parametrize("command", [["list"], ["text"], ["search", "trafficking"]])
def test_a_missing_bundled_data_folder_is_one_line_and_exit_one(
    command: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(paths, "data_dir", lambda: tmp_path / "missing-data")
    assert main(command) == 1
    err = capsys.readouterr().err
    first = err.splitlines()[0]
    assert first == (f"{tmp_path / 'missing-data' / 'profiles'}: the bundled profiles folder does not exist; "
                     "the app is installed incompletely, please reinstall it")
    assert "Traceback" not in err


def test_a_bundled_data_path_that_is_a_file_is_reported_not_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "profiles").write_text("not a folder", encoding="utf-8")
    monkeypatch.setattr(paths, "data_dir", lambda: tmp_path)
    assert main(["list"]) == 1
    err = capsys.readouterr().err
    assert "cannot read the folder" in err and "Traceback" not in err
