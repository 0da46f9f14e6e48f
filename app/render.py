"""Sections and profile pages as HTML for the section view (Qt's rich-text subset).

Every piece of text from a profile goes through `escape`, so markup in a YAML file is shown as the
characters it is made of and never interpreted. Each addressable item gets an anchor `item-N` so a
search hit or a link can scroll to it; matched words get anchors `hit-N` for stepping through them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Protocol, runtime_checkable
from urllib.parse import quote

from app.dataage import contact_age, figures_age, years_old
from app.model import Address, Bullet, BulletList, Contact, Fact, FactList, Item, Paragraph, Profile, Section
from app.records import record
from app.user_file import shown_path

if TYPE_CHECKING:
    from app.dataage import CalendarDay

# Given a text, the (start, end) character spans to mark as search hits.
Highlighter = Callable[[str], Sequence[tuple[int, int]]]


@runtime_checkable
class ItemHighlighter(Protocol):
    """Marks hits item by item: a search marks words only in the items that are hits, so the
    page shows exactly what the hit counts say. `item` is None for the section's title."""

    def spans(self, text: str, item: int | None) -> Sequence[tuple[int, int]]: ...


def marked_texts(item: Item) -> Iterator[str]:
    """Every text of an item that the page runs through the highlighter, in page order: what the
    search index holds as the item's own text, so a hit always has words to highlight."""
    if isinstance(item, Fact):
        yield from (t for t in (item.label, item.value, item.qualifier) if t)
    elif isinstance(item, Bullet):
        yield item.text
        for child in item.items:
            yield from marked_texts(child)
    elif isinstance(item, Contact):
        yield item.heading
        yield from (t for t in (item.role, item.organisation if item.name else None) if t)
        yield from item.address
        for phone in item.phones:
            yield phone.label
            yield from phone.numbers
        yield from (t for t in (item.email, item.url) if t)
    else:
        yield item.text

SECTION_SCHEME = "tip"


@record
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
    """`text` as HTML that shows exactly its characters, in an element or an attribute: what
    html.escape(text, quote=True) gives, without loading the html module (and its table of 2,231
    entity names) before the first paint."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#x27;"))


def section_link(address: Address) -> str:
    return f"{SECTION_SCHEME}:{address}"


# What a named anchor stands on: Qt gives an anchor's name to the first character after it, and a
# character in a format of its own is shaped apart from its neighbours, so a Burmese or Khmer
# word at a paragraph's start (or at a highlight's) lost its vowel sign to a dotted circle. The
# anchor stands on an invisible word joiner instead, which joins nothing and breaks no line.
ANCHOR_CARRIER = "\u2060"


def item_anchor(index: int) -> str:
    return f"item-{index}"


def hit_anchor(index: int) -> str:
    return f"hit-{index}"


# Highlights laid out per page. Qt's layout cost grows with the square of the highlights in a
# paragraph: a valid profile of 40 paragraphs of "labour migration …" took 141 s to open with
# every match marked (bench/heavy_hit_bench.py). A few hundred are more than anyone steps through.
MAX_HIGHLIGHTS = 200


class _Marker:
    """Escapes text and wraps the highlighter's spans, numbering the hits across one page; at most
    `limit` of them, in page order, so laying out a page is bounded whatever the profile holds."""

    def __init__(
        self, style: RenderStyle, highlight: Highlighter | ItemHighlighter | None, limit: int = MAX_HIGHLIGHTS
    ) -> None:
        self.style = style
        self.highlight = highlight
        self.limit = limit
        self.item: int | None = None  # the item being rendered; None for the title
        self.count = 0

    def spans(self, text: str) -> Sequence[tuple[int, int]]:
        if self.highlight is None or self.count >= self.limit:
            return ()
        if isinstance(self.highlight, ItemHighlighter):
            return self.highlight.spans(text, self.item)
        return self.highlight(text)

    def __call__(self, text: str) -> str:
        spans = self.spans(text)
        if not spans:
            return escape(text)
        out: list[str] = []
        position = 0
        for start, end in sorted(spans):
            if self.count >= self.limit:
                break
            if start < position or end <= start:
                continue  # overlapping or empty span: keep the first one
            out.append(escape(text[position:start]))
            out.append(
                f'<a name="{hit_anchor(self.count)}">{ANCHOR_CARRIER}</a>'
                f'<span style="background-color:{self.style.hit_background};'
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
    highlight: Highlighter | ItemHighlighter | None = None,
    limit: int = MAX_HIGHLIGHTS,
    today: CalendarDay | None = None,
) -> str:
    """One section as a page: its title, where it comes from, then its blocks in order; with
    `highlight`, at most `limit` matched words marked. A contact says how old it is against
    `today` (or only its date, without one)."""
    style = style or RenderStyle()
    return _section(profile, section, style, _Marker(style, highlight, limit), today)


def highlight_count(profile: Profile, section: Section, highlight: Highlighter | ItemHighlighter) -> int:
    """How many highlights the section's page shows: counted by rendering it, so the number a
    search reports for a section is the page's own, whatever the page marks (and bounds)."""
    mark = _Marker(RenderStyle(), highlight)
    _section(profile, section, RenderStyle(), mark)
    return mark.count


