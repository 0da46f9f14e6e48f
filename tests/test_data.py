"""The bundled content: every line and sentence of the published source, verbatim, nothing added."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.library import load_paths
from app.main import main
from app.plaintext import profile_text
from tests.conftest import BUNDLED_PROFILE, ROOT, SOURCE_TEXT

SOURCE_LINES = [line.strip() for line in SOURCE_TEXT.read_text(encoding="utf-8").splitlines() if line.strip()]
# Two headings of the source end in a colon ("Contact Details:"); the app shows them as titles without it.
HEADINGS_WITH_COLON = {"Lao PDR Quick Facts:", "Contact Details:"}


def cli_text(capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["text", "lao-pdr"]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("line", SOURCE_LINES)
def test_every_line_of_the_source_is_in_the_text_output(line: str, capsys: pytest.CaptureFixture[str]) -> None:
    expected = line[:-1] if line in HEADINGS_WITH_COLON else line
    assert expected in {out.strip() for out in cli_text(capsys).splitlines()}


def test_every_sentence_of_every_paragraph_is_in_the_text_output(capsys: pytest.CaptureFixture[str]) -> None:
    output = cli_text(capsys)
    paragraphs = [line for line in SOURCE_LINES if len(line) > 200]
    sentences = [s for p in paragraphs for s in re.split(r"(?<=\.)\s+", p)]
    assert len(sentences) >= 20
    missing = [s for s in sentences if s not in output]
    assert missing == []


def test_text_output_adds_only_titles_and_the_source_line(capsys: pytest.CaptureFixture[str]) -> None:
    """Nothing invented: each output line is a source line, a heading, or the attribution."""
    source = {line[:-1] if line in HEADINGS_WITH_COLON else line for line in SOURCE_LINES}
    extra = {"Lao PDR", "Source: UN-ACT, http://un-act.org/lao-pdr/"}
    for line in cli_text(capsys).splitlines():
        if line.strip():
            assert line.strip() in source | extra, line


def test_text_is_the_same_through_the_model_and_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    library = load_paths([BUNDLED_PROFILE])
    assert cli_text(capsys) == profile_text(library.profiles[0])


@pytest.mark.parametrize("path", sorted((ROOT / "data").rglob("*.y*ml")), ids=lambda p: p.name)
def test_every_file_in_data_loads_without_problems(path: Path) -> None:
    library = load_paths([path])
    assert library.problems == ()
    assert len(library.profiles) == 1
