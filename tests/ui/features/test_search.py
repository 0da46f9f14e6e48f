"""Search in the window: typing in searchBox, moving through and opening hits, highlights, F3."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListWidget
from pytestqt.qtbot import QtBot

from app.model import Address
from app.ui.features.search.feature import SearchFeature
from app.ui.shell.main_window import MainWindow
from tests.conftest import minimal_profile
from tests.ui.conftest import MakeWindow

MECHANISMS = Address("lao-pdr", "anti-trafficking-mechanisms")


def ready(window: MainWindow, qtbot: QtBot) -> MainWindow:
    window.feature(SearchFeature).prepare()  # a small library is indexed on first use
    qtbot.waitUntil(lambda: window.feature(SearchFeature).index is not None)
    return window


@pytest.fixture
def win(make_window: MakeWindow, qtbot: QtBot) -> MainWindow:
    window = make_window("--size", "900x600")
    return ready(window, qtbot)


def box(window: MainWindow) -> QLineEdit:
    found = window.findChild(QLineEdit, "searchBox")
    assert found is not None
    return found


def results(window: MainWindow) -> QListWidget:
    found = window.findChild(QListWidget, "searchResults")
    assert found is not None
    return found


def type_query(window: MainWindow, qtbot: QtBot, text: str) -> None:
    searched: list[str] = []
    window.feature(SearchFeature).panel.searched.connect(searched.append)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert box(window).hasFocus()
    qtbot.keyClicks(box(window), text)
    qtbot.waitUntil(lambda: searched[-1:] == [text])


def test_typing_shows_ranked_hits_as_you_type(win: MainWindow, qtbot: QtBot) -> None:
    type_query(win, qtbot, "shelt")  # a prefix: the last word is still being typed
    assert results(win).isVisible()
    hits = win.feature(SearchFeature).panel.hits
    assert hits and hits[0].address == Address("lao-pdr", "anti-trafficking-mechanisms", 9)
    assert "<b>shelters</b>" in hits[0].snippet_html


def test_enter_opens_the_hit_scrolled_to_its_block_with_the_words_highlighted(win: MainWindow, qtbot: QtBot) -> None:
    type_query(win, qtbot, "perpetrators")
    qtbot.keyClick(box(win), Qt.Key.Key_Return)
    assert win.current_address == Address("lao-pdr", "trafficking-situation", 2)
    view = win.section_view
    assert view.verticalScrollBar().value() > 0  # the third paragraph is below the first screen
    bar = win.feature(SearchFeature).find_bar
    assert bar.isVisible() and len(bar.matches) == 1
    start, end = bar.matches[0]
    assert view.toPlainText()[start:end] == "perpetrators"
    assert view.viewport().rect().contains(view.cursorRect(view.textCursor()))
    assert bar.count_label.text() == "1 of 1 highlight"


def test_down_moves_through_hits_and_enter_opens_the_selected_one(win: MainWindow, qtbot: QtBot) -> None:
    type_query(win, qtbot, "labour")
    hits = win.feature(SearchFeature).panel.hits
    assert len(hits) >= 2
    qtbot.keyClick(box(win), Qt.Key.Key_Down)
    assert results(win).currentRow() == 1
    qtbot.keyClick(box(win), Qt.Key.Key_Up)
    qtbot.keyClick(box(win), Qt.Key.Key_Down)
    qtbot.keyClick(box(win), Qt.Key.Key_Enter)
    assert win.current_address == hits[1].address


def test_f3_steps_through_highlights_with_n_of_m(win: MainWindow, qtbot: QtBot) -> None:
    type_query(win, qtbot, "labour migration")
    qtbot.keyClick(box(win), Qt.Key.Key_Return)
    bar = win.feature(SearchFeature).find_bar
    total = len(bar.matches)
    assert total >= 3
    assert bar.count_label.text() == f"1 of {total} highlights"
    qtbot.keyClick(win.section_view, Qt.Key.Key_F3)
    assert bar.count_label.text() == f"2 of {total} highlights"
    selected = win.section_view.textCursor().selectedText().lower()
    assert selected in {"labour", "migration"}
    qtbot.keyClick(win.section_view, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(win.section_view, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count_label.text() == f"{total} of {total} highlights"  # wraps round


def test_highlights_cover_other_forms_of_the_stem(win: MainWindow, qtbot: QtBot) -> None:
    type_query(win, qtbot, "trafficked ")
    qtbot.keyClick(box(win), Qt.Key.Key_Return)
    text = win.section_view.toPlainText()
    marked = {text[a:b].lower() for a, b in win.feature(SearchFeature).find_bar.matches}
    assert "trafficking" in marked


def test_the_tree_shows_hits_per_section_while_searching(win: MainWindow, qtbot: QtBot) -> None:
    type_query(win, qtbot, "shelters")
    index = win.nav_model.index_of(MECHANISMS)
    assert index.data().endswith("(1)")
    assert win.nav_tree.textElideMode() == Qt.TextElideMode.ElideMiddle  # the count stays visible
    qtbot.keyClick(box(win), Qt.Key.Key_Escape)
    assert box(win).text() == ""
    assert not results(win).isVisible()
    assert win.nav_tree.hasFocus()
    assert not win.nav_model.index_of(MECHANISMS).data().endswith(")")
    assert win.nav_tree.textElideMode() == Qt.TextElideMode.ElideRight


def test_a_misspelling_offers_the_closest_words(win: MainWindow, qtbot: QtBot) -> None:
    type_query(win, qtbot, "brokrs ")
    assert win.feature(SearchFeature).panel.hits == []
    assert win.feature(SearchFeature).panel.status.text() == "No hits. Did you mean:"
    assert results(win).item(0).text() == "brokers"


def test_ctrl_f_finds_plain_text_in_the_open_section(win: MainWindow, qtbot: QtBot) -> None:
    win.open_address(Address("lao-pdr", "trafficking-situation"))
    qtbot.keyClick(win.section_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = win.feature(SearchFeature).find_bar
    assert bar.isVisible() and bar.field.hasFocus()
    qtbot.keyClicks(bar.field, "lao pdr")
    total = len(bar.matches)
    assert total >= 3
    assert bar.count_label.text() == f"1 of {total} matches"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count_label.text() == f"2 of {total} matches"
    assert win.section_view.textCursor().selectedText() == "Lao PDR"
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert win.section_view.hasFocus()


def test_this_profile_only_limits_the_search(make_window: MakeWindow, qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "profiles"
    folder.mkdir()
    (folder / "testland.yaml").write_text(minimal_profile(), encoding="utf-8")
    window = ready(make_window("--profiles-dir", str(folder), "--section", "lao-pdr/challenges"), qtbot)
    type_query(window, qtbot, "capital ")
    assert {h.profile for h in window.feature(SearchFeature).panel.hits} == {"lao-pdr", "testland"}
    window.feature(SearchFeature).panel.scope.click()
    assert {h.profile for h in window.feature(SearchFeature).panel.hits} == {"lao-pdr"}
    assert window.feature(SearchFeature).scope_action.isChecked()
    window.feature(SearchFeature).scope_action.trigger()  # the menu item turns it off again
    assert not window.feature(SearchFeature).panel.scope.isChecked()
    assert {h.profile for h in window.feature(SearchFeature).panel.hits} == {"lao-pdr", "testland"}


def test_query_argument_opens_the_best_hit(make_window: MakeWindow) -> None:
    window = make_window("--query", "Vientiane Transit Centre")
    assert window.current_address == Address("lao-pdr", "anti-trafficking-mechanisms", 8)
    assert box(window).text() == "Vientiane Transit Centre"
    assert window.feature(SearchFeature).find_bar.matches


def test_many_hundreds_of_searches_in_a_row_do_not_crash(win: MainWindow) -> None:
    panel = win.feature(SearchFeature).panel
    searched: list[str] = []
    panel.searched.connect(searched.append)
    words = ["lab", "labour", "traffick", "NSC", "viet nam", "zzz", ""]
    for number in range(700):
        panel.box.setText(words[number % len(words)])
        panel.run_search()
    assert len(searched) == 600
    assert win.isVisible()


def test_the_index_is_rebuilt_when_the_library_changes(win: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    from app.library import default_folders, load_library

    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "testland.yaml").write_text(minimal_profile(), encoding="utf-8")
    with qtbot.waitSignal(win.feature(SearchFeature).index_ready):
        win.set_library(load_library(default_folders([folder])))
    index = win.feature(SearchFeature).index
    assert index is not None
    assert index.search("testville", 1)[0].profile == "testland"


def test_a_small_library_is_indexed_when_the_first_key_is_typed(qtbot: QtBot, settings_path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from app.ui.application import create_window
    from app.ui.shell.settings import Settings

    window = create_window([], Settings(settings_path))
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
    QApplication.processEvents()
    assert window.feature(SearchFeature).index is None  # nobody has searched: no index held

    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.feature(SearchFeature).panel.box, "shelter")
    qtbot.waitUntil(lambda: window.feature(SearchFeature).panel.hits != [], timeout=5000)
    assert window.feature(SearchFeature).panel.hits[0].address.profile == "lao-pdr"


def test_a_large_library_is_indexed_right_after_the_window_shows(
    qtbot: QtBot, settings_path: Path, tmp_path: Path
) -> None:
    from app.ui.application import create_window
    from app.ui.features.search.feature import EAGER_INDEX_PROFILES
    from app.ui.shell.settings import Settings

    for number in range(EAGER_INDEX_PROFILES + 1):
        (tmp_path / f"land-{number}.yaml").write_text(
            minimal_profile(f"land-{number}", f"Land {number}"), encoding="utf-8"
        )
    window = create_window(["--profiles-dir", str(tmp_path)], Settings(settings_path))
    qtbot.addWidget(window)
    assert window.feature(SearchFeature).index is None  # nothing built while the window was being made
    window.show()
    qtbot.waitUntil(lambda: window.feature(SearchFeature).index is not None)


def test_one_click_on_a_hit_opens_it_with_the_typed_prefix_highlighted(win: MainWindow, qtbot: QtBot) -> None:
    type_query(win, qtbot, "labou")
    hits = win.feature(SearchFeature).panel.hits
    listing = results(win)
    rect = listing.visualItemRect(listing.item(1))
    qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert win.current_address == hits[1].address
    text = win.section_view.toPlainText()
    assert {text[a:b] for a, b in win.feature(SearchFeature).find_bar.matches} == {"labour"}


def test_clearing_the_search_removes_the_highlights_and_keeps_the_place(win: MainWindow, qtbot: QtBot) -> None:
    type_query(win, qtbot, "perpetrators")
    qtbot.keyClick(box(win), Qt.Key.Key_Return)
    from app.ui.features.search.find_bar import hit_spans

    scrolled = win.section_view.verticalScrollBar().value()
    assert hit_spans(win.section_view.document())
    qtbot.keyClick(win, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(box(win), Qt.Key.Key_Escape)
    assert win.current_address == Address("lao-pdr", "trafficking-situation", 2)
    assert win.section_view.verticalScrollBar().value() == scrolled
    assert hit_spans(win.section_view.document()) == []