def _section(profile: Profile, section: Section, style: RenderStyle, mark: _Marker,
             today: CalendarDay | None = None) -> str:
    home = section_link(Address(profile.id))
    parts = [
        f"<h1>{mark(section.title)}</h1>",
        f'<p class="meta"><a href="{escape(home)}">{escape(profile.name)}</a> · {_source(profile)}</p>',
    ]
    index = 0
    for block in section.blocks:
        mark.item = index
        if isinstance(block, FactList):
            parts.append(_facts(block, index, style, mark))
            index += len(block.facts)
        elif isinstance(block, BulletList):
            parts.append(_bullets(block.items, index, mark))
            index += len(block.items)
        elif isinstance(block, Contact):
            parts.append(_contact(block, index, mark, today))
            index += 1
        else:
            assert isinstance(block, Paragraph)
            parts.append(f'<p><a name="{item_anchor(index)}">{ANCHOR_CARRIER}</a>{mark(block.text)}</p>')
            index += 1
    return _page("".join(parts), style)


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
        mark.item = first + offset
        qualifier = f' <span class="muted">({mark(fact.qualifier)})</span>' if fact.qualifier else ""
        rows.append(
            f"<tr{background}>"
            f'<td class="label" width="40%"><a name="{item_anchor(first + offset)}">{ANCHOR_CARRIER}</a>'
            f"{mark(fact.label)}</td>"
            f"<td>{mark(fact.value)}{qualifier}</td></tr>"
        )
    return f'<table width="100%" cellspacing="0" cellpadding="0">{"".join(rows)}</table>'


def _bullets(items: Sequence[Bullet], first: int | None, mark: _Marker) -> str:
    entries = []
    for offset, bullet in enumerate(items):
        if first is not None:
            mark.item = first + offset  # nested bullets belong to their top-level item
        anchor = f'<a name="{item_anchor(first + offset)}">{ANCHOR_CARRIER}</a>' if first is not None else ""
        children = _bullets(bullet.items, None, mark) if bullet.items else ""
        entries.append(f"<li>{anchor}{mark(bullet.text)}{children}</li>")
    list_type = "disc" if first is not None else "circle"
    return f'<ul type="{list_type}">{"".join(entries)}</ul>'


def phone_link(number: str) -> str:
    return "tel:" + quote(number, safe="+")


def _contact(contact: Contact, index: int, mark: _Marker, today: CalendarDay | None) -> str:
    lines = [f'<a name="{item_anchor(index)}">{ANCHOR_CARRIER}</a><b>{mark(contact.heading)}</b>']
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


def profile_html(profile: Profile, today: CalendarDay, style: RenderStyle | None = None,
                 note: str | None = None) -> str:
    """A profile's own page: name, source, how old its figures are, and its sections as links;
    `note` (plain text) says what the reader should know first, such as a script without a font."""
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
        f"<p><b>{escape(note)}</b></p>" if note else "",
        f'<p class="meta">Country profile · {_source(profile)}</p>',
        f'<p class="meta">{escape(profile.trust.detail)}</p>',
        f"<p>Published {profile.published}.</p>" if profile.published else "",
        f"<p>{escape(age)}.</p>" if age else "<p>No figure in this profile carries a year.</p>",
        "<h2>Sections</h2>",
        f"<ul>{links}</ul>",
        f'<h2>Dated figures</h2><table cellspacing="0" cellpadding="0">{figure_rows}</table>' if dated else "",
        f'<p class="muted" style="margin-top:16px;">Data file: {escape(shown_path(profile.path))} ({origin})<br/>'
        f"SHA-256 of the text shown: <code>{escape(profile.sha256)}</code></p>",
    ]
    return _page("".join(parts), style)
