"""Adding a profile: valid files are copied atomically under their id, bad ones never enter the folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import paths
from app.library import default_folders, load_library
from app.profile_install import install_planned, install_profile, plan_install
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
    result = install_profile(write_profile(minimal_profile("testland", "New name"), name="b.yaml"), replace=True)
    assert result.replaced
    assert sorted(p.name for p in paths.user_profiles_dir().iterdir()) == ["testland.yaml", "testland.yaml.bak"]
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
    result = install_profile(write_profile(minimal_profile("testland", "New name"), name="update.yaml"), replace=True)
    assert result.replaced and result.target == dropped
    assert sorted(p.name for p in paths.user_profiles_dir().iterdir()) == ["my-copy.yaml", "my-copy.yaml.bak"]
    library = load_library(default_folders())
    assert library.errors == ()
    profile = library.profile("testland")
    assert profile is not None and profile.name == "New name"


def test_installing_over_a_users_file_is_refused_until_confirmed(write_profile: WriteProfile) -> None:
    draft = write_profile(minimal_profile("testland", "My draft"), name="testland.yaml", folder=paths.user_profiles_dir())
    draft_bytes = draft.read_bytes()
    plan = plan_install(write_profile(minimal_profile("testland", "New name"), name="update.yaml"))
    assert plan.replaces == draft
    assert plan.question is not None and str(draft) in plan.question and "testland.yaml.bak" in plan.question
    result = install_planned(plan)
    assert not result.added and "replacing was not confirmed" in result.problems[0].message
    assert draft.read_bytes() == draft_bytes and not draft.with_name("testland.yaml.bak").exists()


def test_a_confirmed_replacement_keeps_each_old_file_under_a_new_backup_name(write_profile: WriteProfile) -> None:
    folder = paths.user_profiles_dir()
    draft = write_profile(minimal_profile("testland", "Draft 1"), name="testland.yaml", folder=folder)
    first_bytes = draft.read_bytes()
    first = install_profile(write_profile(minimal_profile("testland", "Version 2"), name="v2.yaml"), replace=True)
    second = install_profile(write_profile(minimal_profile("testland", "Version 3"), name="v3.yaml"), replace=True)
    assert first.backup == folder / "testland.yaml.bak" and second.backup == folder / "testland.yaml.bak-2"
    assert first.backup.read_bytes() == first_bytes
    assert "Version 2" in second.backup.read_text(encoding="utf-8")
    library = load_library(default_folders())
    assert library.errors == () and [p.name for p in library.profiles if p.id == "testland"] == ["Version 3"]


def test_a_broken_draft_with_the_profiles_name_is_not_replaced_silently(write_profile: WriteProfile) -> None:
    draft = write_profile("schema: 1\nid: [half written", name="testland.yaml", folder=paths.user_profiles_dir())
    plan = plan_install(write_profile(minimal_profile("testland"), name="new.yaml"))
    assert plan.replaces == draft and plan.question is not None


def test_adding_the_same_file_again_asks_nothing_and_keeps_no_copy(write_profile: WriteProfile) -> None:
    source = write_profile(minimal_profile("testland"), name="t.yaml")
    install_profile(source)
    plan = plan_install(source)
    assert plan.identical and plan.question is None
    assert install_planned(plan).added
    assert [p.name for p in paths.user_profiles_dir().iterdir()] == ["testland.yaml"]


def test_a_signed_profile_shows_its_state_before_adding_and_keeps_its_signature(
    write_profile: WriteProfile
) -> None:
    from app.model import VERIFIED
    from tests.signing import make_key, sign

    _, secret = make_key(paths.user_keys_dir(), "UN-ACT")
    source = write_profile(minimal_profile("testland"), name="from-usb-stick.yaml")
    sign(secret, source, comment="Testland 2026")
    plan = plan_install(source)
    assert plan.installable and plan.trust is not None
    assert (plan.trust.state, plan.trust.summary) == (VERIFIED, "Signed by UN-ACT")
    assert not paths.user_profiles_dir().joinpath("testland.yaml").exists()  # nothing written yet
    result = install_planned(plan)
    assert result.target is not None and result.trust == plan.trust
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
    result = install_profile(write_profile(minimal_profile("testland", "New name"), name="b.yaml"), replace=True)
    assert result.trust is not None and result.trust.summary == "Not verified: not signed"
    assert not (paths.user_profiles_dir() / "testland.yaml.minisig").exists()
    library = load_library(default_folders())
    assert library.errors == () and library.profile("testland").name == "New name"  # type: ignore[union-attr]
