"""Every hostile or broken profile in tests/bad_profiles is refused by `main.py validate` clearly:
exit 1, the expected message at the expected position, no traceback, in bounded time and memory.

Each case runs the real command in a child process, so a crash, a hang or a memory blow-up shows
up as it would for a user; the child's own peak memory comes from os.wait4.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import LAO_SECTIONS, ROOT

BAD = Path(__file__).resolve().parent / "bad_profiles"
MANIFEST: list[dict[str, Any]] = json.loads((BAD / "manifest.json").read_text(encoding="utf-8"))["cases"]
MAX_SECONDS = 5.0
MAX_RSS_MIB = 400

_HEAD = "schema: 1\nid: {id}\nname: {id}\nsource: {{publisher: Test publisher}}\nsections:\n"


def _generate(kind: str, folder: Path) -> Path:
    """The megabyte-sized cases, written at test time rather than committed."""
    target = folder / f"{kind}.yaml"
    if kind == "paragraph-20mb":
        paragraph = "All work and no play. " * (20 * 1024 * 1024 // 22)
        text = _HEAD.format(id="huge") + f"  - id: notes\n    title: Notes\n    blocks:\n      - paragraph: {paragraph}\n"
    elif kind == "sections-50000":
        text = _HEAD.format(id="many") + "".join(
            f"  - id: s{i}\n    title: Section {i}\n    blocks:\n      - paragraph: Text {i}.\n" for i in range(50_000)
        )
    else:  # pragma: no cover - a typo in the manifest
        raise AssertionError(f"unknown generated case {kind}")
    target.write_text(text, encoding="utf-8")
    return target


def _targets(case: dict[str, Any], tmp_path: Path) -> list[Path]:
    if "generate" in case:
        return [_generate(case["generate"], tmp_path)]
    if "paths" in case:
        return [BAD / p for p in case["paths"]]
    return [BAD / case["file"]]


def _run_validate(targets: list[Path], tmp_path: Path) -> tuple[int, str, str, float, float]:
    """Exit code, stdout, stderr, wall seconds and peak RSS in MiB of `main.py validate`."""
    out_file, err_file = tmp_path / "stdout", tmp_path / "stderr"
    with open(out_file, "wb") as out, open(err_file, "wb") as err:
        start = time.monotonic()
        child = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "validate", *map(str, targets)],
                                 stdout=out, stderr=err, stdin=subprocess.DEVNULL, cwd=ROOT)
        try:
            _, status, usage = os.wait4(child.pid, 0)
        finally:
            child.returncode = 0  # reaped by wait4; keeps Popen from waiting again
        elapsed = time.monotonic() - start
    return (os.waitstatus_to_exitcode(status), out_file.read_text("utf-8"), err_file.read_text("utf-8"),
            elapsed, usage.ru_maxrss / 1024)


def test_the_corpus_holds_every_case_of_the_issue_and_every_file_is_in_the_manifest() -> None:
    listed = {c["file"] for c in MANIFEST if "file" in c}
    listed |= {str(Path(p).parts[0]) for c in MANIFEST for p in c.get("paths", [])}
    on_disk = {p.name for p in BAD.iterdir() if p.name != "manifest.json"}
    assert listed == on_disk
    assert len(MANIFEST) >= 30


@pytest.mark.parametrize("case", MANIFEST, ids=lambda c: c.get("file") or c.get("generate") or "+".join(c["paths"]))
def test_validate_refuses_the_bad_profile_with_message_and_position(case: dict[str, Any], tmp_path: Path) -> None:
    targets = _targets(case, tmp_path)
    code, out, err, seconds, rss_mib = _run_validate(targets, tmp_path)
    assert code == 1, (out, err)
    assert "Traceback" not in out + err
    assert "unexpected error" not in err
    lines = out.splitlines()
    matching = [line for line in lines if case["message"] in line]
    assert matching, out
    if case["position"] is None:
        assert any(line.split(": ", 1)[0].endswith(".yaml") for line in matching), matching
    else:
        assert any(f".yaml:{case['position']}: " in line for line in matching), matching
    assert seconds < MAX_SECONDS
    assert rss_mib < MAX_RSS_MIB


def test_a_folder_of_bad_profiles_still_lists_the_bundled_profile_and_its_sections() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--profiles-dir", str(BAD), "list"],
        capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=60, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "lao-pdr\tLao PDR"
    assert [line.split("\t")[0].strip() for line in result.stdout.splitlines()[1:7]] == [
        f"lao-pdr/{s}" for s in LAO_SECTIONS
    ]
    assert "alias-bomb.yaml:4:8: aliases" in result.stderr  # the problems are reported, not hidden
    assert "Traceback" not in result.stderr
