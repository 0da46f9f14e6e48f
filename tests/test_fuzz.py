"""Property tests: no file makes the loader raise, no query makes search raise, and every valid
model renders to well-formed HTML in which profile text is only ever text."""

from __future__ import annotations

import html
from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.library import default_folders, load_library
from app.loader import parse_profile
from app.model import (
    Block,
    Bullet,
    BulletList,
    Contact,
    Fact,
    FactList,
    Paragraph,
    Phone,
    Profile,
    Section,
    Source,
)
from app.render import profile_html, section_html
from app.search import SearchIndex
from tests.conftest import BUNDLED_PROFILE

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
BUNDLED_TEXT = BUNDLED_PROFILE.read_text(encoding="utf-8")

# Pieces of YAML syntax, so random documents reach deep into the parser rather than failing at once.
YAML_TOKENS = [
    "schema: 1\n", "id: x\n", "name: N\n", "source: {publisher: P}\n", "sections:\n", "  - ", "    ",
    "blocks:\n", "- paragraph: ", "facts:", "{", "}", "[", "]", ", ", ": ", "? ", "&a ", "*a", "!!python/name:os.system",
    "!tag ", "|\n", ">-\n", "'", '"', "#", "---\n", "...\n", "\t", "\n", "NO", "1.10", "2012-01-01", "~",
    "%YAML 1.1\n", "\\u0000", "\x85", "\ufeff", "<script>", "&amp;",
]


@given(st.lists(st.sampled_from(YAML_TOKENS) | st.text(max_size=8), max_size=40).map("".join))
@FUZZ
def test_random_yaml_like_text_gives_problems_never_an_exception(text: str) -> None:
    result = parse_profile(text.encode("utf-8", "surrogatepass"), Path("fuzz.yaml"))
    assert result.profile is not None or result.problems


@given(st.binary(max_size=300))
@FUZZ
def test_random_bytes_give_problems_never_an_exception(data: bytes) -> None:
    result = parse_profile(data, Path("fuzz.yaml"))
    assert result.profile is not None or result.problems


_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12) | st.dates()
_documents = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=25,
)


@given(_documents)
@FUZZ
def test_any_well_formed_yaml_document_gives_problems_never_an_exception(document: object) -> None:
    text = yaml.safe_dump(document, allow_unicode=True)
    result = parse_profile(text.encode("utf-8", "surrogatepass"), Path("fuzz.yaml"))
    assert result.profile is None and result.problems  # none of these is a whole profile


@given(st.integers(0, len(BUNDLED_TEXT) - 1), st.text(max_size=3), st.integers(0, 3))
@FUZZ
def test_an_edited_bundled_profile_loads_or_gives_problems(position: int, inserted: str, removed: int) -> None:
    text = BUNDLED_TEXT[:position] + inserted + BUNDLED_TEXT[position + removed :]
    result = parse_profile(text.encode("utf-8", "surrogatepass"), Path("edited.yaml"))
    assert (result.profile is None) == any(p.is_error for p in result.problems)


@pytest.fixture(scope="module")
def index() -> Iterator[SearchIndex]:
    built = SearchIndex.build(load_library(default_folders()))
    yield built
    built.close()


@given(query=st.text(max_size=40) | st.lists(st.sampled_from(['"', "-", "*", "(", ")", "^", ":", "NEAR", "AND",
                                                                "OR", "NOT", "'", "+", "traff", " "]),
                                                max_size=12).map("".join),
       typing=st.booleans())
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_query_string_searches_without_raising(index: SearchIndex, query: str, typing: bool) -> None:
    hits = index.search(query, typing=typing)
    assert all(hit.score == hit.score for hit in hits)  # not NaN
    assert isinstance(index.hit_counts(query, typing=typing), dict)
    assert isinstance(index.suggestions(query), list)


# -- rendering -------------------------------------------------------------------------------

