"""What a search returns: hits with their snippets, the total, and hit counts per section.

Kept apart from the index (app.search) so the window's result list, tree and find bar can use
them without knowing how hits are found.
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from app.model import Address
from app.records import record
from app.search_marks import MARK_END, MARK_START

if TYPE_CHECKING:
    from app.search import SearchIndex

READ_AHEAD = 24  # profiles counted together: a screenful of tree rows in one pass of the index


def count_noun(count: int, singular: str, plural: str | None = None) -> str:
    """'1 hit', '7 hits', '1,234 highlights': a count with its noun in the right number."""
    return f"{count:,} {singular if count == 1 else (plural or singular + 's')}"


def position_text(current: int | None, total: int, noun: str = "match", plural: str = "matches") -> str:
    """A find bar's count: "2 of 7 matches", "1 match", "No matches"; `current` is 0-based, None
    before the first step. The find bar says it of its own matches, and of highlights with
    noun="highlight", never one for the other."""
    if total == 0:
        return f"No {plural}"
    if current is None:
        return count_noun(total, noun, plural)
    return f"{current + 1:,} of {count_noun(total, noun, plural)}"


@record
class Hit:
    """One matching block. `score`: higher is better (bm25, sign flipped)."""

    profile: str
    section: str
    block: int
    title: str
    profile_name: str
    snippet: str  # plain text with MARK_START/MARK_END around matched words, "…" where cut
    score: float

    @property
    def address(self) -> Address:
        return Address(self.profile, self.section, self.block)

    @property
    def snippet_text(self) -> str:
        return self.snippet.replace(MARK_START, "").replace(MARK_END, "")

    @property
    def snippet_html(self) -> str:
        """The snippet escaped, with only our own <b> marks as markup."""
        return html.escape(self.snippet, quote=True).replace(MARK_START, "<b>").replace(MARK_END, "</b>")


@record
class Results:
    """The best hits and how many there are in all: the list says "25 of 66 hits". `capped`:
    only the first `total` matches were ranked and counted, and there are more ("1,000+")."""

    hits: tuple[Hit, ...]
    total: int
    capped: bool = False

    @property
    def total_text(self) -> str:
        """"66", "1,000+": the count as the list says it."""
        return f"{self.total:,}" + ("+" if self.capped else "")

    @property
    def summary(self) -> str:
        """"25 of 66 hits", "25 of 1,000+ hits", "3 hits", "1 hit", "No hits": the result list's heading."""
        if not self.total:
            return "No hits"
        if len(self.hits) < self.total or self.capped:
            return f"{len(self.hits):,} of {self.total_text} hits"
        return count_noun(self.total, "hit")



class HitCounts(Mapping[str, int]):
    """Highlights per section ("lao-pdr/challenges" -> 3), counted when asked: the tree asks only
    for the rows it paints, and a common word in a thousand profiles would otherwise cost a
    highlight pass over every hit on every keystroke. A profile's sections are counted together.
    Iterating counts every section."""

    def __init__(self, index: SearchIndex, text: str, profile: str | None, typing: bool) -> None:
        self._index, self._text, self._profile, self._typing = index, text, profile, typing
        self._counted: dict[str, dict[str, int]] = {}  # by profile
        self._complete = False

    def __getitem__(self, address: str) -> int:
        profile = address.partition("/")[0]
        if self._profile is not None and profile != self._profile:
            raise KeyError(address)
        if profile not in self._counted:
            # A tree paints its rows in order: count the next profiles too, in the same pass.
            following = self._index.profiles_from(profile, READ_AHEAD)
            self._counted.update(self._index.profile_counts(self._text, following or [profile], self._typing))
        return self._counted[profile][address]

    def profile_total(self, profile: str) -> int:
        """The highlights of all a profile's sections: a collapsed tree row's count."""
        return sum(self.get(address, 0) for address in self._index.profile_sections(profile))

    def __iter__(self) -> Iterator[str]:
        if not self._complete:  # every section at once: one pass of the index, not one per screenful
            profiles = [self._profile] if self._profile is not None else self._index.profile_ids()
            self._counted.update(self._index.profile_counts(self._text, profiles, self._typing))
            self._complete = True
        return (a for a in self._index.hit_sections(self._text, self._typing, self._profile) if a in self)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __bool__(self) -> bool:
        return self._index.query(self._text, self._typing, self._profile).total() > 0
