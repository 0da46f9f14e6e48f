"""The app's own hashes give what hashlib and hmac give, without loading OpenSSL."""

from __future__ import annotations

import hashlib
import hmac
import subprocess
import sys

import pytest

from app.digest import blake2b, hmac_sha256, same_digest, sha256


@pytest.mark.parametrize("key", [b"", b"k", bytes(range(64)), bytes(range(200)) * 2])
def test_hmac_sha256_is_the_standard_one(key: bytes) -> None:
    for message in (b"", b"profile", bytes(range(256)) * 40):
        assert hmac_sha256(key, message) == hmac.new(key, message, hashlib.sha256).hexdigest()


def test_the_hashes_are_the_standard_ones() -> None:
    data = "Lao PDR ລາວ".encode() * 100
    assert sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()
    assert blake2b(data, digest_size=64).digest() == hashlib.blake2b(data, digest_size=64).digest()


def test_digests_compare_equal_only_when_equal() -> None:
    assert same_digest("ab12", "ab12")
    assert not same_digest("ab12", "ab13")


def test_reading_the_library_loads_no_openssl() -> None:
    probe = ("import sys\nfrom app.library import LibrarySource, default_folders\n"
             "LibrarySource(tuple(default_folders())).load()\n"
             "print(sorted(m for m in ('_hashlib', 'hashlib', 'hmac', '_ssl') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
