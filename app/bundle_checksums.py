"""The SHA-256 of each bundled profile, recorded when the app is built, so the smoke test of a
build can show that the profiles inside it are byte for byte the ones it was built from.

The record is in `sha256sum`'s format ("HEX  data/profiles/NAME"), so anyone can also check it
with `sha256sum -c` from the bundle's folder.
"""

from __future__ import annotations

from pathlib import Path

from app.digest import sha256

MANIFEST_NAME = "bundled-profiles.sha256"
PROFILES = Path("data") / "profiles"


def manifest_text(root: Path) -> str:
    """The record for the profiles under `root` (the project or a built bundle's folder)."""
    files = sorted(p for p in (root / PROFILES).iterdir() if p.suffix.lower() in (".yaml", ".yml"))
    return "".join(f"{sha256(f.read_bytes()).hexdigest()}  {(PROFILES / f.name).as_posix()}\n" for f in files)


def mismatches(recorded: str, files: dict[str, bytes]) -> list[str]:
    """What differs between a record and the bundled files (name -> bytes); empty when they agree."""
    expected: dict[str, str] = {}
    for line in recorded.splitlines():
        digest, _, name = line.partition("  ")
        expected[name] = digest
    found = {name: sha256(data).hexdigest() for name, data in files.items()}
    problems = [f"{name}: missing from the bundle" for name in sorted(expected.keys() - found.keys())]
    problems += [f"{name}: not recorded at build time" for name in sorted(found.keys() - expected.keys())]
    problems += [f"{name}: SHA-256 {found[name]}, recorded {expected[name]}"
                 for name in sorted(found.keys() & expected.keys()) if found[name] != expected[name]]
    if not expected:
        problems.append("the record holds no profile")
    return problems
