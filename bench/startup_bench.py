"""Start-up time and memory of the app against the bare PySide6 window, measured from outside.

Each variant is started in turn (alternating, so drift of the machine hits all alike) on an X
server (a private Xvfb unless --display is given). Three figures per start: the first painted
page, from just before the process is spawned to the first Paint event of its reading pane (the
time the program itself writes to the file named by TIP_REFERENCE_PAINT_FILE, the same way from
source, frozen and in the bare window); the window mapped, to the server's MapNotify of its window
(seen from outside); and the resident set of the process and its children once it has settled.
Every run starts with no settings; each variant keeps its profiles folder and parsed-profile
cache from run to run, as a user's starts do (the unmeasured first start of each variant fills
the cache). Before that first start, every variant's files are dropped from the page cache, so
none reads larger in memory for having just been built (bench/page_cache.py). Beside the ratio
of the medians, each variant's median ratio to the floor's start in the same round is reported.

    python bench/startup_bench.py [--runs 7] [--frozen dist/tip-reference/tip-reference]
                                  [--library DIR-with-1000-profiles] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from page_cache import drop, package_folders
from xwatch import MapWatcher, resident_kib, start_xvfb

ROOT = Path(__file__).resolve().parent.parent
PAINT_FILE_VARIABLE = "TIP_REFERENCE_PAINT_FILE"  # app/ui/shell/first_paint.py and the bare window read it
SETTLE_SECONDS = 1.0  # let deferred start-up work (index building) happen before memory is read


@dataclass
class Variant:
    name: str
    command: list[str]
    library: Path | None = None  # copied once into the variant's user profiles folder
    files: list[Path] = field(default_factory=list)  # what it reads, dropped from the page cache first
    # Kept from run to run, as between a user's starts: profiles folder and parsed-profile cache.
    data: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="tip-bench-data-")))
    cache: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="tip-bench-cache-")))

    def __post_init__(self) -> None:
        if self.library is not None:
            shutil.copytree(self.library, self.data / "tip-reference" / "profiles")
    times: list[float] = field(default_factory=list)
    memory_kib: list[int] = field(default_factory=list)
    paints: list[float] = field(default_factory=list)  # to the first paint of the reading pane


def _environment(variant: Variant, display: str, home: str) -> dict[str, str]:
    """A fresh home for each start; Python keeps its compiled modules, as it does for a user (a
    shell that says PYTHONDONTWRITEBYTECODE would make every source start compile the app anew)."""
    inherited = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return dict(inherited, DISPLAY=display, QT_QPA_PLATFORM="xcb", HOME=home,
                XDG_CONFIG_HOME=f"{home}/config", XDG_DATA_HOME=str(variant.data),
                XDG_CACHE_HOME=str(variant.cache))


def wait_for_paint(stamp: Path, name: str) -> float:
    """The wall-clock time the program wrote when its reading pane was first painted."""
    deadline = time.perf_counter() + 30
    while not stamp.exists() or not stamp.read_text().strip():
        if time.perf_counter() > deadline:
            raise TimeoutError(f"{name}: no paint within 30 s")
        time.sleep(0.002)
    return float(stamp.read_text())


def run_once(variant: Variant, display: str) -> None:
    """One start: to the window mapped (MapNotify, from outside), to the reading pane's first paint
    (the time the program itself writes to PAINT_FILE_VARIABLE's file), then the memory."""
    with tempfile.TemporaryDirectory(prefix="tip-bench-") as home:
        stamp = Path(home) / "painted"
        env = dict(_environment(variant, display, home), **{PAINT_FILE_VARIABLE: str(stamp)})
        watcher = MapWatcher(display)
        try:
            start = time.perf_counter()
            wall_start = time.time()
            process = subprocess.Popen(variant.command, env=env, cwd=home,
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            mapped = watcher.wait_for(process.pid)
            variant.times.append(mapped - start)
            variant.paints.append(wait_for_paint(stamp, variant.name) - wall_start)
            time.sleep(SETTLE_SECONDS)
            variant.memory_kib.append(resident_kib(process.pid))
        finally:
            watcher.close()
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def measure(variants: list[Variant], runs: int, display: str) -> None:
    drop(folder for variant in variants for folder in variant.files)  # all alike (see page_cache.py)
    for variant in variants:  # one unmeasured start each: disk caches warm for everybody
        run_once(variant, display)
        variant.times.clear()
        variant.memory_kib.clear()
        variant.paints.clear()
    for _ in range(runs):
        for variant in variants:
            run_once(variant, display)


def round_ratio(times: list[float], floor: list[float]) -> float:
    """The median of each round's ratio to the floor's start in the same round. A busy or quiet
    spell of the machine slows or speeds both starts of a round alike; the ratio of two medians
    can set one variant's quiet starts against the other's busy ones."""
    return statistics.median(t / f for t, f in zip(times, floor, strict=True))


def summary(variants: list[Variant]) -> dict[str, dict[str, float]]:
    bare = variants[0]  # the floor comes first in every round
    return {
        v.name: {
            "paint_round_ratio": round_ratio(v.paints, bare.paints),
            "round_ratio": round_ratio(v.times, bare.times),
            "median_s": statistics.median(v.times),
            "min_s": min(v.times),
            "max_s": max(v.times),
            "median_mib": statistics.median(v.memory_kib) / 1024,
            "runs": len(v.times),
            "paint_median_s": statistics.median(v.paints),
            "paint_min_s": min(v.paints),
            "paint_max_s": max(v.paints),
        }
        for v in variants
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--frozen", type=Path, help="the built one-folder executable")
    parser.add_argument("--library", type=Path, help="a folder of profiles for the large-library runs")
    parser.add_argument("--display", help="an X display to use instead of a private Xvfb")
    parser.add_argument("--json", type=Path, help="write the figures here as JSON")
    args = parser.parse_args(argv)

    python = sys.executable
    page = Path(tempfile.mkdtemp(prefix="tip-bench-page-")) / "first-page.html"
    subprocess.run([python, str(ROOT / "bench" / "first_page_html.py"), str(page)], check=True)
    toolkit = package_folders("PySide6", "shiboken6")
    source_files = [*toolkit, ROOT / "app", ROOT / "data"]
    variants = [
        Variant("bare window", [python, str(ROOT / "bench" / "bare_window.py"), "--html", str(page)], files=toolkit),
        Variant("source", [python, str(ROOT / "main.py")], files=source_files),
    ]
    if args.frozen:
        frozen_files = [args.frozen.resolve().parent]
        variants.append(Variant("frozen", [str(args.frozen.resolve())], files=frozen_files))
    if args.library:
        variants.append(Variant("source, large library", [python, str(ROOT / "main.py")], args.library.resolve(),
                                files=source_files))
        if args.frozen:
            variants.append(Variant("frozen, large library", [str(args.frozen.resolve())], args.library.resolve(),
                                    files=frozen_files))

    server = None
    display = args.display
    if display is None:
        server, display = start_xvfb()
    try:
        measure(variants, args.runs, display)
    finally:
        if server is not None:
            server.terminate()
            server.wait()

    for variant in variants:
        shutil.rmtree(variant.data, ignore_errors=True)
        shutil.rmtree(variant.cache, ignore_errors=True)
    figures = summary(variants)
    bare = figures["bare window"]
    print(f"{'variant':24} {'paint s':>8} {'ratio':>6} {'round':>6} {'mapped s':>9} {'ratio':>6} {'min s':>7} "
          f"{'max s':>7} {'MiB':>7} {'ratio':>6}")
    for name, row in figures.items():
        print(f"{name:24} {row['paint_median_s']:8.3f} {row['paint_median_s'] / bare['paint_median_s']:6.2f} "
              f"{row['paint_round_ratio']:6.2f} "
              f"{row['median_s']:9.3f} {row['median_s'] / bare['median_s']:6.2f} {row['min_s']:7.3f} "
              f"{row['max_s']:7.3f} {row['median_mib']:7.1f} {row['median_mib'] / bare['median_mib']:6.2f}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
