"""Minisign's file formats and its signature check, so a profile signed with the `minisign` tool
can be told apart from an altered copy.

A public key file is a comment line and the base64 of "Ed", an 8-byte key id and the 32-byte
Ed25519 key. A signature file (`FILE.minisig`) is a comment line, the base64 of the algorithm
("ED": Ed25519 over the BLAKE2b-512 of the file, minisign's default; "Ed": over the file itself,
its legacy mode), the key id and the 64-byte signature, then a trusted comment and the base64 of
a second signature over the first one and that comment, so the comment cannot be changed either.

The Ed25519 arithmetic is libsodium's (through PyNaCl), never written here; it is imported only
when a signature by a trusted key is checked, so an unsigned library starts as fast as before.
"""

from __future__ import annotations

import base64
import binascii

from app.digest import blake2b
from app.records import record

KEY_ID_BYTES = 8
PREHASHED = b"ED"
LEGACY = b"Ed"
_UNTRUSTED = "untrusted comment:"
_TRUSTED = "trusted comment: "


class SignatureFormatError(ValueError):
    """The text is not a minisign key or signature; the message says what is wrong with it."""


@record
class PublicKey:
    """A minisign public key: its id (as stored, little-endian) and the Ed25519 key."""

    key_id: bytes
    key: bytes

    @property
    def id_hex(self) -> str:
        return key_id_hex(self.key_id)


@record
class Signature:
    """A parsed `.minisig` file."""

    algorithm: bytes
    key_id: bytes
    signature: bytes
    trusted_comment: str
    global_signature: bytes

    @property
    def id_hex(self) -> str:
        return key_id_hex(self.key_id)


def key_id_hex(key_id: bytes) -> str:
    """A key id as minisign prints it ("2744792DD9031C91"): the little-endian number in hex."""
    return f"{int.from_bytes(key_id, 'little'):X}"  # as minisign prints it: no leading zeros


def parse_public_key(text: str) -> PublicKey:
    """A `.pub` file's key; raises SignatureFormatError for anything else."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if lines and lines[0].startswith(_UNTRUSTED):
        lines = lines[1:]
    if not lines:
        raise SignatureFormatError("it holds no key; a minisign public key file has a comment line and a key line")
    raw = _base64(lines[0], "the key line")
    if len(raw) != 2 + KEY_ID_BYTES + 32 or raw[:2] != LEGACY:
        raise SignatureFormatError("its key line is not a minisign Ed25519 public key")
    return PublicKey(raw[2 : 2 + KEY_ID_BYTES], raw[2 + KEY_ID_BYTES :])


def parse_signature(data: bytes) -> Signature:
    """A `.minisig` file's content; raises SignatureFormatError for anything else."""
    try:
        lines = data.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        raise SignatureFormatError("it is not UTF-8 text") from None
    if len(lines) < 4 or not lines[0].startswith(_UNTRUSTED) or not lines[2].startswith(_TRUSTED):
        raise SignatureFormatError("it does not have minisign's four lines")
    raw = _base64(lines[1], "the signature line")
    if len(raw) != 2 + KEY_ID_BYTES + 64 or raw[:2] not in (PREHASHED, LEGACY):
        raise SignatureFormatError("its signature line is not a minisign Ed25519 signature")
    global_signature = _base64(lines[3], "the trusted comment's signature")
    if len(global_signature) != 64:
        raise SignatureFormatError("the trusted comment's signature has the wrong length")
    return Signature(raw[:2], raw[2 : 2 + KEY_ID_BYTES], raw[2 + KEY_ID_BYTES :], lines[2][len(_TRUSTED):],
                     global_signature)


def verify(signature: Signature, key: PublicKey, data: bytes) -> bool:
    """Whether `key` signed exactly `data` and the signature's trusted comment, as `minisign -V`
    checks them. False when the key id differs: that key did not make the signature."""
    from nacl.exceptions import BadSignatureError, CryptoError
    from nacl.signing import VerifyKey

    if signature.key_id != key.key_id:
        return False
    message = blake2b(data, digest_size=64).digest() if signature.algorithm == PREHASHED else data
    comment = signature.signature + signature.trusted_comment.encode("utf-8")
    try:
        public = VerifyKey(key.key)
        public.verify(message, signature.signature)
        public.verify(comment, signature.global_signature)
    except (BadSignatureError, CryptoError, ValueError):
        return False
    return True


def _base64(text: str, what: str) -> bytes:
    try:
        return base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise SignatureFormatError(f"{what} is not base64") from None
