"""Adds a profile file a user picked (from a USB stick or an e-mail) to their profiles folder.

The file is checked first and copied only when it is valid, so a broken file never enters the
folder the app reads at every start. The bytes that were checked are the bytes written (no second
read of the source), atomically, under the profile's id as name: adding a newer version of a
profile replaces the older file instead of creating a duplicate.

Replacing is never silent: the file already there may be a user's own draft. `plan_install` says
what would be replaced (the window asks), and `install_planned(plan, replace=True)` first keeps
the old file as `NAME.yaml.bak` (or `.bak-2`, `.bak-3` …) beside it, then says where.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from app import paths
from app.atomic import write_atomically
from app.loader import parse_profile
from app.model import Problem
from app.os_words import os_words
from app.user_file import Unreadable, read_user_file, shown_path
from app.yaml_reader import MAX_BYTES

MAX_BACKUPS = 100  # .bak … .bak-100: past that, a folder of old versions needs tidying by hand


@dataclass(frozen=True)
class InstallPlan:
    """A checked file and where it would go. `replaces` is the user's file it would overwrite;
    `problems` holds errors (then nothing can be installed) and notes."""

    source: Path
    data: bytes
    profile_id: str | None
    target: Path | None
    replaces: Path | None
    problems: tuple[Problem, ...]
    identical: bool = False  # the file there already has exactly these bytes

    @property
    def installable(self) -> bool:
        return self.target is not None

    @property
    def question(self) -> str | None:
        """The sentence to ask before replacing, or None when nothing would be replaced."""
        if self.replaces is None or self.identical:
            return None
        return (
            f"Your profiles folder already has profile '{self.profile_id}' in {shown_path(self.replaces)}. "
            f"Replace it with {shown_path(self.source)}? The old file is kept as "
            f"{shown_path(backup_name(self.replaces))}."
        )


@dataclass(frozen=True)
class InstallResult:
    """Where the profile went (None when refused), its id, what was wrong or noteworthy, and
    where the replaced file was kept."""

    target: Path | None
    profile_id: str | None
    problems: tuple[Problem, ...]
    replaced: bool = False
    backup: Path | None = None

    @property
    def added(self) -> bool:
        return self.target is not None


def plan_install(source: Path, folder: Path | None = None) -> InstallPlan:
    """Read and check `source` and find where it would go in `folder` (the user's profiles folder)."""
    folder = folder or paths.user_profiles_dir()
    data = read_user_file(source, MAX_BYTES)  # a pipe or device is refused, never read
    if isinstance(data, Unreadable):
        reason = data.reason
        if reason.startswith("too large"):
            reason = f"the file is {reason}; a profile is far smaller"
        return InstallPlan(source, b"", None, None, None, (Problem(shown_path(source), reason),))
    result = parse_profile(data, source)
    if result.profile is None or any(p.is_error for p in result.problems):
        return InstallPlan(source, b"", None, None, None, result.problems)
    profile_id = result.profile.id
    existing = existing_file_of(profile_id, folder)
    target = existing or folder / f"{profile_id}.yaml"
    if existing is None and os.path.lexists(target):
        existing = target  # a file of that name that is not a valid profile: a draft, maybe
    identical = existing is not None and read_user_file(existing, MAX_BYTES) == data
    return InstallPlan(source, data, profile_id, target, existing, result.problems, identical)


def install_planned(plan: InstallPlan, *, replace: bool = False) -> InstallResult:
    """Write a planned install. A plan that replaces a file is refused unless `replace` is True
    (the user said yes); then the old file is kept as a backup first."""
    if plan.target is None:
        return InstallResult(None, None, plan.problems)
    if plan.identical:
        return InstallResult(plan.target, plan.profile_id, plan.problems)
    backup: Path | None = None
    if plan.replaces is not None:
        if not replace:
            message = f"not added: it would replace {shown_path(plan.replaces)}, and replacing was not confirmed"
            return _refused(plan.source, message)
        kept = _keep_backup(plan.replaces)
        if isinstance(kept, str):
            return _refused(plan.source, kept)
        backup = kept
    try:
        write_atomically(plan.target, plan.data)
    except OSError as exc:
        folder = shown_path(plan.target.parent)
        return _refused(plan.source, f"cannot write to the profiles folder {folder}: {os_words(exc)}")
    return InstallResult(plan.target, plan.profile_id, plan.problems, plan.replaces is not None, backup)


def install_profile(source: Path, folder: Path | None = None, *, replace: bool = False) -> InstallResult:
    """Check `source` and copy it into `folder`; replaces a file there only when `replace` is True."""
    return install_planned(plan_install(source, folder), replace=replace)


def backup_name(path: Path) -> Path:
    """The first free name of `NAME.yaml.bak`, `NAME.yaml.bak-2` … beside `path`."""
    for number in range(1, MAX_BACKUPS + 1):
        suffix = ".bak" if number == 1 else f".bak-{number}"
        candidate = path.with_name(path.name + suffix)
        if not os.path.lexists(candidate):
            return candidate
    return path.with_name(path.name + f".bak-{MAX_BACKUPS}")


def _keep_backup(path: Path) -> Path | str:
    """Copy `path` to its backup name (never over an existing file); the backup, or why not."""
    old = read_user_file(path, MAX_BYTES * 4)
    if isinstance(old, Unreadable):
        return f"not added: the file it would replace, {shown_path(path)}, cannot be kept as a copy ({old.reason})"
    for _ in range(MAX_BACKUPS):
        backup = backup_name(path)
        try:
            with open(backup, "xb") as stream:  # "x": a backup made meanwhile is never overwritten
                stream.write(old)
                stream.flush()
                os.fsync(stream.fileno())
        except FileExistsError:
            continue
        except OSError as exc:
            return f"not added: cannot keep a copy of {shown_path(path)} ({os_words(exc)})"
        return backup
    return f"not added: {shown_path(path)} has {MAX_BACKUPS} old copies already; tidy them first"


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
    return InstallResult(None, None, (Problem(shown_path(source), message),))
