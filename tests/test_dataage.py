"""Data age: how old a profile's figures are, from the date the app is used."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.dataage import figures_age
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
