"""What the window needs to size itself to the content, worked out without Qt."""

from __future__ import annotations

import heapq

from app.model import Library


def longest_titles(library: Library, count: int = 12) -> list[str]:
    """The longest names and section titles of every profile, longest first: the few texts the
    navigation tree measures with its font to choose its width, instead of measuring every title
    (or only the first 200 profiles', which cut the titles of the rest). In a proportional font
    the widest text is among the longest by characters but need not be the longest, so a dozen
    are measured."""
    texts = (text for profile in library.profiles for text in (profile.name, *(s.title for s in profile.sections)))
    return heapq.nlargest(count, set(texts), key=lambda text: (len(text), text))
