"""The list of what the app stores, and the removal of leftovers of interrupted saves."""

from __future__ import annotations

import sys

import pytest

from app import paths
from app.stored_files import leftovers, remove_leftovers, stored_items


def test_every_stored_file_is_listed_with_what_it_holds() -> None:
    listed = {item.path for item in stored_items()}
    assert paths.settings_file() in listed and paths.bookmarks_file() in listed
    assert paths.user_cache_dir() in listed and all(item.what for item in stored_items())


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="QtProject.conf is the Linux file")
def test_qts_file_dialog_history_is_listed() -> None:
    assert paths.qt_dialog_history_file() == paths.user_config_dir().parent / "QtProject.conf"
    assert paths.qt_dialog_history_file() in {item.path for item in stored_items()}


def test_leftover_temporaries_and_damaged_copies_are_found_and_removed() -> None:
    data, config, cache = paths.user_data_dir(), paths.user_config_dir(), paths.user_cache_dir()
    for folder in (data, config, cache):
        folder.mkdir(parents=True, exist_ok=True)
    temporaries = [data / ".bookmarks.json.a1b2.tmp", config / ".settings.ini.c3d4.tmp", cache / ".profiles.json.e5.tmp"]
    damaged = data / "bookmarks.json.damaged-20240102-030405"
    kept = [data / "bookmarks.json", data / ".hidden-but-not-a-save"]
    for path in [*temporaries, damaged, *kept]:
        path.write_text("x", encoding="utf-8")
    assert sorted(leftovers()) == sorted([*temporaries, damaged])
    assert sorted(remove_leftovers()) == sorted([*temporaries, damaged])
    assert leftovers() == [] and all(path.exists() for path in kept)
