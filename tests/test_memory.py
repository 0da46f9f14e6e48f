"""Freed memory goes back to the system after a large library is read, and a start keeps the
cyclic collector out of its way."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

import pytest

from app.memory import hold_collection, release_free_memory, settle_after_start


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


def test_a_start_holds_the_collector_until_it_settles_and_then_keeps_what_it_built_out_of_it() -> None:
    frozen_before = gc.get_freeze_count()
    try:
        hold_collection()
        assert not gc.isenabled()
        built = [[n] for n in range(1_000)]  # what a start builds and keeps

        settle_after_start()
        assert gc.isenabled()
        assert gc.get_freeze_count() >= frozen_before + len(built)
    finally:
        gc.unfreeze()
        gc.enable()


def test_settling_without_a_held_start_freezes_nothing() -> None:
    frozen_before = gc.get_freeze_count()
    settle_after_start()
    assert gc.isenabled() and gc.get_freeze_count() == frozen_before


def test_a_command_lets_the_collector_run_again_after_a_built_apps_hook_held_it(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A built app holds the collector before its entry runs (tools/pyi_rth_hold_collection.py):
    a command-line command is no start-up burst, so it collects as usual."""
    from app.main import main

    for variable in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(variable, str(tmp_path / variable))
    hold_collection()
    try:
        assert main(["list"]) == 0
        assert gc.isenabled()
    finally:
        gc.enable()
    assert "lao-pdr" in capsys.readouterr().out
