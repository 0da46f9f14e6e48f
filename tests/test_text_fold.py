"""The one normalisation for matching: NFKC, case folding, stroke letters, scripts without spaces."""

from __future__ import annotations

import unicodedata

import pytest

from app.text_fold import fold, fold_with_offsets, has_spaceless, is_cjk, words


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Đông Nam Á", "dông nam á"),  # đ has no decomposition: mapped, the rest left to FTS5
        (unicodedata.normalize("NFD", "Đông Nam Á"), "dông nam á"),  # typed with combining marks
        ("ĐÀ NẴNG", "dà nẵng"),
        ("Straße", "strasse"),
        ("ﬁnance", "finance"),  # a ligature
        ("ＵＮＯＤＣ", "unodc"),  # full-width
        ("Łódź, Øresund", "lódź, oresund"),
    ],
)
def test_text_and_queries_fold_alike(text: str, folded: str) -> None:
    assert fold(text) == unicodedata.normalize("NFC", folded)


def test_a_word_keeps_its_marks() -> None:
    assert words("ที่สำนักงาน, anti-trafficking") == [fold("ที่สำนักงาน"), "anti", "trafficking"]
    assert words(unicodedata.normalize("NFD", "Việt Nam")) == ["việt", "nam"]


def test_folded_offsets_point_back_at_the_original() -> None:
    text = "Xสำนัก ß"
    folded, origin = fold_with_offsets(text)
    assert len(origin) == len(folded)
    start = folded.index(fold("สำนัก"))
    end = start + len(fold("สำนัก"))
    assert text[origin[start]:origin[end - 1] + 1] == "สำนัก"
    assert text[origin[folded.index("ss")]] == "ß"


@pytest.mark.parametrize(
    ("text", "spaceless", "cjk"),
    [("ภาษาไทย", True, False), ("ພາສາລາວ", True, False), ("ខ្មែរ", True, False), ("မြန်မာ", True, False),
     ("中文", True, True), ("ひらがな", True, True), ("Tiếng Việt", False, False), ("한국어", False, False)],
)
def test_scripts_without_spaces_are_told_apart(text: str, spaceless: bool, cjk: bool) -> None:
    assert has_spaceless(text) is spaceless
    assert is_cjk(text[0]) is cjk
