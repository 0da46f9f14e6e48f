"""Print content: sections, whole profiles and the country card carry their header and source."""

from __future__ import annotations

from datetime import date

from app.library import default_folders, load_library
from app.model import Profile
from app.print_pages import card_job, card_sections, profile_job, section_job

TODAY = date(2026, 11, 28)


def lao() -> Profile:
    profile = load_library(default_folders()).profile("lao-pdr")
    assert profile is not None
    return profile


def test_every_page_repeats_the_profile_the_date_the_age_and_the_source() -> None:
    profile = lao()
    job = section_job(profile, profile.sections[0], TODAY)
    assert job.header_left == "Lao PDR — Lao PDR Quick Facts"
    assert job.header_right == "Printed 2026-11-28 · Figures from 2012–2014 (12–14 years old)"
    assert job.footer_left == "Source: UN-ACT, http://un-act.org/lao-pdr/"


def test_a_whole_profile_starts_with_its_own_page_and_its_sections_flow() -> None:
    profile = lao()
    job = profile_job(profile, TODAY)
    titles = [profile.name, *(s.title for s in profile.sections)]
    assert [job.html.index(f">{t}</h1>") for t in titles] == sorted(job.html.index(f">{t}</h1>") for t in titles)
    assert "Figures from 2012–2014 (12–14 years old)" in job.html  # the profile page, first
    assert "page-break-before" not in job.html and job.html.count("<body>") == 1
    assert job.section_headers


def test_on_paper_numbers_and_sections_are_text_not_links() -> None:
    profile = lao()
    for job in (profile_job(profile, TODAY), card_job(profile, TODAY)):
        assert 'href="tel:' not in job.html and 'href="tip:' not in job.html
        assert "+856 21 267 790" in job.html
    assert 'href="http://un-act.org/lao-pdr/"' in profile_job(profile, TODAY).html  # the web stays a link


def test_the_country_card_holds_the_facts_and_contacts_only_on_one_page() -> None:
    profile = lao()
    assert [s.id for s in card_sections(profile)] == ["quick-facts", "contact-details"]
    job = card_job(profile, TODAY)
    assert job.one_page
    assert "Vientiane" in job.html and "+856 21 267 790" in job.html
    assert "Despite significant progress" not in job.html
    assert "Source: UN-ACT" not in job.html  # the footer says it, once
    assert job.footer_left == "Source: UN-ACT, http://un-act.org/lao-pdr/"
