"""The bookmarks file format: what a bookmark is, and reading and writing the JSON that holds them.

`{"format": "tip-reference-bookmarks", "version": 1, "bookmarks": [...]}`, each bookmark
`{"address": "lao-pdr/challenges", "title": "...", "profile": "Lao PDR"}`. Files are imported from
other people, so reading is strict: duplicate keys, NaN and Infinity, a version that is not a
positive whole number, and titles with invisible or control characters are refused, each with one
sentence. The app's own file is read leniently (`strict=False`): a bad entry is left out and
counted, so one damaged title never hides every other bookmark.
"""

from __future__ import annotations

import json
from typing import Any, NoReturn

from app.model import Address
from app.records import record

FORMAT = "tip-reference-bookmarks"
VERSION = 1
# Far more than anyone keeps; a file with more is not ours, or damaged.
MAX_BOOKMARKS = 10_000
MAX_TEXT = 500
_JOINERS = {"\u200c", "\u200d"}  # ZWNJ and ZWJ shape Indic and emoji text; every other Cf is hidden


@record
class Bookmark:
    """A page and the names it is listed under: its title (renamable) and its profile's name."""

    address: Address
    title: str
    profile: str

    @property
    def description(self) -> str:
        """A tooltip in words, never the internal address: "TIP challenges ahead, in the Lao PDR profile"."""
        if not self.profile or self.profile == self.title:
            return f"{self.title}: the profile's own page"
        return f"{self.title}, in the {self.profile} profile"

    @property
    def label(self) -> str:
        """How the Bookmarks menu lists it: "Title — Profile"."""
        # A profile's own page is titled with the profile's name: saying it twice helps no one.
        return f"{self.title} — {self.profile}" if self.profile and self.profile != self.title else self.title


@record
class ParsedBookmarks:
    """What a file held: its bookmarks, its version, and how many entries were left out."""

    bookmarks: tuple[Bookmark, ...]
    version: int
    skipped: int = 0


class BookmarkError(Exception):
    """A bookmarks file that cannot be read or written; the message is one sentence for the user."""


class NewerVersionError(BookmarkError):
    """The file was written by a newer version of the app: readable in part, never overwritten.
    `partial` holds the bookmarks this version could read from it."""

    def __init__(self, message: str, partial: ParsedBookmarks) -> None:
        super().__init__(message)
        self.partial = partial


def text_problem(text: str) -> str | None:
    """Why a title cannot be shown as it is, or None. The profile text rules, for one line.

    Refused: control characters (BEL, ESC, newlines: C0 and C1), lone surrogates (they cannot be
    written as UTF-8, so one would stop every later save), bidi controls and other format
    characters except ZWJ/ZWNJ (they reorder or hide what is shown), private-use and unassigned
    code points (no font shows them the same way twice).
    """
    # TODO(text policy): switch to the shared app/text_policy.py once it is merged.
    import unicodedata  # late, as in the two functions below: a start with no bookmarks needs no tables

    for char in text:
        category = unicodedata.category(char)
        if category in ("Cc", "Cs", "Co", "Cn") or (category == "Cf" and char not in _JOINERS):
            return f"it holds an invisible or control character, U+{ord(char):04X}"
    return None


def clean_title(text: str) -> str:
    """A title with every character the rules refuse dropped, NFC, trimmed and capped."""
    import unicodedata

    kept = "".join(c for c in text if text_problem(c) is None)
    return unicodedata.normalize("NFC", kept).strip()[:MAX_TEXT]


def parse_bookmarks(text: str, origin: str) -> list[Bookmark]:
    """The bookmarks in an imported file's text; raises BookmarkError saying what is wrong."""
    return list(parse_document(text, origin, strict=True).bookmarks)


def parse_document(text: str, origin: str, *, strict: bool) -> ParsedBookmarks:
    """Read a bookmarks file. Raises NewerVersionError (with what could be read in `partial`) for a
    newer version's file, BookmarkError for anything else that is not a bookmarks file."""
    data = _load_json(text, origin)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BookmarkError(f"{origin} is not a bookmarks file of this app.")
    version = data.get("version")
    if type(version) is not int or version < 1:  # type(): true is an int to isinstance
        raise BookmarkError(f"{origin} is not a bookmarks file of this app (its version is not a whole number).")
    entries = data.get("bookmarks")
    if not isinstance(entries, list) or len(entries) > MAX_BOOKMARKS:
        raise BookmarkError(f"{origin} has no readable list of bookmarks.")
    bookmarks: list[Bookmark] = []
    skipped = 0
    for number, entry in enumerate(entries, 1):
        bookmark = _bookmark(entry)
        if isinstance(bookmark, str):
            if strict and version <= VERSION:
                raise BookmarkError(f"{origin}: bookmark {number} is damaged: {bookmark}.")
            skipped += 1
        elif all(b.address != bookmark.address for b in bookmarks):
            bookmarks.append(bookmark)
    parsed = ParsedBookmarks(tuple(bookmarks), version, skipped)
    if version > VERSION:
        raise NewerVersionError(f"{origin} was written by a newer version of this app.", parsed)
    return parsed


def _load_json(text: str, origin: str) -> Any:
    def refuse_constant(name: str) -> NoReturn:
        raise ValueError(f"{name} is not a number")

    def refuse_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(pairs)
        if len(result) != len(pairs):
            raise ValueError("a key appears twice in one object")
        return result

    try:
        return json.loads(text, parse_constant=refuse_constant, object_pairs_hook=refuse_duplicates)
    except json.JSONDecodeError:  # its text ("Expecting value: line 1 column 1 (char 0)") is for programmers
        raise BookmarkError(f"{origin} is not a bookmarks file (it is damaged, or another kind of file).") from None
    except ValueError as exc:  # our own refusals, in words
        raise BookmarkError(f"{origin} is not a bookmarks file ({exc}).") from None
    except RecursionError:  # "[[[[…" thousands deep: json gives up, and so do we
        raise BookmarkError(f"{origin} is not a bookmarks file (nested too deeply).") from None


def _bookmark(entry: Any) -> Bookmark | str:
    """A bookmark, or why the entry is not one."""
    if not isinstance(entry, dict):
        return "not an object"
    address_text, title, profile = entry.get("address"), entry.get("title"), entry.get("profile", "")
    if not (isinstance(address_text, str) and isinstance(title, str) and isinstance(profile, str)):
        return "address, title and profile must be text"
    if max(len(address_text), len(title), len(profile)) > MAX_TEXT:
        return f"longer than {MAX_TEXT} characters"
    for value in (address_text, title, profile):
        problem = text_problem(value)
        if problem is not None:
            return problem
    address = Address.parse(address_text)
    if address is None or not title.strip():
        return "no address or no title"
    import unicodedata

    return Bookmark(address, unicodedata.normalize("NFC", title.strip()), unicodedata.normalize("NFC", profile.strip()))


def dump_bookmarks(bookmarks: list[Bookmark] | tuple[Bookmark, ...]) -> str:
    entries = [{"address": str(b.address), "title": b.title, "profile": b.profile} for b in bookmarks]
    return json.dumps({"format": FORMAT, "version": VERSION, "bookmarks": entries}, ensure_ascii=False, indent=2)
