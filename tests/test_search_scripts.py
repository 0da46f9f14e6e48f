"""Search in every Mekong language: words of scripts without spaces found anywhere in a sentence,
whole and while typing, never through fragments; Vietnamese with or without marks, NFC or NFD."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import pytest

from app.library import load_paths
from app.model import Address, Library, Paragraph
from app.search import SearchIndex
from app.search_marks import MARK_END, MARK_START
from tests.conftest import ROOT, search_test_library

S = "scripts-test"


@pytest.fixture(scope="module")
def library() -> Library:
    return search_test_library()


@pytest.fixture(scope="module")
def index(library: Library) -> Iterator[SearchIndex]:
    built = SearchIndex.build(library)
    yield built
    built.close()


NFD = unicodedata.normalize("NFD", "Đông Nam Á")

# (query, typing, the only hit). Each word stands inside a sentence with no space around it.
FOUND = [
    ("สำนักงาน", False, f"{S}/thai#0"),  # office
    ("สำนัก", True, f"{S}/thai#0"),  # the same, half typed
    ("สวัสดิการ", False, f"{S}/thai#0"),  # welfare
    ("กฎหมาย", False, f"{S}/thai#1"),  # law
    ("ຫ້ອງການ", False, f"{S}/lao#0"),  # office
    ("ການຄ້າມະນຸດ", False, f"{S}/lao#0"),  # human trafficking
    ("ຄວາມຊ່ວຍ", True, f"{S}/lao#0"),  # help, half typed
    ("ការិយាល័យ", False, f"{S}/khmer#0"),  # office
    ("ការជួញដូរមនុស្ស", False, f"{S}/khmer#0"),  # human trafficking
    ("ជំនួយ", False, f"{S}/khmer#0"),  # assistance
    ("ရုံး", False, f"{S}/burmese#0"),  # office
    ("ဥပဒေ", False, f"{S}/burmese#1"),  # law
    ("လူမှုဝန်ထမ်း", False, f"{S}/burmese#0"),  # social welfare
    ("办公室", False, f"{S}/chinese#0"),  # office: three characters
    ("福利", False, f"{S}/chinese#0"),  # welfare: two
    ("省", False, f"{S}/chinese#0"),  # province: one
    ("福", True, f"{S}/chinese#0"),  # a first character, typed
    ("相談", False, f"{S}/japanese#0"),  # consultation
    ("支援", False, f"{S}/japanese#0"),  # support
    ("都道府県", False, f"{S}/japanese#0"),  # prefectures
    ("dong nam a", False, f"{S}/vietnamese#0"),
    ("Đông Nam Á", False, f"{S}/vietnamese#0"),
    (NFD, False, f"{S}/vietnamese#0"),  # typed with combining marks
    ("ĐÔNG NAM Á", False, f"{S}/vietnamese#0"),
    ("mua ban nguoi", False, f"{S}/vietnamese#0"),
    ("chống mua bán người", False, f"{S}/vietnamese#0"),
    ("phong chong", True, f"{S}/vietnamese#0"),
    ("Office of the UN", False, "lao-pdr/contact-details#1"),  # English still by words
]


@pytest.mark.parametrize(("query", "typing", "expected"), FOUND)
def test_a_word_is_found_inside_its_sentence(index: SearchIndex, query: str, typing: bool, expected: str) -> None:
    assert [str(h.address) for h in index.search(query, 10, typing=typing)] == [expected]


# Words whose letters (or fragments between vowel and tone marks) all occur in another paragraph
# of the same script, which does not hold the word.
NOT_FOUND = [
    "ရုံးချုပ်",  # head office: ရုံး is in the first paragraph only, ချုပ် in none
    "การค้ามนุษย์ในประเทศ",  # trafficking in the country: only the first part is anywhere
    "สำนักงานกฎหมาย",  # law office: both words, never together
    "办公楼",  # office building: 办公 is there, 楼 is not
    "ការិយាល័យកណ្តាល",  # central office
]


@pytest.mark.parametrize("query", NOT_FOUND)
def test_no_hit_through_fragments_of_other_words(index: SearchIndex, query: str) -> None:
    assert index.search(query, 10) == []
    assert index.search(query, 10, typing=True) == []


def test_the_office_in_burmese_hits_only_the_paragraph_that_holds_it(index: SearchIndex) -> None:
    # Split at its marks, ရုံး becomes ရ, which the second paragraph has (တားဆီးရန်, အစိုးရ).
    assert [h.block for h in index.search("ရုံး", 10)] == [0]


@pytest.mark.parametrize(
    ("query", "section", "marked"),
    [
        ("สำนักงาน", "thai", ["สำนักงาน"]),
        ("ការិយាល័យ", "khmer", ["ការិយាល័យ"]),
        ("ရုံး", "burmese", ["ရုံး"]),
        ("福利", "chinese", ["福利"]),
        ("相", "japanese", ["相"]),
        (NFD, "vietnamese", ["Nam", "Đông", "Nam", "Á"]),  # Việt Nam holds "nam" too
        ("viet nam", "vietnamese", ["Việt Nam"]),  # "Nam" of Đông Nam Á is no part of the phrase
    ],
)
def test_highlights_fall_on_the_word(index: SearchIndex, library: Library, query: str, section: str,
                                     marked: list[str]) -> None:
    found = library.resolve(Address(S, section))
    assert found is not None and found[1] is not None
    text = next(item.text for item in found[1].items if isinstance(item, Paragraph))
    marks = index.section_marks(query, Address(S, section))
    assert [text[a:b] for a, b in marks.spans(text, 0)] == marked
    assert marks.count == len(marked)


def test_a_snippet_marks_the_whole_word(index: SearchIndex) -> None:
    hit = index.search("สำนักงาน", 1)[0]
    assert f"{MARK_START}สำนักงาน{MARK_END}" in hit.snippet
    assert not hit.snippet_text.lstrip("…")[0].isspace()
    assert unicodedata.category(hit.snippet_text.lstrip("…")[0])[0] != "M"  # never starts on a mark


@pytest.mark.parametrize("query", ["สำนกงาน", "ရုံ:", "办公楼", "ການຄ້າມະນຸດຍ"])
def test_suggestions_never_offer_fragments(index: SearchIndex, query: str) -> None:
    assert index.suggestions(query) == []


def test_the_vocabulary_holds_no_clause_of_a_script_without_spaces(index: SearchIndex) -> None:
    assert not [w for w in index.vocabulary if any("\u0e00" <= c <= "\u0eff" or "\u1000" <= c <= "\u109f" for c in w)]
    assert "trafficking" in index.vocabulary


def test_a_library_without_such_scripts_builds_no_trigram_table() -> None:
    built = SearchIndex.build(load_paths([ROOT / "data" / "profiles"]))
    try:
        tables = {name for (name,) in built._db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "blocks" in tables and "spaceless" not in tables
        assert built.search("สำนักงาน", 5) == []
    finally:
        built.close()
