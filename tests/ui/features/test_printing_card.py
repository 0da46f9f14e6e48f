"""A country card too long for one readable page goes onto more pages; no contact is cut off."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from app.library import load_paths
from app.print_pages import card_job
from app.ui.features.printing.layout import write_pdf
from tests.conftest import WriteProfile

CONTACTS = 300


def many_contacts() -> str:
    contacts = "".join(
        f"      - contact: {{name: Person {n}, phones: [{{label: Tel, number: '+856 21 {n:06d}'}}]}}\n"
        for n in range(CONTACTS)
    )
    return (
        "schema: 1\nid: many\nname: Manyland\nsource: {publisher: Test publisher}\n"
        f"sections:\n  - id: contacts\n    title: Contacts\n    blocks:\n{contacts}"
    )


@pytest.mark.usefixtures("qapp")  # writing a PDF lays out text: Qt's fonts need the application
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext is not installed")
def test_a_card_too_long_for_one_page_keeps_every_contact_on_more_pages(
    write_profile: WriteProfile, tmp_path: Path
) -> None:
    profile = load_paths([write_profile(many_contacts())]).profile("many")
    assert profile is not None
    target = tmp_path / "card.pdf"
    pages = write_pdf(target, [card_job(profile, date(2026, 11, 28))])
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert all(f"Person {n}\n" in text for n in range(CONTACTS))
    assert pages > 1 and f"Page {pages} of {pages}" in text
