"""How old a profile's figures are, said the same way on the profile page and in the status bar."""

from __future__ import annotations

from datetime import date

from app.model import Profile


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
