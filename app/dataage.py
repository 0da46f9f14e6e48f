"""How old a profile's figures and contacts are, said the same way on screen, on paper and in the status bar."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from app.model import Contact, Profile, SourceDate
from app.records import record

if TYPE_CHECKING:
    from typing import Protocol

    class CalendarDay(Protocol):
        """A day to age figures against: a datetime.date, or the Day a start makes (no datetime)."""

        @property
        def year(self) -> int: ...
        @property
        def month(self) -> int: ...
        @property
        def day(self) -> int: ...
        def isoformat(self) -> str: ...

NO_CONTACT_DATE = "The source gives no date for this contact; confirm a number before relying on it."


@record
class Day:
    """Today as the window ages its figures: from the local clock without the datetime module,
    which costs 3 to 4 ms to load before the first paint for the two numbers a page needs."""

    year: int
    month: int
    day: int

    def isoformat(self) -> str:
        """YYYY-MM-DD, as datetime.date.isoformat() writes it."""
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


def today() -> Day:
    """The local calendar day, as datetime.date.today() gives it."""
    now = time.localtime()
    return Day(now.tm_year, now.tm_mon, now.tm_mday)


def years_old(year: int, today: CalendarDay) -> int:
    return max(0, today.year - year)


def figures_age(profile: Profile, today: CalendarDay) -> str | None:
    """"Figures from 2012–2014 (12–14 years old)", or None when no figure carries a year."""
    span = profile.figure_years()
    if span is None:
        return None
    oldest, newest = span
    if oldest == newest:
        return f"Figures from {oldest} ({_age(years_old(oldest, today))})"
    young, old = years_old(newest, today), years_old(oldest, today)
    return f"Figures from {oldest}–{newest} ({young}–{_age(old)})"


def _age(years: int) -> str:
    return "this year" if years == 0 else f"{years} year{'s' if years != 1 else ''} old"


def months_old(when: SourceDate, today: CalendarDay) -> int:
    """Whole months since a source date (its first month when only the year is given)."""
    return max(0, (today.year - when.year) * 12 + today.month - (when.month or 1))


def contact_age(contact: Contact, today: CalendarDay | None) -> str:
    """"Checked June 2014 (12 years ago)", or why a number should be confirmed when undated."""
    when = contact.checked
    if when is None:
        return NO_CONTACT_DATE
    if today is None:
        return f"Checked {when}"
    months = months_old(when, today)
    if months < 12:
        ago = "this year" if months == 0 else f"{months} month{'s' if months != 1 else ''} ago"
    else:
        ago = f"{months // 12} year{'s' if months // 12 != 1 else ''} ago"
    return f"Checked {when} ({ago})"
