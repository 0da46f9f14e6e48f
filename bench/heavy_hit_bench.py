"""Opening a search hit in a heavy but valid profile: what rendering and laying out the page costs.

The profile has one section of 40 paragraphs, each 19,990 characters of "labour migration …"
(valid: a text value may hold 20,000), so a search for "labour migration" matches every word.
For each way of highlighting it times building the section's HTML (app/render.py) and what the
window then pays: QTextDocument.setHtml and the layout at a reading width. It also counts the
highlights laid out and the peak memory of the process.

    python bench/heavy_hit_bench.py [--paragraphs 40] [--chars 19990] [--unbounded]

`--unbounded` also times the old behaviour (every match marked) on the first N paragraphs
(default 2), since the full page takes minutes that way.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app import render  # noqa: E402
from app.loader import load_profile  # noqa: E402
from app.model import Library, Paragraph, Profile, Section  # noqa: E402
from app.search import SearchIndex, word_spans  # noqa: E402

QUERY = "labour migration"
WIDTH = 900  # pixels: the reading pane of a 1280-wide window


def heavy_profile_text(paragraphs: int, chars: int) -> str:
    words = ("labour migration " * (chars // 17 + 1))[:chars].strip()
    blocks = "".join(f"      - paragraph: {words}\n" for _ in range(paragraphs))
    return (
        "schema: 1\nid: heavy\nname: Heavy\n"
        'source: {publisher: Bench, url: "https://example.org/heavy"}\n'
        f"sections:\n  - id: text\n    title: Labour migration\n    blocks:\n{blocks}"
    )


def timed(work: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def lay_out(html: str) -> tuple[float, int]:
    """Seconds for setHtml plus layout, as the section view does it; and the highlights laid out."""
    from PySide6.QtGui import QGuiApplication, QTextDocument

    _app = QGuiApplication.instance() or QGuiApplication([])
    document = QTextDocument()
    document.setTextWidth(WIDTH)
    start = time.perf_counter()
    document.setHtml(html)
    document.documentLayout().documentSize()  # forces the layout of every block
    seconds = time.perf_counter() - start
    del _app
    return seconds, html.count('<a name="hit-')


def run(profile: Profile, section: Section, highlight: render.Highlighter | render.ItemHighlighter,
        label: str, limit: int = render.MAX_HIGHLIGHTS) -> None:
    def page() -> str:
        return render.section_html(profile, section, highlight=highlight, limit=limit)

    render_seconds, html = timed(page)
    assert isinstance(html, str)
    layout_seconds, highlights = lay_out(html)
    total = render_seconds + layout_seconds
    print(f"{label:<44} {highlights:>7} {render_seconds:>9.3f} {layout_seconds:>9.3f} {total:>9.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=40)
    parser.add_argument("--chars", type=int, default=19_990)
    parser.add_argument("--unbounded", type=int, nargs="?", const=2, default=0, metavar="N")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "heavy.yaml"
        path.write_text(heavy_profile_text(args.paragraphs, args.chars), encoding="utf-8")
        loaded = load_profile(path)
    assert loaded.profile is not None, loaded.problems
    profile = loaded.profile
    section = profile.sections[0]
    index = SearchIndex.build(Library((profile,)))
    hit = index.search(QUERY, 1)[0]
    wanted = index.matched_words(QUERY, hit.address)
    marks = index.section_marks(QUERY, hit.address)  # what the window highlights for a hit
    index.close()

    def every_match(text: str) -> list[tuple[int, int]]:
        return word_spans(text, wanted)

    size = sum(len(item.text) for item in section.items if isinstance(item, Paragraph))
    print(f"profile: {args.paragraphs} paragraphs, {size:,} characters; hit in item {hit.block}")
    print(f"{'highlighting':<44} {'marks':>7} {'html s':>9} {'layout s':>9} {'total s':>9}")
    plain_seconds, _ = lay_out(render.section_html(profile, section))
    print(f"{'none (the page without a search)':<44} {0:>7} {'':>9} {plain_seconds:>9.3f}")
    run(profile, section, marks, f"the search's hit items, cap {render.MAX_HIGHLIGHTS}")
    run(profile, section, every_match, f"every match on the page, cap {render.MAX_HIGHLIGHTS}")
    if args.unbounded:
        part = Section(section.id, section.title, section.blocks[: args.unbounded])
        run(profile, part, every_match, f"every match, first {args.unbounded} paragraphs (old)", 10**9)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
