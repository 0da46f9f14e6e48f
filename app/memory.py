"""Gives memory freed after a burst of work back to the system, and keeps the cyclic garbage
collector out of a start.

A start builds a few hundred thousand objects (modules, classes, PySide6's enums, the library)
and frees almost none, yet the collector runs every 700 allocations and walks them again each
time: held off until the first page is painted, the first paint comes 15-30 ms sooner (median
of 11 starts each on Xvfb). Once painted, what the start built is collected once and then frozen
(kept out of later collections, as it lives as long as the app).

Reading a large library parses its cache (10 MB of JSON for 1,000 profiles) into objects that are
dropped once the profiles are built. CPython frees them, but glibc's allocator keeps freed blocks
in the process for reuse, so the resident memory stays at the peak (about 18 MiB more for 1,000
profiles, measured from /proc/PID/status) for the life of the app. malloc_trim(0) hands the free
pages back. Elsewhere (not Linux, or a C library without malloc_trim) this does nothing.
"""

from __future__ import annotations

import gc
import sys


def hold_collection() -> None:
    """No cyclic collection until settle_after_start(): for the start's burst of allocations.
    The built app holds it before its entry runs (tools/pyi_rth_hold_collection.py)."""
    gc.disable()


def resume_collection() -> None:
    """Collection as usual, for a command-line command: a built app's run-time hook held it
    before the entry could tell a command from a window."""
    gc.enable()


def settle_after_start() -> None:
    """The start is over: if the collector was held, collect once, keep what survives out of
    later collections and collect as usual from now on; then give freed pages back. (A window
    built without a held start, as tests build them, has nothing frozen.)"""
    if not gc.isenabled():
        gc.collect()
        gc.freeze()
        gc.enable()
    release_free_memory()


def release_free_memory() -> bool:
    """Return freed heap pages to the system; True if the C library could be asked."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes  # late: only once a start or a large library has been read

    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):  # not glibc
        return False
    trim(0)
    return True
