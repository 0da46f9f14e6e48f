"""Bookmarks in the window: Ctrl+D, the menu, the manage dialog, files, and surviving a restart."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListWidget, QPushButton, QStyledItemDelegate, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from app import paths
from app.model import Address
from app.ui.features.bookmarks.dialog import BookmarksDialog
from app.ui.features.bookmarks.feature import BookmarksFeature
from app.ui.shell.main_window import MainWindow
from tests.ui.conftest import MakeWindow, notice_text


def ctrl_d(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window.section_view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)


def menu_entries(window: MainWindow) -> list[str]:
    return [a.text() for a in window.feature(BookmarksFeature).menu.actions() if a.data()]


def test_ctrl_d_bookmarks_the_open_section_and_the_menu_lists_it(window: MainWindow, qtbot: QtBot) -> None:
    window.open_address(Address("lao-pdr", "challenges"))
    ctrl_d(qtbot, window)
    assert menu_entries(window) == ["TIP challenges ahead — Lao PDR"]
    assert window.feature(BookmarksFeature).toggle_action.isChecked()
    assert "Bookmarked" in window.statusBar().currentMessage()
    ctrl_d(qtbot, window)
    assert menu_entries(window) == []
    assert not window.feature(BookmarksFeature).toggle_action.isChecked()


def test_a_bookmark_survives_closing_and_reopening_the_window(make_window: MakeWindow, qtbot: QtBot) -> None:
    first = make_window("--section", "lao-pdr/contact-details")
    ctrl_d(qtbot, first)
    first.close()

    second = make_window("--section", "lao-pdr/challenges")
    assert menu_entries(second) == ["Contact Details — Lao PDR"]
    entry = next(a for a in second.feature(BookmarksFeature).menu.actions() if a.data())
    entry.trigger()
    assert second.current_address == Address("lao-pdr", "contact-details")
    assert second.feature(BookmarksFeature).toggle_action.isChecked()


def test_a_corrupt_bookmarks_file_gives_an_empty_list_and_a_warning(make_window: MakeWindow, qtbot: QtBot) -> None:
    target = paths.bookmarks_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text('{"format": "tip-reference-bookmarks", "bookm', encoding="utf-8")
    window = make_window()
    assert menu_entries(window) == []
    assert "damaged" in notice_text(qtbot)
    assert window.current_address == Address("lao-pdr")  # reading goes on


def test_the_bookmarks_menu_entry_opens_its_page(window: MainWindow, qtbot: QtBot) -> None:
    window.open_address(Address("lao-pdr", "quick-facts"))
    ctrl_d(qtbot, window)
    window.open_address(Address("lao-pdr", "challenges"))
    menu = window.feature(BookmarksFeature).menu
    entry = next(a for a in menu.actions() if a.data() == "lao-pdr/quick-facts")
    entry.trigger()
    assert window.current_address == Address("lao-pdr", "quick-facts")


def dialog_over_three_bookmarks(window: MainWindow, qtbot: QtBot) -> tuple[BookmarksDialog, QListWidget]:
    """Quick facts, contact details and challenges bookmarked by Ctrl+D, and Manage Bookmarks open."""
    for section in ("quick-facts", "contact-details", "challenges"):
        window.open_address(Address("lao-pdr", section))
        ctrl_d(qtbot, window)
    dialog = BookmarksDialog(window.feature(BookmarksFeature), window)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    listing = dialog.findChild(QListWidget, "bookmarksList")
    assert listing is not None
    return dialog, listing


def test_the_dialog_renames_reorders_and_deletes_by_keyboard(window: MainWindow, qtbot: QtBot) -> None:
    controller = window.feature(BookmarksFeature)
    _dialog, listing = dialog_over_three_bookmarks(window, qtbot)
    listing.setFocus()
    listing.setCurrentRow(2)

    qtbot.keyClick(listing, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(listing, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [b.title for b in controller.bookmarks] == ["TIP challenges ahead", "Lao PDR Quick Facts", "Contact Details"]

    qtbot.keyClick(listing, Qt.Key.Key_F2)
    assert listing.state() == QListWidget.State.EditingState
    editor = listing.findChild(QLineEdit)
    assert editor is not None
    editor.selectAll()
    qtbot.keyClicks(editor, "Challenges")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next turn of the loop
    qtbot.waitUntil(lambda: controller.bookmarks[0].title == "Challenges")
    assert menu_entries(window)[0] == "Challenges — Lao PDR"

    listing.setCurrentRow(1)
    qtbot.keyClick(listing, Qt.Key.Key_Delete)
    reread = type(controller.bookmarks)(controller.bookmarks.path)
    assert [b.title for b in reread] == ["Challenges", "Contact Details"]


def test_export_and_import_through_files(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    controller = window.feature(BookmarksFeature)
    window.open_address(Address("lao-pdr", "challenges"))
    ctrl_d(qtbot, window)
    assert controller.export_to(tmp_path / "mine.json")
    controller.clear()
    assert menu_entries(window) == []
    assert controller.import_from(tmp_path / "mine.json")
    assert menu_entries(window) == ["TIP challenges ahead — Lao PDR"]
    (tmp_path / "bad.json").write_text("nonsense", encoding="utf-8")
    assert not controller.import_from(tmp_path / "bad.json")
    message = notice_text(qtbot)
    assert "not a bookmarks file" in message and "Expecting value" not in message and "JSON" not in message


def test_the_dialog_names_each_profile_undoes_a_delete_and_holds_export_and_import(
    window: MainWindow, qtbot: QtBot
) -> None:
    controller = window.feature(BookmarksFeature)
    dialog, listing = dialog_over_three_bookmarks(window, qtbot)
    option = QStyleOptionViewItem()
    delegate = listing.itemDelegate()
    assert isinstance(delegate, QStyledItemDelegate)
    delegate.initStyleOption(option, listing.model().index(1, 0))
    assert option.text == "Contact Details — Lao PDR"
    listing.setFocus()
    listing.setCurrentRow(1)
    qtbot.keyClick(listing, Qt.Key.Key_Delete)
    assert [b.title for b in controller.bookmarks] == ["Lao PDR Quick Facts", "TIP challenges ahead"]
    qtbot.keyClick(listing, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [b.title for b in controller.bookmarks] == ["Lao PDR Quick Facts", "Contact Details", "TIP challenges ahead"]
    assert listing.currentRow() == 1
    buttons = {b.text().replace("&", "") for b in dialog.findChildren(QPushButton)}
    assert {"Export…", "Import…", "Undo Delete"} <= buttons
    tips = [a.toolTip() for a in controller.menu.actions() if a.data()]
    assert tips and not any("#" in t or "lao-pdr/" in t for t in tips)


def test_two_windows_adding_bookmarks_at_the_same_time_keep_each_others(make_window: MakeWindow, qtbot: QtBot) -> None:
    import json

    first = make_window("--section", "lao-pdr/contact-details")
    second = make_window("--section", "lao-pdr/challenges")  # opened before the first saves anything

    def press_ctrl_d_in(window: MainWindow) -> None:
        with qtbot.waitActive(window):
            window.activateWindow()
        ctrl_d(qtbot, window)

    press_ctrl_d_in(first)
    press_ctrl_d_in(second)
    first.open_address(Address("lao-pdr", "quick-facts"))
    press_ctrl_d_in(first)
    saved = json.loads(paths.bookmarks_file().read_text(encoding="utf-8"))
    addresses = {entry["address"] for entry in saved["bookmarks"]}
    assert addresses == {"lao-pdr/contact-details", "lao-pdr/challenges", "lao-pdr/quick-facts"}
