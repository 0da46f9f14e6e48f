"""Contact dates: `checked:` per contact and `published:` per profile, read, aged and shown; a
contact without one says to confirm a number; the Lao PDR profile gets none its source lacks."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.dataage import NO_CONTACT_DATE, contact_age
from app.loader import load_profile, parse_profile
from app.model import Contact, Profile, SourceDate
from app.print_pages import card_job
from app.render import section_html
from tests.conftest import BUNDLED_PROFILE, minimal_profile

TODAY = date(2026, 11, 28)
DATED = minimal_profile().replace("sections:\n", "published: 2014-06\nsections:\n", 1) + """\
  - id: contacts
    title: Contacts
    blocks:
      - contact: {name: Dated Person, checked: 2014-06, phones: [{label: Tel, number: "+1 234"}]}
      - contact: {name: Undated Person, phones: [{label: Tel, number: "+1 567"}]}
      - contact: {organisation: Year Only, checked: 2025}
"""


def parsed(text: str) -> Profile:
    result = parse_profile(text.encode("utf-8"), Path("p.yaml"))
    assert result.profile is not None, result.problems
    return result.profile


def contacts(profile: Profile) -> list[Contact]:
    return [b for s in profile.sections for b in s.blocks if isinstance(b, Contact)]


def test_dates_are_read_as_year_and_month() -> None:
    profile = parsed(DATED)
    assert profile.published == SourceDate(2014, 6)
    assert [c.checked for c in contacts(profile)] == [SourceDate(2014, 6), None, SourceDate(2025)]


@pytest.mark.parametrize("bad", ["2014-13", "2014-6", "June 2014", "2014-06-01", "3000"])
def test_a_date_that_is_not_a_year_or_year_and_month_is_a_problem_at_its_place(bad: str) -> None:
    text = DATED.replace("checked: 2014-06", f"checked: {bad}")
    line = next(n for n, content in enumerate(text.splitlines(), 1) if bad in content)
    column = text.splitlines()[line - 1].index(bad) + 1
    problems = parse_profile(text.encode("utf-8"), Path("p.yaml")).problems
    assert [str(p) for p in problems] == [
        f"p.yaml:{line}:{column}: 'checked' must be a year or a year and month such as 2014-06; got {bad}"
    ]


@pytest.mark.parametrize(
    ("checked", "expected"),
    [(SourceDate(2014, 6), "Checked June 2014 (12 years ago)"), (SourceDate(2026, 11), "Checked November 2026 (this year)"),
     (SourceDate(2026, 2), "Checked February 2026 (9 months ago)"), (SourceDate(2025), "Checked 2025 (1 year ago)"),
     (None, NO_CONTACT_DATE)],
)
def test_a_contact_says_its_age_like_a_figure(checked: SourceDate | None, expected: str) -> None:
    assert contact_age(Contact(name="X", checked=checked), TODAY) == expected


def test_the_section_shows_each_contacts_age_or_the_advice_to_confirm() -> None:
    profile = parsed(DATED)
    html = section_html(profile, profile.sections[-1], today=TODAY)
    assert "Checked June 2014 (12 years ago)" in html
    assert html.count(NO_CONTACT_DATE) == 1


def test_the_lao_profile_gets_no_date_its_source_does_not_give() -> None:
    profile = load_profile(BUNDLED_PROFILE, bundled=True).profile
    assert profile is not None
    assert profile.published is None
    assert contacts(profile) and all(c.checked is None for c in contacts(profile))
    assert "checked:" not in BUNDLED_PROFILE.read_text(encoding="utf-8")


def test_the_country_card_tells_readers_to_confirm_undated_numbers() -> None:
    profile = load_profile(BUNDLED_PROFILE, bundled=True).profile
    assert profile is not None
    job = card_job(profile, TODAY)
    assert NO_CONTACT_DATE in job.html
