"""Adds a profile file a user picked (from a USB stick or an e-mail) to their profiles folder.

The file is checked first and copied only when it is valid, so a broken file never enters the
folder the app reads at every start. The bytes that were checked are the bytes written (no second
read of the source), atomically, under the profile's id as name: adding a newer version of a
profile replaces the older file instead of creating a duplicate.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app import paths
from app.atomic import write_atomically
from app.loader import parse_profile
from app.model import Problem
from app.profile_file import MAX_BYTES, NotARegularFileError, read_regular_file


@dataclass(frozen=True)
class InstallResult:
    """Where the profile went (None when refused), its id, and what was wrong or noteworthy."""

    target: Path | None
    profile_id: str | None
    problems: tuple[Problem, ...]
    replaced: bool = False

    @property
    def added(self) -> bool:
        return self.target is not None


def install_profile(source: Path, folder: Path | None = None) -> InstallResult:
    """Validate `source` and copy it into `folder` (the user's profiles folder by default)."""
    folder = folder or paths.user_profiles_dir()
    try:
        data = read_regular_file(source, MAX_BYTES + 1)  # a pipe or device is refused, never read
    except NotARegularFileError:
        return _refused(source, "not a regular file (a pipe, device or folder)")
    except OSError as exc:
        return _refused(source, f"cannot read the file: {exc.strerror or exc.__class__.__name__}")
    if len(data) > MAX_BYTES:
        megabytes = MAX_BYTES // (1024 * 1024)
        return _refused(source, f"the file is too large (over {megabytes} MB); a profile is far smaller")
    result = parse_profile(data, source)
    if result.profile is None or any(p.is_error for p in result.problems):
        return InstallResult(None, None, result.problems)
    target = existing_file_of(result.profile.id, folder) or folder / f"{result.profile.id}.yaml"
    replaced = target.exists()
    try:
        write_atomically(target, data)
    except OSError as exc:
        return _refused(source, f"cannot write to the profiles folder {folder}: {exc.strerror or exc}")
    return InstallResult(target, result.profile.id, result.problems, replaced)


def existing_file_of(profile_id: str, folder: Path) -> Path | None:
    """The file in `folder` that already holds this profile under another name, if any: a new
    version replaces it, where a second file would make the id a duplicate at the next start."""
    from app.library import profile_files
    from app.loader import load_profile

    try:
        files = profile_files(folder)
    except OSError:
        return None
    preferred = folder / f"{profile_id}.yaml"
    for file in sorted(files, key=lambda f: f != preferred):  # its own name first: the usual case
        loaded = load_profile(file).profile
        if loaded is not None and loaded.id == profile_id:
            return file
    return None


def _refused(source: Path, message: str) -> InstallResult:
    return InstallResult(None, None, (Problem(str(source), message),))
