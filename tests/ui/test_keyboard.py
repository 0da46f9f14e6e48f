"""Keyboard and accessibility: shortcuts listed from the menus, no clashes, names, tab order, zoom."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QAction, QKeySequence, QWheelEvent
from PySide6.QtWidgets import QApplication, QMenu, QToolBar, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from app.ui.features.help.dialog import ShortcutsDialog, menu_rows
from app.ui.shell.main_window import MainWindow
from tests.ui.conftest import MakeWindow, answering_modal


def test_f1_opens_the_shortcuts_list_read_from_the_menus(window: MainWindow, qtbot: QtBot) -> None:
    rows: list[tuple[str, str, str]] = []

    def read(dialog: QWidget) -> None:
        assert isinstance(dialog, ShortcutsDialog)
        rows.extend(dialog.rows())
        assert not dialog.table.horizontalScrollBar().isVisible()  # no key list cut off

    with answering_modal(read):
        qtbot.keyClick(window.section_view, Qt.Key.Key_F1)
    native = QKeySequence.SequenceFormat.NativeText
    keys = {command: shortcut for _where, command, shortcut in rows}
    assert keys["Bookmark This Page"] == "Ctrl+D"
    assert keys["Print…"] == QKeySequence(QKeySequence.StandardKey.Print).toString(native)
    assert QKeySequence(QKeySequence.StandardKey.Back).toString(native) in keys["Back"]
    assert "Zoom In" in keys and "Quit" in keys and "Dark" in keys
    assert not any(command.startswith("(No bookmarks") for command in keys)
    assert ("View › Theme", "Dark", "") in rows


def test_every_menu_action_has_a_distinct_shortcut(window: MainWindow) -> None:
    """Two actions on one key make Qt ignore both; every key must do one thing."""
    bindings = [
        sequence.toString()
        for action in window.findChildren(QAction)
        for sequence in action.shortcuts()
    ]
    clashes = [key for key, count in Counter(bindings).items() if count > 1]
    assert clashes == []


def test_every_window_action_with_a_shortcut_is_in_the_menu_bar(window: MainWindow) -> None:
    listed = {command for _where, command, _keys in menu_rows(window.menuBar())}
    from app.ui.features.help.dialog import plain

    missing = [plain(a.text()) for a in window.actions() if a.shortcuts() and plain(a.text()) not in listed]
    assert missing == []


def test_the_main_widgets_have_accessible_names_and_descriptions(window: MainWindow) -> None:
    for widget in (window.nav_tree, window.section_view):
        assert widget.accessibleName() and widget.accessibleDescription()
    toolbar = window.findChild(QToolBar, "navigationToolBar")
    assert toolbar is not None and toolbar.accessibleName() == "Navigation"
    for button in toolbar.findChildren(QToolButton):
        action = button.defaultAction()
        if action is not None:
            assert action.toolTip()


def test_tab_from_the_tree_reaches_the_text_and_alt_1_comes_back(window: MainWindow, qtbot: QtBot) -> None:
    window.nav_tree.setFocus()
    qtbot.keyClick(window.nav_tree, Qt.Key.Key_Tab)
    qtbot.waitUntil(window.section_view.hasFocus)
    qtbot.keyClick(window.section_view, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(window.nav_tree.hasFocus)


def test_ctrl_wheel_zooms_the_text_and_the_zoom_is_remembered(make_window: MakeWindow) -> None:
    window = make_window()
    viewport = window.section_view.viewport()
    centre = QPointF(viewport.rect().center())
    event = QWheelEvent(centre, QPointF(viewport.mapToGlobal(centre.toPoint())), QPoint(0, 0), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase,
                        False)
    QApplication.sendEvent(viewport, event)
    assert window.zoom > 0
    zoom = window.zoom
    window.close()
    assert make_window().zoom == zoom


def test_the_shortcuts_list_names_each_key_once_and_no_media_keys(window: MainWindow) -> None:
    keys = {command: shortcut for _where, command, shortcut in menu_rows(window.menuBar())}
    assert keys["Copy"] == "Ctrl+C, Ctrl+Insert"
    assert keys["Find in Section…"] == "Ctrl+F"
    assert keys["Reload Profiles"] == "F5"
    assert keys["Zoom In"] == "Ctrl+Plus, Ctrl+="
    assert keys["Next Section"] == "Ctrl+Page Down"
    every = [k for shortcut in keys.values() if shortcut for k in shortcut.split(", ")]
    assert len(every) == len(set(every))


def test_ctrl_equals_zooms_in_and_the_zoom_is_said_as_a_percentage(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClick(window.section_view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.zoom == 1
    message = window.statusBar().currentMessage()
    assert message.startswith("Zoom: 1") and message.endswith("%") and message != "Zoom: 100%"
    qtbot.keyClick(window.section_view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage() == "Zoom: 100% (actual size)"


def test_f10_opens_the_first_menu_of_the_menu_bar(window: MainWindow, qtbot: QtBot) -> None:
    from tests.ui.conftest import answering_popup

    titles: list[str] = []
    with answering_popup(lambda menu: titles.append(menu.title())):
        qtbot.keyClick(window.section_view, Qt.Key.Key_F10)
    assert titles == ["&File"]


def all_menus(window: MainWindow) -> list[QMenu]:
    found: list[QMenu] = []

    def walk(menu: QMenu) -> None:
        found.append(menu)
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub)

    for top in window.menuBar().actions():
        sub = top.menu()
        if isinstance(sub, QMenu):
            walk(sub)
    return found


def mnemonics(actions: list[QAction]) -> list[str]:
    letters = []
    for action in actions:
        text = action.text().replace("&&", "")
        if action.isVisible() and not action.isSeparator() and "&" in text:
            letters.append(text[text.index("&") + 1].lower())
    return letters


def test_every_menu_gives_each_letter_to_one_entry(window: MainWindow) -> None:
    from app.model import Address
    from app.ui.features.copying.feature import CopyingFeature
    from tests.ui.features.test_copying import point_of

    window.open_address(Address("lao-pdr", "contact-details"))
    context = window.feature(CopyingFeature).context_menu(point_of(window, "+856 21 267 790"))
    menus: list[tuple[str, list[QAction]]] = [("menu bar", window.menuBar().actions()), ("context", context.actions())]
    menus += [(m.title(), m.actions()) for m in all_menus(window)]
    clashes = {title: letters for title, actions in menus
               if len(letters := mnemonics(actions)) != len(set(letters))}
    assert clashes == {}
    context.deleteLater()
