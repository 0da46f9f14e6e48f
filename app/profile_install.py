"""Adds a profile file a user picked (from a USB stick or an e-mail) to their profiles folder.

The file is checked first and copied only when it is valid, so a broken file never enters the
folder the app reads at every start; its minisign signature (FILE.minisig) is checked and copied
along, so it stays verified where it lands. The bytes that were checked are the bytes written (no
second read of the source), atomically, under the profile's id as name: adding a newer version of
a profile replaces the older file instead of creating a duplicate.

Replacing is never silent: the file already there may be a user's own draft. `plan_install` says
what would be replaced and how the new file would be trusted (the window shows both and asks), and
`install_planned(plan, replace=True)` first keeps the old file as `NAME.yaml.bak` (profile_backup).
"""

from __future__ import annotations

import os
from pathlib import Path

from app import paths
from app.atomic import write_atomically
from app.loader import parse_profile
from app.model import Problem, Profile, Trust
from app.os_words import os_words
from app.profile_backup import backup_name, keep_backup
from app.profile_file import MAX_BYTES, read_profile_bytes
from app.profile_trust import check_signature, read_signature, signature_path
from app.records import field, record
from app.trusted_keys import KeyRing, default_key_folders, load_keys
from app.user_file import read_user_file, shown_path


@record
class InstallPlan:
    """A checked file and where it would go: its profile and trust (what the app would show for
    it), the very bytes checked, and `replaces`, the user's file it would overwrite. `problems`
    holds errors (then nothing can be installed) and notes."""

    source: Path
    profile: Profile | None
    problems: tuple[Problem, ...]
    trust: Trust | None = None
    target: Path | None = None
    replaces: Path | None = None
    identical: bool = False  # the file there already has exactly these bytes and this signature
    data: bytes = field(default=b"", repr=False)
    signature: bytes | None = field(default=None, repr=False)

    @property
    def profile_id(self) -> str | None:
        return self.profile.id if self.profile is not None else None

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


@record
class InstallResult:
    """Where the profile went (None when refused), its id, what was wrong or noteworthy, how it is
    trusted, and where the replaced file was kept."""

    target: Path | None
    profile_id: str | None
    problems: tuple[Problem, ...]
    replaced: bool = False
    backup: Path | None = None
    trust: Trust | None = None

    @property
    def added(self) -> bool:
        return self.target is not None


def plan_install(source: Path, folder: Path | None = None, keys: KeyRing | None = None) -> InstallPlan:
    """Read and check `source` and its FILE.minisig, and find where it would go in `folder` (the
    user's profiles folder). `keys` (by default the bundled and the user's trusted keys) decide its
    trust; a file changed after a trusted key signed it is refused like a broken one."""
    data, problem = read_profile_bytes(source)  # a pipe or device is refused, never read
    if data is None:
        return InstallPlan(source, None, (problem,) if problem else ())
    result = parse_profile(data, source)
    if result.profile is None or any(p.is_error for p in result.problems):
        return InstallPlan(source, None, result.problems)
    try:
        signature = read_signature(signature_path(source))
    except OSError as exc:
        return _refused(signature_path(source), f"cannot read the signature file: {exc}")
    checked = check_signature(source, data, signature, keys or load_keys(default_key_folders()))
    if checked.trust is None:
        return InstallPlan(source, None, (checked.problem,) if checked.problem else ())
    notes = (checked.note,) if checked.note else ()
    folder = folder or paths.user_profiles_dir()
    profile_id = result.profile.id
    existing = existing_file_of(profile_id, folder)
    target = existing or folder / f"{profile_id}.yaml"
    if existing is None and os.path.lexists(target):
        existing = target  # a file of that name that is not a valid profile: a draft, maybe
    identical = existing is not None and _same_files(existing, data, signature)
    return InstallPlan(source, result.profile, (*result.problems, *notes), checked.trust, target, existing,
                       identical, data, signature)


def install_planned(plan: InstallPlan, *, replace: bool = False) -> InstallResult:
    """Write a planned install. A plan that replaces a file is refused unless `replace` is True
    (the user said yes); then the old file is kept as a backup first."""
    if plan.target is None:
        return InstallResult(None, None, plan.problems)
    if plan.identical:
        return InstallResult(plan.target, plan.profile_id, plan.problems, trust=plan.trust)
    backup: Path | None = None
    if plan.replaces is not None:
        if not replace:
            message = f"not added: it would replace {shown_path(plan.replaces)}, and replacing was not confirmed"
            return _result_refused(plan.source, message)
        kept = keep_backup(plan.replaces)
        if isinstance(kept, str):
            return _result_refused(plan.source, kept)
        backup = kept
    try:
        _write_with_signature(plan.target, plan.data, plan.signature)
    except OSError as exc:
        folder = shown_path(plan.target.parent)
        return _result_refused(plan.source, f"cannot write to the profiles folder {folder}: {os_words(exc)}")
    return InstallResult(plan.target, plan.profile_id, plan.problems, plan.replaces is not None, backup, plan.trust)


def install_profile(
    source: Path, folder: Path | None = None, keys: KeyRing | None = None, *, replace: bool = False
) -> InstallResult:
    """Check `source` and copy it, with its FILE.minisig when it has one, into `folder`; replaces
    a file there only when `replace` is True."""
    return install_planned(plan_install(source, folder, keys), replace=replace)


def _write_with_signature(target: Path, data: bytes, signature: bytes | None) -> None:
    """The profile and its signature as checked, or no signature: an old version's .minisig left
    beside a new, unsigned file would refuse it as changed after signing."""
    write_atomically(target, data)
    if signature is not None:
        write_atomically(signature_path(target), signature)
    else:
        signature_path(target).unlink(missing_ok=True)


def _same_files(existing: Path, data: bytes, signature: bytes | None) -> bool:
    if read_user_file(existing, MAX_BYTES) != data:
        return False
    try:
        return read_signature(signature_path(existing)) == signature
    except OSError:
        return False


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


def _refused(source: Path, message: str) -> InstallPlan:
    return InstallPlan(source, None, (Problem(shown_path(source), message),))


def _result_refused(source: Path, message: str) -> InstallResult:
    return InstallResult(None, None, (Problem(shown_path(source), message),))
