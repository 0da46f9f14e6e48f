"""Fonts on a computer without Thai, Lao, Khmer or Burmese fonts: the bundled ones registered only
when a profile needs them, used by the page and the PDF; a note for scripts nothing can show.

Each case runs in its own process, with fontconfig limited to the DejaVu fonts every Qt install
has, because Qt keeps application fonts for the life of the process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

SEARCH_DATA = ROOT / "tests" / "data" / "search"
SYSTEM_FONTS = Path("/usr/share/fonts")


@pytest.fixture
def bare_fonts(tmp_path: Path) -> dict[str, str]:
    """The environment of a machine whose only fonts are DejaVu (fonts-dejavu-core)."""
    dejavu = next(SYSTEM_FONTS.rglob("DejaVuSans.ttf"))
    config = tmp_path / "fonts.conf"
    config.write_text(
        f'<?xml version="1.0"?>\n<fontconfig><dir>{dejavu.parent}</dir>'
        f"<cachedir>{tmp_path / 'font-cache'}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    home = tmp_path / "home"
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", FONTCONFIG_FILE=str(config), HOME=str(home),
                XDG_CONFIG_HOME=str(home / ".config"), XDG_DATA_HOME=str(home / ".local" / "share"))


def probe(env: dict[str, str], *argv: str, after: str) -> str:
    """Build the window for `argv` as the app does, show it, then run `after`; what it printed."""
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from PySide6.QtGui import QFontDatabase\n"
        "from app.ui.application import create_window\n"
        "from app.ui.shell.fonts import registered\n"
        f"window = create_window({list(argv)!r})\n"
        "window.show()\n"
        "QApplication.processEvents()\n"
        f"{after}\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_bundled_profile_alone_registers_no_font_file(bare_fonts: dict[str, str]) -> None:
    assert probe(bare_fonts, after="print(len(registered()))").split() == ["0"]


def test_profiles_in_thai_khmer_and_burmese_get_the_bundled_fonts_once(bare_fonts: dict[str, str]) -> None:
    out = probe(
        bare_fonts, "--profiles-dir", str(SEARCH_DATA), "--section", "scripts-test/thai",
        after=(
            "from app.ui.shell.fonts import register_for\n"
            "print(sorted(p.name for p in registered()))\n"
            "print(register_for(window.library))\n"
            "print(QFontDatabase.families(QFontDatabase.WritingSystem.Thai))\n"
            "print(QFontDatabase.families(QFontDatabase.WritingSystem.Myanmar))"
        ),
    )
    files, again, thai, burmese = out.splitlines()
    for name in ("NotoSansThai-Regular.ttf", "NotoSansThai-Bold.ttf", "NotoSansKhmer-Regular.ttf",
                 "NotoSansMyanmar-Bold.ttf", "NotoSansLao-Regular.ttf"):
        assert name in files
    assert again == "[]"  # once per file per process
    assert thai == "['Noto Sans Thai']" and burmese == "['Noto Sans Myanmar']"


def test_the_profile_page_says_once_which_scripts_have_no_font(bare_fonts: dict[str, str]) -> None:
    out = probe(bare_fonts, "--profiles-dir", str(SEARCH_DATA), "--section", "scripts-test",
                after="print(window.section_view.toPlainText())")
    assert out.count("no font is available on this computer") == 1
    assert "uses Chinese (Han) and Japanese (Hiragana) script" in out  # no Thai, Khmer or Burmese: bundled
    section = probe(bare_fonts, "--profiles-dir", str(SEARCH_DATA), "--section", "scripts-test/chinese",
                    after="print(window.section_view.toPlainText())")
    assert "no font is available" not in section


def test_the_pdf_carries_thai_khmer_and_burmese_text(bare_fonts: dict[str, str], tmp_path: Path) -> None:
    target = tmp_path / "scripts.pdf"
    result = subprocess.run(
        [sys.executable, "main.py", "--profiles-dir", str(SEARCH_DATA), "export-pdf", str(target),
         "--profile", "scripts-test"],
        cwd=ROOT, env=bare_fonts, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    # pdftotext gives complex scripts back in glyph order: whole syllables, checked one by one.
    for piece in ("ผู้เสียหาย", "การค้ามนุษย์", "ជនរង", "មនុស", "အကူအညီ", "ခံရသူများ"):
        assert piece in text, piece
