"""Writes the HTML of the page the app opens on a fresh start, for the floor window to show.

    python bench/first_page_html.py FILE

The bare window (bench/bare_window.py --html FILE) then lays out and paints the same text as the
app's first page, so the paint figures compare like with like. Run offscreen, with the app's own
renderer, in the bench's process: the floor itself imports nothing of the app.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main(argv: list[str]) -> int:
    if len(argv) != 1 or argv[0].startswith("-"):  # `--help` is not a file to write the page to
        print(__doc__.strip().splitlines()[0], "\n\n    python bench/first_page_html.py FILE", file=sys.stderr)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QTextBrowser

    from app.library import LibrarySource, default_folders
    from app.model import Address
    from app.ui.shell.page import page_for

    app = QApplication.instance() or QApplication([])
    library = LibrarySource(tuple(default_folders()), (), False).load(bundled_only=True)
    page = page_for(library, Address(library.profiles[0].id), date.today(), QTextBrowser().palette())
    assert page is not None
    Path(argv[0]).write_text(page.html, encoding="utf-8")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
