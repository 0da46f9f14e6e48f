"""The composition root: the one place that builds the window shell and installs every feature.

Features are installed in this order, each placing its actions at a named place of the menus
(so the order here decides only the order within one place); a feature that needs another is
handed it here (privacy clears the bookmarks and history; About lists what privacy says is stored).
Each feature makes what is on screen at once and leaves the rest (menu entries, keys, files to
read) for after the first paint, through the window's after_first_paint: a start paints the page
sooner, and a window built in one go (install_features) runs the rest at once. Either way it runs
in the order it was asked for, so the menus come out the same.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.ui.shell.main_window import MainWindow

if TYPE_CHECKING:

    from app.dataage import CalendarDay
    from app.library import LibrarySource
    from app.model import Library
    from app.ui.features.privacy.feature import PrivacyFeature
    from app.ui.shell.settings import Settings


def install_features(window: MainWindow) -> None:
    """Every feature, complete: what a start leaves for after the first paint is done now."""
    install_seen_features(window)
    window.finish_now()


def install_seen_features(window: MainWindow) -> None:
    """The menu titles and every feature's visible part (the search panel, the toolbar, the
    Bookmarks title, the style rules, the problems button); the rest of each, and copying and help
    (menu entries only), wait for the first paint."""
    from app.ui.features.bookmarks.feature import BookmarksFeature
    from app.ui.features.history.feature import HistoryFeature
    from app.ui.features.printing.feature import PrintingFeature
    from app.ui.features.privacy.feature import PrivacyFeature
    from app.ui.features.profiles.feature import ProfilesFeature
    from app.ui.features.search.feature import SearchFeature
    from app.ui.features.theme.feature import ThemeFeature

    window.build_menus()
    # The theme first: the widgets made after it are styled once, in their final colours, and the
    # toolbar's arrows are drawn once, in the palette the window paints with.
    theme = ThemeFeature(window)
    search = SearchFeature(window)
    history = HistoryFeature(window)
    bookmarks = BookmarksFeature(window)
    printing = PrintingFeature(window)
    privacy = PrivacyFeature(window, bookmarks, history)
    profiles = ProfilesFeature(window)
    for feature in (search, history, bookmarks, printing, theme, privacy, profiles):
        window.add_feature(feature)
    describe(window)
    warning = window.settings.warning
    if warning is not None:
        window.tell("Settings", warning)
    window.after_first_paint(lambda: install_unseen_features(window, privacy))


def install_unseen_features(window: MainWindow, privacy: PrivacyFeature) -> None:
    """Copying (Edit, after Copy) and Help: nothing of theirs is on screen until a menu opens."""
    from app.stored_files import NEVER_STORED
    from app.ui.features.copying.feature import CopyingFeature
    from app.ui.features.help.feature import HelpFeature

    window.add_feature(CopyingFeature(window))
    window.add_feature(HelpFeature(window, privacy.stored_items, NEVER_STORED))
    name_unnamed_parts(window)


def build_window(library: Library | None, settings: Settings, source: LibrarySource | None = None,
                 today: CalendarDay | None = None) -> MainWindow:
    """The shell with every feature in place, for a library (None: set later) read from `source`."""
    window = MainWindow(library, settings, source, today)
    install_features(window)
    return window


def describe(window: MainWindow) -> None:
    """Accessible descriptions for screen readers, naming the features' keys, and a tab order
    that follows the reading order: the side panel (search, hits, tree) first, then the text."""
    window.nav_tree.setAccessibleDescription(
        "Up and Down open sections; Enter moves to the text. Alt+1 comes back here."
    )
    window.section_view.setAccessibleDescription(
        "The open section. Alt+Left goes back; Ctrl+D bookmarks it; the context menu copies contacts."
    )
    window.setTabOrder(window.nav_tree, window.section_view)


def name_unnamed_parts(window: MainWindow) -> None:
    """Qt's own little widgets (a text field's clear button, the status bar's size grip) have no
    accessible name: a screen reader would say only "button"."""
    from PySide6.QtWidgets import QLineEdit, QSizeGrip, QToolButton

    for field in window.findChildren(QLineEdit):
        for button in field.findChildren(QToolButton):
            if not button.accessibleName():
                button.setAccessibleName(f"Clear {field.accessibleName() or 'the text'}".strip())
    for grip in window.findChildren(QSizeGrip):
        grip.setAccessibleName("Window size grip")
