"""SHA-256, BLAKE2b and HMAC-SHA256 from Python's own implementations, never OpenSSL's.

`hashlib` and `hmac` load OpenSSL's libcrypto when Python has it (from source; the built app
leaves it out, build.spec), which costs a start about 3.4 MiB of resident memory and 3 ms, for
hashes Python also carries itself. The app hashes only what it reads (profile files for the
parsed-profile cache, minisign's prehash, the bundle's checksums), so its own copies serve.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# The built-in modules' names differ between Python versions (3.12 merged _sha256 into _sha2);
# where none is found, hashlib's (which then may be OpenSSL's) give the same answers.
try:
    from _sha256 import sha256 as _sha256  # type: ignore[import-not-found,unused-ignore]
except ImportError:  # pragma: no cover - Python 3.12+
    try:
        from _sha2 import sha256 as _sha256  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        from hashlib import sha256 as _sha256
from _operator import _compare_digest

_BLOCK = 64  # SHA-256's block size, for HMAC

sha256: Callable[..., Any] = _sha256


def blake2b(*args: Any, **kwargs: Any) -> Any:
    """BLAKE2b, for minisign's prehash: loaded on first use, as only a signed file needs it."""
    try:
        from _blake2 import blake2b as make
    except ImportError:  # pragma: no cover - every CPython since 3.6 has it
        from hashlib import blake2b as make
    return make(*args, **kwargs)


def hmac_sha256(key: bytes, message: bytes) -> str:
    """HMAC-SHA256 (RFC 2104) as hex, the same as hmac.new(key, message, hashlib.sha256)."""
    if len(key) > _BLOCK:
        key = _sha256(key).digest()
    key = key.ljust(_BLOCK, b"\0")
    inner = _sha256(bytes(b ^ 0x36 for b in key) + message).digest()
    return str(_sha256(bytes(b ^ 0x5C for b in key) + inner).hexdigest())


def same_digest(a: str, b: str) -> bool:
    """Compare two ASCII digests in constant time (hmac.compare_digest's own primitive)."""
    return bool(_compare_digest(a, b))
