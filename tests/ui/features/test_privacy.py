"""Privacy: Clear Personal Data, what the About box says is stored, and nothing searched on disk."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app import paths
from app.model import Address
from app.ui.features.bookmarks.feature import BookmarksFeature
from app.ui.features.history.feature import HistoryFeature
from app.ui.features.privacy.feature import bookmark_count
from app.ui.shell.main_window import MainWindow
from tests.ui.conftest import MakeWindow, answering_modal, menu_action


def test_clear_personal_data_asks_then_removes_bookmarks_and_settings(
    make_window: MakeWindow, qtbot: QtBot, settings_path: Path
) -> None:
    window = make_window("--section", "lao-pdr/challenges")
    qtbot.keyClick(window.section_view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    window.zoom_by(2)
    window.close()  # remembers the window, as quitting does
    window = make_window("--section", "lao-pdr/challenges")
    assert paths.bookmarks_file().exists() and "challenges" in settings_path.read_text(encoding="utf-8")
    cache = paths.user_cache_dir() / "profiles.json"
    assert cache.exists()  # written when the window read the library
    qt_history = paths.qt_dialog_history_file()
    assert qt_history is not None
    qt_history.parent.mkdir(parents=True, exist_ok=True)
    qt_history.write_text("[FileDialog]\nlastVisited=file:///home/x/Case-4711-victim-files\n[Other]\nkept=1\n",
                          encoding="utf-8")
    leftover = paths.bookmarks_file().parent / ".bookmarks.json.a1b2c3.tmp"  # an interrupted save
    leftover.write_text("[]", encoding="utf-8")

    answers: list[str] = []

    def answer(label: str) -> Callable[[QWidget], None]:
        def click(box: QWidget) -> None:
            assert isinstance(box, QMessageBox)
            answers.append(box.text())
            button = next(b for b in box.buttons() if b.text().replace("&", "") == label)
            button.click()

        return click

    clear = menu_action(window, "File", "Clear Personal Data…")
    with answering_modal(answer("Cancel")):
        clear.trigger()
    assert paths.bookmarks_file().exists()  # cancelled: nothing removed

    with answering_modal(answer("Delete")):
        clear.trigger()
    assert "• the bookmark\n" in answers[0] and "bookmarks" not in answers[0].split("\n")[2]
    assert not paths.bookmarks_file().exists()
    assert window.feature(BookmarksFeature).count == 0
    assert not cache.exists()
    assert not window.feature(HistoryFeature).back_action.isEnabled()
    history = qt_history.read_text(encoding="utf-8")
    assert "Case-4711" not in history and "[Other]" in history  # only the file dialogs' memory goes
    assert not leftover.exists()
    window.close()
    assert "challenges" not in (settings_path.read_text(encoding="utf-8") if settings_path.exists() else "")

    again = make_window()
    assert again.current_address == Address("lao-pdr")  # no remembered page
    assert again.zoom == 0


def test_the_about_box_says_what_is_stored_where_and_what_never_is(window: MainWindow) -> None:
    seen: list[str] = []

    def read(box: QWidget) -> None:
        seen.append("\n".join(label.text() for label in box.findChildren(QLabel)))

    with answering_modal(read):
        menu_action(window, "Help", "About TIP Reference").trigger()
    text = seen[0]
    assert str(paths.bookmarks_file()) in text
    assert str(window.settings.path) in text
    assert "Never stored: search terms and the history of pages read" in text


def test_search_terms_never_reach_the_disk(make_window: MakeWindow, qtbot: QtBot, isolated_home: Path) -> None:
    window = make_window()
    box = window.findChild(QLineEdit, "searchBox")
    assert box is not None
    box.setFocus()
    qtbot.keyClicks(box, "zzsecretword")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.keyClick(window.section_view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    window.close()
    for file in isolated_home.rglob("*"):
        if file.is_file():
            assert b"zzsecretword" not in file.read_bytes(), file


@pytest.mark.parametrize(("count", "said"), [(0, "no bookmarks (there are none)"), (1, "the bookmark"),
                                             (2, "all 2 bookmarks"), (1200, "all 1,200 bookmarks")])
def test_clear_personal_data_counts_the_bookmarks_as_said(count: int, said: str) -> None:
    assert bookmark_count(count) == said
