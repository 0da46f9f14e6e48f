"""`main.py verify PATH...`: one line per profile file saying whether a trusted publisher's key
signed exactly these bytes; exit 0 only when every file is verified."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from app.library import profile_files
from app.model import VERIFIED, Problem
from app.profile_file import read_profile_bytes
from app.profile_trust import check_trust
from app.trusted_keys import KeyRing

EXIT_OK, EXIT_PROBLEMS = 0, 1


def run_verify(targets: Sequence[Path], keys: KeyRing, out: TextIO, err: TextIO) -> int:
    """Print each file's state; key files that could not be used go to `err`, one line each."""
    for problem in keys.problems:
        err.write(f"{problem}\n")
    files, problems = _files(targets)
    verified = 0
    for problem in problems:
        out.write(f"{problem}\n")
    for file in files:
        line, ok = verify_line(file, keys)
        out.write(line + "\n")
        verified += ok
    total = len(files) + len(problems)
    err.write(f"{verified} of {total} file{'s' if total != 1 else ''} verified\n")
    return EXIT_OK if total and verified == total else EXIT_PROBLEMS


def verify_line(file: Path, keys: KeyRing) -> tuple[str, bool]:
    """'FILE: verified, signed by NAME (trusted comment: …)', 'FILE: not signed', … and whether
    the file is verified."""
    data, problem = read_profile_bytes(file)
    if data is None:
        return str(problem or Problem(str(file), "cannot be read")), False
    result = check_trust(file, data, keys)
    if result.trust is None:
        return str(result.problem), False
    trust = result.trust
    if trust.state == VERIFIED:
        comment = f" (trusted comment: {trust.comment})" if trust.comment else ""
        return f"{file}: verified, signed by {trust.signer}{comment}", True
    if trust.key_id is not None:
        return f"{file}: not verified: signed by an unknown key ID {trust.key_id}", False
    reason = f" ({result.note.message})" if result.note else ""
    return f"{file}: not verified: not signed{reason}", False


def _files(targets: Sequence[Path]) -> tuple[list[Path], list[Problem]]:
    files: list[Path] = []
    problems: list[Problem] = []
    for target in targets:
        if target.is_dir():
            try:
                files.extend(profile_files(target))
            except OSError as exc:
                problems.append(Problem(str(target), f"cannot read the folder: {exc.strerror or exc}"))
        elif target.exists():
            files.append(target)
        else:
            problems.append(Problem(str(target), "no such file or folder"))
    return files, problems
