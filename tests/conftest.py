"""Shared fixtures: every test runs headless, with its own empty home, settings and data folders."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from app.model import Library

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SOURCE_TEXT = Path(__file__).resolve().parent / "data" / "lao-pdr-profile.txt"
BUNDLED_PROFILE = ROOT / "data" / "profiles" / "lao-pdr.yaml"
LAO_SECTIONS = [
    "quick-facts",
    "contact-details",
    "trafficking-trends",
    "trafficking-situation",
    "anti-trafficking-mechanisms",
    "challenges",
]

# Test-only profiles written for the search tests (a Cambodia profile, one in every Mekong script).
SEARCH_DATA = ROOT / "tests" / "data" / "search"


def search_test_library() -> Library:
    """The bundled profile beside the search tests' own profiles."""
    from app.library import load_paths

    return load_paths([ROOT / "data" / "profiles", SEARCH_DATA])


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test reads or writes the real user's settings, bookmarks or profiles."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("APPDATA", str(home / "appdata"))
    return home


WriteProfile = Callable[..., Path]


@pytest.fixture
def write_profile(tmp_path: Path) -> WriteProfile:
    """Write YAML text to a file in a fresh folder and return its path."""

    def write(text: str, name: str = "profile.yaml", folder: Path | None = None) -> Path:
        target = (folder or tmp_path) / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        return target

    return write


MINIMAL_PROFILE = """\
schema: 1
id: {id}
name: {name}
source: {{publisher: Test publisher, url: "https://example.org/{id}"}}
sections:
  - id: facts
    title: Facts of {name}
    blocks:
      - facts:
          - {{label: Capital, value: Testville, year: 2020}}
  - id: notes
    title: Notes
    blocks:
      - paragraph: A paragraph about {name}.
"""


def minimal_profile(profile_id: str = "testland", name: str = "Testland") -> str:
    return MINIMAL_PROFILE.format(id=profile_id, name=name)
