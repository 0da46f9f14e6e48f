"""Start-up time and memory of the app against the bare PySide6 window, measured from outside.

Each variant is started in turn (alternating, so drift of the machine hits all alike) on an X
server (a private Xvfb unless --display is given); the time is from just before the process is
spawned to the server's MapNotify of its window, the memory is the resident set of the process and
its children after it has settled. Every run starts with no settings; each variant keeps its
profiles folder and parsed-profile cache from run to run, as a user's starts do (the unmeasured
first start of each variant fills the cache).

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
from xwatch import MapWatcher, resident_kib, start_xvfb

ROOT = Path(__file__).resolve().parent.parent
SETTLE_SECONDS = 1.0  # let deferred start-up work (index building) happen before memory is read


@dataclass
class Variant:
    name: str
    command: list[str]
    library: Path | None = None  # copied once into the variant's user profiles folder
    # Kept from run to run, as between a user's starts: profiles folder and parsed-profile cache.
    data: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="tip-bench-data-")))
    cache: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="tip-bench-cache-")))

    def __post_init__(self) -> None:
        if self.library is not None:
            shutil.copytree(self.library, self.data / "tip-reference" / "profiles")
    times: list[float] = field(default_factory=list)
    memory_kib: list[int] = field(default_factory=list)
    paints: list[float] = field(default_factory=list)  # to the first paint of the page (source runs)


def _environment(variant: Variant, display: str, home: str) -> dict[str, str]:
    return dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", HOME=home,
                XDG_CONFIG_HOME=f"{home}/config", XDG_DATA_HOME=str(variant.data),
                XDG_CACHE_HOME=str(variant.cache))


def run_paint_once(variant: Variant, display: str) -> None:
    """Seconds from spawn to the first paint of the reading pane (bench/paint_probe.py)."""
    if variant.command[0] != sys.executable:
        return  # a frozen build cannot be wrapped
    with tempfile.TemporaryDirectory(prefix="tip-bench-") as home:
        stamp = Path(home) / "painted"
        env = dict(_environment(variant, display, home), TIP_BENCH_PAINT_FILE=str(stamp))
        command = [sys.executable, str(ROOT / "bench" / "paint_probe.py"), *variant.command[1:]]
        start = time.time()
        process = subprocess.Popen(command, env=env, cwd=home, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.perf_counter() + 30
            while not stamp.exists() or not stamp.read_text().strip():
                if time.perf_counter() > deadline:
                    raise TimeoutError(f"{variant.name}: no paint within 30 s")
                time.sleep(0.002)
            variant.paints.append(float(stamp.read_text()) - start)
        finally:
            process.kill()
            process.wait()


def run_once(variant: Variant, display: str) -> None:
    with tempfile.TemporaryDirectory(prefix="tip-bench-") as home:
        env = _environment(variant, display, home)
        watcher = MapWatcher(display)
        try:
            start = time.perf_counter()
            process = subprocess.Popen(variant.command, env=env, cwd=home,
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            mapped = watcher.wait_for(process.pid)
            variant.times.append(mapped - start)
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
    for variant in variants:  # one unmeasured start each: disk caches warm for everybody
        run_once(variant, display)
        variant.times.clear()
        variant.memory_kib.clear()
    for _ in range(runs):
        for variant in variants:
            run_once(variant, display)
            run_paint_once(variant, display)


def summary(variants: list[Variant]) -> dict[str, dict[str, float]]:
    return {
        v.name: {
            "median_s": statistics.median(v.times),
            "min_s": min(v.times),
            "max_s": max(v.times),
            "median_mib": statistics.median(v.memory_kib) / 1024,
            "runs": len(v.times),
            **({"paint_median_s": statistics.median(v.paints)} if v.paints else {}),
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
    variants = [
        Variant("bare window", [python, str(ROOT / "bench" / "bare_window.py")]),
        Variant("source", [python, str(ROOT / "main.py")]),
    ]
    if args.frozen:
        variants.append(Variant("frozen", [str(args.frozen.resolve())]))
    if args.library:
        variants.append(Variant("source, large library", [python, str(ROOT / "main.py")], args.library.resolve()))
        if args.frozen:
            variants.append(Variant("frozen, large library", [str(args.frozen.resolve())], args.library.resolve()))

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
    print(f"{'variant':24} {'median s':>9} {'ratio':>6} {'min s':>7} {'max s':>7} {'MiB':>7} {'ratio':>6} "
          f"{'paint s':>8}")
    for name, row in figures.items():
        print(f"{name:24} {row['median_s']:9.3f} {row['median_s'] / bare['median_s']:6.2f} {row['min_s']:7.3f} "
              f"{row['max_s']:7.3f} {row['median_mib']:7.1f} {row['median_mib'] / bare['median_mib']:6.2f} "
              f"{row.get('paint_median_s', float('nan')):8.3f}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
