"""Back and Forward: the platform's keys, the toolbar buttons and the mouse's side buttons."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QToolBar
from pytestqt.qtbot import QtBot

from app.model import Address
from app.ui.features.history.feature import HistoryFeature
from app.ui.features.search.feature import SearchFeature
from app.ui.shell.main_window import MainWindow
from tests.ui.conftest import MakeWindow


def press(qtbot: QtBot, window: MainWindow, standard: QKeySequence.StandardKey) -> None:
    """The first key binding the platform has for a standard key, pressed in the text."""
    combination = QKeySequence.keyBindings(standard)[0][0]  # type: ignore[index]  # indexable; the stubs say not
    qtbot.keyClick(window.section_view, combination.key(), combination.keyboardModifiers())


def visit_three(window: MainWindow) -> None:
    for section in ("quick-facts", "contact-details", "challenges"):
        window.open_address(Address("lao-pdr", section))


def test_back_and_forward_keys_walk_the_pages_visited(window: MainWindow, qtbot: QtBot) -> None:
    visit_three(window)
    window.section_view.setFocus()
    press(qtbot, window, QKeySequence.StandardKey.Back)
    assert window.current_address == Address("lao-pdr", "contact-details")
    press(qtbot, window, QKeySequence.StandardKey.Back)
    press(qtbot, window, QKeySequence.StandardKey.Back)
    assert window.current_address == Address("lao-pdr")  # the profile page the window opened on
    assert not window.feature(HistoryFeature).back_action.isEnabled()
    press(qtbot, window, QKeySequence.StandardKey.Forward)
    assert window.current_address == Address("lao-pdr", "quick-facts")
    assert window.nav_tree.currentIndex() == window.nav_model.index_of(Address("lao-pdr", "quick-facts"))


def test_a_hit_inside_a_section_is_a_step_of_its_own(window: MainWindow) -> None:
    window.open_address(Address("lao-pdr", "quick-facts"))
    window.open_address(Address("lao-pdr", "quick-facts", 3))
    window.feature(HistoryFeature).go_back()
    assert window.current_address == Address("lao-pdr", "quick-facts")
    window.feature(HistoryFeature).go_forward()
    assert window.current_address == Address("lao-pdr", "quick-facts", 3)


def test_toolbar_buttons_go_back_and_forward(window: MainWindow, qtbot: QtBot) -> None:
    visit_three(window)
    toolbar = window.findChild(QToolBar, "navigationToolBar")
    assert toolbar is not None and toolbar.isVisible()
    back = toolbar.widgetForAction(window.feature(HistoryFeature).back_action)
    forward = toolbar.widgetForAction(window.feature(HistoryFeature).forward_action)
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert window.current_address == Address("lao-pdr", "contact-details")
    assert forward.isEnabled()
    qtbot.mouseClick(forward, Qt.MouseButton.LeftButton)
    assert window.current_address == Address("lao-pdr", "challenges")
    assert not forward.isEnabled()


@pytest.mark.parametrize("view", ["section_view", "nav_tree"])
def test_the_mouse_back_and_forward_buttons_work_over_the_text_and_the_tree(window: MainWindow, qtbot: QtBot,
                                                                           view: str) -> None:
    visit_three(window)
    viewport = getattr(window, view).viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.BackButton)
    assert window.current_address == Address("lao-pdr", "contact-details")
    qtbot.mouseClick(viewport, Qt.MouseButton.ForwardButton)
    assert window.current_address == Address("lao-pdr", "challenges")


def test_going_back_then_opening_a_page_drops_the_forward_pages(window: MainWindow) -> None:
    visit_three(window)
    window.feature(HistoryFeature).go_back()
    window.open_address(Address("lao-pdr", "trafficking-trends"))
    assert not window.feature(HistoryFeature).forward_action.isEnabled()


def test_history_is_not_written_to_the_settings(make_window: MakeWindow) -> None:
    window = make_window()
    visit_three(window)
    window.close()
    text = window.settings.path.read_text(encoding="utf-8")
    assert "contact-details" not in text and "quick-facts" not in text
    assert "lao-pdr/challenges" in text  # only the page open at the close is remembered


def test_backspace_in_the_search_box_edits_the_text_and_does_not_go_back(window: MainWindow, qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QLineEdit

    visit_three(window)
    box = window.findChild(QLineEdit, "searchBox")
    assert box is not None
    box.setFocus()
    qtbot.keyClicks(box, "abc")
    qtbot.keyClick(box, Qt.Key.Key_Backspace)
    assert box.text() == "ab"
    assert window.current_address == Address("lao-pdr", "challenges")


def test_a_search_hit_opened_is_a_step_back_and_forward_return_to(make_window: MakeWindow, qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QLineEdit

    window = make_window("--section", "lao-pdr/quick-facts")
    window.feature(SearchFeature).prepare()
    qtbot.waitUntil(lambda: window.feature(SearchFeature).index is not None)
    box = window.findChild(QLineEdit, "searchBox")
    assert box is not None
    searched: list[str] = []
    window.feature(SearchFeature).panel.searched.connect(searched.append)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(box, "perpetrators")
    qtbot.waitUntil(lambda: searched[-1:] == ["perpetrators"])
    qtbot.keyClick(box, Qt.Key.Key_Return)
    hit = Address("lao-pdr", "trafficking-situation", 2)
    assert window.current_address == hit
    press(qtbot, window, QKeySequence.StandardKey.Back)
    assert window.current_address == Address("lao-pdr", "quick-facts")
    press(qtbot, window, QKeySequence.StandardKey.Forward)
    assert window.current_address == hit
