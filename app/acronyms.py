"""Acronyms the content defines itself, as "Long Name (ACRONYM)", learned from the library's text.

A search for "NSC" then also finds "National Steering Committee on Human Trafficking" and back,
without anyone keeping a list. Each profile has its own: two countries may use one acronym for
different bodies, and one profile's definitions must not change another's results. The long form
is found with the Schwartz–Hearst rule: the acronym's letters appear in order in the words before
the parenthesis, the first at a word start.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from app.text_fold import words

__all__ = ["Acronyms", "words"]

_DEFINITION = re.compile(r"\(([A-Z][A-Za-z]{1,9})\)")


def _long_form(acronym: str, before: str) -> str | None:
    """The long form ending just before an acronym's parenthesis, or None if the letters do not fit."""
    letters = [c for c in acronym if c.isalnum()]
    tokens = before.split()
    window = tokens[-min(len(letters) + 5, len(letters) * 2):]
    text = " ".join(window)
    s, i = len(letters) - 1, len(text) - 1
    while s >= 0:
        c = letters[s].lower()
        while i >= 0 and (text[i].lower() != c or (s == 0 and i > 0 and text[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return None
        i -= 1
        s -= 1
    start = text.rfind(" ", 0, i + 1) + 1
    long_form = text[start:].strip(" ,;:")
    return long_form if len(words(long_form)) >= 2 else None


class Acronyms:
    """Acronym <-> long form pairs, each side as its lower-case words."""

    def __init__(self) -> None:
        self.long_forms: dict[str, tuple[str, ...]] = {}  # "nsc" -> ("national", "steering", ...)
        self.by_long_form: dict[tuple[str, ...], str] = {}

    @classmethod
    def learn(cls, texts: Iterable[str]) -> Acronyms:
        found = cls()
        for text in texts:
            for match in _DEFINITION.finditer(text):
                acronym = match.group(1)
                if sum(c.isupper() for c in acronym) < 2:
                    continue  # "(Tel)", "(Ms)": not an acronym
                if acronym.endswith("s") and acronym[:-1].isupper():
                    acronym = acronym[:-1]  # "PSCs" defines "PSC"
                long_form = _long_form(acronym, text[: match.start()])
                if long_form is not None:
                    found.add(acronym.lower(), tuple(words(long_form)))
        return found

    def words(self) -> frozenset[str]:
        """Every word a query may hold for these acronyms to change it: the acronyms and the first
        word of each long form. Lets a search skip the profiles a query has nothing for."""
        return frozenset(self.long_forms) | {long[0] for long in self.by_long_form}

    def __bool__(self) -> bool:
        return bool(self.long_forms)

    def add(self, acronym: str, long_words: tuple[str, ...]) -> None:
        if acronym not in self.long_forms:  # the first definition wins
            self.long_forms[acronym] = long_words
            self.by_long_form.setdefault(long_words, acronym)
