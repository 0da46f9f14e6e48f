"""A damaged or edited parsed-profile cache is ignored, never trusted into a crash: valid JSON with
the wrong type anywhere means the file is parsed again, and whatever the cache holds, loading,
rendering and printing the library never raise."""

from __future__ import annotations

import json
import typing
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.library import default_folders, load_library
from app.library_cache import _CLASSES, ProfileCache
from app.model import Library
from app.model_check import _field_hints, well_typed
from app.plaintext import profile_text
from app.records import fields
from app.render import profile_html, section_html


def _fresh_cache(folder: Path) -> tuple[Path, dict[str, Any], Library]:
    """A cache written by a real load, its JSON document, and the library parsed without it."""
    path = folder / "profiles.json"
    cache = ProfileCache(path)
    library = load_library(default_folders(), cache=cache)
    cache.save()
    return path, json.loads(path.read_text(encoding="utf-8")), library


def _cached_library(path: Path) -> Library:
    return load_library(default_folders(), cache=ProfileCache(path))


def _edit_bodies(path: Path, document: dict[str, Any], edit: Callable[[Any], Any]) -> None:
    """Change what each entry holds and seal it again with this user's key, as only the app itself
    could: what is left to catch a wrong type is the check of every field against the model."""
    cache = ProfileCache(path)
    for name, entry in document["files"].items():
        body = json.dumps(edit(json.loads(entry[2])), ensure_ascii=False, separators=(",", ":"))
        entry[2], entry[3] = body, cache._seal(name, entry[0], entry[1], body)
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")


def _show_everything(library: Library) -> None:
    for profile in library.profiles:
        profile_text(profile)
        profile_html(profile, date(2026, 11, 29))
        for section in profile.sections:
            section_html(profile, section)


@pytest.mark.parametrize(
    ("original", "replacement"),
    [
        ('"Vientiane"', "12345"),  # a number where a fact's value belongs
        ('"Capital"', "null"),  # nothing where a label belongs
        ("2012", '"2012"'),  # text where a year belongs
        ("2012", "true"),  # a bool is no year
        ('"Lao PDR Quick Facts"', '["Quick", "Facts"]'),
        ('"lao-pdr"', "{}"),
        ('{"_":"Paragraph"', '{"_":"Phone"'),  # a class where another belongs
    ],
)
def test_a_cache_entry_of_the_wrong_type_is_ignored_and_the_file_parsed_again(
    tmp_path: Path, original: str, replacement: str
) -> None:
    path, document, parsed = _fresh_cache(tmp_path)

    def edit(body: Any) -> Any:
        text = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
        assert original in text
        return json.loads(text.replace(original, replacement, 1))

    _edit_bodies(path, document, edit)
    library = _cached_library(path)
    assert library == parsed
    _show_everything(library)


def test_model_check_accepts_every_loaded_profile_and_refuses_wrong_types() -> None:
    from app.model import Fact, Profile

    library = load_library(default_folders())
    assert all(well_typed(p, Profile) for p in library.profiles)
    assert well_typed(Fact("a", "b", 2012), Fact)
    assert not well_typed(Fact("a", 5, 2012), Fact)  # type: ignore[arg-type]
    assert not well_typed(Fact("a", "b", True), Fact)  # a bool is no year
    assert not well_typed(Fact("a", "b", "2012"), Fact)  # type: ignore[arg-type]


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["_", "v", "x"]), inner, max_size=2),
    max_leaves=6,
)


def _slots(value: Any, found: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """Every (container, key) inside a JSON value, so one of them can be replaced."""
    if isinstance(value, dict):
        for key, item in value.items():
            found.append((value, key))
            _slots(item, found)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.append((value, index))
            _slots(item, found)
    return found


@given(st.data())
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_whatever_a_cache_holds_loading_and_showing_the_library_never_raise(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    path, document, _ = _fresh_cache(tmp_path_factory.mktemp("cache"))
    sealed = data.draw(st.booleans(), label="sealed again")

    def edit(body: Any) -> Any:
        slots = _slots(body, [])
        container, key = slots[data.draw(st.integers(0, len(slots) - 1), label="slot")]
        container[key] = data.draw(JSON, label="replacement")
        return body

    if sealed:
        _edit_bodies(path, document, edit)
    else:
        slots = _slots(document["files"], [])
        container, key = slots[data.draw(st.integers(0, len(slots) - 1), label="slot")]
        container[key] = data.draw(JSON, label="replacement")
        path.write_text(json.dumps(document), encoding="utf-8")
    _show_everything(_cached_library(path))


@pytest.mark.parametrize("cls", list(_CLASSES.values()), ids=list(_CLASSES))
def test_the_types_checked_are_the_annotations_typing_reads(cls: type) -> None:
    """model_check evaluates each class's annotations in one go; they must read as typing does."""
    hints = typing.get_type_hints(cls)
    assert _field_hints(cls) == tuple((f.name, hints[f.name]) for f in fields(cls) if f.init)
