"""`main.py verify` and `--keys-dir` from the command line, with signatures the real minisign made."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app import main as entry
from tests.conftest import BUNDLED_PROFILE, minimal_profile
from tests.signing import change_one_digit, make_key, sign


@pytest.fixture
def signed(tmp_path: Path) -> tuple[Path, Path]:
    """(keys folder holding UN-ACT.pub, profiles folder with testland.yaml signed by it)."""
    keys, profiles = tmp_path / "keys", tmp_path / "profiles"
    profiles.mkdir()
    make_key(keys, "UN-ACT")
    shutil.move(keys / "UN-ACT.key", tmp_path / "UN-ACT.key")  # the secret key stays with its publisher
    (profiles / "testland.yaml").write_text(minimal_profile(), encoding="utf-8")
    sign(tmp_path / "UN-ACT.key", profiles / "testland.yaml", comment="Testland 2026")
    return keys, profiles


def test_verify_exits_0_and_names_the_publisher(signed: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    keys, profiles = signed
    assert entry.main(["verify", str(profiles / "testland.yaml"), "--keys-dir", str(keys)]) == 0
    out = capsys.readouterr().out
    assert out == f"{profiles / 'testland.yaml'}: verified, signed by UN-ACT (trusted comment: Testland 2026)\n"


def test_verify_exits_1_when_one_digit_changed(signed: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    keys, profiles = signed
    change_one_digit(profiles / "testland.yaml")
    assert entry.main(["verify", str(profiles), "--keys-dir", str(keys)]) == 1
    assert capsys.readouterr().out == f"{profiles / 'testland.yaml'}: changed after it was signed by UN-ACT; not loaded\n"


def test_verify_says_not_signed_and_unknown_key_and_exits_1(
    signed: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    keys, profiles = signed
    assert entry.main(["verify", str(profiles / "testland.yaml"), str(BUNDLED_PROFILE)]) == 1  # no --keys-dir
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"{profiles / 'testland.yaml'}: not verified: signed by an unknown key ID ")
    assert lines[0].rsplit(" ", 1)[1] in (keys / "UN-ACT.pub").read_text(encoding="utf-8")
    assert lines[1] == f"{BUNDLED_PROFILE}: not verified: not signed"


def test_a_missing_keys_folder_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert entry.main(["verify", str(BUNDLED_PROFILE), "--keys-dir", str(tmp_path / "nowhere")]) == 2
    assert "--keys-dir" in capsys.readouterr().err


def test_list_leaves_out_a_changed_profile_names_it_on_stderr_and_lists_the_rest(
    signed: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    keys, profiles = signed
    assert entry.main(["--keys-dir", str(keys), "--profiles-dir", str(profiles), "list"]) == 0
    assert "testland\tTestland" in capsys.readouterr().out
    change_one_digit(profiles / "testland.yaml")
    entry.main(["--keys-dir", str(keys), "--profiles-dir", str(profiles), "list"])
    captured = capsys.readouterr()
    assert "lao-pdr\tLao PDR" in captured.out
    assert "testland" not in captured.out
    assert f"{profiles / 'testland.yaml'}: changed after it was signed by UN-ACT; not loaded" in captured.err