# Any printable text, markup and entities included; control characters never reach the model
# (YAML refuses them), nor do lone surrogates.
_text = (
    st.lists(
        st.characters(blacklist_categories=("Cs", "Cc"))
        | st.sampled_from(["<", ">", "&", '"', "'", "&amp;", "<b>", "<script>", '<img src="file:///x">']),
        min_size=1,
        max_size=20,
    )
    .map("".join)
    .filter(str.strip)
)
_ids = st.from_regex(r"[a-z0-9][a-z0-9-]{0,10}", fullmatch=True)
_facts = st.builds(Fact, _text, _text, st.none() | st.integers(1800, 2100), st.booleans())
_bullets = st.recursive(
    st.builds(Bullet, _text),
    lambda inner: st.builds(Bullet, _text, st.lists(inner, min_size=1, max_size=3).map(tuple)),
    max_leaves=6,
)
_phones = st.builds(Phone, _text, st.lists(_text, min_size=1, max_size=2).map(tuple))
_contacts = st.builds(
    Contact, _text, st.none() | _text, st.none() | _text, st.lists(_text, max_size=2).map(tuple),
    st.lists(_phones, max_size=2).map(tuple), st.none() | _text, st.none() | _text.map(lambda t: "https://x/" + t),
)
_blocks: st.SearchStrategy[Block] = st.one_of(
    st.builds(Paragraph, _text),
    st.lists(_facts, min_size=1, max_size=3).map(lambda f: FactList(tuple(f))),
    st.lists(_bullets, min_size=1, max_size=3).map(lambda b: BulletList(tuple(b))),
    _contacts,
)
_sections = st.builds(Section, _ids, _text, st.lists(_blocks, min_size=1, max_size=4).map(tuple))
_profiles = st.builds(
    Profile, _ids, _text,
    st.builds(Source, _text, st.none() | _text.map(lambda t: "https://x/" + t), st.none() | _text),
    st.lists(_sections, min_size=1, max_size=3, unique_by=lambda s: s.id).map(tuple),
    st.just(Path("fuzz.yaml")), st.just("0" * 64),
)
VOID = {"br", "img", "hr", "meta", "col"}
PAGE_TAGS = {"html", "head", "style", "body", "h1", "h2", "h3", "h4", "p", "a", "b", "br", "code", "span",
             "table", "tr", "td", "ul", "li"}


class _Checker(HTMLParser):
    """Collects the text and checks that tags nest and close, as well-formed HTML's do."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.tags: set[str] = set()
        self.text: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, _attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, _attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)  # <br/>: opens and closes at once

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open.pop() != tag:
            self.errors.append(f"unbalanced </{tag}>")

    def handle_data(self, data: str) -> None:
        if not self.open or self.open[-1] != "style":
            self.text.append(data)


def _check(page: str) -> str:
    checker = _Checker()
    checker.feed(page)
    checker.close()
    assert not checker.errors and not checker.open, (checker.errors, checker.open)
    assert checker.tags <= PAGE_TAGS, checker.tags - PAGE_TAGS
    return "".join(checker.text)


def _texts(section: Section) -> Iterator[str]:
    yield section.title
    for block in section.blocks:
        if isinstance(block, Paragraph):
            yield block.text
        elif isinstance(block, FactList):
            for fact in block.facts:
                yield fact.label
                yield fact.value
        elif isinstance(block, BulletList):
            stack = list(block.items)
            while stack:
                bullet = stack.pop()
                yield bullet.text
                stack.extend(bullet.items)
        elif isinstance(block, Contact):
            yield from (t for t in (block.name, block.role, block.organisation) if t)
            yield from block.address


@given(_profiles)
@FUZZ
def test_any_valid_model_renders_well_formed_html_with_all_its_text_as_text(profile: Profile) -> None:
    for section in profile.sections:
        page = section_html(profile, section)
        shown = _check(page)
        for text in _texts(section):
            assert text in shown, text
            if "<" in text:
                assert html.escape(text, quote=False) in page or "&lt;" in page
    about = _check(profile_html(profile, date(2026, 11, 29)))
    assert profile.name in about
