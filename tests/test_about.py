"""The About box and the profile page name the checksum of the bytes whose text is shown and who
vouches for them, escaped like every other text: a checksum-shaped value holding markup can never
become a live link."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from app.about import ABOUT_COLUMNS, about_html, about_rows
from app.library import default_folders, load_library, load_paths
from app.model import BUNDLED, NOT_VERIFIED, VERIFIED, Library, Profile, Trust
from app.records import replace
from app.render import profile_html
from tests.conftest import BUNDLED_PROFILE, ROOT

MARKUP = '<a href="https://example.org/evil">0123456789abcdef</a>'


@pytest.fixture
def lao() -> Profile:
    return load_library(default_folders()).profiles[0]


def test_about_and_the_profile_page_show_the_sha256_of_the_file_read(lao: Profile) -> None:
    digest = hashlib.sha256(BUNDLED_PROFILE.read_bytes()).hexdigest()
    assert lao.sha256 == digest
    assert f"<code>{digest}</code>" in about_html(Library((lao,), ()), "Qt")
    assert f"<code>{digest}</code>" in profile_html(lao, date(2026, 11, 29))


def test_a_checksum_holding_markup_is_shown_as_text(lao: Profile) -> None:
    forged = replace(lao, sha256=MARKUP)
    for page in (about_html(Library((forged,), ()), "Qt"), profile_html(forged, date(2026, 11, 29))):
        assert 'href="https://example.org/evil"' not in page
        assert "<code>&lt;a href=&quot;https://example.org/evil&quot;&gt;0123456789abcdef&lt;/a&gt;</code>" in page


@pytest.mark.parametrize(
    ("trust", "shown"),
    [
        (Trust(BUNDLED), "Bundled with the app"),
        (Trust(VERIFIED, signer="UN-ACT", comment="<b>2026</b> edition", key_id="AB"),
         "Signed by UN-ACT (&lt;b&gt;2026&lt;/b&gt; edition)"),
        (Trust(NOT_VERIFIED), "Not verified: not signed"),
        (Trust(NOT_VERIFIED, key_id="2744792DD9031C91"), "Not verified: signed by an unknown key ID 2744792DD9031C91"),
    ],
)
def test_about_and_the_profile_page_say_who_vouches_for_the_profile(lao: Profile, trust: Trust, shown: str) -> None:
    profile = replace(lao, trust=trust)
    assert shown in about_html(Library((profile,), ()), "Qt")
    assert shown in profile_html(profile, date(2026, 11, 29))


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
