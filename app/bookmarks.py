"""Bookmarks: a user's list of pages, saved at once and atomically, exported and imported as files.

The file is JSON, `{"format": "tip-reference-bookmarks", "version": 1, "bookmarks": [...]}`, each
bookmark `{"address": "lao-pdr/challenges", "title": "...", "profile": "Lao PDR"}`. A damaged or
foreign file never stops the app: it reads as an empty list and a warning the window shows.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from app.atomic import write_atomically
from app.model import Address

FORMAT = "tip-reference-bookmarks"
VERSION = 1
# Far more than anyone keeps; a file with more is not ours, or damaged.
MAX_BOOKMARKS = 10_000
MAX_TEXT = 500


@dataclass(frozen=True)
class Bookmark:
    """A page and the names it is listed under: its title (renamable) and its profile's name."""

    address: Address
    title: str
    profile: str

    @property
    def label(self) -> str:
        """How the Bookmarks menu lists it: "Title — Profile"."""
        # A profile's own page is titled with the profile's name: saying it twice helps no one.
        return f"{self.title} — {self.profile}" if self.profile and self.profile != self.title else self.title


class BookmarkError(Exception):
    """A bookmarks file that cannot be read or written; the message is one sentence for the user."""


def parse_bookmarks(text: str, origin: str) -> list[Bookmark]:
    """The bookmarks in a file's text; raises BookmarkError saying what is wrong with it."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise BookmarkError(f"{origin} is not a bookmarks file (damaged JSON: {exc}).") from None
    except RecursionError:  # "[[[[…" thousands deep: json gives up, and so do we
        raise BookmarkError(f"{origin} is not a bookmarks file (nested too deeply).") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BookmarkError(f"{origin} is not a bookmarks file of this app.")
    if not isinstance(data.get("version"), int) or data["version"] > VERSION:
        raise BookmarkError(f"{origin} was written by a newer version of this app.")
    entries = data.get("bookmarks")
    if not isinstance(entries, list) or len(entries) > MAX_BOOKMARKS:
        raise BookmarkError(f"{origin} has no readable list of bookmarks.")
    bookmarks = []
    for number, entry in enumerate(entries, 1):
        bookmark = _bookmark(entry)
        if bookmark is None:
            raise BookmarkError(f"{origin}: bookmark {number} is damaged.")
        bookmarks.append(bookmark)
    return bookmarks


def _bookmark(entry: Any) -> Bookmark | None:
    if not isinstance(entry, dict):
        return None
    address_text, title, profile = entry.get("address"), entry.get("title"), entry.get("profile", "")
    if not (isinstance(address_text, str) and isinstance(title, str) and isinstance(profile, str)):
        return None
    if max(len(address_text), len(title), len(profile)) > MAX_TEXT:
        return None
    address = Address.parse(address_text)
    if address is None or not title.strip():
        return None
    return Bookmark(address, title.strip(), profile.strip())


def dump_bookmarks(bookmarks: list[Bookmark]) -> str:
    entries = [{"address": str(b.address), "title": b.title, "profile": b.profile} for b in bookmarks]
    return json.dumps({"format": FORMAT, "version": VERSION, "bookmarks": entries}, ensure_ascii=False, indent=2)


class Bookmarks:
    """The user's bookmarks, in their order; every change is written to the file before returning.

    `warning` holds the sentence to show when the file could not be read (the list is then empty)
    or the last change could not be saved.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.warning: str | None = None
        self._items: list[Bookmark] = []
        self.reload()

    def reload(self) -> None:
        self._items = []
        self.warning = None
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return
        except (OSError, UnicodeDecodeError) as exc:
            self.warning = f"The bookmarks file {self.path} cannot be read ({exc}); no bookmarks are shown."
            return
        try:
            self._items = parse_bookmarks(text, f"The bookmarks file {self.path}")
        except BookmarkError as exc:
            self.warning = f"{exc} No bookmarks are shown; the file is left as it is until a bookmark is added."

    def __iter__(self) -> Iterator[Bookmark]:
        return iter(list(self._items))

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, index: int) -> Bookmark:
        return self._items[index]

    def find(self, address: Address) -> int | None:
        """The position of the bookmark on a page (section or profile page), or None."""
        return next((i for i, b in enumerate(self._items) if b.address == address), None)

    def toggle(self, bookmark: Bookmark) -> bool:
        """Add a bookmark for its page, or remove the one already there; True when it was added."""
        index = self.find(bookmark.address)
        if index is None:
            self._items.append(bookmark)
        else:
            del self._items[index]
        self._save()
        return index is None

    def rename(self, index: int, title: str) -> None:
        title = title.strip()
        if title:
            self._items[index] = replace(self._items[index], title=title[:MAX_TEXT])
            self._save()

    def move(self, index: int, step: int) -> int:
        """Move a bookmark up (-1) or down (+1); returns its new position."""
        target = min(max(index + step, 0), len(self._items) - 1)
        if target != index:
            self._items.insert(target, self._items.pop(index))
            self._save()
        return target

    def remove(self, index: int) -> None:
        del self._items[index]
        self._save()

    def replace_all(self, bookmarks: list[Bookmark]) -> None:
        self._items = list(bookmarks)
        self._save()

    def merge(self, bookmarks: list[Bookmark]) -> int:
        """Add imported bookmarks whose pages are not bookmarked yet; returns how many were added."""
        known = {b.address for b in self._items}
        new = []
        for bookmark in bookmarks:
            if bookmark.address not in known:
                known.add(bookmark.address)
                new.append(bookmark)
        if new:
            self._items.extend(new)
            self._save()
        return len(new)

    def export(self, target: Path) -> None:
        try:
            write_atomically(target, dump_bookmarks(self._items).encode("utf-8"))
        except OSError as exc:
            raise BookmarkError(f"Cannot write {target}: {exc.strerror or exc}.") from None

    def read_import(self, source: Path) -> list[Bookmark]:
        try:
            text = source.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise BookmarkError(f"Cannot read {source}: {exc}.") from None
        return parse_bookmarks(text, str(source))

    def delete_file(self) -> None:
        """Forget every bookmark and remove the file (Clear personal data)."""
        self._items = []
        self.warning = None
        self.path.unlink(missing_ok=True)

    def _save(self) -> None:
        try:
            write_atomically(self.path, dump_bookmarks(self._items).encode("utf-8"))
            self.warning = None
        except OSError as exc:
            self.warning = f"The bookmarks cannot be saved to {self.path} ({exc.strerror or exc})."
