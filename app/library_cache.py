"""A cache of parsed profiles, so that a start reads one JSON file instead of parsing YAML.

Parsing and checking a profile is the slowest part of a start and needs the YAML library; the
result only changes when the file does. Each file's result (its profile and its problems) is kept
under the file's path, size and modification time, and the whole cache under the app version, so
an edited, replaced or added file is parsed again and a new version of the app starts afresh.

The cache is JSON, never pickle: a damaged or tampered cache is ignored, it can never run code. It
is only a copy: deleting it at any time costs one slower start.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any

from app import __version__, model, paths
from app.model import Problem, Profile

CACHE_NAME = "profiles.json"
FORMAT = 1
# Classes a cached profile may contain; anything else in the file means it is not ours.
_CLASSES: dict[str, type] = {
    cls.__name__: cls
    for cls in (model.Fact, model.Phone, model.Contact, model.Bullet, model.Paragraph, model.FactList,
                model.BulletList, model.Section, model.Source, model.Profile, model.Problem)
}
_INIT_FIELDS: dict[type, tuple[str, ...]] = {
    cls: tuple(f.name for f in fields(cls) if f.init) for cls in _CLASSES.values()
}

FileKey = tuple[int, int]  # size, modification time in ns
LoadOne = Callable[[Path, bool], tuple[Profile | None, Sequence[Problem]]]


class ProfileCache:
    """Parsed results by file, read from and written back to one JSON file."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.user_cache_dir() / CACHE_NAME
        self._entries: dict[str, Any] = self._read()
        self._used: dict[str, Any] = {}
        self.changed = False

    def load(self, file: Path, bundled: bool, load_one: LoadOne) -> tuple[Profile | None, Sequence[Problem]]:
        """The file's profile and problems: from the cache when the file is unchanged, else parsed."""
        name = str(file)
        key = _file_key(file)
        entry = self._entries.get(name)
        if key is not None and isinstance(entry, list) and entry[:3] == [key[0], key[1], bundled]:
            cached = _decode_entry(entry)
            if cached is not None:
                self._used[name] = entry
                return cached
        profile, problems = load_one(file, bundled)
        if key is not None and key == _file_key(file):  # not changed while it was being read
            self._used[name] = [key[0], key[1], bundled, _encode(profile), [_encode(p) for p in problems]]
            self.changed = True
        return profile, problems

    def save(self) -> None:
        """Write what this run used (so entries of deleted files go), if anything new was parsed."""
        if not self.changed and self._used.keys() == self._entries.keys():
            return
        document = {"format": FORMAT, "version": __version__, "files": self._used}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            _write_atomically(self.path, json.dumps(document, ensure_ascii=False, separators=(",", ":")))
        except OSError:
            pass  # a cache that cannot be written only means the next start parses again

    def _read(self) -> dict[str, Any]:
        try:
            document = json.loads(self.path.read_bytes())
        except (OSError, ValueError, RecursionError):
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


def _decode_entry(entry: list[Any]) -> tuple[Profile | None, tuple[Problem, ...]] | None:
    """The profile and problems of a cache entry; None when it is not what this version writes."""
    from app.model_check import well_typed

    try:
        profile, problems = _decode(entry[3]), tuple(_decode(p) for p in entry[4])
        # Valid JSON can still hold a number where a title belongs: check every field's type.
        if not (well_typed(profile, Profile | None) and all(well_typed(p, Problem) for p in problems)):
            return None
    except (TypeError, KeyError, ValueError, IndexError, AttributeError, RecursionError):
        return None
    return profile, problems


def _file_key(file: Path) -> FileKey | None:
    try:
        status = file.stat()
    except OSError:
        return None
    return status.st_size, status.st_mtime_ns


def _encode(value: Any) -> Any:
    """Model objects as {"_": class, "v": [init fields]}; tuples as lists; paths as strings."""
    if is_dataclass(value) and not isinstance(value, type):
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
