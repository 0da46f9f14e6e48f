"""Everything the app keeps on this computer, and where: for the About box and Clear Personal Data.

One list in the core, so the About box, the clearing and their tests cannot disagree. Leftovers of
interrupted saves (hidden `.NAME.xxxx.tmp` files) and damaged bookmarks copies hold bookmarks or
settings too, so they are listed and removed with the rest.
"""

from __future__ import annotations

from pathlib import Path

from app import paths
from app.atomic import leftover_temporaries, remove_leftover_temporaries
from app.bookmark_disk import damaged_copies
from app.records import record

NEVER_STORED = "Never stored: search terms and the history of pages read; they are forgotten when the app closes."


@record
class StoredItem:
    """One thing the app writes: what it holds, and the file or folder holding it."""

    what: str
    path: Path


def stored_items(settings: Path | None = None, bookmarks: Path | None = None) -> tuple[StoredItem, ...]:
    """Every file the app (and Qt on its behalf) writes, with what it holds."""
    from app.fault_log import log_file

    settings = settings or paths.settings_file()
    bookmarks = bookmarks or paths.bookmarks_file()
    items = [
        StoredItem("Settings (window size and place, last page, zoom, theme)", settings),
        StoredItem("Bookmarks", bookmarks),
        StoredItem("Error log (unexpected errors, to report them)", log_file()),
        StoredItem("Cache of parsed profiles (can be deleted at any time)", paths.user_cache_dir()),
        StoredItem("Profiles you added", paths.user_profiles_dir()),
    ]
    qt_history = paths.qt_dialog_history_file()
    if qt_history is not None:
        items.append(StoredItem("Qt's file dialog history (the last folder opened, shared by Qt apps)", qt_history))
    return tuple(items)


def app_folders() -> tuple[Path, ...]:
    """The folders the app saves into, where an interrupted save can leave a temporary file."""
    data = paths.user_data_dir()
    return (data, data / "profiles", data / "logs", paths.user_config_dir(), paths.user_cache_dir())


def leftovers(bookmarks: Path | None = None) -> list[Path]:
    """Temporary files of interrupted saves in the app's folders, and damaged bookmarks copies."""
    found = [path for folder in app_folders() for path in leftover_temporaries(folder)]
    return found + damaged_copies(bookmarks or paths.bookmarks_file())


def remove_leftovers(bookmarks: Path | None = None) -> list[Path]:
    """Remove what `leftovers` lists (Clear Personal Data); returns what was removed. Another copy
    of the app saving at this moment can lose that one save: the user asked to clear everything."""
    removed = [path for folder in app_folders() for path in remove_leftover_temporaries(folder)]
    for copy in damaged_copies(bookmarks or paths.bookmarks_file()):
        try:
            copy.unlink()
        except OSError:
            continue
        removed.append(copy)
    return removed
