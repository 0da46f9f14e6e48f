"""Freed memory goes back to the system after a large library is read."""

from __future__ import annotations

import sys

import pytest

from app.memory import release_free_memory


def _resident_kib() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        return int(status.read().split("VmRSS:")[1].split()[0])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim is Linux's")
def test_memory_freed_after_a_burst_of_work_is_given_back() -> None:
    blocks = [bytes([n % 256]) * 600 for n in range(60_000)]  # 36 MB in blocks too big for pymalloc
    keep = blocks[-1]
    del blocks
    before = _resident_kib()

    assert release_free_memory()
    assert _resident_kib() < before - 10_000
    assert len(keep) == 600
