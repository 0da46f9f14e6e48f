"""The About box's profile table: one row per profile, whatever the number of profiles."""

from __future__ import annotations

from pathlib import Path

from app.about import ABOUT_COLUMNS, about_rows
from app.library import load_paths
from app.model import Library
from tests.conftest import ROOT


def _library() -> Library:
    return load_paths([ROOT / "data" / "profiles", Path(__file__).resolve().parent / "data" / "search"])


def test_the_about_box_gives_one_table_row_per_profile() -> None:
    library = _library()
    rows = about_rows(library)
    assert [row.profile_id for row in rows] == [p.id for p in library.profiles]
    lao = next(row for row in rows if row.profile_id == "lao-pdr")
    assert lao.origin == "added"  # read from a folder given, not as the bundled profile
    assert lao.source.startswith("Source: UN-ACT") and len(lao.sha256) == 64
    assert len(ABOUT_COLUMNS) == 4
