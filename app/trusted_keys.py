"""The publishers' keys a user trusts: minisign `.pub` files in the bundled trusted-keys folder,
the user's own one and any `--keys-dir`; a key's name is its file's name without `.pub`.

One broken key file gives one problem line and the other keys still work, as one broken profile
never stops the others.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from app import paths
from app.model import Problem
from app.records import record
from app.user_file import Unreadable, read_user_file

if TYPE_CHECKING:
    from app.signatures import PublicKey

KEY_SUFFIX = ".pub"
MAX_KEY_BYTES = 4096  # a minisign public key file is about 110 bytes


@record
class TrustedKey:
    name: str
    key: PublicKey
    path: Path


@record
class KeyRing:
    """The trusted keys, in folder and name order, and the problems of key files that were skipped."""

    keys: tuple[TrustedKey, ...] = ()
    problems: tuple[Problem, ...] = ()

    def by_id(self, key_id: bytes) -> TrustedKey | None:
        return next((k for k in self.keys if k.key.key_id == key_id), None)


def default_key_folders(extra_dirs: Sequence[Path] = ()) -> list[Path]:
    """The bundled keys, the user's keys and any folders given with --keys-dir."""
    return [paths.bundled_keys_dir(), paths.user_keys_dir(), *extra_dirs]


def load_keys(folders: Iterable[Path]) -> KeyRing:
    """Every `.pub` file of every folder (missing folders are simply empty). When two files hold
    the same key id, the first is used: a later folder cannot rename a publisher."""
    keys: list[TrustedKey] = []
    problems: list[Problem] = []
    for folder in folders:
        try:
            files = sorted(p for p in folder.iterdir() if p.suffix == KEY_SUFFIX and not p.name.startswith("."))
        except FileNotFoundError:
            continue
        except OSError as exc:
            problems.append(Problem(str(folder), f"cannot read the trusted-keys folder: {exc.strerror or exc}"))
            continue
        for file in files:
            key, problem = _read_key(file)
            if problem is not None:
                problems.append(problem)
            elif key is not None and all(k.key.key_id != key.key.key_id for k in keys):
                keys.append(key)
    return KeyRing(tuple(keys), tuple(problems))


def _read_key(file: Path) -> tuple[TrustedKey | None, Problem | None]:
    from app.signatures import SignatureFormatError, parse_public_key  # late: most starts have no key

    try:
        data = read_user_file(file, MAX_KEY_BYTES)
        if isinstance(data, Unreadable):
            reason = "it is far too large for a minisign public key" if data.reason.startswith("too large") \
                else data.reason
            raise SignatureFormatError(reason)
        text = data.decode("utf-8")
        return TrustedKey(file.stem, parse_public_key(text), file), None
    except (OSError, UnicodeDecodeError, SignatureFormatError) as exc:
        reason = str(exc) if isinstance(exc, SignatureFormatError) else "it cannot be read as a text file"
        return None, Problem(str(file), f"not a minisign public key ({reason}); this key is not trusted")
