"""Hashing and verifying 1,000 signed profiles: `python bench/trust_bench.py [N]`.

Writes N synthetic profiles (bench/make_library.py), signs them all with the real `minisign`
(one key made without a password, one `minisign -S` call for all files), then times, each the best
of three runs so other work on a shared machine does not pass for cost:

- reading and SHA-256 of every file (what the parsed-profile cache keys on);
- checking every file's signature against the trusted key (BLAKE2b-512 and two Ed25519 checks);
- a whole library load, parsed and from the cache, with the signatures checked.

Needs `minisign` on the PATH.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.library import Folder, load_library  # noqa: E402 - needs the path above
from app.library_cache import ProfileCache  # noqa: E402
from app.model import VERIFIED  # noqa: E402
from app.profile_trust import check_trust  # noqa: E402
from app.trusted_keys import load_keys  # noqa: E402


def best_of_three(work: Callable[[], object]) -> float:
    """Seconds of the fastest of three runs."""
    times = []
    for _ in range(3):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def signed_library(count: int, folder: Path) -> tuple[Path, list[Path]]:
    """(keys folder, profile files), every file signed by the key 'Bench'."""
    profiles, keys = folder / "profiles", folder / "keys"
    subprocess.run([sys.executable, str(ROOT / "bench" / "make_library.py"), str(count), str(profiles)],
                   check=True, capture_output=True)
    keys.mkdir()
    minisign = shutil.which("minisign") or "minisign"
    secret = folder / "bench.key"
    subprocess.run([minisign, "-G", "-W", "-p", str(keys / "Bench.pub"), "-s", str(secret)],
                   check=True, capture_output=True, stdin=subprocess.DEVNULL)
    files = sorted(profiles.glob("*.yaml"))
    subprocess.run([minisign, "-S", "-s", str(secret), "-m", *map(str, files)],
                   check=True, capture_output=True, stdin=subprocess.DEVNULL)
    return keys, files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", nargs="?", type=int, default=1000)
    count = parser.parse_args(argv).count
    with tempfile.TemporaryDirectory(prefix="tip-trust-bench-") as temp:
        folder = Path(temp)
        keys_dir, files = signed_library(count, folder)
        keys = load_keys([keys_dir])
        size = sum(f.stat().st_size for f in files)
        hashing = best_of_three(lambda: [hashlib.sha256(f.read_bytes()).digest() for f in files])
        states = [check_trust(f, f.read_bytes(), keys).trust for f in files]
        assert all(s is not None and s.state == VERIFIED for s in states), "a signature did not verify"
        verifying = best_of_three(lambda: [check_trust(f, f.read_bytes(), keys) for f in files])
        library_folder = [Folder(files[0].parent)]
        cache_file = folder / "cache.json"
        parsed = best_of_three(lambda: load_library(library_folder, keys=keys))
        warm = ProfileCache(cache_file, folder / "seal.key")
        load_library(library_folder, keys=keys, cache=warm)
        warm.save()
        cached = best_of_three(lambda: load_library(
            library_folder, keys=keys, cache=ProfileCache(cache_file, folder / "seal.key")))
        unsigned = best_of_three(lambda: load_library(
            library_folder, keys=load_keys([]), cache=ProfileCache(cache_file, folder / "seal.key")))
    print(f"{count} profiles, {size / 1e6:.1f} MB, signed by minisign (prehashed)")
    print(f"read + SHA-256:                  {hashing * 1000:7.1f} ms ({hashing / count * 1e6:.0f} µs each)")
    print(f"read + verify signature:         {verifying * 1000:7.1f} ms ({verifying / count * 1e6:.0f} µs each)")
    print(f"load, parsed, signatures checked:{parsed * 1000:8.1f} ms")
    print(f"load, cached, signatures checked:{cached * 1000:8.1f} ms")
    print(f"load, cached, key not trusted:   {unsigned * 1000:7.1f} ms (no Ed25519 check)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
