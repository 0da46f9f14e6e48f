"""Whether the desktop asks for dark colours, read without naming PySide6's `Qt` namespace.

PySide6 returns QStyleHints.colorScheme() as a `Qt.ColorScheme`, and naming any enum of `Qt`
builds every one of the namespace's 93 enum types: about 1 MiB (measured in resident memory, 1.4
MiB in a bare process), held for the rest of the session by a start that needs nothing else of it.
On Linux the same C++ getter is called through ctypes instead, in the very Qt library the process
has loaded (found in /proc/self/maps, so never another copy of Qt that may be installed). Where that
cannot be done (another platform, a Qt without the symbol), PySide6 is asked as usual.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from functools import cache

from PySide6.QtGui import QGuiApplication

# Qt::ColorScheme QStyleHints::colorScheme() const, in the Itanium C++ ABI of Linux builds of Qt.
GETTER = "_ZNK11QStyleHints11colorSchemeEv"
LIBRARY = "libQt6Gui.so.6"
DARK = 2  # Qt::ColorScheme::Dark (Unknown is 0, Light 1)


def prefers_dark() -> bool:
    """Whether the platform reports a dark colour scheme (Unknown where it cannot tell)."""
    number = scheme_number()
    if number is not None:
        return number == DARK
    from PySide6.QtCore import Qt  # builds all of Qt's enums: only where the getter cannot be reached

    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def scheme_number() -> int | None:
    """Qt::ColorScheme as a number, from the loaded Qt's own getter; None where it cannot be called."""
    getter = qt_getter()
    if getter is None:
        return None
    import shiboken6

    return int(getter(shiboken6.getCppPointer(QGuiApplication.styleHints())[0]))


@cache
def qt_getter() -> Callable[[int], int] | None:
    """The getter, looked up once: the desktop's scheme is asked at start and at each theme change."""
    library = loaded_library(LIBRARY) if sys.platform.startswith("linux") else None
    if library is None:
        return None
    import ctypes

    try:
        getter = getattr(ctypes.CDLL(library), GETTER)
    except (OSError, AttributeError):
        return None
    getter.restype = ctypes.c_int
    getter.argtypes = [ctypes.c_void_p]
    found: Callable[[int], int] = getter
    return found


def loaded_library(name: str) -> str | None:
    """The path of the library of that file name this process has mapped, if any."""
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:
            for line in maps:
                fields = line.split(maxsplit=5)
                if len(fields) == 6 and os.path.basename(fields[5].rstrip("\n")) == name:
                    return fields[5].rstrip("\n")
    except OSError:
        pass
    return None
