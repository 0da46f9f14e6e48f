"""Whatever a bookmarks file holds (they are imported from other people's files), reading it gives
bookmarks or a BookmarkError with one sentence, never another exception."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from app.bookmarks import FORMAT, BookmarkError, Bookmarks, parse_bookmarks

_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.sampled_from(["format", "version", "bookmarks", "address", "title", "profile"]), inner,
                      max_size=4),
    max_leaves=12,
)
_files = _json.map(json.dumps) | _json.map(
    lambda bookmarks: json.dumps({"format": FORMAT, "version": 1, "bookmarks": bookmarks})
) | st.text(max_size=60)


def _parses_or_refuses(text: str) -> None:
    try:
        bookmarks = parse_bookmarks(text, "bookmarks.json")
    except BookmarkError as exc:
        message = str(exc)
    else:
        assert all(b.title.strip() for b in bookmarks)
        return
    assert message.startswith("bookmarks.json")


@given(_files)
@settings(max_examples=150, deadline=None)
def test_any_file_gives_bookmarks_or_a_bookmark_error(text: str) -> None:
    _parses_or_refuses(text)


def test_deeply_nested_json_is_refused_not_a_recursion_error(tmp_path: Path) -> None:
    _parses_or_refuses("[" * 100_000)
    path = tmp_path / "bookmarks.json"
    nested = "[" * 100_000
    path.write_text(f'{{"format": "{FORMAT}", "version": 1, "bookmarks": {nested}', encoding="utf-8")
    bookmarks = Bookmarks(path)
    assert len(bookmarks) == 0 and bookmarks.warning
