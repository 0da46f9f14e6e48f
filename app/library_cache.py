"""A cache of parsed profiles, so that a start reads one JSON file instead of parsing YAML.

Parsing and checking a profile is the slowest part of a start and needs the YAML library (at
1,000 profiles: 3.3 s parsed, 0.7 s from the cache). Each file's result (its profile and its
problems) is kept under the SHA-256 of the file's bytes, never under its size and modification
time: an edit that keeps both (a same-length change with the time put back) has other bytes, so
it is parsed again. The whole cache is kept under the app version, so a new version of the app,
whose checks may differ, starts afresh.

Each entry is sealed with an HMAC under a random key kept in the user's data folder, not beside
the cache: an entry edited in the cache, or a cache copied from elsewhere, does not match its seal
and is parsed again, so what is shown is always what the checks give on exactly those bytes.
(Someone who can write the user's data folder could also add a trusted key there; the seal is no
defence against them, only against a cache that is not what this app wrote.)

The cache is JSON, never pickle: a damaged or tampered cache can never run code. A cache that
does not parse, does not match or is not a regular file is ignored and rewritten. It is only a
copy: deleting it at any time costs one slower start.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from app import __version__, model, paths
from app.digest import hmac_sha256, same_digest, sha256
from app.json_read import loads
from app.model import Problem, Profile
from app.records import fields, is_record
from app.user_file import Unreadable, read_user_file

CACHE_NAME = "profiles.json"
KEY_NAME = "cache-seal.key"
FORMAT = 3
MAX_CACHE_BYTES = 256 * 1024 * 1024  # a cache far larger than 1,000 profiles' is not ours
# Classes a cached profile may contain; anything else in the file means it is not ours.
_CLASSES: dict[str, type] = {
    cls.__name__: cls
    for cls in (model.Fact, model.Phone, model.Contact, model.Bullet, model.Paragraph, model.FactList,
                model.BulletList, model.Section, model.Source, model.Profile, model.Problem, model.Trust)
}
_INIT_FIELDS: dict[type, tuple[str, ...]] = {
    cls: tuple(f.name for f in fields(cls) if f.init) for cls in _CLASSES.values()
}

Parse = Callable[[bytes, Path, bool], tuple[Profile | None, Sequence[Problem]]]


class ProfileCache:
    """Parsed results by file and content, read from and written back to one JSON file."""

    def __init__(self, path: Path | None = None, key_path: Path | None = None) -> None:
        self.path = path or paths.user_cache_dir() / CACHE_NAME
        self._key = _seal_key(key_path or paths.user_data_dir() / KEY_NAME)
        self._entries: dict[str, Any] = self._read()
        self._used: dict[str, Any] = {}
        self.changed = False

    def load(self, file: Path, bundled: bool, data: bytes, parse: Parse) -> tuple[Profile | None, Sequence[Problem]]:
        """The result of `parse` on `data`: from the cache when these very bytes were parsed before."""
        name = str(file)
        digest = sha256(data).hexdigest()
        entry = self._entries.get(name)
        if isinstance(entry, list) and len(entry) == 4 and entry[:2] == [digest, bundled] and self._sealed(name, entry):
            cached = _decode_entry(entry[2])
            if cached is not None and (cached[0] is None or cached[0].sha256 == digest):
                self._used[name] = entry
                return cached
        profile, problems = parse(data, file, bundled)
        import json  # late: a start that finds every file in the cache writes nothing

        body = json.dumps([_encode(profile), [_encode(p) for p in problems]], ensure_ascii=False,
                          separators=(",", ":"))
        self._used[name] = [digest, bundled, body, self._seal(name, digest, bundled, body)]
        self.changed = True
        return profile, problems

    def save(self) -> None:
        """Write what this run used (so entries of deleted files go), if anything new was parsed."""
        if not self.changed and self._used.keys() == self._entries.keys():
            return
        document = {"format": FORMAT, "version": __version__, "files": self._used}
        import json

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            _write_atomically(self.path, json.dumps(document, ensure_ascii=False, separators=(",", ":")))
        except OSError:
            pass  # a cache that cannot be written only means the next start parses again

    def _seal(self, name: str, digest: str, bundled: bool, body: str) -> str:
        """The HMAC of an entry. The body is kept as the JSON text that is sealed, so checking a
        seal costs one HMAC over that text, not a second serialisation of the profile."""
        message = "\n".join((__version__, name, digest, str(bundled), body)).encode("utf-8")
        return hmac_sha256(self._key, message)

    def _sealed(self, name: str, entry: list[Any]) -> bool:
        digest, bundled, body, seal = entry
        return (isinstance(digest, str) and isinstance(bundled, bool) and isinstance(body, str)
                and isinstance(seal, str) and seal.isascii()  # compare_digest refuses other text
                and same_digest(self._seal(name, digest, bundled, body), seal))

    def _read(self) -> dict[str, Any]:
        data = read_user_file(self.path, MAX_CACHE_BYTES)
        if isinstance(data, Unreadable):
            return {}
        try:
            document = loads(data)
        except (ValueError, RecursionError):
            return {}
        if (
            not isinstance(document, dict)
            or document.get("format") != FORMAT
            or document.get("version") != __version__
            or not isinstance(document.get("files"), dict)
        ):
            return {}
        files: dict[str, Any] = document["files"]
        return files


def _seal_key(path: Path) -> bytes:
    """The random key that seals this user's cache entries, made on first use. When it cannot be
    read or kept, a fresh key for this run only: the cache is then just not reused."""
    key = read_user_file(path, 64)
    if isinstance(key, bytes) and len(key) == 32:
        return key
    key = os.urandom(32)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        descriptor = os.open(path, flags, 0o600)
        with open(descriptor, "wb", closefd=True) as handle:
            handle.write(key)
    except OSError:
        pass
    return key


def _decode_entry(body: str) -> tuple[Profile | None, tuple[Problem, ...]] | None:
    """The profile and problems of an entry's body; None when it is not what this version writes."""
    from app.model_check import well_typed

    try:
        encoded_profile, encoded_problems = loads(body)
        profile, problems = _decode(encoded_profile), tuple(_decode(p) for p in encoded_problems)
        # Valid JSON can still hold a number where a title belongs: check every field's type.
        if not (well_typed(profile, Profile | None) and all(well_typed(p, Problem) for p in problems)):
            return None
    except (TypeError, KeyError, ValueError, IndexError, AttributeError, RecursionError):
        return None
    return profile, problems


def _encode(value: Any) -> Any:
    """Model objects as {"_": class, "v": [init fields]}; tuples as lists; paths as strings."""
    if is_record(value) and not isinstance(value, type):
        cls = type(value)
        return {"_": cls.__name__, "v": [_encode(getattr(value, name)) for name in _INIT_FIELDS[cls]]}
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    if isinstance(value, Path):
        return str(value)
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        cls = _CLASSES[value["_"]]
        names = _INIT_FIELDS[cls]
        arguments = dict(zip(names, (_decode(v) for v in value["v"]), strict=True))
        if cls is Profile:
            arguments["path"] = Path(arguments["path"])
        return cls(**arguments)
    if isinstance(value, list):
        return tuple(_decode(v) for v in value)
    return value


def _write_atomically(target: Path, text: str) -> None:
    """Write beside the target and rename over it, so a reader never sees half a file."""
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
