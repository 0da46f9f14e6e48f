"""Help > About: one scrolling table row per profile that fits a 1024x600 screen, the version,
what is stored, the print-service sentence, and profile text shown as text."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableWidget, QWidget

from app import APP_NAME, __version__
from app.about import ABOUT_COLUMNS, OFFLINE
from app.stored_files import NEVER_STORED
from tests.conftest import minimal_profile
from tests.ui.conftest import MakeWindow, answering_modal, menu_action


@dataclass
class About:
    size: tuple[int, int]  # of the dialog with its frame
    headers: list[str]
    rows: list[list[str]]
    scrolls: bool
    text: str  # every label


def read_about(make_window: MakeWindow, *argv: str) -> About:
    window = make_window("--size", "1024x600", *argv)
    seen: list[About] = []

    def read(dialog: QWidget) -> None:
        table = dialog.findChild(QTableWidget, "aboutProfiles")
        assert table is not None
        frame = dialog.frameGeometry()
        seen.append(About(
            (frame.width(), frame.height()),
            [table.model().headerData(c, Qt.Orientation.Horizontal) for c in range(table.columnCount())],
            [[table.model().index(r, c).data() for c in range(table.columnCount())] for r in range(table.rowCount())],
            table.verticalScrollBar().maximum() > 0,
            "\n".join(label.text() for label in dialog.findChildren(QLabel)),
        ))

    with answering_modal(read):
        menu_action(window, "Help", f"About {APP_NAME}").trigger()
    return seen[0]


def test_about_with_200_profiles_fits_a_small_screen_and_scrolls(make_window: MakeWindow, tmp_path: Path) -> None:
    for number in range(200):
        (tmp_path / f"land-{number:03d}.yaml").write_text(
            minimal_profile(f"land-{number:03d}", f"Land {number:03d}"), encoding="utf-8")
    about = read_about(make_window, "--profiles-dir", str(tmp_path))
    assert about.size[1] <= 600 and about.size[0] <= 1024
    assert len(about.rows) == 201  # every profile, the bundled one too
    assert about.scrolls  # the rest is a scroll away
    assert about.headers == list(ABOUT_COLUMNS)
    row = next(r for r in about.rows if r[0].startswith("Land 199"))
    assert row[2].endswith("land-199.yaml")
    assert len(row[3]) == 64  # the SHA-256 in full


def test_about_names_the_version_what_is_stored_and_the_print_service(make_window: MakeWindow) -> None:
    about = read_about(make_window)
    assert f"{APP_NAME} {__version__}" in about.text
    assert OFFLINE in about.text
    assert "Stored on this computer:" in about.text and NEVER_STORED in about.text
    assert about.rows[0][0] == "Lao PDR (lao-pdr, bundled)"


def test_about_shows_profile_text_as_text(make_window: MakeWindow, tmp_path: Path) -> None:
    (tmp_path / "markup.yaml").write_text(minimal_profile("markup", "<b>Bold</b> &amp; land"), encoding="utf-8")
    names = [row[0] for row in read_about(make_window, "--profiles-dir", str(tmp_path)).rows]
    assert "<b>Bold</b> &amp; land (markup, added)" in names
