"""Data age: how old a profile's figures are, from the date the app is used."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.dataage import Day, figures_age, today
from app.loader import parse_profile
from tests.conftest import minimal_profile


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 11, 28), "Figures from 2020 (6 years old)"),
        (date(2021, 1, 1), "Figures from 2020 (1 year old)"),
        (date(2020, 6, 1), "Figures from 2020 (this year)"),
    ],
)
def test_single_year_profile_age(today: date, expected: str) -> None:
    profile = parse_profile(minimal_profile().encode(), Path("p.yaml")).profile
    assert profile is not None
    assert figures_age(profile, today) == expected


def test_undated_profile_has_no_age() -> None:
    text = minimal_profile().replace(", year: 2020", "")
    profile = parse_profile(text.encode(), Path("p.yaml")).profile
    assert profile is not None
    assert figures_age(profile, date(2026, 1, 1)) is None


def test_the_day_a_start_ages_against_is_todays_date() -> None:
    before = date.today()
    day = today()
    after = date.today()
    assert day.isoformat() in {before.isoformat(), after.isoformat()}
    assert (day.year, day.month, day.day) in {(d.year, d.month, d.day) for d in (before, after)}


@pytest.mark.parametrize("when", [date(2026, 1, 5), date(999, 12, 31), date(2014, 10, 1)])
def test_a_day_writes_itself_as_a_date_does(when: date) -> None:
    assert Day(when.year, when.month, when.day).isoformat() == when.isoformat()
