"""Gathers profiles from the bundled folder, the user's profiles folder and any extra folders.

Folders are read in that order and files in name order; when two files carry the same profile id
the one read last is used, so a user's newer content pack replaces the bundled profile. Every such
choice is reported, so the app can always say which file is in use.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from app import paths
from app.model import VERIFIED, Library, Problem, Profile, Trust
from app.profile_file import read_profile_bytes
from app.records import record, replace
from app.user_file import shown_path, utf8_name

if TYPE_CHECKING:
    from app.library_cache import ProfileCache
    from app.trusted_keys import KeyRing

PROFILE_SUFFIXES = (".yaml", ".yml")
_REINSTALL = "; the app is installed incompletely, please reinstall it"


@record
class Folder:
    """A folder to read profiles from; `required` folders are reported when missing."""

    path: Path
    bundled: bool = False
    required: bool = True


def default_folders(extra_dirs: Sequence[Path] = ()) -> list[Folder]:
    """The bundled profiles, the user's profiles folder (if it exists) and any extra folders."""
    return [
        Folder(paths.bundled_profiles_dir(), bundled=True),
        Folder(paths.user_profiles_dir(), required=False),
        *(Folder(Path(d)) for d in extra_dirs),
    ]


@record
class LibrarySource:
    """Where the window's library comes from and which profiles it keeps: built once at start
    (folders from the command line, --keys-dir, the only-verified setting) and read again on
    every reload, so a reload never forgets a folder or a key given at start."""

    folders: tuple[Folder, ...]
    keys_dirs: tuple[Path, ...] = ()
    only_verified: bool = False

    def load(self, *, cache: ProfileCache | None = None, bundled_only: bool = False) -> Library:
        """The library (through the parsed-profile cache); `bundled_only` reads the first folder."""
        keys = None
        if self.keys_dirs:  # else the library reads the default keys itself, and only if needed
            from app.trusted_keys import default_key_folders, load_keys

            keys = load_keys(default_key_folders(self.keys_dirs))
        folders = self.folders[:1] if bundled_only else self.folders
        return load_library(folders, cached=cache is None, cache=cache, keys=keys, only_verified=self.only_verified)

    @property
    def extra_folders(self) -> tuple[Folder, ...]:
        """Every folder but the bundled one: the user's profiles and --profiles-dir."""
        return self.folders[1:]


def profile_files(folder: Path) -> list[Path]:
    """The profile files directly inside a folder, in name order, hidden files skipped."""
    return sorted(
        (p for p in folder.iterdir() if p.suffix.lower() in PROFILE_SUFFIXES and not p.name.startswith(".")),
        key=lambda p: p.name,
    )


def load_library(
    folders: Iterable[Folder],
    *,
    cached: bool = False,
    cache: ProfileCache | None = None,
    keys: KeyRing | None = None,
    only_verified: bool = False,
) -> Library:
    """Read every profile of every folder; one bad file or folder never stops the others.

    `cached` reuses the parsed result of files read before with the same bytes (see
    library_cache); the window and the reading commands use it, `validate` never does. A `cache`
    passed in is used and left to the caller to save (for a library read in parts).

    Added (not bundled) profiles are checked against their minisign signature with `keys` (by
    default the bundled and the user's trusted keys): one changed after a trusted key signed it is
    refused like a broken file; with `only_verified`, so is every one no trusted key signed.
    """
    loaded: list[tuple[Path, bool]] = []
    problems: list[Problem] = []
    for folder in folders:
        try:
            files = profile_files(folder.path)
        except FileNotFoundError:
            if folder.required:
                what = "the bundled profiles folder" if folder.bundled else "the profiles folder"
                hint = _REINSTALL if folder.bundled else ""
                problems.append(Problem(shown_path(folder.path), f"{what} does not exist{hint}"))
            continue
        except OSError as exc:
            problems.append(Problem(shown_path(folder.path), f"cannot read the folder: {exc.strerror or exc}"))
            continue
        loaded.extend((f, folder.bundled) for f in files)
    if keys is None and not all(bundled for _, bundled in loaded):
        from app.trusted_keys import default_key_folders, load_keys  # late: bundled files need no key

        keys = load_keys(default_key_folders())
    problems.extend(keys.problems if keys is not None else ())
    used = cache
    if cache is None and cached:
        from app.library_cache import ProfileCache

        used = ProfileCache()
    library = load_files(loaded, problems, load_one=lambda path, bundled: _load_file(
        path, bundled, used, keys, only_verified))
    if cache is None and used is not None:
        used.save()
    return library


