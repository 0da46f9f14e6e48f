"""A folder of broken profiles never stops the reading commands: `list`, `text` and `search` give
the good profiles' output and name every bad file on stderr, with its position."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app import main as entry

BAD = Path(__file__).resolve().parent / "bad_profiles"


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        (["list"], "lao-pdr/challenges\tTIP challenges ahead"),
        (["text", "lao-pdr"], "Anti-trafficking mechanisms at a glance"),
        (["search", "Vientiane", "--json"], '"profile": "lao-pdr"'),
    ],
)
def test_reading_commands_work_beside_bad_profiles_and_report_them_on_stderr(
    command: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert entry.main(["--profiles-dir", str(BAD), *command]) == 0
    captured = capsys.readouterr()
    assert expected in captured.out
    if command[0] == "search":
        assert json.loads(captured.out)["hits"]
    assert f"{BAD / 'python-object-tag.yaml'}:9:20: the tag !!python/object/apply:os.system" in captured.err
    assert f"{BAD / 'bidi-override.yaml'}:12:45: " in captured.err
    assert "Traceback" not in captured.err
