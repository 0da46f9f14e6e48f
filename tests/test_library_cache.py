"""The parsed-profile cache: same library as parsing, reused only for the very bytes it was made from,
and only when it is the cache this app wrote."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import app.library
from app import paths
from app.cli import gui_defaults, parse_args
from app.library import Folder, default_folders, load_library
from app.library_cache import ProfileCache
from tests.conftest import WriteProfile, minimal_profile

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files actually parsed (not served from the cache) during a test."""
    seen: list[Path] = []
    real = app.library._parse_bytes

    def counting(data: bytes, path: Path, bundled: bool):  # type: ignore[no-untyped-def]
        seen.append(path)
        return real(data, path, bundled)

    monkeypatch.setattr(app.library, "_parse_bytes", counting)
    return seen


def test_a_cached_start_gives_exactly_the_parsed_library() -> None:
    parsed = load_library(default_folders())
    first = load_library(default_folders(), cached=True)
    second = load_library(default_folders(), cached=True)
    assert first == parsed
    assert second == parsed
    assert [s.items for s in second.profiles[0].sections] == [s.items for s in parsed.profiles[0].sections]


def test_unchanged_files_are_not_parsed_again(write_profile: WriteProfile, parses: list[Path]) -> None:
    folder = write_profile(minimal_profile()).parent
    load_library([Folder(folder)], cached=True)
    assert len(parses) == 1
    load_library([Folder(folder)], cached=True)
    assert len(parses) == 1


def test_an_edited_file_is_parsed_again(write_profile: WriteProfile, parses: list[Path]) -> None:
    path = write_profile(minimal_profile())
    load_library([Folder(path.parent)], cached=True)
    path.write_text(minimal_profile(name="Testland Republic"), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    library = load_library([Folder(path.parent)], cached=True)
    assert len(parses) == 2
    assert library.profiles[0].name == "Testland Republic"


def test_problems_of_a_bad_file_come_back_from_the_cache(write_profile: WriteProfile) -> None:
    path = write_profile("schema: 1\nid: [broken\n")
    parsed = load_library([Folder(path.parent)])
    assert parsed.problems
    load_library([Folder(path.parent)], cached=True)
    assert load_library([Folder(path.parent)], cached=True).problems == parsed.problems


@pytest.mark.parametrize(
    "content",
    [b"not json at all", b'{"format": 1, "version": "0.0", "files": {}}', b"[1, 2]",
     b'{"format": 1, "version": "%s", "files": {"x": [1]}}'],
)
def test_a_damaged_or_foreign_cache_is_ignored(content: bytes, parses: list[Path]) -> None:
    target = paths.user_cache_dir() / "profiles.json"
    target.parent.mkdir(parents=True)
    target.write_bytes(content.replace(b"%s", app.__version__.encode()))
    library = load_library(default_folders(), cached=True)
    assert [p.id for p in library.profiles] == ["lao-pdr"]
    assert len(parses) == 1


def test_a_cache_naming_classes_that_are_not_ours_is_parsed_again(parses: list[Path]) -> None:
    load_library(default_folders(), cached=True)
    target = paths.user_cache_dir() / "profiles.json"
    document = json.loads(target.read_text(encoding="utf-8"))
    (entry,) = document["files"].values()
    entry[2] = entry[2].replace('{"_":"Profile"', '{"_":"os.system"', 1)
    target.write_text(json.dumps(document), encoding="utf-8")
    library = load_library(default_folders(), cached=True)
    assert [p.id for p in library.profiles] == ["lao-pdr"]
    assert len(parses) == 2


def test_a_cached_start_does_not_load_the_yaml_library(tmp_path: Path) -> None:
    probe = (
        "import sys; from app.library import default_folders, load_library;"
        "load_library(default_folders(), cached=True); print('yaml' in sys.modules)"
    )
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path))
    runs = [
        subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
        for _ in range(2)
    ]
    assert [r.stdout.strip() for r in runs] == ["True", "False"]


def test_gui_defaults_are_what_the_parser_gives_for_no_arguments() -> None:
    assert vars(gui_defaults()) == vars(parse_args([]))


def _keep_times(path: Path, edit: Callable[[], object]) -> None:
    """Run `edit` on `path` and put its modification time back, as a careful tamperer would."""
    before = path.stat()
    edit()
    assert path.stat().st_size == before.st_size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def test_a_profile_edited_in_place_with_size_and_time_kept_shows_its_new_text(
    write_profile: WriteProfile, parses: list[Path]
) -> None:
    path = write_profile(minimal_profile())
    first = load_library([Folder(path.parent)], cached=True)
    assert first.profiles[0].name == "Testland"
    _keep_times(path, lambda: path.write_text(minimal_profile(name="Testlanx"), encoding="utf-8"))
    library = load_library([Folder(path.parent)], cached=True)
    assert library.profiles[0].name == "Testlanx"
    assert library.profiles[0].sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert len(parses) == 2


def test_a_cache_edited_with_its_length_and_time_kept_is_never_shown(parses: list[Path]) -> None:
    parsed = load_library(default_folders())
    load_library(default_folders(), cached=True)
    target = paths.user_cache_dir() / "profiles.json"
    text = target.read_text(encoding="utf-8")
    assert "Vientiane" in text
    _keep_times(target, lambda: target.write_text(text.replace("Vientiane", "Vientianf"), encoding="utf-8"))
    library = load_library(default_folders(), cached=True)
    assert library == parsed
    assert "Vientianf" not in target.read_text(encoding="utf-8")  # rewritten from the file itself
    assert len(parses) == 3  # without the cache, filling it, and again after the edit


def test_a_cache_written_under_another_key_is_not_trusted(tmp_path: Path, parses: list[Path]) -> None:
    cache_file = tmp_path / "profiles.json"
    writer = ProfileCache(cache_file, key_path=tmp_path / "one.key")
    load_library(default_folders(), cache=writer)
    writer.save()
    load_library(default_folders(), cache=ProfileCache(cache_file, key_path=tmp_path / "other.key"))
    assert len(parses) == 2


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs are POSIX")
@pytest.mark.parametrize("kind", ["fifo", "folder"])
def test_a_cache_that_is_not_a_regular_file_is_ignored_and_replaced(kind: str, parses: list[Path]) -> None:
    target = paths.user_cache_dir() / "profiles.json"
    target.parent.mkdir(parents=True)
    os.mkfifo(target) if kind == "fifo" else target.mkdir()
    library = load_library(default_folders(), cached=True)
    assert [p.id for p in library.profiles] == ["lao-pdr"]
    assert len(parses) == 1
    if kind == "fifo":  # a folder cannot be renamed over; a FIFO is replaced by the written cache
        assert target.is_file()
        load_library(default_folders(), cached=True)
        assert len(parses) == 1


def test_a_cached_profile_keeps_its_aliases(write_profile: WriteProfile, parses: list[Path]) -> None:
    text = minimal_profile().replace("name: Testland\n", "name: Testland\naliases: [Testia, TL]\n")
    folder = write_profile(text).parent
    parsed = load_library([Folder(folder)], cached=True)
    cached = load_library([Folder(folder)], cached=True)
    assert len(parses) == 1
    assert cached.profiles[0].aliases == ("Testia", "TL") == parsed.profiles[0].aliases
