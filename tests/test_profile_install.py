"""Adding a profile: valid files are copied atomically under their id, bad ones never enter the folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import paths
from app.library import default_folders, load_library
from app.profile_install import install_profile
from tests.conftest import WriteProfile, minimal_profile

BAD = Path(__file__).resolve().parent / "bad_profiles"


def test_a_valid_profile_is_copied_into_the_user_folder_under_its_id(write_profile: WriteProfile) -> None:
    source = write_profile(minimal_profile("testland"), name="from-usb-stick.yml")
    result = install_profile(source)
    assert result.added and result.profile_id == "testland" and not result.replaced
    assert result.target == paths.user_profiles_dir() / "testland.yaml"
    assert result.target.read_bytes() == source.read_bytes()
    assert load_library(default_folders()).profile("testland") is not None


def test_adding_a_newer_version_replaces_the_file_instead_of_duplicating_the_id(write_profile: WriteProfile) -> None:
    install_profile(write_profile(minimal_profile("testland", "Old name"), name="a.yaml"))
    result = install_profile(write_profile(minimal_profile("testland", "New name"), name="b.yaml"))
    assert result.replaced
    assert [p.name for p in paths.user_profiles_dir().iterdir()] == ["testland.yaml"]
    library = load_library(default_folders())
    assert library.errors == ()
    profile = library.profile("testland")
    assert profile is not None and profile.name == "New name"


@pytest.mark.parametrize("name", ["python-object-tag.yaml", "alias-bomb.yaml", "non-utf8.yaml", "empty.yaml"])
def test_a_bad_profile_is_refused_with_its_problems_and_nothing_is_written(name: str) -> None:
    result = install_profile(BAD / name)
    assert not result.added and result.target is None
    assert result.problems and all(p.is_error for p in result.problems)
    assert not paths.user_profiles_dir().exists() or not any(paths.user_profiles_dir().iterdir())


def test_a_missing_file_is_a_problem_not_an_exception(tmp_path: Path) -> None:
    result = install_profile(tmp_path / "nowhere.yaml")
    assert not result.added
    assert "cannot read the file" in result.problems[0].message


def test_an_unwritable_profiles_folder_is_a_problem_not_an_exception(write_profile: WriteProfile, tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    result = install_profile(write_profile(minimal_profile()), folder=blocker / "profiles")
    assert not result.added
    assert "cannot write to the profiles folder" in result.problems[0].message


def test_a_new_version_replaces_the_file_that_holds_the_profile_under_another_name(write_profile: WriteProfile) -> None:
    dropped = write_profile(minimal_profile("testland", "Old name"), name="my-copy.yaml", folder=paths.user_profiles_dir())
    result = install_profile(write_profile(minimal_profile("testland", "New name"), name="update.yaml"))
    assert result.replaced and result.target == dropped
    assert sorted(p.name for p in paths.user_profiles_dir().iterdir()) == ["my-copy.yaml"]
    library = load_library(default_folders())
    assert library.errors == ()
    profile = library.profile("testland")
    assert profile is not None and profile.name == "New name"


def test_a_signed_profile_shows_its_state_before_adding_and_keeps_its_signature(
    write_profile: WriteProfile, tmp_path: Path
) -> None:
    from app.model import VERIFIED
    from app.profile_install import add_candidate, check_candidate
    from tests.signing import make_key, sign

    _, secret = make_key(paths.user_keys_dir(), "UN-ACT")
    source = write_profile(minimal_profile("testland"), name="from-usb-stick.yaml")
    sign(secret, source, comment="Testland 2026")
    candidate = check_candidate(source)
    assert candidate.acceptable and candidate.trust is not None
    assert (candidate.trust.state, candidate.trust.summary) == (VERIFIED, "Signed by UN-ACT")
    assert not paths.user_profiles_dir().joinpath("testland.yaml").exists()  # nothing written yet
    result = add_candidate(candidate)
    assert result.target is not None and result.trust == candidate.trust
    assert result.target.with_name("testland.yaml.minisig").read_bytes() == source.with_name(
        "from-usb-stick.yaml.minisig").read_bytes()
    profile = load_library(default_folders()).profile("testland")
    assert profile is not None and profile.trust.signer == "UN-ACT"


def test_a_profile_changed_after_signing_is_not_added(write_profile: WriteProfile) -> None:
    from tests.signing import change_one_digit, make_key, sign

    _, secret = make_key(paths.user_keys_dir(), "UN-ACT")
    source = write_profile(minimal_profile("testland"))
    sign(secret, source)
    change_one_digit(source)
    result = install_profile(source)
    assert not result.added
    assert [str(p) for p in result.problems] == [f"{source}: changed after it was signed by UN-ACT; not loaded"]
    assert not paths.user_profiles_dir().exists() or not any(paths.user_profiles_dir().iterdir())


def test_an_unsigned_new_version_removes_the_old_versions_signature(write_profile: WriteProfile) -> None:
    from tests.signing import make_key, sign

    _, secret = make_key(paths.user_keys_dir(), "UN-ACT")
    signed = write_profile(minimal_profile("testland", "Old name"), name="a.yaml")
    sign(secret, signed)
    install_profile(signed)
    assert (paths.user_profiles_dir() / "testland.yaml.minisig").exists()
    result = install_profile(write_profile(minimal_profile("testland", "New name"), name="b.yaml"))
    assert result.trust is not None and result.trust.summary == "Not verified: not signed"
    assert not (paths.user_profiles_dir() / "testland.yaml.minisig").exists()
    library = load_library(default_folders())
    assert library.errors == () and library.profile("testland").name == "New name"  # type: ignore[union-attr]
