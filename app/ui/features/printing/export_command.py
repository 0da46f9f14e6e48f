"""`main.py export-pdf FILE [--profile ID]`: the profiles as a PDF, made without any window.

It runs on Qt's offscreen platform, so it works on a server or in a terminal without a display.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import TextIO

from app.cli import EXIT_OK, UsageError
from app.model import Library


def run_export_pdf(library: Library, profile_id: str | None, target: Path, out: TextIO) -> int:
    from app import APP_ID
    from app.print_pages import profile_job

    if profile_id is None:
        profiles = list(library.profiles)
        if not profiles:
            raise UsageError("no profile is loaded; there is nothing to export")
    else:
        profile = library.profile(profile_id)
        if profile is None:
            raise UsageError(f"no profile '{profile_id}'; '{APP_ID} list' shows the ids")
        profiles = [profile]
    _gui_application()
    from app.ui.features.printing.layout import PrintError, write_pdf
    from app.ui.shell.fonts import register_for

    register_for(library)  # Thai, Khmer, Burmese… text is drawn (and found by pdftotext) in the bundled fonts

    today = date.today()
    try:
        pages = write_pdf(target, [profile_job(p, today) for p in profiles])
    except PrintError as exc:
        raise UsageError(str(exc).rstrip(".")) from None
    out.write(f"{target}: {pages} page{'s' if pages != 1 else ''}\n")
    return EXIT_OK


def _gui_application() -> None:
    """Fonts and painting need a QGuiApplication; the offscreen one needs no display."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        QGuiApplication(["export-pdf"])
