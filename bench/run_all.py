"""`make bench`: start-up, memory and search figures in one table, written to bench/results.md.

Runs, on this machine: the start-up bench (bench/startup_bench.py: the app from source and, when
built, the frozen one-folder app, each against the bare PySide6 window, alternating, with the
bundled profile and with a 1,000-profile library from bench/make_library.py), then the search
bench (bench/search_bench.py) at 1 and 1,000 profiles. The machine is described with the figures.

    python bench/run_all.py [--runs 15] [--frozen dist/tip-reference/tip-reference] [--output FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
LIBRARY_SIZE = 1000

# The acceptance limits the figures are read against, as ratios to the bare window: the first
# painted page, the window mapped, memory with the bundled profile and with the large library.
PAINT_LIMIT, TIME_LIMIT, MEMORY_LIMIT, LARGE_MEMORY_LIMIT = 1.25, 1.10, 1.12, 1.40
SEARCH_P95_LIMIT_MS, SEARCH_MEDIAN_LIMIT_MS = 10.0, 2.0


def machine() -> list[str]:
    """What the figures were measured on: they mean little without it."""
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split("MemTotal:")[1].split()[0])
        memory = f", {kib / 1024 / 1024:.0f} GiB RAM"
    except (OSError, IndexError, ValueError):
        pass
    qt = subprocess.run(
        [sys.executable, "-c", "import PySide6, PySide6.QtCore as c; print(PySide6.__version__, c.qVersion())"],
        capture_output=True, text=True, check=True,
    ).stdout.split()
    return [
        f"- CPU: {model}, {os.cpu_count()} cores{memory}",
        f"- System: {platform.system()} {platform.release()} ({platform.machine()})",
        f"- Python {platform.python_version()}, PySide6 {qt[0]}, Qt {qt[1]}",
        f"- Measured {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC",
    ]


def _load_average() -> str:
    """The machine may be shared: its load says how far to trust the figures."""
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def run_json(command: list[str]) -> Any:
    """Run a bench script that writes JSON to the file named by its --json option."""
    with tempfile.TemporaryDirectory(prefix="tip-bench-") as folder:
        target = Path(folder) / "figures.json"
        subprocess.run([*command, "--json", str(target)], check=True, stdout=sys.stderr)
        return json.loads(target.read_text(encoding="utf-8"))


def startup_rows(figures: dict[str, dict[str, float]]) -> list[str]:
    bare = figures["bare window"]
    rows = [
        "| variant | first painted page (median s) | ratio | window mapped (median s) | ratio "
        "| memory (MiB) | ratio |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, row in figures.items():
        rows.append(
            f"| {name} | **{row['paint_median_s']:.3f}** | **{row['paint_median_s'] / bare['paint_median_s']:.2f}** "
            f"| {row['median_s']:.3f} | {row['median_s'] / bare['median_s']:.2f} "
            f"| {row['median_mib']:.1f} | {row['median_mib'] / bare['median_mib']:.2f} |"
        )
    return rows


def round_rows(figures: dict[str, dict[str, float]]) -> list[str]:
    return [
        f"- {name}: first painted page {row['paint_round_ratio']:.2f}×, window mapped {row['round_ratio']:.2f}×"
        for name, row in figures.items() if name != "bare window"
    ]


def against(ratio: float, limit: float) -> str:
    """A ratio with its limit, three decimals, and whether it is within it: 1.122 reads as 1.12 at
    two decimals, which hides that it is over a limit of 1.12."""
    return f"{ratio:.3f}× (limit {limit:.2f}×, {'within' if ratio <= limit else 'OVER'})"


def verdicts(startup: dict[str, dict[str, float]], search: dict[str, Any] | None) -> list[str]:
    bare = startup["bare window"]
    lines = []
    for name in ("source", "frozen"):
        if name in startup:
            row = startup[name]
            lines.append(
                f"- {name}: first painted page {against(row['paint_median_s'] / bare['paint_median_s'], PAINT_LIMIT)}, "
                f"window mapped {against(row['median_s'] / bare['median_s'], TIME_LIMIT)}, "
                f"memory {against(row['median_mib'] / bare['median_mib'], MEMORY_LIMIT)}"
            )
        large = f"{name}, large library"
        if large in startup:
            row = startup[large]
            lines.append(
                f"- {large}: memory {against(row['median_mib'] / bare['median_mib'], LARGE_MEMORY_LIMIT)}, "
                f"first painted page {row['paint_median_s'] / bare['paint_median_s']:.2f}×"
            )
    if search is not None:
        lines.extend(search_verdicts(search))
    return lines


def search_rows(search: dict[str, Any]) -> list[str]:
    rows = [
        "| profiles | keystrokes | median (ms) | p95 (ms) | index build (s) | index size (MB) |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    rows.extend(
        f"| {run['profiles']:,} | {run['keystrokes']:,} | {run['median_ms']:.2f} | {run['p95_ms']:.2f} "
        f"| {run['build_s']:.2f} | {run['index_mb']:.1f} |"
        for run in search["results"]
    )
    return rows


def search_verdicts(search: dict[str, Any]) -> list[str]:
    lines = []
    for run in search["results"]:
        if run["profiles"] == 1:
            lines.append(f"- search at 1 profile: median {run['median_ms']:.2f} ms (limit {SEARCH_MEDIAN_LIMIT_MS} ms)")
        else:
            lines.append(
                f"- search at {run['profiles']:,} profiles: p95 {run['p95_ms']:.2f} ms (limit {SEARCH_P95_LIMIT_MS} ms)"
            )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)  # medians of 7 moved by 0.1x between runs here
    parser.add_argument("--frozen", type=Path, default=ROOT / "dist" / "tip-reference" / "tip-reference")
    parser.add_argument("--output", type=Path, default=BENCH / "results.md")
    args = parser.parse_args(argv)

    python = sys.executable
    load_before = _load_average()
    with tempfile.TemporaryDirectory(prefix="tip-bench-library-") as library:
        subprocess.run([python, str(BENCH / "make_library.py"), str(LIBRARY_SIZE), library], check=True,
                       stdout=subprocess.DEVNULL)
        command = [python, str(BENCH / "startup_bench.py"), "--runs", str(args.runs), "--library", library]
        if args.frozen.exists():
            command += ["--frozen", str(args.frozen)]
        else:
            print(f"no frozen build at {args.frozen}: 'make dist' builds it", file=sys.stderr)
        startup = run_json(command)
    search = json.loads(subprocess.run([python, str(BENCH / "search_bench.py"), "--json"], check=True,
                                       capture_output=True, text=True).stdout)

    lines = [
        "# Benchmark results",
        "",
        "From one run of `make bench` (bench/run_all.py), on Xvfb, each variant started in turn with the",
        "bare PySide6 window (bench/bare_window.py, showing the app's first page as HTML). The headline is",
        "the first painted page: from spawn to the first Paint event of the reading pane, which the",
        "program writes to the file named by TIP_REFERENCE_PAINT_FILE (the same from source, frozen and",
        "in the bare window). The window mapped is timed from outside, to the X server's MapNotify; the",
        "resident memory (process and children) is read once the window has settled for a second.",
        f"The large library is {LIBRARY_SIZE:,} synthetic profiles in the user's profiles folder.",
        "",
        "## Machine",
        "",
        *machine(),
        f"- Load average before the run: {load_before}, after: {_load_average()}",
        "",
        f"## Start-up ({args.runs} runs each, medians)",
        "",
        *startup_rows(startup),
        "",
        "Round by round: the median of each round's ratio to the bare window's start in the same round,",
        "which a busy or quiet spell of the machine moves less than the ratio of the medians:",
        "",
        *round_rows(startup),
        "",
        "## Search, per keystroke",
        "",
        *search_rows(search),
        "",
        "## Against the limits",
        "",
        *verdicts(startup, search),
        "",
    ]
    text = "\n".join(lines)
    args.output.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
