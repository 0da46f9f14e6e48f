"""Each added profile's signature state, as the library loads it: verified by a trusted key's name,
not verified (unsigned or an unknown key) and loaded, or changed after signing and refused while
the others still load. Bundled profiles are trusted as part of the app."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import paths
from app.library import Folder, default_folders, load_library
from app.model import BUNDLED, NOT_VERIFIED, VERIFIED, Library
from app.trusted_keys import load_keys
from tests.conftest import minimal_profile
from tests.signing import change_one_digit, make_key, sign


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    profiles = tmp_path / "profiles"
    profiles.mkdir()
    (profiles / "testland.yaml").write_text(minimal_profile(), encoding="utf-8")
    return profiles


def _load(folder: Path, keys_dir: Path | None, **options: bool) -> Library:
    keys = load_keys([keys_dir]) if keys_dir is not None else None
    return load_library(default_folders([folder]), keys=keys, **options)  # type: ignore[arg-type]


def test_a_profile_signed_by_a_trusted_key_is_verified_by_its_name(tmp_path: Path, folder: Path) -> None:
    _, secret = make_key(tmp_path / "secret", "UN-ACT")
    make_key(tmp_path / "keys", "ignored")  # another trusted key does not confuse the match
    (tmp_path / "secret" / "UN-ACT.pub").rename(tmp_path / "keys" / "UN-ACT.pub")
    sign(secret, folder / "testland.yaml", comment="Testland profile, 2026")
    library = _load(folder, tmp_path / "keys")
    trust = library.profile("testland").trust  # type: ignore[union-attr]
    assert (trust.state, trust.signer, trust.comment) == (VERIFIED, "UN-ACT", "Testland profile, 2026")
    assert trust.summary == "Signed by UN-ACT"
    assert library.profile("lao-pdr").trust.state == BUNDLED  # type: ignore[union-attr]
    assert not library.problems


def test_an_unsigned_profile_is_loaded_as_not_verified(folder: Path) -> None:
    library = _load(folder, None)
    assert library.profile("testland").trust.summary == "Not verified: not signed"  # type: ignore[union-attr]


def test_a_profile_signed_by_an_unknown_key_is_loaded_as_not_verified(tmp_path: Path, folder: Path) -> None:
    make_key(tmp_path / "keys", "UN-ACT")
    stranger, secret = make_key(tmp_path / "stranger", "Stranger")
    sign(secret, folder / "testland.yaml")
    trust = _load(folder, tmp_path / "keys").profile("testland").trust  # type: ignore[union-attr]
    assert trust.state == NOT_VERIFIED and trust.key_id is not None
    assert trust.key_id in stranger.read_text(encoding="utf-8")
    assert trust.summary == f"Not verified: signed by an unknown key ID {trust.key_id}"


@pytest.mark.parametrize("cached", [False, True])
def test_a_profile_changed_after_signing_is_refused_and_the_others_still_load(
    tmp_path: Path, folder: Path, cached: bool
) -> None:
    _, secret = make_key(tmp_path / "keys", "UN-ACT")
    sign(secret, folder / "testland.yaml")
    if cached:  # a cache filled while the file was intact must not vouch for the changed one
        assert _load(folder, tmp_path / "keys", cached=True).profile("testland") is not None
    change_one_digit(folder / "testland.yaml")
    library = _load(folder, tmp_path / "keys", cached=cached)
    assert [p.id for p in library.profiles] == ["lao-pdr"]
    assert [str(p) for p in library.errors] == [
        f"{folder / 'testland.yaml'}: changed after it was signed by UN-ACT; not loaded"
    ]


def test_a_broken_key_file_gives_one_problem_and_the_other_keys_still_work(tmp_path: Path, folder: Path) -> None:
    _, secret = make_key(tmp_path / "keys", "UN-ACT")
    (tmp_path / "keys" / "broken.pub").write_text("untrusted comment: half a key\nRWQ\n", encoding="utf-8")
    sign(secret, folder / "testland.yaml")
    library = _load(folder, tmp_path / "keys")
    assert [str(p) for p in library.problems] == [
        f"{tmp_path / 'keys' / 'broken.pub'}: not a minisign public key (the key line is not base64); "
        "this key is not trusted"
    ]
    assert library.profile("testland").trust.signer == "UN-ACT"  # type: ignore[union-attr]


def test_the_users_own_trusted_keys_folder_is_read_by_default(folder: Path) -> None:
    _, secret = make_key(paths.user_keys_dir(), "UN-ACT")
    sign(secret, folder / "testland.yaml", legacy=True)
    assert load_library(default_folders([folder])).profile("testland").trust.signer == "UN-ACT"  # type: ignore[union-attr]


def test_only_verified_leaves_out_what_no_trusted_key_signed_but_keeps_the_bundled(
    tmp_path: Path, folder: Path
) -> None:
    _, secret = make_key(tmp_path / "keys", "UN-ACT")
    (folder / "signed.yaml").write_text(minimal_profile("signedland", "Signedland"), encoding="utf-8")
    sign(secret, folder / "signed.yaml")
    library = _load(folder, tmp_path / "keys", only_verified=True)
    assert [p.id for p in library.profiles] == ["lao-pdr", "signedland"]
    assert [str(p) for p in library.problems] == [
        f"{folder / 'testland.yaml'}: not loaded, as only verified profiles are loaded (not verified: not signed)"
    ]
    assert not library.errors  # a setting's choice, not a broken file


def test_a_broken_signature_file_is_told_and_the_profile_loads_as_not_verified(folder: Path) -> None:
    (folder / "testland.yaml.minisig").write_text("not a signature\n", encoding="utf-8")
    library = load_library([Folder(folder)], keys=load_keys([]))
    assert library.profile("testland").trust.state == NOT_VERIFIED  # type: ignore[union-attr]
    assert [p.message for p in library.problems] == [
        "the signature file is not a minisign signature (it does not have minisign's four lines); "
        "the profile is loaded as not verified"
    ]
