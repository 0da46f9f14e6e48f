"""Every variant's files out of the page cache before the start-up bench, so all start alike.

Resident memory counts the pages of a library that a process has mapped, and on a fault the kernel
maps the cached neighbours of the page touched as well (fault-around). A library just written, as
`make dist` writes the one-folder build and then reads it whole into its archive, is cached in
full and so reads larger in every start than the same library installed long ago, of which only
what starts use is still cached: on this machine about 1 MiB of the frozen app's figure. Dropping
the cache of each variant's own files first (the frozen app's folder; PySide6, shiboken6 and the
app's sources for the runs from source) lets the unmeasured first start of each read back what
its starts need, the same way for every variant.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterable
from pathlib import Path


def package_folders(*names: str) -> list[Path]:
    """The folders of installed packages, as this Python would import them (not imported here)."""
    folders: list[Path] = []
    for name in names:
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.submodule_search_locations:
            folders.extend(Path(location) for location in spec.submodule_search_locations)
    return folders


def drop(folders: Iterable[Path]) -> int:
    """Advise the kernel to drop the cached pages of every file below the folders; how many files."""
    dropped = 0
    for folder in folders:
        for parent, _, names in os.walk(folder):
            for name in names:
                try:
                    handle = os.open(os.path.join(parent, name), os.O_RDONLY | os.O_NONBLOCK)
                except OSError:
                    continue
                try:
                    os.posix_fadvise(handle, 0, 0, os.POSIX_FADV_DONTNEED)
                    dropped += 1
                except OSError:
                    pass
                finally:
                    os.close(handle)
    return dropped
