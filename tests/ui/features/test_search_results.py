"""The result list: how many hits, the rest on request, a country by its name, tooltips in words,
suggestions by keyboard, the tree's counts equal to the page's highlights, the title in view."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app import search_plan
from app.model import Address
from app.ui.features.search.feature import SearchFeature
from app.ui.shell.main_window import MainWindow
from tests.conftest import BUNDLED_PROFILE, SEARCH_DATA
from tests.ui.conftest import MakeWindow
from tests.ui.features.test_search import box, ready, results, type_query


def lao_copies(folder: Path, count: int) -> Path:
    """`count` more profiles with the Lao PDR text under other ids: many hits for one word."""
    folder.mkdir()
    text = BUNDLED_PROFILE.read_text(encoding="utf-8")
    for number in range(count):
        copy = text.replace("id: lao-pdr", f"id: copy-{number}").replace("name: Lao PDR", f"name: Copy {number}")
        (folder / f"copy-{number}.yaml").write_text(copy, encoding="utf-8")
    return folder


@pytest.fixture
def many(make_window: MakeWindow, qtbot: QtBot, tmp_path: Path) -> MainWindow:
    return ready(make_window("--size", "900x600", "--profiles-dir", str(lao_copies(tmp_path / "p", 2))), qtbot)


@pytest.fixture
def mekong(make_window: MakeWindow, qtbot: QtBot) -> MainWindow:
    return ready(make_window("--size", "900x600", "--profiles-dir", str(SEARCH_DATA)), qtbot)


def test_the_list_says_how_many_hits_there_are_and_shows_the_rest(many: MainWindow, qtbot: QtBot) -> None:
    panel = many.feature(SearchFeature).panel
    type_query(many, qtbot, "trafficking ")
    total = len(many.feature(SearchFeature).ensure_index().search("trafficking", 1000))
    assert total > 25
    assert panel.status.text() == f"25 of {total} hits" and not panel.status.toolTip()  # exact: all were counted
    listing = results(many)
    assert listing.count() == 26 and listing.item(25).text() == f"Show all {total} hits"
    for _ in range(6):
        qtbot.keyClick(box(many), Qt.Key.Key_PageDown)  # the keyboard reaches the last row
    assert listing.currentRow() == 25
    qtbot.keyClick(box(many), Qt.Key.Key_Return)
    assert len(panel.hits) == total and listing.count() == total
    assert panel.status.text() == f"{total} hits"
    assert listing.currentRow() == 25  # the first of the hits that were not shown before


def test_while_typing_a_word_in_more_blocks_than_are_counted_the_list_says_there_are_more(
    many: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_plan, "TYPING_CAP", 30)  # the three profiles hold "trafficking" in 45 blocks
    panel = many.feature(SearchFeature).panel
    type_query(many, qtbot, "trafficking")
    assert panel.status.text() == "25 of 30+ hits"
    assert "the best of the first 30" in panel.status.toolTip()
    listing = results(many)
    assert listing.count() == 26 and listing.item(25).text() == "Show 30 of 30+"
    listing.setCurrentRow(25)
    qtbot.keyClick(box(many), Qt.Key.Key_Return)
    assert len(panel.hits) == 30 and panel.status.text() == "30 of 30+ hits"


def test_a_pause_in_typing_ranks_and_counts_every_match(
    many: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_plan, "TYPING_CAP", 30)
    panel = many.feature(SearchFeature).panel
    type_query(many, qtbot, "trafficking")
    assert panel.status.text() == "25 of 30+ hits"
    index = many.feature(SearchFeature).ensure_index()
    everything = index.search("trafficking", 1000)
    assert len(everything) > 30

    qtbot.waitUntil(lambda: panel.status.text() == f"25 of {len(everything)} hits", timeout=5000)
    assert not panel.status.toolTip()
    assert [h.address for h in panel.hits] == [h.address for h in index.search("trafficking", 25)]
    assert results(many).item(25).text() == f"Show all {len(everything)} hits"


def test_a_country_name_or_alias_offers_the_profile_first(mekong: MainWindow, qtbot: QtBot) -> None:
    type_query(mekong, qtbot, "Kampuchea")
    listing = results(mekong)
    assert listing.item(0).text() == "Cambodia: the country profile"
    qtbot.keyClick(box(mekong), Qt.Key.Key_Return)
    assert mekong.current_address == Address("cambodia-test")


def test_hit_tooltips_say_where_the_hit_is_in_words(mekong: MainWindow, qtbot: QtBot) -> None:
    type_query(mekong, qtbot, "contact")
    panel, listing = mekong.feature(SearchFeature).panel, results(mekong)
    tips = [listing.item(row).toolTip() for row in range(listing.count())]
    assert tips[: len(panel.hits)] == [f"{h.title}, in the {h.profile_name} profile" for h in panel.hits]
    assert not any("/" in tip or "#" in tip for tip in tips)


def test_down_and_enter_in_the_box_take_a_suggestion(many: MainWindow, qtbot: QtBot) -> None:
    type_query(many, qtbot, "brokrs ")
    listing = results(many)
    assert listing.isVisible() and listing.currentRow() == -1
    qtbot.keyClick(box(many), Qt.Key.Key_Down)
    assert listing.currentRow() == 0
    qtbot.keyClick(box(many), Qt.Key.Key_Return)
    assert box(many).text() == "brokers"
    assert many.feature(SearchFeature).panel.hits


def test_tab_from_the_box_reaches_the_suggestions_and_enter_takes_one(many: MainWindow, qtbot: QtBot) -> None:
    type_query(many, qtbot, "brokrs ")
    qtbot.keyClick(box(many), Qt.Key.Key_Tab)
    listing = results(many)
    assert listing.hasFocus() and listing.currentRow() == 0
    qtbot.keyClick(listing, Qt.Key.Key_Return)
    assert box(many).text() == "brokers"


@pytest.mark.parametrize("query", ["trafficking ", "labour migration", "traffick", "Lao PDR"])
def test_the_tree_counts_what_the_opened_page_highlights(many: MainWindow, qtbot: QtBot, query: str) -> None:
    type_query(many, qtbot, query)
    panel = many.feature(SearchFeature).panel
    for hit in panel.hits[:6]:
        panel.hit_opened.emit(hit, query)
        shown = many.nav_model.index_of(hit.address.section_address).data()
        assert shown.endswith(f"  ({len(many.feature(SearchFeature).find_bar.matches)})"), (hit.address, shown)


def test_the_status_bar_counts_highlights_in_words(many: MainWindow, qtbot: QtBot) -> None:
    type_query(many, qtbot, "perpetrators ")
    qtbot.keyClick(box(many), Qt.Key.Key_Return)
    assert many.statusBar().currentMessage().startswith("1 highlight — ")


def test_a_hit_low_on_the_page_opens_under_its_section_title(many: MainWindow, qtbot: QtBot) -> None:
    type_query(many, qtbot, "perpetrators ")
    qtbot.keyClick(box(many), Qt.Key.Key_Return)
    view = many.section_view
    opened = many.current_address
    assert opened is not None and (opened.section, opened.item) == ("trafficking-situation", 2)
    assert view.verticalScrollBar().value() > view.heading_bottom()  # the page's own heading is off screen
    header = many.page_header
    assert header.isVisible() and header.text().startswith("The Trafficking Situation — ")
    top_left = header.mapTo(many, header.rect().topLeft())
    assert many.rect().contains(top_left) and header.geometry().bottom() <= view.geometry().top()
    bar = many.feature(SearchFeature).find_bar
    start, _ = bar.matches[bar.current]
    cursor = view.textCursor()
    cursor.setPosition(start)
    assert view.viewport().rect().contains(view.cursorRect(cursor))  # and the hit under it


def test_a_hit_near_the_top_opens_with_the_page_heading_in_view(many: MainWindow, qtbot: QtBot) -> None:
    type_query(many, qtbot, "Capital Vientiane")
    hit = many.feature(SearchFeature).panel.hits[0]
    assert hit.address.section == "quick-facts"
    qtbot.keyClick(box(many), Qt.Key.Key_Return)
    assert many.section_view.verticalScrollBar().value() == 0
    assert not many.page_header.isVisible()


def test_the_find_bar_counts_its_own_matches_in_its_own_colour(many: MainWindow, qtbot: QtBot) -> None:
    from app.ui.features.search.find_bar import find_colours
    from app.ui.shell.page_style import render_style

    type_query(many, qtbot, "perpetrators ")
    qtbot.keyClick(box(many), Qt.Key.Key_Return)
    bar = many.feature(SearchFeature).find_bar
    assert bar.field.text() == "" and bar.count_label.text() == "1 of 1 highlight"  # says what it counts
    qtbot.keyClick(many.section_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(bar.field, "victim")
    total = len(bar.matches)
    assert total > 1 and bar.count_label.text() == f"1 of {total} matches"
    painted = {s.format.background().color().name() for s in many.section_view.extraSelections()}
    assert painted == {find_colours(False)[0]}
    assert render_style(many.section_view.palette()).hit_background not in painted
    qtbot.keyClicks(bar.field, "zzq")
    assert bar.count_label.text() == "No matches"
    assert many.section_view.textCursor().selectedText() == ""  # no stale selection beside it
    assert many.section_view.extraSelections() == []


def test_the_find_bar_says_one_match_in_the_singular(many: MainWindow, qtbot: QtBot) -> None:
    bar = many.feature(SearchFeature).find_bar
    many.open_address(Address("lao-pdr", "trafficking-situation"))
    qtbot.keyClick(many.section_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(bar.field, "perpetrators")
    assert bar.count_label.text() == "1 of 1 match"


def test_a_word_in_many_country_names_offers_only_a_few_of_them(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    from app.ui.features.search.panel import PROFILE_ROWS

    window = ready(make_window("--profiles-dir", str(lao_copies(tmp_path / "p", PROFILE_ROWS + 2))), qtbot)
    type_query(window, qtbot, "copy")
    listing = results(window)
    offered = [listing.item(r).text() for r in range(listing.count())]
    assert sum(t.endswith(": the country profile") for t in offered) == PROFILE_ROWS
    assert listing.isVisible() and listing.currentRow() == 0  # a name without a hit in the text still opens
    qtbot.keyClick(box(window), Qt.Key.Key_Return)
    assert window.current_address == Address("copy-0")
