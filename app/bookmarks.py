"""Bookmarks: a user's list of pages, saved at once and atomically, exported and imported as files.

Two copies of the app may run at once, so every change is a read-modify-write of the file on disk
under a lock (app/file_lock.py): the change is applied by address to what is on disk now, never by
writing this window's possibly stale list over it, so each copy keeps the other's bookmarks, a
deleted one stays deleted and a renamed one keeps its new title. Nothing is ever lost silently: a
file that cannot be read is kept as `bookmarks.json.damaged-YYYYMMDD-HHMMSS` before a new one is
written, a newer version's file is never overwritten, a pipe or device in its place is never
written through, and a save through a symlink writes the file it points to.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

from app.atomic import remove_leftover_temporaries, write_atomically
from app.bookmark_disk import damaged_copies, keep_damaged, read_disk, real_target
from app.bookmark_format import (
    FORMAT,
    MAX_TEXT,
    VERSION,
    Bookmark,
    BookmarkError,
    clean_title,
    dump_bookmarks,
    parse_bookmarks,
    text_problem,
)
from app.file_lock import FileLock
from app.model import Address
from app.os_words import os_words
from app.records import replace
from app.user_file import BOOKMARKS_LIMIT, Unreadable, read_user_file, shown_path

__all__ = ["FORMAT", "VERSION", "Bookmark", "BookmarkError", "Bookmarks", "dump_bookmarks", "parse_bookmarks"]

Change = Callable[[list[Bookmark]], list[Bookmark]]


class Bookmarks:
    """The user's bookmarks, in their order; every change is written to the file before returning.

    `warning` holds the sentence to show when the file could not be read, the last change could
    not be saved, or something was kept aside (a damaged file's copy).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.warning: str | None = None
        self._items: list[Bookmark] = []
        self._remove_leftovers()
        self.reload()

    @property
    def lock_path(self) -> Path:
        return self.path.with_name(self.path.name + ".lock")

    def reload(self) -> None:
        state = read_disk(real_target(self.path), self.path)
        self._items = list(state.bookmarks)
        self.warning = state.refusal or state.damaged_note

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
        """Add a bookmark for its page, or remove the one this window shows; True when it was added."""
        address = bookmark.address
        if self.find(address) is not None:
            self._change(lambda items: [b for b in items if b.address != address])
            return False
        title = clean_title(bookmark.title) or str(address)
        added = Bookmark(address, title, clean_title(bookmark.profile))
        self._change(lambda items: items if any(b.address == address for b in items) else [*items, added])
        return True

    def rename(self, index: int, title: str) -> bool:
        """Give a bookmark a new title; False (and a warning) when the title breaks the text rules."""
        title = title.strip()
        problem = text_problem(title)
        if problem is not None:
            self.warning = f"The bookmark was not renamed: {problem}."
            return False
        if not title:
            return False
        address, title = self._items[index].address, title[:MAX_TEXT]
        return self._change(lambda items: [replace(b, title=title) if b.address == address else b for b in items])

    def move(self, index: int, step: int) -> int:
        """Move a bookmark up (-1) or down (+1); returns its new position."""
        address = self._items[index].address

        def moved(items: list[Bookmark]) -> list[Bookmark]:
            at = next((i for i, b in enumerate(items) if b.address == address), None)
            if at is None:
                return items
            target = min(max(at + step, 0), len(items) - 1)
            items.insert(target, items.pop(at))
            return items

        self._change(moved)
        position = self.find(address)
        return index if position is None else position

    def remove(self, index: int) -> None:
        address = self._items[index].address
        self._change(lambda items: [b for b in items if b.address != address])

    def restore(self, bookmark: Bookmark, index: int) -> bool:
        """Put a deleted bookmark back at its place (undo); False if its page is bookmarked again."""

        def restored(items: list[Bookmark]) -> list[Bookmark]:
            if any(b.address == bookmark.address for b in items):
                return items
            items.insert(min(max(index, 0), len(items)), bookmark)
            return items

        return self._change(restored) and self.find(bookmark.address) is not None

    def merge(self, bookmarks: list[Bookmark]) -> int:
        """Add imported bookmarks whose pages are not bookmarked yet; returns how many were added."""
        added: list[Bookmark] = []

        def merged(items: list[Bookmark]) -> list[Bookmark]:
            known = {b.address for b in items}
            added.clear()
            for bookmark in bookmarks:
                if bookmark.address not in known:
                    known.add(bookmark.address)
                    added.append(bookmark)
            return [*items, *added]

        return len(added) if self._change(merged) else 0

    def export(self, target: Path) -> None:
        try:
            write_atomically(target, dump_bookmarks(self._items).encode("utf-8"))
        except OSError as exc:
            raise BookmarkError(f"Cannot write {shown_path(target)}: {os_words(exc)}.") from None

    def read_import(self, source: Path) -> list[Bookmark]:
        """The bookmarks of a file to import: bounded, strict, or a BookmarkError in one sentence."""
        data = read_user_file(source, BOOKMARKS_LIMIT)
        if isinstance(data, Unreadable):
            raise BookmarkError(data.sentence("file"))
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise BookmarkError(f"{shown_path(source)} is not a bookmarks file (not UTF-8 text).") from None
        return parse_bookmarks(text, shown_path(source))

    def delete_file(self) -> None:
        """Forget every bookmark and remove the file, its damaged copies and leftovers (Clear personal data)."""
        self._items = []
        self.warning = None
        target = real_target(self.path)
        with contextlib.suppress(OSError), FileLock(self.lock_path):
            for old in (target, *damaged_copies(target)):
                with contextlib.suppress(FileNotFoundError):
                    old.unlink()
            remove_leftover_temporaries(target.parent, target.name)
        with contextlib.suppress(OSError):
            if self.path.is_symlink():
                self.path.unlink()

    def _change(self, change: Change) -> bool:
        """Apply `change` to the list on disk under the lock and write it back; False on refusal."""
        target = real_target(self.path)
        try:
            with FileLock(self.lock_path):
                state = read_disk(target, self.path)
                if state.refusal is not None:
                    self._items, self.warning = list(state.bookmarks), state.refusal
                    return False
                items = change(list(state.bookmarks))
                kept = keep_damaged(target) if state.damaged_note else None
                write_atomically(target, dump_bookmarks(items).encode("utf-8"))
        except OSError as exc:
            self.warning = f"The bookmarks cannot be saved to {shown_path(self.path)} ({os_words(exc)})."
            return False
        self._items = items
        self.warning = _kept_note(kept)
        return True

    def _remove_leftovers(self) -> None:
        """Temporary files of a save that was killed: under the lock no save is running, so any
        temporary file there is a leftover (holding bookmarks nobody sees)."""
        target = real_target(self.path)
        if not target.parent.is_dir():
            return
        with contextlib.suppress(OSError), FileLock(self.lock_path):
            remove_leftover_temporaries(target.parent, target.name)


def _kept_note(kept: Path | None) -> str | None:
    if kept is None:
        return None
    return f"The unreadable bookmarks file was kept as {shown_path(kept)}; a new one was written."