def count_profile_files(folders: Iterable[Folder]) -> int:
    """How many profile files the folders hold (unreadable folders count as empty)."""
    total = 0
    for folder in folders:
        with contextlib.suppress(OSError):
            total += len(profile_files(folder.path))
    return total


def load_paths(targets: Sequence[Path]) -> Library:
    """Read files and folders named on a command line (`validate`), in the order given."""
    files: list[tuple[Path, bool]] = []
    problems: list[Problem] = []
    for target in targets:
        if target.is_dir():
            try:
                files.extend((f, False) for f in profile_files(target))
            except OSError as exc:
                problems.append(Problem(shown_path(target), f"cannot read the folder: {exc.strerror or exc}"))
        elif target.exists():
            files.append((target, False))
        else:
            problems.append(Problem(shown_path(target), "no such file or folder"))
    return load_files(files, problems)


LoadOne = Callable[[Path, bool], tuple[Profile | None, Sequence[Problem]]]


def _parse(path: Path, bundled: bool) -> tuple[Profile | None, Sequence[Problem]]:
    data, problem = read_profile_bytes(path)
    if data is None:
        return None, (problem,) if problem else ()
    return _parse_bytes(data, path, bundled)


def _load_file(
    path: Path, bundled: bool, cache: ProfileCache | None, keys: KeyRing | None, only_verified: bool
) -> tuple[Profile | None, Sequence[Problem]]:
    """The file read once: its bytes are what is verified, hashed for the cache and parsed."""
    data, problem = read_profile_bytes(path)
    if data is None:
        return None, (problem,) if problem else ()
    notes: list[Problem] = []
    trust: Trust | None = None
    if not bundled:
        from app.profile_trust import check_trust  # late: a library of bundled profiles never needs it
        from app.trusted_keys import KeyRing

        result = check_trust(path, data, keys or KeyRing())
        notes = [result.note] if result.note else []
        if result.trust is None:
            return None, [*notes, *((result.problem,) if result.problem else ())]
        if only_verified and result.trust.state != VERIFIED:
            message = f"not loaded, as only verified profiles are loaded ({result.trust.summary.lower()})"
            return None, [*notes, Problem(shown_path(path), message, is_error=False)]
        trust = result.trust
    # The cache is UTF-8 JSON: a file whose name is not UTF-8 (a Latin-1 "café.yaml") is parsed every start.
    if cache is not None and utf8_name(path):
        profile, problems = cache.load(path, bundled, data, _parse_bytes)
    else:
        profile, problems = _parse_bytes(data, path, bundled)
    if profile is not None and trust is not None:
        profile = replace(profile, trust=trust)
    return profile, [*problems, *notes]


def _parse_bytes(data: bytes, path: Path, bundled: bool) -> tuple[Profile | None, Sequence[Problem]]:
    from app.loader import parse_profile  # late: a start served from the cache never needs YAML

    result = parse_profile(data, path, bundled=bundled)
    return result.profile, result.problems


def load_files(
    files: Sequence[tuple[Path, bool]], problems: list[Problem] | None = None, load_one: LoadOne = _parse
) -> Library:
    """Load the given (file, bundled) pairs and settle which file each profile id comes from."""
    problems = list(problems or [])
    chosen: dict[str, Profile] = {}
    for path, bundled in files:
        profile, found = load_one(path, bundled)
        problems.extend(found)
        if profile is None:
            continue
        previous = chosen.get(profile.id)
        if previous is not None:
            problems.append(_replacement_problem(profile, previous))
        chosen[profile.id] = profile
    profiles = sorted(chosen.values(), key=lambda p: (p.name.casefold(), p.id))
    return Library(tuple(profiles), tuple(problems))


def _replacement_problem(winner: Profile, loser: Profile) -> Problem:
    line, column = winner.id_position or (None, None)
    if loser.bundled:
        return Problem(
            shown_path(winner.path),
            f"profile '{winner.id}' from this file replaces the bundled one ({shown_path(loser.path)})",
            line,
            column,
            is_error=False,
        )
    return Problem(
        shown_path(winner.path),
        f"duplicate profile id '{winner.id}': {loser.path} has it too; using this file, the one read last",
        line,
        column,
    )
