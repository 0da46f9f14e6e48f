"""Sections and profile pages as HTML for the section view (Qt's rich-text subset).

Every piece of text from a profile goes through `escape`, so markup in a YAML file is shown as the
characters it is made of and never interpreted. Each addressable item gets an anchor `item-N` so a
search hit or a link can scroll to it; matched words get anchors `hit-N` for stepping through them.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from urllib.parse import quote

from app.dataage import contact_age, figures_age, years_old
from app.model import Address, Bullet, BulletList, Contact, Fact, FactList, Paragraph, Profile, Section
from app.user_file import shown_path

# Given a text, the (start, end) character spans to mark as search hits.
Highlighter = Callable[[str], Sequence[tuple[int, int]]]

SECTION_SCHEME = "tip"


@dataclass(frozen=True)
class RenderStyle:
    """Colours for the page; the window derives them from its palette so dark themes work."""

    text: str = "#1d1d1f"
    muted: str = "#5f6368"
    link: str = "#1a5fb4"
    rule: str = "#d0d4da"
    stripe: str = "#f3f5f8"
    hit_background: str = "#ffe066"
    hit_text: str = "#000000"


def escape(text: str) -> str:
    return html.escape(text, quote=True)


def section_link(address: Address) -> str:
    return f"{SECTION_SCHEME}:{address}"


def item_anchor(index: int) -> str:
    return f"item-{index}"


def hit_anchor(index: int) -> str:
    return f"hit-{index}"


# Highlights laid out per page. Qt's layout cost grows with the square of the highlights in a
# paragraph: a valid profile of 40 paragraphs of "labour migration …" took 141 s to open with
# every match marked (bench/heavy_hit_bench.py). A few hundred are more than anyone steps through.
MAX_HIGHLIGHTS = 200
# Items either side of the hit's item that are highlighted too, when the hit's item is known.
HIGHLIGHT_NEIGHBOURS = 1


class _Marker:
    """Escapes text and wraps the highlighter's spans, numbering the hits across one page.

    Marks at most `limit` spans, and only in the items near `focus` (the hit's item) when given,
    so the work of laying out a page is bounded whatever the profile holds. The page calls
    `start_block` before each block to switch marking off far from the focus.
    """

    def __init__(
        self, style: RenderStyle, highlight: Highlighter | None, limit: int = MAX_HIGHLIGHTS
    ) -> None:
        self.style = style
        self.highlight = highlight
        self.limit = limit
        self.count = 0
        self.active = True
        self.until = limit  # the count at which the current block stops marking

    def start_block(self, active: bool, share: int | None) -> None:
        """Begin a block: marked at all, and with how many marks at most (None: what is left)."""
        self.active = active
        self.until = self.limit if share is None else min(self.limit, self.count + share)

    def __call__(self, text: str) -> str:
        if self.highlight is None or not self.active or self.count >= self.until:
            return escape(text)
        out: list[str] = []
        position = 0
        for start, end in sorted(self.highlight(text)):
            if self.count >= self.until:
                break
            if start < position or end <= start:
                continue  # overlapping or empty span: keep the first one
            out.append(escape(text[position:start]))
            out.append(
                f'<a name="{hit_anchor(self.count)}"></a><span style="background-color:{self.style.hit_background};'
                f'color:{self.style.hit_text};">{escape(text[start:end])}</span>'
            )
            self.count += 1
            position = end
        out.append(escape(text[position:]))
        return "".join(out)


def _page(body: str, style: RenderStyle) -> str:
    css = (
        f"body {{ color:{style.text}; }}"
        "h1 { font-size:x-large; font-weight:600; margin-top:4px; margin-bottom:4px; }"
        "h2 { font-size:large; font-weight:600; margin-top:18px; margin-bottom:6px; }"
        "p { margin-top:0px; margin-bottom:12px; line-height:140%; }"
        "li { margin-bottom:6px; line-height:135%; }"
        f".meta {{ color:{style.muted}; margin-bottom:16px; }}"
        f".muted {{ color:{style.muted}; }}"
        f"a {{ color:{style.link}; }}"
        "td { padding:6px 10px 6px 10px; }"
        "td.label { font-weight:600; }"
    )
    return f'<html><head><style type="text/css">{css}</style></head><body>{body}</body></html>'


def section_html(
    profile: Profile,
    section: Section,
    style: RenderStyle | None = None,
    highlight: Highlighter | None = None,
    focus: int | None = None,
    limit: int = MAX_HIGHLIGHTS,
    today: date | None = None,
) -> str:
    """One section as a page: its title, where it comes from, then its blocks in order.

    With `highlight`, matched words are marked (at most `limit`); with `focus`, the index
    of the hit's item, only in that item, its neighbours and the title. A contact says how old
    it is against `today` (or only its date, without one).
    """
    style = style or RenderStyle()
    mark = _Marker(style, highlight, limit)
    home = section_link(Address(profile.id))
    parts = [
        f"<h1>{mark(section.title)}</h1>",
        f'<p class="meta"><a href="{escape(home)}">{escape(profile.name)}</a> · {_source(profile)}</p>',
    ]
    index = 0
    for block in section.blocks:
        if focus is None:
            mark.start_block(True, None)
        else:  # each marked block gets its share, so the hit's own item is never left unmarked
            mark.start_block(_near(index, _item_count(block), focus), limit // (2 * HIGHLIGHT_NEIGHBOURS + 1))
        if isinstance(block, FactList):
            parts.append(_facts(block, index, style, mark))
            index += len(block.facts)
        elif isinstance(block, BulletList):
            parts.append(_bullets(block.items, index, mark))
            index += len(block.items)
        elif isinstance(block, Contact):
            parts.append(_contact(block, index, style, mark, today))
            index += 1
        else:
            assert isinstance(block, Paragraph)
            parts.append(f'<p><a name="{item_anchor(index)}"></a>{mark(block.text)}</p>')
            index += 1
    return _page("".join(parts), style)


def _item_count(block: FactList | BulletList | Contact | Paragraph) -> int:
    if isinstance(block, FactList):
        return len(block.facts)
    if isinstance(block, BulletList):
        return len(block.items)
    return 1


def _near(first: int, count: int, focus: int) -> bool:
    """Whether a block's items first … first+count-1 come within HIGHLIGHT_NEIGHBOURS of `focus`."""
    return first - HIGHLIGHT_NEIGHBOURS <= focus <= first + count - 1 + HIGHLIGHT_NEIGHBOURS


def _source(profile: Profile) -> str:
    source = profile.source
    text = f"Source: {escape(source.publisher)}"
    if source.title:
        text += f", {escape(source.title)}"
    if source.url:
        text += f', <a href="{escape(source.url)}">{escape(source.url)}</a>'
    return text


def _facts(block: FactList, first: int, style: RenderStyle, mark: _Marker) -> str:
    rows = []
    for offset, fact in enumerate(block.facts):
        background = f' style="background-color:{style.stripe};"' if offset % 2 == 0 else ""
        qualifier = f' <span class="muted">({mark(fact.qualifier)})</span>' if fact.qualifier else ""
        rows.append(
            f"<tr{background}>"
            f'<td class="label" width="40%"><a name="{item_anchor(first + offset)}"></a>{mark(fact.label)}</td>'
            f"<td>{mark(fact.value)}{qualifier}</td></tr>"
        )
    return f'<table width="100%" cellspacing="0" cellpadding="0">{"".join(rows)}</table>'


def _bullets(items: Sequence[Bullet], first: int | None, mark: _Marker) -> str:
    entries = []
    for offset, bullet in enumerate(items):
        anchor = f'<a name="{item_anchor(first + offset)}"></a>' if first is not None else ""
        children = _bullets(bullet.items, None, mark) if bullet.items else ""
        entries.append(f"<li>{anchor}{mark(bullet.text)}{children}</li>")
    list_type = "disc" if first is not None else "circle"
    return f'<ul type="{list_type}">{"".join(entries)}</ul>'


def phone_link(number: str) -> str:
    return "tel:" + quote(number, safe="+")


def _contact(contact: Contact, index: int, style: RenderStyle, mark: _Marker, today: date | None) -> str:
    lines = [f'<a name="{item_anchor(index)}"></a><b>{mark(contact.heading)}</b>']
    if contact.role:
        lines.append(f'<span class="muted">{mark(contact.role)}</span>')
    if contact.name and contact.organisation:
        lines.append(mark(contact.organisation))
    lines.extend(mark(line) for line in contact.address)
    for phone in contact.phones:
        numbers = " / ".join(f'<a href="{escape(phone_link(n))}">{mark(n)}</a>' for n in phone.numbers)
        lines.append(f"{mark(phone.label)}: {numbers}")
    if contact.email:
        lines.append(f'E-mail: <a href="mailto:{escape(contact.email)}">{mark(contact.email)}</a>')
    if contact.url:
        lines.append(f'<a href="{escape(contact.url)}">{mark(contact.url)}</a>')
    lines.append(f'<span class="muted">{escape(contact_age(contact, today))}</span>')
    return f'<p style="margin-bottom:18px;">{"<br/>".join(lines)}</p>'


def profile_html(profile: Profile, today: date, style: RenderStyle | None = None) -> str:
    """A profile's own page: name, source, how old its figures are, and its sections as links."""
    style = style or RenderStyle()
    age = figures_age(profile, today)
    links = "".join(
        f'<li><a href="{escape(section_link(Address(profile.id, s.id)))}">{escape(s.title)}</a></li>'
        for s in profile.sections
    )
    origin = "bundled with the app" if profile.bundled else "added profile"
    dated = [
        (fact, years_old(fact.year, today))
        for section in profile.sections
        for fact in section.items
        if isinstance(fact, Fact) and fact.year is not None
    ]
    figure_rows = "".join(
        f"<tr><td>{escape(fact.label)}</td><td>{escape(fact.value)} ({escape(fact.qualifier)})</td>"
        f'<td class="muted">{age} year{"s" if age != 1 else ""} old</td></tr>'
        for fact, age in dated
    )
    parts = [
        f"<h1>{escape(profile.name)}</h1>",
        f'<p class="meta">Country profile · {_source(profile)}</p>',
        f"<p>Published {profile.published}.</p>" if profile.published else "",
        f"<p>{escape(age)}.</p>" if age else "<p>No figure in this profile carries a year.</p>",
        "<h2>Sections</h2>",
        f"<ul>{links}</ul>",
        f'<h2>Dated figures</h2><table cellspacing="0" cellpadding="0">{figure_rows}</table>' if dated else "",
        f'<p class="muted" style="margin-top:16px;">Data file: {escape(shown_path(profile.path))} ({origin})</p>',
    ]
    return _page("".join(parts), style)
