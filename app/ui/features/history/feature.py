"""Back and Forward for the window: Go menu, toolbar buttons, the platform's keys and the mouse's
back/forward buttons, over the in-memory History (never saved)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

from app.history import History

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QToolBar

    from app.ui.shell.main_window import MainWindow


# Small icons: two arrows need no 38-pixel row of a 600-pixel screen.
TOOLBAR_ICON_SIZE = 16


class HistoryFeature(QObject):
    """Records every page the window opens (sections, profile pages and search hits) and walks it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.history = History()
        self._walking = False
        from app.ui.shell.menus import MenuPlace

        # The toolbar shows the actions from the first paint; their keys come after it.
        self.back_action = window.add_action(MenuPlace.GO_START, "&Back", self.go_back, None,
                                             "Go back to the page read before")
        self.forward_action = window.add_action(MenuPlace.GO_START, "&Forward", self.go_forward, None,
                                                "Go forward again")
        window.after_first_paint(self._add_keys)
        self.draw_icons(first_paint=True)
        window.add_separator(MenuPlace.GO_START)
        self.toolbar = self._toolbar()
        window.section_opened.connect(self._on_window_section_opened)
        # The window and the views' viewports after the first paint: asking for a viewport early
        # costs PySide6 ~6 ms, and each event to a watched widget passes through Python.
        window.after_first_paint(self._watch_window)
        if window.current_address is not None:
            self.history.visit(window.current_address)
        self._update_actions()

    def _add_keys(self) -> None:
        from PySide6.QtGui import QKeySequence

        from app.ui.shell.window_menus import set_shortcut

        set_shortcut(self.back_action, QKeySequence.StandardKey.Back)
        set_shortcut(self.forward_action, QKeySequence.StandardKey.Forward)

    def draw_icons(self, *, first_paint: bool = False) -> None:
        """Back and Forward drawn in the window's text colours (the style's bitmaps are dark grey
        in every theme). For the first paint only the size the toolbar shows is drawn; every
        size follows it (see _watch_window)."""
        from app.ui.shell.theme_icons import SIZES, arrow_icon, size_drawn_for

        palette = self.window.palette()
        sizes = (size_drawn_for(TOOLBAR_ICON_SIZE, self.window.devicePixelRatioF()),) if first_paint else SIZES
        self.back_action.setIcon(arrow_icon(True, palette, sizes))
        self.forward_action.setIcon(arrow_icon(False, palette, sizes))

    def _watch_window(self) -> None:
        """The window's events (a palette change, a side button where no view takes it) and the
        side buttons the views report."""
        self.window.installEventFilter(self)
        self.window.section_view.side_button_pressed.connect(self._walk_by)
        self.window.nav_tree.side_button_pressed.connect(self._walk_by)
        self.draw_icons()  # every size, in the palette now in place

    def _toolbar(self) -> QToolBar:
        toolbar = self.window.addToolBar("Navigation")
        toolbar.setObjectName("navigationToolBar")  # saveState() needs a name
        toolbar.setMovable(False)  # icons only: QToolBar's default
        toolbar.setAccessibleName("Navigation")
        from PySide6.QtCore import QSize

        toolbar.setIconSize(QSize(TOOLBAR_ICON_SIZE, TOOLBAR_ICON_SIZE))
        toolbar.addAction(self.back_action)
        toolbar.addAction(self.forward_action)
        return toolbar

    @Slot(str)
    def _on_window_section_opened(self, _address: str) -> None:
        current = self.window.current_address
        if current is not None and not self._walking:
            self.history.visit(current)
        self._update_actions()

    @Slot(int)
    def _walk_by(self, step: int) -> None:
        if step < 0:
            self.go_back()
        else:
            self.go_forward()

    def go_back(self) -> None:
        self._walk(self.history.back())

    def go_forward(self) -> None:
        self._walk(self.history.forward())

    def _walk(self, address: object) -> None:
        from app.model import Address

        if not isinstance(address, Address):
            return
        self._walking = True
        try:
            if not self.window.open_address(address):
                self.window.statusBar().showMessage(f"That page is no longer there: {address}", 5000)
        finally:
            self._walking = False
        self._update_actions()

    def _update_actions(self) -> None:
        self.back_action.setEnabled(self.history.can_go_back)
        self.forward_action.setEnabled(self.history.can_go_forward)

    def clear(self) -> None:
        self.history.clear()
        if self.window.current_address is not None:
            self.history.visit(self.window.current_address)
        self._update_actions()

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        """The mouse's side buttons go back and forward wherever the pointer is in the window."""
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.PaletteChange:
            self.draw_icons()  # the arrows follow the theme
        elif event.type() == QEvent.Type.MouseButtonPress:
            from PySide6.QtCore import Qt  # only now: naming Qt builds all of its enums (see main_window)

            button = event.button()  # type: ignore[attr-defined]
            if button == Qt.MouseButton.BackButton:
                self.go_back()
                return True
            if button == Qt.MouseButton.ForwardButton:
                self.go_forward()
                return True
        return False

