"""Copying with care: Edit > Copy Section with Source, and the section view's context menu, which
adds Copy Contact on a contact and Copy Number on a phone or fax number (a click copies it too)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Slot

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from app.model import Contact
    from app.ui.shell.main_window import MainWindow


class CopyingFeature(QObject):
    def __init__(self, window: MainWindow) -> None:
        from app.ui.shell.menus import MenuPlace

        super().__init__(window)
        self.window = window
        self.copy_with_source_action = window.add_action(
            MenuPlace.EDIT_AFTER_COPY, "Copy Section &with Source", self.copy_with_source, "Ctrl+Shift+C",
            "Copy the whole open section as plain text, with its source line",
        )
        view = window.section_view
        view.use_own_context_menu()
        view.context_menu_requested.connect(self._on_section_view_context_menu_requested)

    def copy_with_source(self) -> None:
        from app.citation import with_source

        current = self.window.current_address
        resolved = self.window.library.resolve(current.section_address) if current else None
        if resolved is None:
            return
        profile, section = resolved
        text = with_source(profile, section)
        from PySide6.QtGui import QGuiApplication

        QGuiApplication.clipboard().setText(text)
        what = section.title if section else profile.name
        self.window.statusBar().showMessage(f"Copied “{what}” with its source line", 5000)

    def contact_at(self, position: QPoint) -> Contact | None:
        """The contact under a point of the section view, found by the item anchor before it."""
        from app.model import Contact

        current = self.window.current_address
        resolved = self.window.library.resolve(current.section_address) if current else None
        if resolved is None or resolved[1] is None:
            return None
        section = resolved[1]
        index = _item_before(self.window.section_view.cursorForPosition(position).position(), self.window)
        if index is None or not 0 <= index < len(section.items):
            return None
        item = section.items[index]
        return item if isinstance(item, Contact) else None

    def context_menu(self, position: QPoint) -> QMenu:
        """Qt's menu for the text, with Copy Link Location giving what a reader wants (a number as
        written, not its tel: URL), then Copy Number and Copy Contact where they apply."""
        from app.citation import contact_text

        view = self.window.section_view
        menu = view.createStandardContextMenu(position)
        link = view.anchorAt(position)
        _replace_link_copy(menu, link, self.window)
        number = _number_of(link)
        if number is not None:
            menu.addSeparator()
            copy_number = menu.addAction("Copy &Number", lambda: self.window.copy_to_clipboard(number, "Number"))
            copy_number.setObjectName("copyNumberAction")
        contact = self.contact_at(position)
        if contact is not None:
            text = contact_text(contact)
            if number is None:
                menu.addSeparator()
            copy = menu.addAction("Copy C&ontact", lambda: self._copy_contact(text, contact.heading))
            copy.setObjectName("copyContactAction")
        menu.addSeparator()
        menu.addAction(self.copy_with_source_action)
        return menu

    def _copy_contact(self, text: str, heading: str) -> None:
        from PySide6.QtGui import QGuiApplication

        QGuiApplication.clipboard().setText(text)
        self.window.statusBar().showMessage(f"Contact copied: {heading}", 5000)

    @Slot(QPoint)
    def _on_section_view_context_menu_requested(self, position: QPoint) -> None:
        menu = self.context_menu(position)
        menu.exec(self.window.section_view.viewport().mapToGlobal(position))
        menu.deleteLater()


def _item_before(position: int, window: MainWindow) -> int | None:
    """The number N of the last `item-N` anchor at or before a document position."""
    from app.render import item_anchor

    prefix = item_anchor(0).removesuffix("0")  # "item-"
    document = window.section_view.document()
    block = document.findBlock(position)
    while block.isValid():
        found: int | None = None
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.isValid() and fragment.position() <= position:
                for name in fragment.charFormat().anchorNames():
                    number = name.removeprefix(prefix)
                    if number != name and number.isdigit():
                        found = int(number)
            iterator += 1
        if found is not None:
            return found
        block = block.previous()
    return None



def _number_of(link: str) -> str | None:
    """The number of a tel: link as the profile writes it ("+856 21 267 790"), else None."""
    if not link.startswith("tel:"):
        return None
    from urllib.parse import unquote

    return unquote(link[len("tel:"):])


def link_location(link: str) -> str:
    """What Copy Link Location copies: a number as written, a web address as it is, a section's
    address ("lao-pdr/challenges") rather than the app's internal URL."""
    from app.render import SECTION_SCHEME

    number = _number_of(link)
    if number is not None:
        return number
    prefix = SECTION_SCHEME + ":"
    return link.removeprefix(prefix) if link.startswith(prefix) else link


def _replace_link_copy(menu: QMenu, link: str, window: MainWindow) -> None:
    """Qt's Copy Link Location copies the raw URL (tel:+856%2021…) and is disabled when the menu is
    opened from the keyboard; ours is enabled on any focused or clicked link and copies it as read."""
    from PySide6.QtGui import QAction

    qt_action = next((a for a in menu.actions() if a.objectName() == "link-copy"), None)
    ours = QAction("Copy &Link Location", menu)
    ours.setObjectName("copyLinkAction")
    ours.setEnabled(bool(link))
    ours.triggered.connect(lambda: window.copy_to_clipboard(link_location(link), "Link"))
    if qt_action is not None:
        menu.insertAction(qt_action, ours)
        menu.removeAction(qt_action)
    else:
        menu.addAction(ours)
