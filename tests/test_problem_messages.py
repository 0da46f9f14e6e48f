"""A problem report is one line per problem, of bounded length, whatever the file holds: a value
with a newline cannot forge a second FILE:LINE:COL line, and a huge value cannot flood it."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import main as entry
from app.loader import parse_profile
from app.model import Problem
from tests.conftest import WriteProfile, minimal_profile


def _problems(text: str) -> list[str]:
    result = parse_profile(text.encode("utf-8"), Path("p.yaml"))
    assert result.profile is None
    return [str(p) for p in result.problems]


@pytest.mark.parametrize(
    ("original", "replacement"),
    [
        ('url: "https://example.org/testland"', 'url: "ftp://x\\nother.yaml:1:1: all is well"'),
        ("id: testland", 'id: "Test\\nland"'),
        ("    title: Notes", '    "tit\\nle": Notes'),
        ("    title: Notes", "    title: Notes\n    \"title\\u2028\": again"),
    ],
)
def test_a_newline_in_a_value_is_spelled_out_not_printed(original: str, replacement: str) -> None:
    text = minimal_profile().replace(original, replacement, 1)
    for line in _problems(text):
        assert "\n" not in line and "\u2028" not in line
        assert line.startswith("p.yaml:")


@pytest.mark.parametrize(
    ("original", "replacement", "cut"),
    [
        ("id: testland", "id: " + "X" * 10_000, True),
        ('url: "https://example.org/testland"', 'url: "' + "javascript:" + "a" * 10_000 + '"', True),
        ("    title: Notes", "    " + "t" * 100_000 + ": Notes", False),  # YAML refuses keys this long
        ("year: 2020", "year: " + "9" * 5000, True),  # int() of 5,000 digits would raise
        ("schema: 1", "schema: " + "9" * 5000, True),
    ],
)
def test_a_huge_value_is_cut_in_the_message(original: str, replacement: str, cut: bool) -> None:
    problems = _problems(minimal_profile().replace(original, replacement, 1))
    assert problems and all(len(line) < 400 for line in problems), [len(p) for p in problems]
    assert any("…" in line for line in problems) == cut


def test_a_file_name_with_a_newline_is_one_line_in_validate(
    write_profile: WriteProfile, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_profile("schema: 1\n", name="bad\nfake.yaml:1:1: fine.yaml")
    assert entry.main(["validate", str(path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out and all(line.startswith(str(path).replace("\n", "\\n") + ":1:1: the profile is missing") for line in out)
    assert str(Problem("a\nb.yaml", "m", 1, 2)) == "a\\nb.yaml:1:2: m"


def test_a_text_value_over_the_limit_is_refused_by_its_length() -> None:
    problems = _problems(minimal_profile().replace("A paragraph about Testland.", "word " * 5000))
    assert problems == ["p.yaml:14:20: 'paragraph' is too long (24,999 characters, at most 20,000); split it into several"]
