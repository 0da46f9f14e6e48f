"""A profile file's signature state: verified by a trusted key, not verified, or changed after a
trusted key signed it (then it is refused like a broken file).

The signature is checked against the very bytes that were parsed and hashed, so what is shown is
what was verified.
"""

from __future__ import annotations

from pathlib import Path

from app.model import NOT_VERIFIED, VERIFIED, Problem, Trust
from app.records import record
from app.trusted_keys import KeyRing
from app.user_file import Unreadable, read_user_file

SIGNATURE_SUFFIX = ".minisig"
MAX_SIGNATURE_BYTES = 16 * 1024  # minisign's are about 300 bytes; the trusted comment is one line


@record
class TrustResult:
    """The file's trust, or (trust None) the problem that refuses it; `note` is a signature file
    that could not be used, told without refusing the profile."""

    trust: Trust | None
    problem: Problem | None = None
    note: Problem | None = None


def signature_path(profile_path: Path) -> Path:
    """Where minisign puts a file's detached signature: beside it, named FILE.minisig."""
    return profile_path.with_name(profile_path.name + SIGNATURE_SUFFIX)


def check_trust(path: Path, data: bytes, keys: KeyRing) -> TrustResult:
    """The trust of the profile file `path` whose bytes are `data`, from the FILE.minisig beside it
    (bundled files are not checked: they are trusted as part of the app)."""
    sig_path = signature_path(path)
    try:
        raw = read_signature(sig_path)
    except OSError as exc:
        reason = f"cannot be read: {exc.strerror or exc}; the profile is loaded as not verified"
        return TrustResult(Trust(NOT_VERIFIED), note=_note(sig_path, reason))
    return check_signature(path, data, raw, keys)


def read_signature(sig_path: Path) -> bytes | None:
    """The bytes of a signature file, None when there is none; raises OSError when unreadable."""
    data = read_user_file(sig_path, MAX_SIGNATURE_BYTES)
    if isinstance(data, Unreadable):
        if data.missing:
            return None
        raise OSError(data.reason)
    return data


def check_signature(path: Path, data: bytes, raw: bytes | None, keys: KeyRing) -> TrustResult:
    """The trust of `data` given its signature file's bytes `raw` (None: not signed)."""
    if raw is None:
        return TrustResult(Trust(NOT_VERIFIED))
    from app.signatures import SignatureFormatError, parse_signature, verify  # late: only signed files
    from app.text_policy import normalise, text_problem

    sig_path = signature_path(path)
    try:
        signature = parse_signature(raw[:MAX_SIGNATURE_BYTES])
    except SignatureFormatError as exc:
        reason = f"is not a minisign signature ({exc}); the profile is loaded as not verified"
        return TrustResult(Trust(NOT_VERIFIED), note=_note(sig_path, reason))
    key = keys.by_id(signature.key_id)
    if key is None:
        return TrustResult(Trust(NOT_VERIFIED, key_id=signature.id_hex))
    if not verify(signature, key.key, data):
        return TrustResult(None, Problem(str(path), f"changed after it was signed by {key.name}; not loaded"))
    comment: str | None = normalise(signature.trusted_comment)
    note = None
    if text_problem(signature.trusted_comment) is not None:  # signed, but shown like any other text
        comment, note = None, _note(sig_path, "has a trusted comment with characters the app does not show")
    return TrustResult(Trust(VERIFIED, signer=key.name, comment=comment, key_id=signature.id_hex), note=note)


def _note(sig_path: Path, what: str) -> Problem:
    return Problem(str(sig_path), f"the signature file {what}", is_error=False)
