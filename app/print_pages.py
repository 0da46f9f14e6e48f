"""What goes on paper: a section, a whole profile or a one-page country card as HTML, and the
header and footer lines printed on every page, so a print-out always says whose figures they are,
from when, and where they come from.

Plain Python (no Qt); app/ui/features/printing/layout.py lays these out on pages and paints the header and footer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from app.dataage import figures_age
from app.model import Contact, FactList, Profile, Section
from app.records import record
from app.render import SECTION_SCHEME, RenderStyle, escape, profile_html, section_html

if TYPE_CHECKING:
    from app.dataage import CalendarDay

# Paper is white whatever the screen's theme is.
PRINT_STYLE = RenderStyle()


@record
class PrintJob:
    """A document to print: its HTML body, and the lines every page repeats."""

    title: str
    html: str
    header_left: str
    header_right: str
    footer_left: str
    one_page: bool = False  # a country card is scaled to fill one sheet, or spread over more if unreadable
    # A whole profile: each page's header names the section it is in (its <h1>s are the sections).
    section_headers: bool = False


# Links that lead nowhere on paper: another section of the app, a phone number to copy. Printed as
# their text (a number in the body's colour, no dead link annotation in the PDF); web links stay.
_DEAD_LINK = re.compile(rf'<a href="(?:{SECTION_SCHEME}|tel):[^"]*">(.*?)</a>', re.DOTALL)
_META = re.compile(r'<p class="meta">.*?</p>', re.DOTALL)


def on_paper(page: str) -> str:
    """A rendered page as it is printed: in-app and phone links become their text."""
    return _DEAD_LINK.sub(r"\1", page)


def _body(page: str) -> str:
    """The body of a page render.section_html made, so several sections share one document."""
    start, end = page.index("<body>") + len("<body>"), page.rindex("</body>")
    return page[start:end]


def _style_of(page: str) -> str:
    return page[: page.index("<body>")]


def _document(pages: Sequence[str]) -> str:
    """One document of several pages' bodies, flowing one after another: the layout starts a new
    sheet only where a section would begin near the foot of one (see layout.flow_sections)."""
    head = _style_of(pages[0]) if pages else "<html><head></head>"
    bodies = [on_paper(_body(p)) for p in pages]
    return f"{head}<body>{''.join(bodies)}</body></html>"


def _job(profile: Profile, title: str, html: str, today: CalendarDay, one_page: bool = False,
         section_headers: bool = False) -> PrintJob:
    age = figures_age(profile, today)
    right = f"Printed {today.isoformat()}" + (f" · {age}" if age else "")
    return PrintJob(
        title=title,
        html=html,
        header_left=f"{profile.name} — {title}" if title != profile.name else profile.name,
        header_right=right,
        footer_left=profile.source.line,
        one_page=one_page,
        section_headers=section_headers,
    )


def section_job(profile: Profile, section: Section, today: CalendarDay) -> PrintJob:
    page = section_html(profile, section, PRINT_STYLE, today=today)
    return _job(profile, section.title, _document([page]), today)


def profile_job(profile: Profile, today: CalendarDay) -> PrintJob:
    """The profile's own page (its source, how old its figures are), then every section, flowing."""
    pages = [profile_html(profile, today, PRINT_STYLE)]
    pages += [section_html(profile, s, PRINT_STYLE, today=today) for s in profile.sections]
    return _job(profile, profile.name, _document(pages), today, section_headers=True)


def card_sections(profile: Profile) -> list[Section]:
    """The sections a country card holds: those made of facts or contacts, in the profile's order."""
    return [s for s in profile.sections if s.blocks and all(isinstance(b, (FactList, Contact)) for b in s.blocks)]


def card_job(profile: Profile, today: CalendarDay) -> PrintJob:
    """Quick facts and contacts on one sheet, for the wall or the pocket."""
    sections = card_sections(profile)
    # Each section without its source line: the card's footer gives the source, once.
    pages = [_META.sub("", section_html(profile, s, PRINT_STYLE, today=today)) for s in sections]
    if not pages:
        pages = ['<html><head></head><body><p>This profile has no facts or contacts.</p></body></html>']
    # One heading for the card; each section's title under it as a subheading.
    html = _document(pages).replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    heading = f"<h1>{escape(profile.name)} — country card</h1>"
    html = html.replace("<body>", f"<body>{heading}", 1)
    return _job(profile, "Country card", html, today, one_page=True)
