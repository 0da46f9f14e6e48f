"""Keyboard and accessibility: shortcuts listed from the menus, no clashes, names, tab order, zoom."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QAction, QKeySequence, QWheelEvent
from PySide6.QtWidgets import QApplication, QToolBar, QToolButton, QWidget
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
