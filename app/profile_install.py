"""Adds a profile file a user picked (from a USB stick or an e-mail) to their profiles folder.

The file is checked first and copied only when it is valid, so a broken file never enters the
folder the app reads at every start; its minisign signature (FILE.minisig) is checked and copied
along, so it stays verified where it lands. The bytes that were checked are the bytes written (no second
read of the source), atomically, under the profile's id as name: adding a newer version of a
profile replaces the older file instead of creating a duplicate.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app import paths
from app.atomic import write_atomically
from app.loader import parse_profile
from app.model import Problem, Profile, Trust
from app.profile_file import MAX_BYTES, NotARegularFileError, read_regular_file
from app.profile_trust import check_signature, read_signature, signature_path
from app.trusted_keys import KeyRing, default_key_folders, load_keys


@dataclass(frozen=True)
class InstallResult:
    """Where the profile went (None when refused), its id, and what was wrong or noteworthy."""

    target: Path | None
    profile_id: str | None
    problems: tuple[Problem, ...]
    replaced: bool = False
    trust: Trust | None = None  # what the app will show for it: verified by NAME, or not verified

    @property
    def added(self) -> bool:
        return self.target is not None


@dataclass(frozen=True)
class Candidate:
    """A picked file as checked, before it is added: what the app would show for it (its profile,
    problems and trust) and the very bytes that were checked, which are the bytes written."""

    source: Path
    profile: Profile | None
    problems: tuple[Problem, ...]
    trust: Trust | None = None
    data: bytes = field(default=b"", repr=False)
    signature: bytes | None = field(default=None, repr=False)

    @property
    def acceptable(self) -> bool:
        return self.profile is not None and self.trust is not None and not any(p.is_error for p in self.problems)


def check_candidate(source: Path, keys: KeyRing | None = None) -> Candidate:
    """Read and check `source` and its FILE.minisig; `keys` (by default the bundled and the user's
    trusted keys) decide its trust, and one changed after a trusted key signed it is refused."""
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
        return Candidate(source, None, result.problems)
    try:
        signature = read_signature(signature_path(source))
    except OSError as exc:
        return _refused(signature_path(source), f"cannot read the signature file: {exc.strerror or exc}")
    checked = check_signature(source, data, signature, keys or load_keys(default_key_folders()))
    if checked.trust is None:  # changed after a trusted key signed it: as broken as a bad file
        return Candidate(source, None, (checked.problem,) if checked.problem else ())
    notes = (checked.note,) if checked.note else ()
    return Candidate(source, result.profile, (*result.problems, *notes), checked.trust, data, signature)


def install_profile(source: Path, folder: Path | None = None, keys: KeyRing | None = None) -> InstallResult:
    """Check `source` and copy it, with its FILE.minisig when it has one, into `folder` (the
    user's profiles folder by default)."""
    return add_candidate(check_candidate(source, keys), folder)


def add_candidate(candidate: Candidate, folder: Path | None = None) -> InstallResult:
    """Write a checked candidate (nothing when it is not acceptable) under its profile's id."""
    if not candidate.acceptable or candidate.profile is None:
        return InstallResult(None, None, candidate.problems)
    folder = folder or paths.user_profiles_dir()
    profile_id = candidate.profile.id
    target = existing_file_of(profile_id, folder) or folder / f"{profile_id}.yaml"
    replaced = target.exists()
    try:
        _write_with_signature(target, candidate.data, candidate.signature)
    except OSError as exc:
        message = f"cannot write to the profiles folder {folder}: {exc.strerror or exc}"
        return InstallResult(None, None, (Problem(str(candidate.source), message),))
    return InstallResult(target, profile_id, candidate.problems, replaced, candidate.trust)


def _write_with_signature(target: Path, data: bytes, signature: bytes | None) -> None:
    """The profile and its signature as checked, or no signature: an old version's .minisig left
    beside a new, unsigned file would refuse it as changed after signing."""
    write_atomically(target, data)
    if signature is not None:
        write_atomically(signature_path(target), signature)
    else:
        signature_path(target).unlink(missing_ok=True)


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


def _refused(source: Path, message: str) -> Candidate:
    return Candidate(source, None, (Problem(str(source), message),))
