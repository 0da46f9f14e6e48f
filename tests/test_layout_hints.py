"""The texts the navigation tree measures for its width: from every profile, not the first 200."""

from __future__ import annotations

from pathlib import Path

from app.layout_hints import longest_titles
from app.library import load_paths
from tests.conftest import ROOT, WriteProfile, minimal_profile


def test_the_longest_titles_come_from_every_profile(write_profile: WriteProfile, tmp_path: Path) -> None:
    for number in range(250):
        write_profile(minimal_profile(f"p{number:03d}", f"Profile {number:03d}"), f"p{number:03d}.yaml")
    long_name = "The Profile With A Very Long Name That Comes Last"
    write_profile(minimal_profile("zzz", long_name), "zzz.yaml")
    library = load_paths([ROOT / "data" / "profiles", tmp_path])
    found = longest_titles(library, 3)
    assert long_name in found[0]  # its section title holds the name too
    assert "Anti-trafficking mechanisms at a glance" in longest_titles(library, 12)
    assert len(found) == 3 and len(set(found)) == 3
