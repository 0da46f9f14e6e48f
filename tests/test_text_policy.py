"""The one character policy: every refused class of character is reported at its own position
with what to do, what scripts need is kept, text is NFC, and a phone number is what a phone dials."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from app.loader import parse_profile
from app.model import Contact, Paragraph
from app.text_policy import normalise, phone_problem, text_problem
from tests.conftest import BUNDLED_PROFILE, minimal_profile

# Line 14 of the minimal profile is `      - paragraph: "..."`; its opening quote is at column 20.
PARAGRAPH_LINE, QUOTE_COLUMN = 14, 20


def _paragraph(escaped: str) -> tuple[str | None, list[str]]:
    text = minimal_profile().replace("paragraph: A paragraph about Testland.", f'paragraph: "{escaped}"')
    result = parse_profile(text.encode("utf-8"), Path("p.yaml"))
    if result.profile is None:
        return None, [str(p) for p in result.problems]
    block = result.profile.sections[1].blocks[0]
    assert isinstance(block, Paragraph)
    return block.text, []


@pytest.mark.parametrize(
    ("escape", "what"),
    [
        ("\\0", "control character (U+0000)"),
        ("\\x02", "control character (U+0002)"),
        ("\\e", "control character (U+001B)"),
        ("\\x7f", "control character (U+007F)"),
        ("\\N", "control character (U+0085)"),
        ("\\r", "control character (U+000D)"),
        ("\\u200E", "left-to-right mark (U+200E)"),
        ("\\u200F", "right-to-left mark (U+200F)"),
        ("\\u061C", "Arabic letter mark (U+061C)"),
        ("\\u202A", "left-to-right embedding (U+202A)"),
        ("\\u202E", "right-to-left override (U+202E)"),
        ("\\u2066", "left-to-right isolate (U+2066)"),
        ("\\u2069", "pop directional isolate (U+2069)"),
        ("\\u200B", "format character (U+200B ZERO WIDTH SPACE)"),
        ("\\u2060", "format character (U+2060 WORD JOINER)"),
        ("\\uFEFF", "format character (U+FEFF ZERO WIDTH NO-BREAK SPACE)"),
        ("\\u00AD", "format character (U+00AD SOFT HYPHEN)"),
        ("\\U000E0041", "tag character (U+E0041)"),
        ("\\uE000", "private-use character (U+E000)"),
        ("\\U000F0000", "private-use character (U+F0000)"),
        ("\\u0378", "U+0378, which is not a Unicode character"),
        ("\\uFFFF", "U+FFFF, which is not a Unicode character"),
    ],
)
def test_each_refused_character_is_reported_at_its_own_position_with_its_code_point(escape: str, what: str) -> None:
    text, problems = _paragraph(f"Call {escape}1234")
    assert text is None
    assert len(problems) == 1, problems
    # "Call " is five characters after the quote: the escape starts at the sixth.
    assert problems[0].startswith(f"p.yaml:{PARAGRAPH_LINE}:{QUOTE_COLUMN + 6}: 'paragraph' contains ")
    assert what in problems[0]
    assert "remove it" in problems[0] or "use a standard" in problems[0]


def test_a_literal_character_in_a_plain_value_is_located_on_its_own_line_and_column() -> None:
    text = minimal_profile().replace(
        "paragraph: A paragraph about Testland.", "paragraph: >\n          First line\n          sec\u200fond line"
    )
    problems = [str(p) for p in parse_profile(text.encode("utf-8"), Path("p.yaml")).problems]
    assert problems == [
        "p.yaml:16:14: 'paragraph' contains an invisible right-to-left mark (U+200F), "
        "which changes the order the text is shown in; remove it"
    ]


def test_the_second_of_two_equal_characters_is_located_by_its_count_not_by_its_first_appearance() -> None:
    assert text_problem("a\u200fb") is not None
    text, problems = _paragraph("\\\\u200F then \\u200F")  # an escaped backslash, then the real mark
    assert text is None
    assert problems[0].startswith(f"p.yaml:{PARAGRAPH_LINE}:{QUOTE_COLUMN + 14}: ")


@pytest.mark.parametrize(
    ("escape", "kept"),
    [
        ("a\\tb", "a\tb"),
        ("a\\nb", "a\nb"),
        ("\u0645\u06cc\\u200C\u062e\u0648\u0627\u0647\u0645", "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"),
        ("\u0915\u094d\\u200D\u0937", "\u0915\u094d\u200d\u0937"),
        ("a\\u00A0b", "a\u00a0b"),
        ("ກຂ", "ກຂ"),
    ],
)
def test_tabs_line_breaks_joiners_and_no_break_spaces_are_kept(escape: str, kept: str) -> None:
    assert _paragraph(escape) == (kept, [])


@pytest.mark.parametrize("blank", ["\\u200D", " \\u200C ", "\\u3164", "\\uFE0F\\u034F"])
def test_a_value_blank_once_its_invisible_characters_are_gone_is_refused(blank: str) -> None:
    text, problems = _paragraph(blank)
    assert text is None
    assert problems == [f"p.yaml:{PARAGRAPH_LINE}:{QUOTE_COLUMN}: 'paragraph' is blank: it holds only spaces or "
                        "invisible characters; write the text"]


def test_text_is_kept_in_nfc_so_one_word_is_one_string() -> None:
    decomposed = unicodedata.normalize("NFD", "Việt Nam")
    assert decomposed != "Việt Nam"
    assert _paragraph(decomposed) == ("Việt Nam", [])
    assert normalise(decomposed) == "Việt Nam"


@pytest.mark.parametrize(
    "number",
    ["+856 21 267 790", "+856 21 267777", "(021) 267-790", "+856.21.267.790", "021/267 790", "1300",
     "+856 21 267 790 ext. 332", "+856 21 267 790 Ext 12", "021 267 790 extension 4"],
)
def test_what_a_phone_dials_is_a_number(number: str) -> None:
    assert phone_problem(number) is None


@pytest.mark.parametrize(
    ("number", "offset", "named"),
    [
        ("+856 21 \u0662\u0666\u0667", 8, "U+0662 ARABIC-INDIC DIGIT TWO"),
        ("+856 21 \u06f2\u06f6", 8, "U+06F2 EXTENDED ARABIC-INDIC DIGIT TWO"),
        ("\uff10\uff12\uff11", 0, "U+FF10 FULLWIDTH DIGIT ZERO"),
        ("+856 \U0001d7ce", 5, "U+1D7CE MATHEMATICAL BOLD DIGIT ZERO"),
        ("+856 21 267 79O", 14, "U+004F LATIN CAPITAL LETTER O"),
        ("+856 21 CALL-NOW", 8, "U+0043 LATIN CAPITAL LETTER C"),
        ("021\u00a0267", 3, "U+00A0 NO-BREAK SPACE"),
        ("+856 21 267 790 ext. ", 16, "U+0065 LATIN SMALL LETTER E"),
    ],
)
def test_anything_else_in_a_number_is_refused_with_its_position_and_the_digits_to_use(
    number: str, offset: int, named: str
) -> None:
    found = phone_problem(number)
    assert found is not None and found.offset == offset
    assert named in found.message and "the digits 0-9" in found.message


@pytest.mark.parametrize("number", ["+", "-- --", "ext. 332"])
def test_a_number_without_digits_is_refused_as_a_whole(number: str) -> None:
    found = phone_problem(number)
    assert found is not None and found.offset is None and "the digits 0-9" in found.message


def test_a_zero_width_space_inside_a_number_is_refused_by_the_loader_at_its_position() -> None:
    text = minimal_profile().replace(
        "paragraph: A paragraph about Testland.",
        'contact: {name: Office, phones: [{label: Tel, number: "+856 21 26\u200b7 790"}]}',
    )
    problems = [str(p) for p in parse_profile(text.encode("utf-8"), Path("p.yaml")).problems]
    assert len(problems) == 1
    assert problems[0].startswith("p.yaml:14:74: 'number' contains an invisible format character (U+200B")


def test_every_number_of_the_bundled_profile_is_what_a_phone_dials() -> None:
    profile = parse_profile(BUNDLED_PROFILE.read_bytes(), BUNDLED_PROFILE).profile
    assert profile is not None
    numbers = [n for s in profile.sections for i in s.items if isinstance(i, Contact) for p in i.phones
               for n in p.numbers]
    assert len(numbers) >= 4
    assert all(phone_problem(n) is None for n in numbers)
