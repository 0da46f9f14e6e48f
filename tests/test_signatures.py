"""Minisign signatures made by the real `minisign` tool are verified in both of its modes; one
changed digit, another key or a changed trusted comment is caught; broken files are told clearly."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from app.signatures import (
    LEGACY,
    PREHASHED,
    SignatureFormatError,
    parse_public_key,
    parse_signature,
    verify,
)
from tests.conftest import minimal_profile
from tests.signing import make_key, sign


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    path = tmp_path / "profiles" / "testland.yaml"
    path.parent.mkdir()
    path.write_text(minimal_profile(), encoding="utf-8")
    return path


@pytest.mark.parametrize(("legacy", "algorithm"), [(False, PREHASHED), (True, LEGACY)])
def test_a_signature_made_by_minisign_verifies_in_both_modes(
    tmp_path: Path, profile: Path, legacy: bool, algorithm: bytes
) -> None:
    public, secret = make_key(tmp_path / "keys", "UN-ACT")
    signature = parse_signature(sign(secret, profile, legacy=legacy, comment="UN-ACT, 2026 edition").read_bytes())
    key = parse_public_key(public.read_text(encoding="utf-8"))
    assert signature.algorithm == algorithm
    assert signature.trusted_comment == "UN-ACT, 2026 edition"
    assert signature.id_hex == key.id_hex
    assert key.id_hex in public.read_text(encoding="utf-8")  # minisign prints the id the same way
    assert verify(signature, key, profile.read_bytes())


@pytest.mark.parametrize("legacy", [False, True])
def test_one_changed_byte_fails_verification(tmp_path: Path, profile: Path, legacy: bool) -> None:
    public, secret = make_key(tmp_path / "keys", "UN-ACT")
    signature = parse_signature(sign(secret, profile, legacy=legacy).read_bytes())
    data = profile.read_bytes().replace(b"2020", b"2021", 1)
    assert not verify(signature, parse_public_key(public.read_text(encoding="utf-8")), data)


def test_another_key_does_not_verify(tmp_path: Path, profile: Path) -> None:
    _, secret = make_key(tmp_path / "keys", "UN-ACT")
    other, _ = make_key(tmp_path / "other", "Someone")
    signature = parse_signature(sign(secret, profile).read_bytes())
    assert not verify(signature, parse_public_key(other.read_text(encoding="utf-8")), profile.read_bytes())


def test_a_changed_trusted_comment_fails_verification(tmp_path: Path, profile: Path) -> None:
    public, secret = make_key(tmp_path / "keys", "UN-ACT")
    path = sign(secret, profile, comment="edition 2026")
    path.write_text(path.read_text(encoding="utf-8").replace("edition 2026", "edition 2027"), encoding="utf-8")
    key = parse_public_key(public.read_text(encoding="utf-8"))
    assert not verify(parse_signature(path.read_bytes()), key, profile.read_bytes())


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "holds no key"),
        ("untrusted comment: minisign public key\n", "holds no key"),
        ("untrusted comment: x\nnot base64!\n", "not base64"),
        ("untrusted comment: x\n" + base64.b64encode(b"Ed" + bytes(20)).decode() + "\n", "not a minisign Ed25519"),
        ("untrusted comment: x\n" + base64.b64encode(b"XX" + bytes(40)).decode() + "\n", "not a minisign Ed25519"),
    ],
)
def test_a_broken_public_key_says_what_is_wrong(text: str, reason: str) -> None:
    with pytest.raises(SignatureFormatError, match=reason):
        parse_public_key(text)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\xff\xfe", "not UTF-8"),
        (b"untrusted comment: x\n", "four lines"),
        (b"untrusted comment: x\n@@@\ntrusted comment: t\n" + base64.b64encode(bytes(64)), "not base64"),
        (b"untrusted comment: x\n" + base64.b64encode(b"ED" + bytes(8)) + b"\ntrusted comment: t\nAA==",
         "not a minisign Ed25519 signature"),
        (b"untrusted comment: x\n" + base64.b64encode(b"ED" + bytes(72)) + b"\ntrusted comment: t\nAA==",
         "wrong length"),
    ],
)
def test_a_broken_signature_file_says_what_is_wrong(data: bytes, reason: str) -> None:
    with pytest.raises(SignatureFormatError, match=reason):
        parse_signature(data)
