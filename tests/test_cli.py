"""The command line: each command's output and exit code; errors as one sentence, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from app import __version__
from app.main import main
from tests.conftest import LAO_SECTIONS, ROOT, WriteProfile, minimal_profile


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """The real entry point in a child process, as a user's shell would start it."""
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, encoding="utf-8", timeout=60
    )


def test_list_prints_the_profile_and_its_six_sections_in_source_order(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "lao-pdr\tLao PDR"
    assert [line.split("\t")[0] for line in lines[1:]] == [f"  lao-pdr/{s}" for s in LAO_SECTIONS]
    assert lines[5] == "  lao-pdr/anti-trafficking-mechanisms\tAnti-trafficking mechanisms at a glance"


def test_text_prints_facts_as_label_value_year(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["text", "lao-pdr"]) == 0
    out = capsys.readouterr().out
    assert "\nPopulation: 6.6 million (2012)\n" in out
    assert "\nUnofficial: 6.8 million (2014 estimate)\n" in out
    assert "\nFax: +856 21 267 792 / +856 21 267 799\n" in out


def test_text_without_a_profile_prints_every_profile(
    capsys: pytest.CaptureFixture[str], write_profile: WriteProfile, tmp_path: Path
) -> None:
    write_profile(minimal_profile())
    assert main(["--profiles-dir", str(tmp_path), "text"]) == 0
    out = capsys.readouterr().out
    assert "Lao PDR Quick Facts" in out and "Facts of Testland" in out


def test_profiles_dir_is_accepted_after_the_command_too(
    capsys: pytest.CaptureFixture[str], write_profile: WriteProfile, tmp_path: Path
) -> None:
    write_profile(minimal_profile())
    assert main(["list", "--profiles-dir", str(tmp_path)]) == 0
    assert "testland\tTestland" in capsys.readouterr().out


def test_validate_bundled_profiles_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(ROOT / "data" / "profiles")]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "1 valid profile, no problems" in captured.err


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("schema: 1\nid: [oops\n", ":3:1: YAML syntax error"),
        (minimal_profile().replace("value: Testville", "value: 12.5"), ":10:37: 'value' must be text"),
    ],
)
def test_validate_reports_file_line_column_and_exits_one(text: str, expected: str, write_profile: WriteProfile) -> None:
    path = write_profile(text, "bad.yaml")
    result = run("validate", str(path))
    assert result.returncode == 1
    assert result.stdout.startswith(f"{path}{expected}")
    assert "Traceback" not in result.stdout + result.stderr


def test_list_reports_a_bad_profile_on_stderr_and_still_lists_the_good_ones(
    write_profile: WriteProfile, tmp_path: Path
) -> None:
    write_profile("schema: 1\nid: [oops\n", "bad.yaml")
    result = run("--profiles-dir", str(tmp_path), "list")
    assert result.returncode == 0
    assert result.stdout.startswith("lao-pdr\tLao PDR\n")
    assert "bad.yaml:3:1: YAML syntax error" in result.stderr


def test_version_prints_the_package_version() -> None:
    result = run("--version")
    assert (result.returncode, result.stdout.strip()) == (0, f"TIP Reference {__version__}")


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["text", "nowhere"], "no profile 'nowhere'"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        (["--size", "big", "list"], "size must look like 1280x800"),
        (["--profiles-dir", "/no/such/folder", "list"], "no such folder"),
        (["--section", "a/b/c", "list"], "expected an id such as lao-pdr/challenges"),
        (["validate"], "the following arguments are required: PATH"),
    ],
)
def test_bad_arguments_exit_two_with_one_sentence(args: list[str], fragment: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert fragment in result.stderr and "Traceback" not in result.stderr


def test_unknown_section_for_the_window_exits_two_before_opening_it() -> None:
    result = run("--section", "lao-pdr/nowhere", "--screenshot", "unused.png")
    assert result.returncode == 2
    assert "--section lao-pdr/nowhere: no such section" in result.stderr


def test_text_commands_never_import_qt() -> None:
    code = "import sys; from app.main import main; main(['list']); print('PySide6' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.stdout.strip().endswith("False")


def test_search_prints_ranked_hits_as_json() -> None:
    import io
    import json

    from app.cli import parse_args, run_command

    out, err = io.StringIO(), io.StringIO()
    code = run_command(parse_args(["search", "shelters", "--json", "--limit", "3"]), out, err)
    result = json.loads(out.getvalue())
    assert code == 0
    assert result["query"] == "shelters"
    assert result["hits"][0]["section"] == "anti-trafficking-mechanisms"
    assert {"profile", "section", "block", "title", "snippet", "score"} <= result["hits"][0].keys()
    assert result["suggestions"] == []


def test_search_without_hits_suggests_words_and_exits_1() -> None:
    import io
    import json

    from app.cli import parse_args, run_command

    out, err = io.StringIO(), io.StringIO()
    code = run_command(parse_args(["search", "brokrs", "--json"]), out, err)
    assert code == 1
    assert json.loads(out.getvalue())["suggestions"][0] == "brokers"


def test_search_text_output_is_one_line_per_hit() -> None:
    import io

    from app.cli import parse_args, run_command

    out, err = io.StringIO(), io.StringIO()
    run_command(parse_args(["search", "labour", "--limit", "2"]), out, err)
    lines = out.getvalue().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("lao-pdr/") and lines[0].count("\t") == 2
