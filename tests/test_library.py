"""The library: bundled, user and extra folders; which file wins; bad files never hide good ones."""

from __future__ import annotations

from pathlib import Path

from app import paths
from app.library import Folder, default_folders, load_library, load_paths
from tests.conftest import LAO_SECTIONS, WriteProfile, minimal_profile


def test_default_library_holds_the_bundled_lao_profile() -> None:
    library = load_library(default_folders())
    assert [p.id for p in library.profiles] == ["lao-pdr"]
    assert [s.id for s in library.profiles[0].sections] == LAO_SECTIONS
    assert library.problems == ()


def test_user_profiles_folder_adds_profiles_in_name_order(write_profile: WriteProfile) -> None:
    user_dir = paths.user_profiles_dir()
    write_profile(minimal_profile("zeta", "Zeta"), "zeta.yaml", user_dir)
    write_profile(minimal_profile("alpha", "Alpha"), "alpha.yml", user_dir)
    library = load_library(default_folders())
    assert [p.name for p in library.profiles] == ["Alpha", "Lao PDR", "Zeta"]


def test_user_file_with_a_bundled_id_replaces_it_and_says_so(write_profile: WriteProfile) -> None:
    newer = write_profile(minimal_profile("lao-pdr", "Lao PDR (2030 pack)"), "lao.yaml", paths.user_profiles_dir())
    library = load_library(default_folders())
    profile = library.profile("lao-pdr")
    assert profile is not None and profile.path == newer and not profile.bundled
    assert library.errors == ()
    [notice] = library.problems
    assert "replaces the bundled one" in notice.message and notice.path == str(newer)


def test_duplicate_ids_between_added_folders_are_an_error_naming_the_winner(
    write_profile: WriteProfile, tmp_path: Path
) -> None:
    first = write_profile(minimal_profile("same"), "a.yaml", tmp_path / "one")
    second = write_profile(minimal_profile("same"), "b.yaml", tmp_path / "two")
    library = load_library([Folder(tmp_path / "one"), Folder(tmp_path / "two")])
    [error] = library.errors
    assert str(first) in error.message and "using this file" in error.message
    assert error.path == str(second)
    assert library.profile("same") is not None and library.profile("same").path == second  # type: ignore[union-attr]


def test_a_bad_file_never_hides_the_good_ones(write_profile: WriteProfile, tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    write_profile("schema: 1\nid: [broken\n", "broken.yaml", folder)
    write_profile(minimal_profile("good"), "good.yaml", folder)
    library = load_library([*default_folders(), Folder(folder)])
    assert {p.id for p in library.profiles} == {"lao-pdr", "good"}
    assert [Path(p.path).name for p in library.errors] == ["broken.yaml"]


def test_missing_bundled_folder_is_reported_not_raised(tmp_path: Path) -> None:
    library = load_library([Folder(tmp_path / "gone", bundled=True)])
    assert library.profiles == ()
    assert "bundled profiles folder does not exist" in library.errors[0].message


def test_validate_paths_accepts_files_and_folders_and_reports_missing_ones(
    write_profile: WriteProfile, tmp_path: Path
) -> None:
    good = write_profile(minimal_profile("good"), "good.yaml")
    library = load_paths([good, paths.bundled_profiles_dir(), tmp_path / "nowhere"])
    assert {p.id for p in library.profiles} == {"good", "lao-pdr"}
    assert [e.message for e in library.errors] == ["no such file or folder"]


def test_other_files_and_hidden_files_in_a_folder_are_ignored(write_profile: WriteProfile, tmp_path: Path) -> None:
    write_profile(minimal_profile("shown"), "shown.yaml")
    write_profile("not yaml", "notes.txt")
    write_profile(minimal_profile("hidden"), ".hidden.yaml")
    library = load_library([Folder(tmp_path)])
    assert [p.id for p in library.profiles] == ["shown"]
