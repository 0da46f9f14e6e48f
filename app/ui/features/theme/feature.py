"""View > Theme: follow the system's colour scheme, or force light or dark; remembered.

Qt 6.8+ can ask the platform for a colour scheme (QStyleHints.setColorScheme). Where the platform
cannot switch (no desktop theme, the offscreen platform, older desktops) the app sets a palette of
its own instead. The section view takes its colours from the palette (page_style.render_style), so
the open page is rendered again whenever the palette changes, keeping its place. The chosen theme
is the setting; what is on screen is the palette: nothing else keeps either.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtGui import QColor, QGuiApplication, QPalette

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QAction

    from app.ui.shell.main_window import MainWindow

from app.ui.shell.settings import THEMES

THEME_LABELS = dict(zip(THEMES, ("&System", "&Light", "&Dark"), strict=True))


def dark_palette() -> QPalette:
    """A dark palette with text contrast above 12:1 and links readable on the dark base."""
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    palette = QPalette()
    colours = {
        role.Window: "#202124", role.WindowText: "#e8eaed", role.Base: "#17181a", role.AlternateBase: "#26282b",
        role.ToolTipBase: "#2d2f33", role.ToolTipText: "#e8eaed", role.PlaceholderText: "#9aa0a6",
        role.Text: "#e8eaed", role.Button: "#2d2f33", role.ButtonText: "#e8eaed", role.BrightText: "#ffffff",
        role.Light: "#3c4043", role.Midlight: "#34373a", role.Mid: "#2a2c2f", role.Dark: "#111213",
        role.Shadow: "#000000", role.Highlight: "#3d6db5", role.HighlightedText: "#ffffff",
        role.Link: "#8ab4f8", role.LinkVisited: "#c58af9",
    }
    for colour_role, name in colours.items():
        palette.setColor(colour_role, QColor(name))
    for colour_role in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(group.Disabled, colour_role, QColor("#80868b"))
    return palette


def light_palette() -> QPalette:
    from PySide6.QtWidgets import QApplication

    style = QApplication.style()
    return style.standardPalette()


def system_prefers_dark() -> bool:
    """Whether the desktop asks for dark colours (Unknown where the platform cannot tell)."""
    from app.ui.features.theme.color_scheme import prefers_dark  # never naming Qt's enums (see there)

    return prefers_dark()


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


class ThemeFeature(QObject):
    def __init__(self, window: MainWindow) -> None:
        """The colours and style rules are in place for the first paint; View > Theme comes after it."""
        super().__init__(window)
        self.window = window
        # Whether the app has put a palette of its own in place of the platform's, and whether it
        # has asked the platform for a colour scheme other than its own: what to undo on a change.
        self._palette_overridden = False
        self._scheme_requested = False
        self.actions: dict[str, QAction] = {}  # View > Theme's entries, once made
        self._rerender_pending = False
        self._applying = False
        self._styled_palette = 0  # the cacheKey of the palette the style rules were made for
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_style_hints_color_scheme_changed)
        window.after_first_paint(self._add_menu)
        window.after_first_paint(self._watch_palette)
        self.apply(window.settings.theme, save=False, starting=True)

    def _watch_palette(self) -> None:
        """From the first paint on, a palette change restyles the window and re-renders the page.
        Before it every event to the window would pass through Python for nothing (the start's own
        palette is applied directly); a change that came in between is caught up here."""
        self.window.section_view.installEventFilter(self)
        self.window.installEventFilter(self)  # the application's palette changed: the style rules follow
        if QGuiApplication.palette().cacheKey() != self._styled_palette:
            self.restyle()
            self.rerender()

    def _add_menu(self) -> None:
        from PySide6.QtGui import QActionGroup

        from app.ui.shell.menus import MenuPlace

        self.menu = self.window.add_submenu(MenuPlace.VIEW, "&Theme")
        self.menu.setObjectName("themeMenu")
        group = QActionGroup(self)
        group.setExclusive(True)
        for theme, label in THEME_LABELS.items():
            action = self.menu.addAction(label)
            action.setCheckable(True)
            action.setData(theme)
            action.setStatusTip(
                "Follow the desktop's light or dark setting" if theme == "system" else f"Always {theme}"
            )
            action.triggered.connect(lambda _checked=False, t=theme: self.choose(t))
            group.addAction(action)
            self.actions[theme] = action
        self._check_chosen(self.theme)

    def _check_chosen(self, theme: str) -> None:
        if self.actions:
            self.actions.get(theme, self.actions["system"]).setChecked(True)

    @property
    def theme(self) -> str:
        """The chosen theme: the setting."""
        return self.window.settings.theme

    def choose(self, theme: str) -> None:
        self.apply(theme, save=True)

    def apply(self, theme: str, save: bool, starting: bool = False, quiet: bool = False) -> None:
        """Put a theme in place; `quiet` leaves re-rendering the open page to the caller."""
        from PySide6.QtCore import QEvent
        from PySide6.QtWidgets import QApplication

        self._check_chosen(theme)
        if starting and theme == "system":
            # The platform's colours need nothing before the first paint but the style rules.
            # Whether a dark desktop needs the app's dark palette is asked once the page is painted
            # (asking builds all of Qt's enums, about 25 ms); where the platform's palette already
            # follows the desktop, as Fusion's does, nothing changes then.
            self.restyle()
            self.window.after_first_paint(self._check_system_scheme)
            return
        self._applying = True  # asking for a scheme may announce a change: not a new request
        try:
            hints = QGuiApplication.styleHints()
            if theme != "system" or self._scheme_requested:
                from PySide6.QtCore import Qt

                schemes = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}
                hints.setColorScheme(schemes.get(theme, Qt.ColorScheme.Unknown))
                self._scheme_requested = theme != "system"
            if self._palette_overridden:
                # An empty palette hands the colours back to the platform, which then follows the desktop.
                QApplication.setPalette(QPalette())
                self._palette_overridden = False
            wanted_dark = theme == "dark" or (theme == "system" and system_prefers_dark())
            # Under System a light palette is the platform's own; only a dark desktop the platform's
            # palette does not follow (a style without dark colours) needs the app's dark palette.
            if (theme != "system" or wanted_dark) and is_dark(QGuiApplication.palette()) != wanted_dark:
                QApplication.setPalette(dark_palette() if wanted_dark else light_palette())
                self._palette_overridden = True
        finally:
            self._applying = False
        # Widgets learn of a new application palette through posted events; deliver them now, so the
        # page rendered next (here, or by the window opening its first page) takes the new colours.
        QApplication.sendPostedEvents(None, QEvent.Type.ApplicationPaletteChange)
        self.restyle()
        if save:
            settings = self.window.settings
            settings.theme = theme
            settings.sync()
        if not quiet:
            self.rerender()

    def restyle(self) -> None:
        """The style rules for the palette now in place (focus rings; the dark theme's edges)."""
        from app.ui.features.theme.style_sheet import style_sheet

        palette = QGuiApplication.palette()
        self._styled_palette = palette.cacheKey()
        self.window.setStyleSheet(style_sheet(palette, is_dark(palette)))

    def _check_system_scheme(self) -> None:
        before = QGuiApplication.palette().cacheKey()
        if self.theme == "system":
            self.apply("system", save=False, quiet=True)
        if QGuiApplication.palette().cacheKey() != before:
            self.rerender()

    def rerender(self) -> None:
        """Render the open page again in the new colours, at the same place."""
        self._rerender_pending = False
        self.window.reload_page(keep_scroll=True)

    @Slot()
    def _on_style_hints_color_scheme_changed(self) -> None:
        """The desktop switched between light and dark while the app runs."""
        if self._applying:
            return
        if self.theme == "system":
            self.apply("system", save=False)
        else:
            self._schedule_rerender()

    def _schedule_rerender(self) -> None:
        if not self._rerender_pending:
            self._rerender_pending = True
            QTimer.singleShot(0, self, self.rerender)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        from PySide6.QtCore import QEvent

        if watched is self.window:
            if event.type() == QEvent.Type.ApplicationPaletteChange and not self._applying:
                self.restyle()  # a style sheet holds the palette it was made with: make it again
            return False
        if event.type() == QEvent.Type.PaletteChange and self.window.current_address is not None:
            self._schedule_rerender()  # the desktop switched light/dark while the app runs
        return False

