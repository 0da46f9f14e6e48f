"""`main.py search`: the total beside the hits shown, and snippets cut with an ellipsis."""

from __future__ import annotations

import io
import json

from app.library import load_paths
from app.search_cli import run_search
from tests.conftest import ROOT, search_test_library


def test_json_gives_the_total_beside_the_hits_shown() -> None:
    out, err = io.StringIO(), io.StringIO()
    library = load_paths([ROOT / "data" / "profiles"])
    assert run_search(library, "migrants", 2, True, out, err) == 0
    result = json.loads(out.getvalue())
    assert len(result["hits"]) == 2 and result["total"] > 2
    assert any("…" in hit["snippet"] for hit in result["hits"])  # long paragraphs, cut


def test_text_output_says_how_to_see_every_hit() -> None:
    out, err = io.StringIO(), io.StringIO()
    library = load_paths([ROOT / "data" / "profiles"])
    run_search(library, "labour", 2, False, out, err)
    assert len(out.getvalue().splitlines()) == 2
    assert err.getvalue() == "2 of 3 hits; --limit 3 shows them all.\n"


def test_a_word_in_thai_is_found_from_the_command_line() -> None:
    out, err = io.StringIO(), io.StringIO()
    library = search_test_library()
    assert run_search(library, "สำนักงาน", 5, True, out, err) == 0
    assert [h["address"] for h in json.loads(out.getvalue())["hits"]] == ["scripts-test/thai#0"]
