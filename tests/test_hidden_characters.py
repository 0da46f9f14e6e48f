"""Text a reader cannot see is refused: control characters and bidirectional overrides that YAML's
escapes can put into a value. Line breaks, tabs and the zero-width characters some scripts need
are kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.loader import parse_profile
from app.model import Paragraph
from tests.conftest import minimal_profile


def _paragraph(escaped: str) -> tuple[str | None, list[str]]:
    text = minimal_profile().replace("paragraph: A paragraph about Testland.", f'paragraph: "{escaped}"')
    result = parse_profile(text.encode("utf-8"), Path("p.yaml"))
    if result.profile is None:
        return None, [str(p) for p in result.problems]
    block = result.profile.sections[1].blocks[0]
    assert isinstance(block, Paragraph)
    return block.text, []


@pytest.mark.parametrize("escape", ["\\0", "\\x02", "\\e", "\\x7f", "\\N", "\\u202E", "\\u2066", "\\r"])
def test_an_invisible_character_is_refused_with_its_code_point(escape: str) -> None:
    text, problems = _paragraph(f"Call {escape}1234")
    assert text is None
    assert len(problems) == 1 and "invisible control character (U+" in problems[0]
    assert problems[0].startswith("p.yaml:14:20: 'paragraph' contains")


@pytest.mark.parametrize(
    ("escape", "kept"),
    [("a\\tb", "a\tb"), ("a\\nb", "a\nb"), ("ກ\\u200Bຂ", "ກ\u200bຂ"), ("a\\u00A0b", "a\u00a0b")],
)
def test_tabs_line_breaks_and_zero_width_spaces_are_kept(escape: str, kept: str) -> None:
    assert _paragraph(escape) == (kept, [])
