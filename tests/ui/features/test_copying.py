"""Copy Section with Source (Ctrl+Shift+C), clicking a number, and Copy Contact in the context menu."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from app.model import Address
from app.ui.features.copying.feature import CopyingFeature
from app.ui.shell.main_window import MainWindow
from tests.ui.conftest import answering_popup


def point_of(window: MainWindow, text: str) -> QPoint:
    """Where a piece of text is shown in the section view's viewport."""
    view = window.section_view
    cursor = view.document().find(text, 0, QTextDocument.FindFlag.FindCaseSensitively)
    assert not cursor.isNull(), text
    cursor.setPosition(cursor.selectionStart() + 2)
    return view.cursorRect(cursor).center()


def test_ctrl_shift_c_copies_the_section_with_its_source(window: MainWindow, qtbot: QtBot) -> None:
    window.open_address(Address("lao-pdr", "challenges"))
    qtbot.keyClick(window.section_view, Qt.Key.Key_C,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("TIP challenges ahead\n")
    assert "Source: UN-ACT, http://un-act.org/lao-pdr/" in copied.splitlines()[-1]
    assert "with its source" in window.statusBar().currentMessage()


def test_clicking_a_fax_number_copies_that_number_only(window: MainWindow, qtbot: QtBot) -> None:
    window.open_address(Address("lao-pdr", "contact-details"))
    qtbot.mouseClick(window.section_view.viewport(), Qt.MouseButton.LeftButton,
                     pos=point_of(window, "+856 21 267 799"))
    assert QGuiApplication.clipboard().text() == "+856 21 267 799"
    assert window.statusBar().currentMessage() == "Phone number copied: +856 21 267 799"


def test_the_context_menu_on_a_contact_copies_the_whole_contact(window: MainWindow) -> None:
    window.open_address(Address("lao-pdr", "contact-details"))
    menu = window.feature(CopyingFeature).context_menu(point_of(window, "Lane Xang Avenue"))
    copy = next(a for a in menu.actions() if a.objectName() == "copyContactAction")
    copy.trigger()
    assert QGuiApplication.clipboard().text().splitlines()[0] == "Office of the UN Resident Coordinator"
    assert "Fax: +856 21 267 792 / +856 21 267 799" in QGuiApplication.clipboard().text()
    assert "Contact copied" in window.statusBar().currentMessage()
    menu.deleteLater()


def test_the_context_menu_on_a_number_offers_copy_number(window: MainWindow) -> None:
    window.open_address(Address("lao-pdr", "contact-details"))
    menu = window.feature(CopyingFeature).context_menu(point_of(window, "+856 21 267 790"))
    texts = [a.text() for a in menu.actions()]
    assert "Copy &Number" in texts and "Copy C&ontact" in texts
    next(a for a in menu.actions() if a.text() == "Copy C&ontact").trigger()
    assert QGuiApplication.clipboard().text().startswith("Dr. Xoukiet Panyanouvong\nNational Project Coordinator")
    menu.deleteLater()


def test_no_copy_contact_outside_contacts(window: MainWindow) -> None:
    window.open_address(Address("lao-pdr", "quick-facts"))
    menu = window.feature(CopyingFeature).context_menu(point_of(window, "Vientiane"))
    assert not any(a.objectName() == "copyContactAction" for a in menu.actions())
    assert window.feature(CopyingFeature).copy_with_source_action in menu.actions()
    menu.deleteLater()


def tab_to_first_phone_link(window: MainWindow, qtbot: QtBot) -> str:
    """Press Tab in the section text until a phone link has the focus; its href."""
    view = window.section_view
    view.setFocus()
    for _ in range(12):
        qtbot.keyClick(view, Qt.Key.Key_Tab)
        href = view.textCursor().charFormat().anchorHref()
        if href.startswith("tel:"):
            return href
    raise AssertionError("Tab never reached a phone link")


def entries(menu: QMenu) -> dict[str, bool]:
    return {a.text().split("\t")[0]: a.isEnabled() for a in menu.actions() if a.text()}


def test_the_menu_key_on_a_focused_phone_link_copies_its_number(window: MainWindow, qtbot: QtBot) -> None:
    window.open_address(Address("lao-pdr", "contact-details"))
    tab_to_first_phone_link(window, qtbot)
    found: dict[str, bool] = {}

    def use(menu: QMenu) -> None:
        found.update(entries(menu))
        next(a for a in menu.actions() if a.objectName() == "copyNumberAction").trigger()

    with answering_popup(use):
        qtbot.keyClick(window.windowHandle(), Qt.Key.Key_Menu)  # as the desktop sends it
    assert found["Copy &Number"] and found["Copy C&ontact"] and found["Copy &Link Location"]
    assert QGuiApplication.clipboard().text() == "+856 21 267 790"


def test_shift_f10_opens_the_same_menu_and_copy_link_location_gives_the_number_as_written(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.open_address(Address("lao-pdr", "contact-details"))
    tab_to_first_phone_link(window, qtbot)

    def use(menu: QMenu) -> None:
        next(a for a in menu.actions() if a.objectName() == "copyLinkAction").trigger()

    with answering_popup(use):
        qtbot.keyClick(window.section_view, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    assert QGuiApplication.clipboard().text() == "+856 21 267 790"


def test_copy_link_location_with_the_mouse_gives_the_number_not_its_url(window: MainWindow) -> None:
    window.open_address(Address("lao-pdr", "contact-details"))
    menu = window.feature(CopyingFeature).context_menu(point_of(window, "+856 21 267 790"))
    next(a for a in menu.actions() if a.objectName() == "copyLinkAction").trigger()
    assert QGuiApplication.clipboard().text() == "+856 21 267 790"
    assert not any(a.objectName() == "link-copy" for a in menu.actions())
    menu.deleteLater()
