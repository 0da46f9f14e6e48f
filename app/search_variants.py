"""British and American spellings of one word (labour/labor, organisation/organization), so a search
finds the text whichever way the reader or the author spells it.

The rules produce candidate spellings; a candidate that no text uses simply matches nothing, so a
rule may over-generate ("four" -> "for" is excluded by length, "source" -> "sorce" is harmless).
"""

from __future__ import annotations

import re

# (pattern, replacement) pairs applied to a whole lower-case word; each gives one more spelling.
_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(.{3,})our(s|ed|ing|er|ers|ite|ites|able|hood|ly|ful)?$"), r"\1or\2"),  # labour -> labor
    (re.compile(r"^(.{3,})or(s|ed|ing|er|ers|ite|ites|able|hood|ly|ful)?$"), r"\1our\2"),  # labor -> labour
    (re.compile(r"^(.{3,})is(e|es|ed|ing|er|ers|ation|ations|ational)$"), r"\1iz\2"),  # organise -> organize
    (re.compile(r"^(.{3,})iz(e|es|ed|ing|er|ers|ation|ations|ational)$"), r"\1is\2"),
    (re.compile(r"^(.{2,})ys(e|es|ed|ing)$"), r"\1yz\2"),  # analyse -> analyze
    (re.compile(r"^(.{2,})yz(e|es|ed|ing)$"), r"\1ys\2"),
    (re.compile(r"^(.{2,}gra)mme(s)?$"), r"\1m\2"),  # programme -> program
    (re.compile(r"^(.{2,}gra)m(s)?$"), r"\1mme\2"),
    (re.compile(r"^(.{2,}[^aeiou])tre(s|d)?$"), r"\1ter\2"),  # centre -> center
    (re.compile(r"^(.{2,}[^aeiou])ter(s|ed)?$"), r"\1tre\2"),
    (re.compile(r"^(.{2,})ence$"), r"\1ense"),  # defence -> defense, licence -> license
    (re.compile(r"^(.{2,})ense$"), r"\1ence"),
    (re.compile(r"^(.{3,}[aeiou])ll(ed|ing|er|ers)$"), r"\1l\2"),  # travelled -> traveled
    (re.compile(r"^(.{3,}[aeiou])l(ed|ing|er|ers)$"), r"\1ll\2"),
    (re.compile(r"^(.{3,})ogue(s)?$"), r"\1og\2"),  # catalogue -> catalog
)

# Variants that are not a spelling rule: one word against two (matched as a phrase).
WORD_PAIRS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("vietnam", ("viet", "nam")),
    ("percent", ("per", "cent")),
    ("healthcare", ("health", "care")),
)


def spelling_variants(word: str) -> list[str]:
    """Other spellings of a lower-case word, not including the word itself."""
    found: list[str] = []
    for pattern, replacement in _RULES:
        if pattern.match(word):
            variant = pattern.sub(replacement, word)
            if variant != word and variant not in found:
                found.append(variant)
    return found
