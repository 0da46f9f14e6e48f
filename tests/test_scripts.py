"""Scripts a profile uses, the bundled fonts for them, their licence and the tool that fetches them."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from app import paths
from app.model import Profile
from app.scripts import FONT_FILES, font_files, missing_font_note, scripts_in, scripts_used
from tests.conftest import ROOT, search_test_library

FONTS = paths.resource("fonts")
DEBIAN_FONTS = Path("/usr/share/fonts/truetype/noto")
DEBIAN_COPYRIGHT = Path("/usr/share/doc/fonts-noto-core/copyright")


def profile(profile_id: str) -> Profile:
    found = search_test_library().profile(profile_id)
    assert found is not None
    return found


def test_the_bundled_profile_needs_no_extra_font() -> None:
    assert scripts_used(profile("lao-pdr")) == set()
    assert font_files(scripts_used(profile("lao-pdr"))) == []


def test_every_script_of_a_profile_is_found() -> None:
    assert scripts_used(profile("scripts-test")) == {"Thai", "Lao", "Khmer", "Myanmar", "Han", "Hiragana"}


@pytest.mark.parametrize(
    ("text", "scripts"),
    [("สวัสดี", {"Thai"}), ("ສະບາຍດີ", {"Lao"}), ("សួស្តី", {"Khmer"}), ("မင်္ဂလာပါ", {"Myanmar"}),
     ("你好", {"Han"}), ("カタカナ", {"Katakana"}), ("안녕", {"Hangul"}), ("Xin chào Việt Nam", set())],
)
def test_scripts_are_told_by_their_unicode_blocks(text: str, scripts: set[str]) -> None:
    assert scripts_in(text) == scripts


def test_each_bundled_script_has_a_regular_and_a_bold_font_with_the_licence() -> None:
    files = font_files({"Thai", "Lao", "Khmer", "Myanmar", "Han"})
    assert [f.name for f in files] == [name for script in sorted(FONT_FILES) for name in FONT_FILES[script]]
    for file in files:
        assert file.read_bytes()[:4] == b"\x00\x01\x00\x00"  # a TrueType font
    assert font_files({"Han"}) == []  # CJK uses the system's fonts
    licence = (FONTS / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL Open Font License, Version 1.1" in licence and "Google" in licence
    assert sum(f.stat().st_size for f in files) < 1_000_000  # the hinted files only


def test_the_note_names_the_scripts_without_a_font() -> None:
    assert missing_font_note([]) is None
    assert missing_font_note(["Thai"]) is not None and "uses Thai script" in str(missing_font_note(["Thai"]))
    note = missing_font_note(["Myanmar", "Khmer", "Khmer"])
    assert note is not None and note.startswith("This profile uses Khmer and Burmese (Myanmar) script,")


def _fetch_fonts() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fetch_fonts", ROOT / "tools" / "fetch_fonts.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["fetch_fonts"] = module
    spec.loader.exec_module(module)
    return module


def test_the_tool_copies_the_same_fonts_and_licence_again(tmp_path: Path) -> None:
    tool = _fetch_fonts()
    written = tool.copy_fonts(DEBIAN_FONTS, DEBIAN_COPYRIGHT, tmp_path)
    assert sorted(p.name for p in written) == sorted(p.name for p in FONTS.iterdir())
    for path in written:
        assert path.read_bytes() == (FONTS / path.name).read_bytes(), path.name


def test_punctuation_and_symbols_of_english_text_are_no_script() -> None:
    assert scripts_in("Lao PDR’s “Trends” — 2012–2014… → € ™ ½ ①") == set()
    assert scripts_in("— ไทย") == {"Thai"}  # a script after such punctuation is still found
    assert scripts_in("…中文") == {"Han"}
