"""How old a profile's figures and contacts are, said the same way on screen, on paper and in the status bar."""

from __future__ import annotations

from datetime import date

from app.model import Contact, Profile, SourceDate

NO_CONTACT_DATE = "The source gives no date for this contact; confirm a number before relying on it."


def years_old(year: int, today: date) -> int:
    return max(0, today.year - year)


def figures_age(profile: Profile, today: date) -> str | None:
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


def months_old(when: SourceDate, today: date) -> int:
    """Whole months since a source date (its first month when only the year is given)."""
    return max(0, (today.year - when.year) * 12 + today.month - (when.month or 1))


def contact_age(contact: Contact, today: date | None) -> str:
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
