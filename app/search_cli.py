"""`main.py search QUERY [--json] [--limit N]`: ranked hits on the command line, best first.

Text output is one hit per line, `ADDRESS<TAB>Section title — Profile<TAB>snippet`; `--json`
prints one object {"query", "total", "hits", "suggestions"}: `total` counts every hit, `hits` holds
the best N. Exit code 0 with hits, 1 without.
"""

from __future__ import annotations

import json
from typing import TextIO

from app.model import Library
from app.search import Hit, SearchIndex

EXIT_HITS, EXIT_NO_HITS = 0, 1


def hit_json(hit: Hit) -> dict[str, object]:
    return {
        "address": str(hit.address),
        "profile": hit.profile,
        "profile_name": hit.profile_name,
        "section": hit.section,
        "block": hit.block,
        "title": hit.title,
        "snippet": hit.snippet_text,
        "score": hit.score,
    }


def run_search(library: Library, query: str, limit: int, as_json: bool, out: TextIO, err: TextIO) -> int:
    index = SearchIndex.build(library)
    try:
        results = index.results(query, limit)
        hits = results.hits
        suggestions = [] if hits else index.suggestions(query)
    finally:
        index.close()
    if as_json:
        out.write(json.dumps({"query": query, "total": results.total, "hits": [hit_json(h) for h in hits],
                              "suggestions": suggestions}, ensure_ascii=False, indent=2) + "\n")
    else:
        for hit in hits:
            out.write(f"{hit.address}\t{hit.title} — {hit.profile_name}\t{' '.join(hit.snippet_text.split())}\n")
        if len(hits) < results.total:
            err.write(f"{results.summary}; --limit {results.total} shows them all.\n")
        if not hits:
            err.write(f"No matches for '{query}'.")
            err.write(f" Did you mean: {', '.join(suggestions)}?\n" if suggestions else "\n")
    return EXIT_HITS if hits else EXIT_NO_HITS
