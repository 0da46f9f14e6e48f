"""The find bar under the reading pane: steps through search highlights or plain-text matches.

Two sources of matches, one way to step: after a search hit is opened it holds the highlighted
words of the page; Ctrl+F types plain text to find in the open section. F3 / Shift+F3 (the
platform's FindNext / FindPrevious) move through them and the bar says which it counts ("2 of 7
highlights", "1 of 3 matches", "No matches"). Its own matches are painted in a colour of their
own, never the search's yellow, so the two are told apart on one page.

Signals: closed() — Esc or the close button; the reading pane should get the focus back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

if TYPE_CHECKING:  # classes whose enums PySide6 builds on first use: imported where used
    from PySide6.QtGui import QKeyEvent, QTextDocument
    from PySide6.QtWidgets import QTextBrowser


def anchor_position(document: QTextDocument, name: str) -> int | None:
    """Where a named anchor (`<a name=...>`) sits in a document, or None."""
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if name in fragment.charFormat().anchorNames():
                return fragment.position()
            iterator += 1
        block = block.next()
    return None


def hit_spans(document: QTextDocument) -> list[tuple[int, int]]:
    """The (start, end) of every search highlight, found by the renderer's `hit-N` anchors.

    Each anchor stands on an invisible character just before its highlight (render's
    ANCHOR_CARRIER), so a highlight is the fragment right after it and the fragments that follow
    it in the same format.
    """
    from app.render import hit_anchor

    prefix = hit_anchor(0).removesuffix("0")
    spans: list[tuple[int, int]] = []
    extending = None
    opening = False  # the last fragment was a hit's anchor
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            start, end = fragment.position(), fragment.position() + fragment.length()
            fmt = fragment.charFormat()
            if any(name.startswith(prefix) for name in fmt.anchorNames()):
                opening, extending = True, None
            elif opening:
                spans.append((start, end))
                opening, extending = False, fmt.background()
            elif extending is not None and spans[-1][1] == start and fmt.background() == extending:
                spans[-1] = (spans[-1][0], end)
            else:
                extending = None
            iterator += 1
        block = block.next()
    return spans


def find_colours(dark: bool) -> tuple[str, str]:
    """The find bar's own match colours (background, text): blue where search hits are yellow,
    with the text's contrast above 4.5:1 in either theme."""
    return ("#1f5f99", "#ffffff") if dark else ("#a8d4ff", "#000000")


