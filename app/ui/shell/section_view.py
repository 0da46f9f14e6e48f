"""The reading pane: a QTextBrowser that shows rendered pages and never loads anything itself.

Links are not followed by the widget; they are forwarded as `link_activated` so the window decides
(in-app sections, copy a phone number, ask before opening a web page). Resources named in a page
are never fetched from disk or network. The text column keeps a comfortable line length however
wide the window is.

Signals: link_activated(QUrl); side_button_pressed(int) — the mouse's back (-1) or forward (1)
button over the text (see side_buttons.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, Signal, Slot
from PySide6.QtWidgets import QTextBrowser, QWidget

if TYPE_CHECKING:  # QEvent's enums are built on first use: not before the window shows
    from PySide6.QtCore import QEvent, QMimeData, QUrl
    from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QMouseEvent, QResizeEvent

# Characters per line beyond which reading gets tiring; the column stops growing there.
MEASURE_CHARS = 92
ZOOM_RANGE = range(-6, 21)  # steps of one point around the system font size


class SectionView(QTextBrowser):
    # By name, which PySide6 accepts although its stubs say a type: QUrl's type (its enums ~1 ms)
    # is loaded at the first click, not before the first paint.
    link_activated = Signal("QUrl")  # type: ignore[arg-type]
    # A right click, at its viewport position, once use_own_context_menu() is called; Qt's own
    # CustomContextMenu policy would do the same but naming it builds all of Qt's enums at start-up.
    context_menu_requested = Signal(QPoint)
    side_button_pressed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sectionView")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._on_self_anchor_clicked)
        self.setAccessibleName("Section text")
        # Both read lazily: the window shows before its first page, and asking for a font or the
        # text frame's format builds large enum classes in PySide6 that the empty window never needs.
        self._base_point_size: float | None = None
        self._has_page = False
        self._own_context_menu = False

    def use_own_context_menu(self) -> None:
        """Right clicks emit context_menu_requested instead of showing Qt's standard menu."""
        self._own_context_menu = True

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        from PySide6.QtGui import QContextMenuEvent

        if not self._own_context_menu:
            super().contextMenuEvent(event)
            return
        keyboard = event.reason() == QContextMenuEvent.Reason.Keyboard
        self.context_menu_requested.emit(self.caret_point() if keyboard else event.pos())
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        from app.ui.shell.side_buttons import took_side_button

        if not took_side_button(event, self.side_button_pressed):
            super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """The Menu key and Shift+F10 open the context menu at the focused link or the caret (Qt
        turns the Menu key into a context menu on some platforms only, and Shift+F10 on none)."""
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QContextMenuEvent

        key, modifiers = event.key(), event.modifiers()
        if (key == Qt.Key.Key_Menu and modifiers == Qt.KeyboardModifier.NoModifier) or (
            key == Qt.Key.Key_F10 and modifiers == Qt.KeyboardModifier.ShiftModifier
        ):
            point = self.caret_point()
            self.contextMenuEvent(QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, point,
                                                    self.viewport().mapToGlobal(point)))
            event.accept()
            return
        super().keyPressEvent(event)

    def caret_point(self) -> QPoint:
        """A viewport point inside the focused link (Tab selects it) or at the caret: where a menu
        opened from the keyboard belongs, and what it acts on."""
        cursor = self.textCursor()
        if cursor.hasSelection():
            cursor.setPosition((cursor.selectionStart() + cursor.selectionEnd() + 1) // 2)
        return self.cursorRect(cursor).center()

    @property
    def zoom(self) -> int:
        """Zoom steps from the system font size, however they were made (keys, menu, Ctrl+wheel)."""
        self.note_system_size()
        assert self._base_point_size is not None
        return round(self.font().pointSizeF() - self._base_point_size)

    def note_system_size(self) -> None:
        """Remember the unzoomed size, before a Ctrl+wheel can change it; the window does this
        once its first page is painted (see set_zoom), so a start never loads QFont before."""
        if self._base_point_size is None:
            self._base_point_size = self.font().pointSizeF()

    @property
    def zoom_percent(self) -> int:
        """The text size as people read it in other apps: 100 at the system font size."""
        if self._base_point_size is None:
            self._base_point_size = self.font().pointSizeF()
        return round(100 * self.font().pointSizeF() / self._base_point_size)

    def set_zoom(self, steps: int) -> None:
        steps = min(max(steps, ZOOM_RANGE.start), ZOOM_RANGE.stop - 1)
        if steps == 0 and self._base_point_size is None:
            return  # never zoomed: at the system size already (QFont's enums, ~1 ms, can wait)
        if steps != self.zoom:
            self.zoomIn(steps - self.zoom)

    def show_html(self, html: str, anchor: str | None = None) -> None:
        """Replace the page; scroll to `anchor` if given, else to the top. An item in the top half
        of the first screen is shown with the page's heading above it (scrolled to the top), not
        flush with the top edge and the section's title out of sight."""
        self.setHtml(html)
        self._has_page = True
        self._fit_measure()
        bar = self.verticalScrollBar()
        if anchor:
            self.scrollToAnchor(anchor)
            if bar.value() < self.viewport().height() // 2 and (bar.value() < bar.maximum() or not bar.maximum()):
                bar.setValue(0)
        else:
            bar.setValue(0)

    def heading_bottom(self) -> float:
        """Where the page's first block (its heading) ends, in document pixels: scrolled past
        that, the reader no longer sees which section this is."""
        document = self.document()
        return document.documentLayout().blockBoundingRect(document.begin()).bottom()

    def createMimeDataFromSelection(self) -> QMimeData:
        """Copied text as the reader sees it: without the invisible characters anchors stand on."""
        from PySide6.QtCore import QMimeData

        from app.render import ANCHOR_CARRIER

        data = QMimeData()
        data.setText(self.textCursor().selection().toPlainText().replace(ANCHOR_CARRIER, ""))
        return data

    def loadResource(self, type: int, _name: QUrl | str) -> Any:  # noqa: A002 - Qt's parameter name
        """Pages never pull in files or network resources, whatever a profile's text says
        (a blank image, not None: see closed_document)."""
        from app.ui.shell.closed_document import no_resource

        return no_resource(type)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._has_page:
            self._fit_measure()

    def changeEvent(self, event: QEvent) -> None:
        from PySide6.QtCore import QEvent

        super().changeEvent(event)
        if self._has_page and event.type() == QEvent.Type.FontChange:
            self._fit_measure()

    def _fit_measure(self) -> None:
        """Centre the text in a column at most MEASURE_CHARS wide."""
        document = self.document()
        frame = document.rootFrame()
        fmt = frame.frameFormat()
        # Not viewport().width(): the first wrap of the viewport makes PySide6 walk and build every
        # QWidget subclass it knows (about 6 ms), and this runs before the first paint.
        available = self.maximumViewportSize().width()
        scroll_bar = self.verticalScrollBar()
        if scroll_bar.isVisibleTo(self):
            available -= scroll_bar.width()
        measure = self.fontMetrics().averageCharWidth() * MEASURE_CHARS
        side = max(12.0, (available - measure) / 2)
        if fmt.leftMargin() != side or fmt.rightMargin() != side:
            fmt.setLeftMargin(side)
            fmt.setRightMargin(side)
            fmt.setTopMargin(16)
            fmt.setBottomMargin(24)
            frame.setFrameFormat(fmt)

    @Slot("QUrl")
    def _on_self_anchor_clicked(self, url: QUrl) -> None:
        self.link_activated.emit(url)
