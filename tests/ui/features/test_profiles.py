"""Profiles in the window: bad files listed in a Problems dialog, files added and reloaded in place."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app import paths
from app.model import Address
from app.ui.features.profiles.dialog import ProblemsDialog
from app.ui.features.profiles.feature import ProfilesFeature
from app.ui.shell.main_window import MainWindow
from tests.conftest import ROOT, WriteProfile, minimal_profile
from tests.ui.conftest import MakeWindow, answering_modal, menu_action

BAD = ROOT / "tests" / "bad_profiles"


def actions_of(window: MainWindow) -> ProfilesFeature:
    return window.feature(ProfilesFeature)


def open_dialog(qtbot: QtBot) -> ProblemsDialog:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ProblemsDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, ProblemsDialog)
    qtbot.addWidget(dialog)
    return dialog


def rows(dialog: ProblemsDialog) -> list[tuple[str, str, str]]:
    tree = dialog.problem_list
    items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    return [(item.text(0), item.text(1), item.text(2)) for item in items if item is not None]


def test_bad_files_leave_the_good_profile_shown_and_a_problems_button_lists_them(
    make_window: MakeWindow, qtbot: QtBot
) -> None:
    window = make_window("--profiles-dir", str(BAD))
    assert [p.id for p in window.library.profiles] == ["lao-pdr"]
    assert window.current_address == Address("lao-pdr")
    button = window.findChild(QPushButton, "problemsButton")
    assert button is not None and button.isVisible()
    assert button.text() == f"{len(window.library.errors)} problems in profiles"

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot)
    listed = rows(dialog)
    assert (str(BAD / "alias-bomb.yaml"), "4:8", "aliases (*a) are not allowed in profiles; write the text out in full") in listed
    assert any(r[0].endswith("python-object-tag.yaml") and "!!python/object/apply:os.system" in r[2] for r in listed)
    assert dialog.details.toPlainText() == f"{BAD / 'alias-bomb.yaml'}:4:8: aliases (*a) are not allowed in profiles; write the text out in full"
    qtbot.keyClick(dialog.problem_list, Qt.Key.Key_Down)
    assert dialog.details.toPlainText().startswith(f"{BAD / 'alias.yaml'}:11:5: aliases (*notes)")
    dialog.copy_button.click()
    assert f"{BAD / 'tab-indent.yaml'}:7:1: a tab is used" in QApplication.clipboard().text()


def test_without_problems_there_is_no_problems_button(window: MainWindow) -> None:
    button = window.findChild(QPushButton, "problemsButton")
    assert button is not None and not button.isVisible()
    assert not actions_of(window).problems_action.isEnabled()


def pressing(label: str, asked: list[str]) -> Callable[[QWidget], None]:
    """An answer to Add Profile's question: its text kept in `asked`, then the button `label`."""

    def press(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        next(b for b in box.buttons() if b.text().replace("&", "") == label).click()

    return press


def test_add_profile_copies_a_valid_file_reloads_and_opens_it(
    window: MainWindow, qtbot: QtBot, write_profile: WriteProfile, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = write_profile(minimal_profile("testland", "Testland"), name="testland-from-email.yaml")
    monkeypatch.setattr(ProfilesFeature, "choose_file", lambda _self: source)
    asked: list[str] = []
    with qtbot.waitSignal(window.library_changed), answering_modal(pressing("Add", asked)):
        actions_of(window).add_profile_action.trigger()
    assert asked == ["Testland (testland): Not verified: not signed.\n\nAdd it to your profiles folder?"]
    assert (paths.user_profiles_dir() / "testland.yaml").read_bytes() == source.read_bytes()
    assert window.library.profile("testland") is not None
    assert window.current_address == Address("testland")
    assert "Profile testland added" in window.statusBar().currentMessage()
    assert "Not verified: not signed" in window.statusBar().currentMessage()


def test_only_verified_profiles_leaves_out_an_unsigned_profile_and_says_so(
    window: MainWindow, qtbot: QtBot, write_profile: WriteProfile, settings_path: Path
) -> None:
    write_profile(minimal_profile("testland", "Testland"), folder=paths.user_profiles_dir())
    actions_of(window).reload()
    assert window.library.profile("testland") is not None
    only = menu_action(window, "File", "Only Verified Profiles")
    with qtbot.waitSignal(window.library_changed):
        only.trigger()
    assert window.library.profile("testland") is None and window.library.profile("lao-pdr") is not None
    assert any("only verified profiles are loaded" in p.message for p in window.library.problems)
    assert "onlyVerified=true" in settings_path.read_text(encoding="utf-8")


def test_the_organisations_settings_can_require_verified_profiles_for_everyone(
    make_window: MakeWindow, write_profile: WriteProfile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    system = tmp_path / "etc-xdg"
    write_profile("[profiles]\nonlyVerified=true\n", folder=system / "tip-reference", name="settings.ini")
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(system))
    write_profile(minimal_profile("testland", "Testland"), folder=paths.user_profiles_dir())
    window = make_window()
    assert window.library.profile("testland") is None
    only = menu_action(window, "File", "Only Verified Profiles")
    assert only.isChecked() and not only.isEnabled()


def test_a_profile_row_says_who_vouches_for_it_with_an_icon_and_in_words(
    window: MainWindow, write_profile: WriteProfile
) -> None:
    from PySide6.QtCore import Qt

    write_profile(minimal_profile("testland", "Testland"), folder=paths.user_profiles_dir())
    actions_of(window).reload()
    model = window.nav_model
    rows = {model.index(r, 0).data(): model.index(r, 0) for r in range(model.rowCount())}
    unsigned, bundled = rows["Testland"], rows["Lao PDR"]
    assert unsigned.data(Qt.ItemDataRole.DecorationRole) is not None
    assert "Not verified: not signed" in unsigned.data(Qt.ItemDataRole.AccessibleDescriptionRole)
    assert "Not verified: not signed" in unsigned.data(Qt.ItemDataRole.ToolTipRole)
    assert bundled.data(Qt.ItemDataRole.DecorationRole) is None
    assert "Bundled with the app" in bundled.data(Qt.ItemDataRole.AccessibleDescriptionRole)


@pytest.mark.parametrize("answer", ["Cancel", "Replace"])
def test_add_profile_asks_before_replacing_a_users_file_and_keeps_the_old_one(
    window: MainWindow, qtbot: QtBot, write_profile: WriteProfile, monkeypatch: pytest.MonkeyPatch,
    answer: str,
) -> None:
    draft = write_profile(minimal_profile("testland", "Testland draft"), folder=paths.user_profiles_dir(),
                          name="testland.yaml")
    mine = draft.read_bytes()
    newer = write_profile(minimal_profile("testland", "Testland"), name="testland-from-email.yaml")
    monkeypatch.setattr(ProfilesFeature, "choose_file", lambda _self: newer)
    asked: list[str] = []
    with answering_modal(pressing(answer, asked)):
        actions_of(window).add_profile_action.trigger()
    assert "already has profile 'testland'" in asked[0] and "testland.yaml.bak" in asked[0]
    if answer == "Cancel":
        assert draft.read_bytes() == mine  # nothing replaced
        return
    qtbot.waitUntil(lambda: window.library.profile("testland") is not None)
    assert draft.read_bytes() == newer.read_bytes()
    assert (paths.user_profiles_dir() / "testland.yaml.bak").read_bytes() == mine
    assert "old file is kept as" in window.statusBar().currentMessage()


def test_add_profile_refuses_a_bad_file_and_shows_why(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ProfilesFeature, "choose_file", lambda _self: BAD / "python-object-tag.yaml")
    actions_of(window).add_profile_action.trigger()
    dialog = open_dialog(qtbot)
    assert dialog.windowTitle() == "Profile not added"
    assert rows(dialog) == [(str(BAD / "python-object-tag.yaml"), "9:20",
                             "the tag !!python/object/apply:os.system is not allowed in profiles; remove it")]
    assert not paths.user_profiles_dir().exists()
    assert [p.id for p in window.library.profiles] == ["lao-pdr"]


def test_reload_key_reads_files_dropped_into_the_profiles_folder(
    window: MainWindow, qtbot: QtBot, write_profile: WriteProfile
) -> None:
    window.open_address(Address("lao-pdr", "challenges"))
    write_profile(minimal_profile("dropland", "Dropland"), folder=paths.user_profiles_dir())
    window.activateWindow()
    with qtbot.waitSignal(window.library_changed):
        qtbot.keyClick(window.nav_tree, Qt.Key.Key_F5)
    assert window.library.profile("dropland") is not None
    assert window.current_address == Address("lao-pdr", "challenges")


def test_reload_keeps_the_extra_profile_folders_of_the_command_line(make_window: MakeWindow, qtbot: QtBot) -> None:
    window = make_window("--profiles-dir", str(BAD))
    with qtbot.waitSignal(window.library_changed):
        actions_of(window).reload_action.trigger()
    assert window.findChild(QPushButton, "problemsButton").isVisible()  # type: ignore[union-attr]


def test_open_profiles_folder_creates_it_and_hands_the_local_folder_to_the_file_manager(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr("app.ui.features.profiles.feature.open_url", open_url)
    actions_of(window).open_folder_action.trigger()
    assert paths.user_profiles_dir().is_dir()
    assert [u.toLocalFile() for u in opened] == [str(paths.user_profiles_dir())]
    assert opened[0].isLocalFile()


def test_a_missing_bundled_folder_is_told_in_the_window_not_a_crash(
    make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(paths, "data_dir", lambda: tmp_path / "gone")
    window = make_window()
    assert window.library.profiles == ()
    assert "No profile is loaded: the profile files could not be read." in window.section_view.toPlainText()
    button = window.findChild(QPushButton, "problemsButton")
    assert button is not None and button.text() == "1 problem in profiles"
    assert "the bundled profiles folder does not exist" in window.library.errors[0].message


def test_the_problems_list_shows_each_file_name_whole_and_the_full_path_in_a_tooltip(qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt

    from app.model import Problem

    path = "/home/someone/a/very/long/folder/of/profiles/that/goes/on/bad_profiles/alias-bomb.yaml"
    dialog = ProblemsDialog([Problem(path, "aliases (*a) are not allowed", 3, 7)], "Problems", "Intro")
    qtbot.addWidget(dialog)
    dialog.show()
    listing = dialog.problem_list
    item = listing.topLevelItem(0)
    assert item is not None and path in item.toolTip(0)  # as literal text
    shown = listing.fontMetrics().elidedText(item.text(0), Qt.TextElideMode.ElideLeft, listing.columnWidth(0) - 12)
    assert listing.textElideMode() == Qt.TextElideMode.ElideLeft
    assert shown.endswith("alias-bomb.yaml") and shown != path
