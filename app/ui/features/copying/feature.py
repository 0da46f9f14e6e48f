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
            MenuPlace.EDIT_AFTER_COPY, "Copy Section with &Source", self.copy_with_source, "Ctrl+Shift+C",
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
        from app.citation import contact_text

        view = self.window.section_view
        menu = view.createStandardContextMenu(position)
        link = view.anchorAt(position)
        if link.startswith("tel:"):
            from urllib.parse import unquote

            number = unquote(link[len("tel:"):])
            menu.addSeparator()
            menu.addAction("Copy &Number", lambda: self.window.copy_to_clipboard(number, "Number"))
        contact = self.contact_at(position)
        if contact is not None:
            text = contact_text(contact)
            if not link.startswith("tel:"):
                menu.addSeparator()
            copy = menu.addAction("Copy &Contact", lambda: self._copy_contact(text, contact.heading))
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

