"""Whatever is typed into the search box or the find bar, the window searches, opens the best hit
with its words highlighted, and steps through the highlights without raising."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.ui.features.search.feature import SearchFeature
from app.ui.shell.main_window import MainWindow

QUERIES = st.text(max_size=30) | st.lists(
    st.sampled_from(['"', "-", "*", "(", ")", "^", ":", "NEAR", "OR", "NOT", "'", "traff", "labour", "Lao", "UN-ACT",
                     "2012", "<b>", "&amp;", " ", "\u0301", "ß", "İ"]),
    max_size=10,
).map("".join)


@given(QUERIES)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_typed_query_searches_opens_and_highlights_without_raising(window: MainWindow, query: str) -> None:
    feature = window.feature(SearchFeature)
    opened = feature.show_query(query)
    if opened:
        assert window.current_address is not None
        feature.find_bar.step(1)
        feature.find_bar.step(-1)
    feature.panel.box.setText(query)  # as typed: prefixes and the hit list
    feature.panel.run_search()
    hits, rows = feature.panel.hits, feature.panel.results.count()
    # Each hit a row, besides a profile named by the query, "Show all", or up to 3 suggestions.
    assert len(hits) <= rows <= len(hits) + (len(window.library.profiles) + 1 if hits else 3)
    feature.find_bar.start_find()  # Ctrl+F: the same text searched in the page itself
    feature.find_bar.field.setText(query)
    feature.find_bar.step(1)
    assert feature.find_bar.current < max(1, len(feature.find_bar.matches))
