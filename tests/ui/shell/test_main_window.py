"""The main window: tree and reading pane, keyboard and mouse navigation, state kept across runs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMenuBar, QTextBrowser, QTreeView, QWidget
from pytestqt.qtbot import QtBot

from app.model import Address
from app.ui.shell.main_window import MainWindow
from tests.conftest import LAO_SECTIONS
from tests.ui.conftest import MakeWindow, answering_modal, menu_action


def tree(window: MainWindow) -> QTreeView:
    found = window.findChild(QTreeView, "navTree")
    assert found is not None
    return found


def view(window: MainWindow) -> QTextBrowser:
    found = window.findChild(QTextBrowser, "sectionView")
    assert found is not None
    return found


def test_tree_shows_the_profile_and_its_six_sections_in_order(window: MainWindow) -> None:
    model = tree(window).model()
    profile = model.index(0, 0)
    titles = [model.index(r, 0, profile).data() for r in range(model.rowCount(profile))]
    assert titles == [
        "Lao PDR Quick Facts",
        "Contact Details",
        "National Trafficking Trends",
        "The Trafficking Situation",
        "Anti-trafficking mechanisms at a glance",
        "TIP challenges ahead",
    ]
    assert tree(window).isExpanded(profile)


def test_first_start_opens_the_profile_page(window: MainWindow) -> None:
    assert window.current_address == Address("lao-pdr")
    assert window.windowTitle() == "Lao PDR — TIP Reference"
    assert "Figures from 2012–2014" in view(window).toPlainText()


def test_arrow_keys_in_the_tree_open_each_section_in_turn(window: MainWindow, qtbot: QtBot) -> None:
    nav = tree(window)
    nav.setFocus()
    opened = []
    for _ in LAO_SECTIONS:
        with qtbot.waitSignal(window.section_opened) as blocker:
            qtbot.keyClick(nav, Qt.Key.Key_Down)
        opened.append(blocker.args[0])
        assert window.windowTitle().endswith(" — Lao PDR — TIP Reference")
    assert opened == [f"lao-pdr/{s}" for s in LAO_SECTIONS]
    assert "Despite significant progress in recent years" in view(window).toPlainText()
    assert window.windowTitle() == "TIP challenges ahead — Lao PDR — TIP Reference"


def test_enter_in_the_tree_moves_focus_to_the_text(window: MainWindow, qtbot: QtBot) -> None:
    nav = tree(window)
    nav.setFocus()
    qtbot.keyClick(nav, Qt.Key.Key_Down)
    qtbot.keyClick(nav, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view(window).hasFocus())


def test_clicking_a_section_shows_it(window: MainWindow, qtbot: QtBot) -> None:
    nav = tree(window)
    index = nav.model().index(4, 0, nav.model().index(0, 0))
    rect = nav.visualRect(index)
    with qtbot.waitSignal(window.section_opened, check_params_cb=lambda a: a == "lao-pdr/anti-trafficking-mechanisms"):
        qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    text = view(window).toPlainText()
    assert "includes six divisions:" in text
    assert "Intelligence, Investigation, Awareness and Training, Secretariat, Cases and the Cabinet" in text


def test_section_argument_opens_there(make_window: MakeWindow) -> None:
    window = make_window("--section", "lao-pdr/challenges")
    assert window.current_address == Address("lao-pdr", "challenges")
    assert window.windowTitle() == "TIP challenges ahead — Lao PDR — TIP Reference"
    assert tree(window).currentIndex().data() == "TIP challenges ahead"


def test_last_section_geometry_and_zoom_are_restored_from_settings(make_window: MakeWindow, qtbot: QtBot) -> None:
    first = make_window("--section", "lao-pdr/contact-details")
    first.resize(760, 560)  # within the offscreen screen (800×600)
    first.splitter.setSizes([300, 450])
    qtbot.keyClick(view(first), Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert first.zoom == 1
    first.close()

    second = make_window()
    assert second.current_address == Address("lao-pdr", "contact-details")
    assert (second.width(), second.height()) == (760, 560)
    assert second.splitter.sizes()[0] == 300
    assert second.zoom == 1


def test_explicit_section_wins_over_the_remembered_one(make_window: MakeWindow) -> None:
    make_window("--section", "lao-pdr/contact-details").close()
    assert make_window("--section", "lao-pdr/quick-facts").current_address == Address("lao-pdr", "quick-facts")


def test_corrupt_settings_file_means_defaults(make_window: MakeWindow, settings_path: Path) -> None:
    settings_path.parent.mkdir(parents=True)
    settings_path.write_bytes(b"[window]\ngeometry=@ByteArray(\x00\xff garbage\nsplitter=12\n[reading]\nzoom=lots\n")
    window = make_window()
    assert window.current_address == Address("lao-pdr")
    assert window.zoom == 0


def test_links_between_sections_open_inside_the_app(window: MainWindow, qtbot: QtBot) -> None:
    with qtbot.waitSignal(window.section_opened):
        view(window).anchorClicked.emit(QUrl("tip:lao-pdr/trafficking-trends"))
    assert window.current_address == Address("lao-pdr", "trafficking-trends")
    assert tree(window).currentIndex().data() == "National Trafficking Trends"


def test_clicking_a_section_link_on_the_profile_page_opens_it(window: MainWindow, qtbot: QtBot) -> None:
    browser = view(window)
    cursor = browser.document().find("TIP challenges ahead")
    assert not cursor.isNull()
    browser.setTextCursor(cursor)
    point = browser.cursorRect(cursor).center() - QPoint(10, 0)
    with qtbot.waitSignal(window.section_opened, check_params_cb=lambda a: a == "lao-pdr/challenges"):
        qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_phone_link_copies_the_number(make_window: MakeWindow) -> None:
    window = make_window("--section", "lao-pdr/contact-details")
    view(window).anchorClicked.emit(QUrl("tel:+856%2021%20267%20790"))
    assert QGuiApplication.clipboard().text() == "+856 21 267 790"
    assert "copied" in window.statusBar().currentMessage()


def test_zoom_keys_change_the_text_size(window: MainWindow, qtbot: QtBot) -> None:
    browser = view(window)
    size = browser.font().pointSizeF()
    qtbot.keyClick(browser, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert browser.font().pointSizeF() > size
    qtbot.keyClick(browser, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert browser.font().pointSizeF() == size


def test_next_and_previous_section_keys_walk_the_tree(make_window: MakeWindow, qtbot: QtBot) -> None:
    window = make_window("--section", "lao-pdr/quick-facts")
    qtbot.keyClick(view(window), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.current_address == Address("lao-pdr", "contact-details")
    qtbot.keyClick(view(window), Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.current_address == Address("lao-pdr", "quick-facts")


def test_menu_bar_has_file_view_help_and_standard_shortcuts(window: MainWindow) -> None:
    menu_bar = window.findChild(QMenuBar)
    assert menu_bar is not None
    assert [a.text() for a in menu_bar.actions()] == ["&File", "&Edit", "&View", "&Go", "&Bookmarks", "&Help"]
    assert menu_action(window, "File", "Quit").shortcut() == QKeySequence(QKeySequence.StandardKey.Quit)
    assert menu_action(window, "View", "Zoom In").shortcut() == QKeySequence(QKeySequence.StandardKey.ZoomIn)


def test_about_box_shows_version_source_file_and_checksum(window: MainWindow) -> None:
    from app import __version__

    def check(box: QWidget) -> None:
        from PySide6.QtWidgets import QLabel, QTableWidget

        table = box.findChild(QTableWidget)
        assert table is not None
        cells = [table.model().index(r, c).data() for r in range(table.rowCount()) for c in range(table.columnCount())]
        content = "\n".join([label.text() for label in box.findChildren(QLabel)] + cells)
        assert __version__ in content and "UN-ACT" in content and "lao-pdr.yaml" in content
        assert window.library.profiles[0].sha256 in content

    with answering_modal(check):
        menu_action(window, "Help", "About TIP Reference").trigger()


@pytest.mark.parametrize("size", [(1280, 800), (1024, 600)])
def test_section_text_is_not_wider_than_the_view_at_small_sizes(make_window: MakeWindow, size: tuple[int, int]) -> None:
    window = make_window("--section", "lao-pdr/anti-trafficking-mechanisms", "--size", f"{size[0]}x{size[1]}")
    browser = view(window)
    assert browser.horizontalScrollBar().maximum() == 0
    nav = tree(window)
    metrics = nav.fontMetrics()
    longest = metrics.horizontalAdvance("Anti-trafficking mechanisms at a glance")
    index = nav.currentIndex()
    assert nav.visualRect(index).right() < nav.viewport().width()
    assert nav.visualRect(index).width() >= longest


def test_screenshot_writes_a_png_of_the_requested_size(tmp_path: Path) -> None:
    import subprocess
    import sys

    from PySide6.QtGui import QImage

    from tests.conftest import ROOT

    target = tmp_path / "s.png"
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--section", "lao-pdr/anti-trafficking-mechanisms",
         "--screenshot", str(target), "--size", "1280x800"],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1280, 800)
    assert len({image.pixel(x, y) for x in range(0, 1280, 16) for y in range(0, 800, 16)}) > 10


def test_set_library_shows_added_profiles_and_keeps_the_open_section(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    from app.library import Folder, default_folders, load_library
    from tests.conftest import minimal_profile

    window.open_address(Address("lao-pdr", "challenges"))
    (tmp_path / "testland.yaml").write_text(minimal_profile(), encoding="utf-8")
    reloaded = load_library([*default_folders(), Folder(tmp_path)])

    with qtbot.waitSignal(window.library_changed):
        window.set_library(reloaded)

    names = [window.nav_model.index(row, 0).data() for row in range(window.nav_model.rowCount())]
    assert any(name.startswith("Testland") for name in names)
    assert window.current_address == Address("lao-pdr", "challenges")
    assert window.nav_tree.currentIndex() == window.nav_model.index_of(Address("lao-pdr", "challenges"))


def test_a_reloaded_library_keeps_the_reader_on_its_page_when_the_tree_gets_the_focus(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    from app.library import Folder, default_folders, load_library
    from tests.conftest import minimal_profile

    window.open_address(Address("lao-pdr", "challenges"))
    (tmp_path / "aland.yaml").write_text(minimal_profile("aland", "Aland"), encoding="utf-8")  # sorts first
    window.set_library(load_library([*default_folders(), Folder(tmp_path)]), open_page=False)

    window.section_view.setFocus()
    qtbot.waitUntil(window.section_view.hasFocus)
    window.nav_tree.setFocus()  # a tree without a current row would make its first row current now
    qtbot.waitUntil(window.nav_tree.hasFocus)
    assert window.current_address == Address("lao-pdr", "challenges")


def test_the_first_window_and_a_remembered_oversized_one_fit_the_screen(make_window: MakeWindow) -> None:
    first = make_window()
    available = first.screen().availableGeometry()
    assert available.contains(first.frameGeometry())
    first.resize(available.width() * 2, available.height() * 2)  # as kept from a larger screen
    first.close()
    second = make_window()
    assert second.width() <= available.width() and second.height() <= available.height()


def test_f9_hides_the_side_panel_alt_1_brings_it_back_and_the_choice_is_remembered(
    make_window: MakeWindow, qtbot: QtBot
) -> None:
    window = make_window()
    window.nav_tree.setFocus()
    qtbot.keyClick(window.nav_tree, Qt.Key.Key_F9)
    assert window.side_panel.isHidden() and window.section_view.hasFocus()
    assert not menu_action(window, "View", "Side Panel").isChecked()
    window.close()
    again = make_window()
    assert again.side_panel.isHidden()
    qtbot.keyClick(again.section_view, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert not again.side_panel.isHidden()
    qtbot.waitUntil(again.nav_tree.hasFocus)


def test_the_splitter_handle_takes_the_focus_and_moves_with_the_arrow_keys(window: MainWindow, qtbot: QtBot) -> None:
    handle = window.splitter.handle(1)
    qtbot.waitUntil(lambda: handle.focusPolicy() == Qt.FocusPolicy.TabFocus)
    handle.setFocus(Qt.FocusReason.TabFocusReason)
    before = window.splitter.sizes()[0]
    qtbot.keyClick(handle, Qt.Key.Key_Right)
    assert window.splitter.sizes()[0] == before + 24
    qtbot.keyClick(handle, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert window.splitter.sizes()[0] == before + 24 - 120
    assert handle.autoFillBackground()  # the focus is shown


def test_the_tree_is_wide_enough_for_a_long_name_beyond_the_first_200_profiles(
    make_window: MakeWindow, tmp_path: Path
) -> None:
    from tests.conftest import minimal_profile

    long_name = "Land 249 and its long provincial section name"
    for number in range(250):
        name = long_name if number == 249 else f"Land {number:03d}"
        (tmp_path / f"land-{number:03d}.yaml").write_text(minimal_profile(f"land-{number:03d}", name),
                                                         encoding="utf-8")
    window = make_window("--profiles-dir", str(tmp_path))
    tree = window.nav_tree
    needed = tree.fontMetrics().horizontalAdvance(long_name) + tree.indentation()
    assert needed <= window.splitter.sizes()[0] <= 340