class FindBar(QWidget):
    closed = Signal()

    def __init__(self, view: QTextBrowser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self._view = view
        self._matches: list[tuple[int, int]] = []
        self._current = -1
        self._noun = ("match", "matches")  # what the count counts: ("highlight", "highlights") after a hit
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        self.field = _FindField(self)
        self.field.setObjectName("findField")
        self.field.setPlaceholderText("Find in this section")
        self.field.setAccessibleName("Find in this section")
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(self._on_field_text_changed)
        self.count_label = QLabel()
        self.count_label.setObjectName("findCount")
        self.count_label.setMinimumWidth(self.count_label.fontMetrics().horizontalAdvance("No matches") + 8)
        previous = QToolButton()
        previous.setText("▲")
        previous.setToolTip("Previous match (Shift+F3)")
        previous.setAccessibleName("Previous match")
        previous.clicked.connect(lambda: self.step(-1))
        following = QToolButton()
        following.setText("▼")
        following.setToolTip("Next match (F3)")
        following.setAccessibleName("Next match")
        following.clicked.connect(lambda: self.step(1))
        close = QToolButton()
        close.setText("✕")
        close.setToolTip("Close (Esc)")
        close.setAccessibleName("Close the find bar")
        close.clicked.connect(self.close_bar)
        for widget in (self.field, self.count_label, previous, following, close):
            layout.addWidget(widget)
        layout.setStretch(0, 1)
        self.hide()

    # -- what to step through ----------------------------------------------------------------

    def show_search_hits(self, highlight_colour: str, anchor: str | None) -> None:
        """Take the page's highlighted words (painted in `highlight_colour`) as the matches; select
        the first in the opened block."""
        del highlight_colour  # the page paints them; the bar's own matches have their own colour
        self._noun = ("highlight", "highlights")
        self.field.blockSignals(True)
        self.field.clear()
        self.field.blockSignals(False)
        self._view.setExtraSelections([])
        document = self._view.document()
        self._matches = hit_spans(document)
        start = anchor_position(document, anchor) if anchor else 0
        following = [i for i, (s, _) in enumerate(self._matches) if s >= (start or 0)]
        self._current = -1
        self.show()
        if following:
            first = following[0]
            if self._is_visible(self._matches[first][0]):
                self._select(first)
                return
            self._current = first - 1  # F3 goes there; the opened block stays where it is
        self._show_count()

    def start_find(self) -> None:
        """Ctrl+F: show the bar and put the focus in its field, text selected for retyping."""
        from PySide6.QtCore import Qt

        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        if self.field.text():
            self._find(self.field.text())

    def clear(self) -> None:
        """A new page: nothing to step through until asked."""
        self._noun = ("match", "matches")
        self._matches = []
        self._current = -1
        self._view.setExtraSelections([])
        if self.field.text() and self.isVisible():
            self._find(self.field.text())
        else:
            self._show_count()

    @property
    def matches(self) -> list[tuple[int, int]]:
        return list(self._matches)

    @property
    def current(self) -> int:
        return self._current

    # -- stepping ----------------------------------------------------------------------------

    def step(self, delta: int) -> None:
        """Next (1) or previous (-1) match, wrapping round at either end."""
        if not self._matches:
            self.show()
            self._show_count()
            return
        self.show()
        self._select((self._current + delta) % len(self._matches))

    @Slot()
    def close_bar(self) -> None:
        self._view.setExtraSelections([])
        self.hide()
        self.closed.emit()

    def _select(self, number: int) -> None:
        from PySide6.QtGui import QTextCursor

        self._current = number
        start, end = self._matches[number]
        cursor = QTextCursor(self._view.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self._view.setTextCursor(cursor)
        self._view.ensureCursorVisible()
        self._show_count()

    def _is_visible(self, position: int) -> bool:
        from PySide6.QtGui import QTextCursor

        cursor = QTextCursor(self._view.document())
        cursor.setPosition(position)
        return self._view.viewport().rect().contains(self._view.cursorRect(cursor))

    def _show_count(self) -> None:
        from app.search_hits import position_text

        if not self._matches and not self.field.text():
            self.count_label.setText("")
            return
        current = self._current if self._current >= 0 else None
        self.count_label.setText(position_text(current, len(self._matches), *self._noun))

    # -- plain-text find ---------------------------------------------------------------------

    @Slot(str)
    def _on_field_text_changed(self, text: str) -> None:
        self._find(text)

    def _find(self, text: str) -> None:
        from PySide6.QtGui import QColor
        from PySide6.QtWidgets import QTextEdit

        document = self._view.document()
        self._noun = ("match", "matches")
        background, foreground = find_colours(self._view.palette().base().color().lightness() < 128)
        self._matches = []
        selections = []
        if text:
            cursor = document.find(text, 0)
            while not cursor.isNull() and len(self._matches) < 10_000:
                self._matches.append((cursor.selectionStart(), cursor.selectionEnd()))
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor
                selection.format.setBackground(QColor(background))
                selection.format.setForeground(QColor(foreground))
                selections.append(selection)
                cursor = document.find(text, cursor)
        self._view.setExtraSelections(selections)
        self._current = -1
        if self._matches:
            self._select(0)
        else:
            cursor = self._view.textCursor()  # no selection left from an earlier find beside "No matches"
            cursor.clearSelection()
            self._view.setTextCursor(cursor)
            self._show_count()



class _FindField(QLineEdit):
    """Esc closes the bar, Enter / Shift+Enter step; a subclass so nothing runs per event."""

    def __init__(self, bar: FindBar) -> None:
        super().__init__()
        self._bar = bar

    def keyPressEvent(self, event: QKeyEvent) -> None:
        from PySide6.QtCore import Qt

        key = event.key()
        if key == Qt.Key.Key_Escape:
            self._bar.close_bar()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self._bar.step(-1 if shift else 1)
        else:
            super().keyPressEvent(event)
