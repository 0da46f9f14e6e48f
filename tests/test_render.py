"""Rendering: clean HTML with anchors per item, every piece of profile text escaped."""

from __future__ import annotations

import html
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from app.loader import parse_profile
from app.model import Paragraph, Profile
from app.render import RenderStyle, escape, item_anchor, profile_html, section_html
from tests.conftest import BUNDLED_PROFILE, minimal_profile

HOSTILE = '<script>alert(1)</script><img src="file:///etc/passwd"> &amp; "quoted"'


def load(text: str) -> Profile:
    result = parse_profile(text.encode("utf-8"), Path("p.yaml"))
    assert result.profile is not None, result.problems
    return result.profile


@pytest.fixture(scope="module")
def lao() -> Profile:
    return load(BUNDLED_PROFILE.read_text(encoding="utf-8"))


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.anchors: list[str] = []
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.anchors.extend(v for k, v in attrs if k == "name" and v)

    def handle_data(self, data: str) -> None:
        self.texts.append(data)


def parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    return parser


def test_facts_render_as_a_table_with_the_year_next_to_the_value(lao: Profile) -> None:
    html = section_html(lao, lao.sections[0])
    tags = parse(html)
    assert tags.tags.count("tr") == 8
    assert "6.6 million" in html and "(2012)" in html and "(2014 estimate)" in html


def test_every_item_has_an_anchor_in_reading_order(lao: Profile) -> None:
    for section in lao.sections:
        anchors = [a for a in parse(section_html(lao, section)).anchors if a.startswith("item-")]
        assert anchors == [item_anchor(i) for i in range(len(section.items))]


def test_nested_bullets_render_as_a_nested_list(lao: Profile) -> None:
    html = section_html(lao, lao.sections[4])
    assert re.search(r"includes six divisions:<ul[^>]*><li>Intelligence, Investigation", html)


def test_phone_numbers_are_links_that_carry_the_number(lao: Profile) -> None:
    html = section_html(lao, lao.sections[1])
    assert 'href="tel:+856%2021%20267%20790"' in html
    assert html.count('href="tel:') == 4


def test_markup_in_profile_text_is_shown_as_text() -> None:
    text = minimal_profile().replace("A paragraph about Testland.", "'" + HOSTILE.replace("'", "''") + "'")
    profile = load(text.replace("Capital", "'<b>Capital</b>'"))
    html = section_html(profile, profile.sections[1]) + section_html(profile, profile.sections[0])
    assert "<script>" not in html and "<img" not in html and "<b>Capital" not in html
    assert "&lt;script&gt;" in html and "&amp;amp;" in html
    assert HOSTILE in "".join(parse(html).texts)


def test_highlights_wrap_the_given_spans_and_number_them(lao: Profile) -> None:
    def every_lao(text: str) -> list[tuple[int, int]]:
        return [m.span() for m in re.finditer("Lao", text)]

    section = lao.sections[3]
    expected = sum(item.text.count("Lao") for item in section.items if isinstance(item, Paragraph))
    html = section_html(lao, section, highlight=every_lao)
    anchors = [a for a in parse(html).anchors if a.startswith("hit-")]
    assert expected == 11
    assert anchors == [f"hit-{i}" for i in range(expected)]
    assert RenderStyle().hit_background in html


def test_profile_page_lists_sections_as_links_and_says_how_old_the_figures_are(lao: Profile) -> None:
    html = profile_html(lao, date(2026, 11, 28))
    assert html.count('href="tip:lao-pdr/') == 6
    assert "Figures from 2012–2014 (12–14 years old)" in html
    assert "14 years old" in html and "UN-ACT" in html


def test_colours_come_from_the_style() -> None:
    profile = load(minimal_profile())
    style = RenderStyle(text="#abcdef", muted="#123456")
    html = section_html(profile, profile.sections[0], style)
    assert "#abcdef" in html and "#123456" in html


@pytest.mark.parametrize("text", ["", "plain", "a & b", "<b>bold</b>", "&amp;", 'say "hi"', "it's", "<&>\"'" * 3,
                                  "&#x27;", "ລາວ <ກ>", "\x00<"])
def test_escape_gives_what_html_escape_gives_with_quotes(text: str) -> None:
    assert escape(text) == html.escape(text, quote=True)
