"""What the reading pane shows for an address: the page's HTML, where to scroll, its title and the
status line naming the profile and the age of its figures."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.records import record

if TYPE_CHECKING:
    from PySide6.QtGui import QPalette

    from app.dataage import CalendarDay
    from app.model import Address, Library
    from app.render import Highlighter, ItemHighlighter


TITLE_SEPARATOR = " — "  # between a section's and its profile's name, and before the app's


@record
class Page:
    """A page as the window shows it: the text view's HTML and what the title and status bar say."""

    html: str
    anchor: str | None  # the item to scroll to, if the address names one
    title: str  # for the window title
    status: str  # for the status bar: "Lao PDR: Figures from 2012–2014 (…)", as plain text


def page_for(library: Library, address: Address, today: CalendarDay, palette: QPalette,
             highlight: Highlighter | ItemHighlighter | None = None) -> Page | None:
    """The page of a profile or section, in the palette's colours; None if the address is unknown.
    The fonts its library's scripts need are registered first; a profile page says once, at its
    top, when a script of the profile has no font on this computer."""
    from app.dataage import figures_age
    from app.render import item_anchor, profile_html, section_html
    from app.ui.shell.fonts import missing_font_note, register_for
    from app.ui.shell.page_style import render_style
    from app.ui.shell.widget_text import literal, shortened  # a profile's name is text, never markup

    resolved = library.resolve(address)
    if resolved is None:
        return None
    profile, section = resolved
    register_for(library)
    style = render_style(palette)
    if section is None:
        html, title = profile_html(profile, today, style, missing_font_note(profile)), profile.name
    else:
        html = section_html(profile, section, style, highlight, today=today)
        title = f"{section.title}{TITLE_SEPARATOR}{profile.name}"
    anchor = item_anchor(address.item) if address.item is not None else None
    age = figures_age(profile, today)
    name = shortened(profile.name, 60)  # a very long name would push the status bar's notices out
    return Page(html, anchor, title, literal(f"{name}: {age}" if age else name))


def stepped_address(library: Library, current: Address | None, step: int) -> Address | None:
    """The section `step` places after (or before) the current page in tree order, across profiles;
    None past either end."""
    from app.model import Address

    order = [Address(p.id, s.id) for p in library.profiles for s in p.sections]
    here = current.section_address if current else None
    start = order.index(here) if here in order else (-1 if step > 0 else len(order))
    position = start + step
    return order[position] if 0 <= position < len(order) else None


def first_address(library: Library) -> Address | None:
    from app.model import Address

    return Address(library.profiles[0].id) if library.profiles else None


def no_profile_html(library: Library) -> str:
    if library.errors:
        return ("<p>No profile is loaded: the profile files could not be read.</p>"
                "<p>File &gt; Problems… says which files and why.</p>")
    return "<p>No profile is loaded.</p>"
