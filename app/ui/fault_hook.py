"""What the window sets up about faults before its first paint, kept light: the excepthook loads
the dialog and the log (app.ui.faults, logging) only when an error actually happens, and the
settings check needs nothing but `os`.
"""

from __future__ import annotations

import os
import sys
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.ui.settings import Settings


def _excepthook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
    from app.ui.faults import handle_exception

    handle_exception(kind, error, trace)


def install_excepthook() -> None:
    """From now on an error in a slot is logged and shown in a dialog, never lost on a console."""
    sys.excepthook = _excepthook


def settings_warning(settings: Settings) -> str | None:
    """Why settings will not be read or kept, if so: the window then runs on defaults and says so."""
    problem = settings.problem
    if problem is not None:
        return problem
    path = settings.path
    if path.exists():
        writable = path.is_file() and os.access(path, os.W_OK)
    else:  # the nearest existing folder must be a folder we may create files in
        existing = next((p for p in path.parents if p.exists()), None)
        writable = existing is None or (existing.is_dir() and os.access(existing, os.W_OK))
    if not writable:
        return f"The settings file {path} cannot be written; settings will not be saved."
    return None
