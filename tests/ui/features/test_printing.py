"""Print and PDF: File menu actions, `export-pdf` from the command line, the one-page card."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from app.model import Address
from app.ui.features.printing.feature import PrintingFeature
from app.ui.shell.main_window import MainWindow
from tests.conftest import ROOT
from tests.ui.conftest import answering_modal, menu_action, notice_text

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext is not installed")


def pdf_text(path: Path) -> str:
    """The PDF's text as a reader would copy it (compatibility forms folded)."""
    result = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return unicodedata.normalize("NFKC", result.stdout)


def pdf_pages(path: Path) -> int:
    return pdf_text(path).count("\f")


@needs_pdftotext
def test_export_pdf_command_writes_every_title_the_contacts_and_the_source(tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}  # headless by itself
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    result = subprocess.run(
        [sys.executable, "main.py", "export-pdf", str(target), "--profile", "lao-pdr"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    text = pdf_text(target)
    for title in ("Lao PDR Quick Facts", "Contact Details", "National Trafficking Trends",
                  "The Trafficking Situation", "Anti-trafficking mechanisms at a glance", "TIP challenges ahead"):
        assert title in text
    for contact in ("Dr. Xoukiet Panyanouvong", "Office of the UN Resident Coordinator", "+856 21 267 790",
                    "+856 21 267 792", "+856 21 267 799"):
        assert contact in text
    pages = text.count("\f")
    assert text.count("Source: UN-ACT, http://un-act.org/lao-pdr/") >= pages  # in every page's footer
    assert text.count("Lao PDR") >= pages
    assert "Unofficial" in text  # ligature-free, so extracted text reads as written


def test_export_pdf_command_refuses_an_unknown_profile_in_one_sentence(tmp_path: Path) -> None:
    from app.main import main

    assert main(["export-pdf", str(tmp_path / "x.pdf"), "--profile", "atlantis"]) == 2
    assert not (tmp_path / "x.pdf").exists()


def test_print_is_ctrl_p_in_the_file_menu(window: MainWindow) -> None:
    action = window.feature(PrintingFeature).print_action
    assert action is menu_action(window, "File", "Print…")
    assert action.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)


@needs_pdftotext
def test_printing_the_open_section_pages_it_with_header_and_footer(window: MainWindow, tmp_path: Path) -> None:
    window.open_address(Address("lao-pdr", "challenges"))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    pages = window.feature(PrintingFeature).print_to(printer, whole_profile=False)
    text = pdf_text(tmp_path / "printed.pdf")
    assert pages >= 1
    assert "Lao PDR — TIP challenges ahead" in text
    assert f"Page 1 of {pages}" in text
    assert "Quick Facts" not in text


@needs_pdftotext
def test_export_pdf_of_the_whole_profile_from_the_window(window: MainWindow, tmp_path: Path) -> None:
    window.open_address(Address("lao-pdr", "challenges"))
    assert window.feature(PrintingFeature).export_pdf(tmp_path / "all.pdf", whole_profile=True)
    text = pdf_text(tmp_path / "all.pdf")
    assert "Lao PDR Quick Facts" in text and "TIP challenges ahead" in text
    assert "Saved" in window.statusBar().currentMessage()
    pages = text.split("\f")[:-1]
    assert len(pages) < len(window.library.profiles[0].sections)  # sections flow, no page each
    assert "Figures from 2012–2014" in pages[0].split("Sections")[0]  # the profile page first
    headers = [page.lstrip().splitlines()[0] for page in pages]
    assert headers[0].startswith("Lao PDR ") and all(h.startswith("Lao PDR — ") for h in headers[1:])
    data = (tmp_path / "all.pdf").read_bytes()
    assert data.count(b"/Subtype /Link") == data.count(b"/URI (http")  # web links only: none dead


@needs_pdftotext
def test_the_country_card_is_one_page_with_facts_and_contacts(window: MainWindow, tmp_path: Path) -> None:
    assert window.feature(PrintingFeature).export_card(tmp_path / "card.pdf")
    text = pdf_text(tmp_path / "card.pdf")
    assert pdf_pages(tmp_path / "card.pdf") == 1
    assert "Vientiane" in text and "Dr. Xoukiet Panyanouvong" in text and "+856 21 267777" in text
    assert "Source: UN-ACT" in text and "Printed" in text
    assert text.count("Source: UN-ACT") == 1
    assert "confirm a number before relying on it" in text
    words = subprocess.run(["pdftotext", "-bbox", str(tmp_path / "card.pdf"), "-"], capture_output=True, text=True,
                           check=True).stdout
    height = float(words.split('<page width="')[1].split('height="')[1].split('"')[0])
    body = [float(line.split('yMax="')[1].split('"')[0]) for line in words.splitlines()
            if 'yMax="' in line and ">Source:<" not in line]
    assert sorted(body)[-3] > 0.75 * height  # the card fills its page, not its top 60 %


def test_an_unwritable_pdf_target_is_said_in_words_until_dismissed(window: MainWindow, tmp_path: Path,
                                                                    qtbot: QtBot) -> None:
    (tmp_path / "taken").mkdir()
    assert not window.feature(PrintingFeature).export_pdf(tmp_path / "missing" / "x.pdf", whole_profile=False)
    assert "does not exist" in notice_text(qtbot)
    assert not window.feature(PrintingFeature).export_pdf(tmp_path / "taken", whole_profile=False)
    message = notice_text(qtbot)
    assert "Errno" not in message and "File exists" not in message and "Is a directory" not in message


def test_ctrl_p_opens_the_print_dialog_for_the_open_section(window: MainWindow, qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtPrintSupport import QPrintDialog
    from PySide6.QtWidgets import QWidget

    window.open_address(Address("lao-pdr", "challenges"))
    titles: list[str] = []

    def read(dialog: QWidget) -> None:
        assert isinstance(dialog, QPrintDialog)
        titles.append(dialog.windowTitle())

    with answering_modal(read):
        qtbot.keyClick(window.section_view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert titles == ["Print TIP challenges ahead"]


@needs_pdftotext
def test_no_dated_figure_appears_without_its_year_on_screen_or_on_paper(window: MainWindow, tmp_path: Path) -> None:
    from app.model import Fact

    profile = window.library.profile("lao-pdr")
    assert profile is not None
    assert window.feature(PrintingFeature).export_card(tmp_path / "card.pdf")
    paper = " ".join(pdf_text(tmp_path / "card.pdf").split())
    for section in profile.sections:
        window.open_address(Address("lao-pdr", section.id))
        screen = window.section_view.toPlainText()
        for fact in (i for i in section.items if isinstance(i, Fact) and i.year is not None):
            shown = f"{fact.value} ({fact.qualifier})"
            assert shown in screen
            assert shown in paper
            assert screen.count(fact.value) == screen.count(shown)  # never once without it


@needs_pdftotext
def test_export_pdf_without_a_profile_writes_every_profile_each_with_its_own_source(tmp_path: Path) -> None:
    from tests.conftest import minimal_profile

    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "testland.yaml").write_text(minimal_profile(), encoding="utf-8")
    target = tmp_path / "all.pdf"
    result = subprocess.run(
        [sys.executable, "main.py", "export-pdf", str(target), "--profiles-dir", str(folder)],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    text = pdf_text(target)
    assert "Lao PDR Quick Facts" in text and "Facts of Testland" in text
    assert "Source: Test publisher, https://example.org/testland" in text
    assert "Source: UN-ACT, http://un-act.org/lao-pdr/" in text
