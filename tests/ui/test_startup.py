"""A plain start shows the window before reading profiles, and its first paint holds the page."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QIcon, QPalette
from PySide6.QtWidgets import QApplication, QListWidget
from pytestqt.qtbot import QtBot

from app.cli import gui_defaults
from app.model import Address
from app.ui.application import show_then_fill
from app.ui.features.theme.style_sheet import DARK_EDGE
from app.ui.shell.main_window import MainWindow
from app.ui.shell.settings import Settings

ROOT = Path(__file__).resolve().parent.parent.parent


def test_a_plain_start_opens_the_page_open_at_the_last_close(qtbot: QtBot) -> None:
    settings = Settings()
    settings.last_address = "lao-pdr/challenges"
    settings.sync()

    window = show_then_fill(gui_defaults())
    qtbot.addWidget(window)

    assert window.isVisible()
    qtbot.waitUntil(lambda: not QApplication.windowIcon().isNull())  # set once the page is painted
    assert window.current_address == Address("lao-pdr", "challenges")
    assert window.windowTitle() == "TIP challenges ahead — Lao PDR — TIP Reference"
    assert window.nav_model.rowCount() == 1
    assert window.nav_tree.currentIndex() == window.nav_model.index_of(Address("lao-pdr", "challenges"))


def test_a_first_start_opens_the_profile_page_with_the_tree_sized_to_its_titles(qtbot: QtBot) -> None:
    window = show_then_fill(gui_defaults())
    qtbot.addWidget(window)

    assert window.current_address == Address("lao-pdr")
    tree_width = window.splitter.sizes()[0]
    widest = max(window.nav_tree.fontMetrics().horizontalAdvance(s.title) for s in window.library.profiles[0].sections)
    assert tree_width >= min(widest, 300)


def test_the_window_shows_before_qts_enums_the_model_or_the_renderer_are_loaded() -> None:
    """What a plain start does before show(): PySide6 builds the Python enums of `Qt` on first use
    (more than 10 ms), and the model and renderer are only needed for the first paint."""
    probe = (
        "import sys\n"
        "import PySide6.QtCore as core\n"
        "from app.ui.application import application\n"
        "from app.ui.shell.main_window import MainWindow\n"
        "from app.ui.shell.settings import Settings\n"
        "application()\n"
        "from app.ui.shell.window_state import restore_geometry\n"
        "window = MainWindow(None, Settings())\n"
        "restore_geometry(window)\n"
        "window.show()\n"
        "print('Qt' in vars(core), 'app.model' in sys.modules, 'app.render' in sys.modules)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False", "False"]


def _fill_user_profiles(count: int) -> None:
    from app import paths
    from tests.conftest import minimal_profile

    folder = paths.user_profiles_dir()
    folder.mkdir(parents=True)
    for n in range(count):
        (folder / f"land-{n:03d}.yaml").write_text(minimal_profile(f"land-{n:03d}", f"Land {n:03d}"), encoding="utf-8")


def test_a_large_library_is_read_after_the_window_shows_and_the_last_page_comes_back(qtbot: QtBot) -> None:
    from app.ui.application import LARGE_LIBRARY_FILES

    _fill_user_profiles(LARGE_LIBRARY_FILES + 1)
    settings = Settings()
    settings.last_address = "land-007/notes"
    settings.sync()

    window = show_then_fill(gui_defaults())
    qtbot.addWidget(window)
    assert [p.id for p in window.library.profiles] == ["lao-pdr"]  # the bundled profile at once

    qtbot.waitUntil(lambda: len(window.library.profiles) == LARGE_LIBRARY_FILES + 2, timeout=10_000)
    assert window.current_address == Address("land-007", "notes")
    assert window.nav_model.rowCount() == LARGE_LIBRARY_FILES + 2


def test_a_page_chosen_while_a_large_library_loads_is_kept(qtbot: QtBot) -> None:
    from app.ui.application import LARGE_LIBRARY_FILES

    _fill_user_profiles(LARGE_LIBRARY_FILES + 1)
    window = show_then_fill(gui_defaults())
    qtbot.addWidget(window)
    window.open_address(Address("lao-pdr", "challenges"))

    qtbot.waitUntil(lambda: len(window.library.profiles) == LARGE_LIBRARY_FILES + 2, timeout=10_000)
    assert window.current_address == Address("lao-pdr", "challenges")


def test_a_first_start_with_a_large_library_stays_on_the_page_it_shows(qtbot: QtBot) -> None:
    """No remembered page: the bundled profile shown first is not swapped for the first user profile."""
    from app.ui.application import LARGE_LIBRARY_FILES

    _fill_user_profiles(LARGE_LIBRARY_FILES + 1)  # "Land 000" sorts before "Lao PDR"
    window = show_then_fill(gui_defaults())
    qtbot.addWidget(window)
    assert window.current_address == Address("lao-pdr")

    qtbot.waitUntil(lambda: len(window.library.profiles) == LARGE_LIBRARY_FILES + 2, timeout=10_000)
    assert window.current_address == Address("lao-pdr")


def _menu_tree(window: MainWindow) -> list[object]:
    """Every menu entry in order: text, keys, separator, visible; submenus inside."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu

    def entries(actions: list[QAction]) -> list[object]:
        tree: list[object] = []
        for a in actions:
            menu = a.menu()
            tree.append((a.text(), [k.toString() for k in a.shortcuts()], a.isSeparator(), a.isVisible(),
                         entries(menu.actions()) if isinstance(menu, QMenu) else None))
        return tree

    return entries(window.menuBar().actions())


def test_a_start_ends_with_the_same_menus_as_a_window_built_at_once(qtbot: QtBot) -> None:
    """A start installs copying and help after the first paint: their entries land where a
    window built in one go has them."""
    from app.ui.application import create_window

    started = show_then_fill(gui_defaults())
    qtbot.addWidget(started)
    qtbot.waitUntil(lambda: _has_help(started))
    built = create_window([])
    qtbot.addWidget(built)

    assert _menu_tree(started) == _menu_tree(built)
    assert [a.text() for a in started.actions()] == [a.text() for a in built.actions()]  # every shortcut


def _has_help(window: MainWindow) -> bool:
    return any("About" in a.text() for a in window.actions())


def test_everything_before_the_first_paint_leaves_qts_enums_and_openssl_unloaded(tmp_path: Path) -> None:
    """A start's whole way to its first paint (show_then_fill returns just before the event loop
    paints) builds no `Qt` enums (about 25 ms) and loads no OpenSSL, leaves copying and help for
    after the paint, and loads none of the classes it can do without (the hit list's, QDataStream's
    for the arrows' pen, QSizePolicy's, and QPainter's: the arrows in the palette's colours are
    read, drawn ahead)."""
    probe = (
        "import sys\n"
        "import PySide6.QtCore as core\n"
        "from app.cli import gui_defaults\n"
        "from app.ui.application import application, show_then_fill\n"
        "application()\n"
        "import PySide6.QtGui as gui\n"
        "import PySide6.QtWidgets as widgets\n"
        "window = show_then_fill(gui_defaults())\n"
        "print('Qt' in vars(core), '_hashlib' in sys.modules, 'app.ui.features.help.feature' in sys.modules,\n"
        "      'QListWidget' in vars(widgets), 'QDataStream' in vars(core), 'QSizePolicy' in vars(widgets),\n"
        "      'QPainter' in vars(gui))\n"
    )
    result = _run_probe(probe, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False"] * 7


def test_the_hit_list_made_after_the_first_paint_sits_between_the_search_box_and_the_tree(qtbot: QtBot) -> None:
    from app.ui.features.search.feature import SearchFeature

    window = show_then_fill(gui_defaults())
    qtbot.addWidget(window)
    panel = window.feature(SearchFeature).panel
    qtbot.waitUntil(lambda: window.findChild(QListWidget, "searchResults") is not None)
    results = panel.results
    layout = window.side_panel.layout()
    assert layout is not None
    assert [layout.indexOf(w) for w in (panel, results, window.nav_tree)] == [0, 1, 2]
    assert results.isHidden()
    window.activateWindow()
    panel.box.setFocus()
    qtbot.keyClicks(panel.box, "trafficking")
    qtbot.waitUntil(results.isVisible)
    qtbot.keyClick(panel.box, Qt.Key.Key_Tab)  # Tab from the box reaches the hits, then the toggle
    assert results.hasFocus()
    qtbot.keyClick(results, Qt.Key.Key_Tab)
    assert panel.scope.hasFocus()


def _opaque_colour(icon: QIcon, mode: QIcon.Mode) -> str:
    """The colour of the most opaque pixel of the icon's 16-pixel picture: the arrow's colour."""
    image = icon.pixmap(16, 16, mode).toImage()
    pixels = [image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())]
    return max(pixels, key=lambda colour: colour.alpha()).name()


def test_a_palette_changed_before_the_first_paint_is_followed_once_it_is_painted(qtbot: QtBot) -> None:
    """Before the first paint no feature watches the window's events; a desktop that turns dark
    in that moment still gets the dark style rules and arrows once the page is painted."""
    from app.ui.features.history.feature import HistoryFeature
    from app.ui.features.theme.feature import dark_palette

    window = show_then_fill(gui_defaults())
    qtbot.addWidget(window)
    light_rules = window.styleSheet()
    QApplication.setPalette(dark_palette())  # before the event loop paints the window,
    QApplication.sendPostedEvents(None, QEvent.Type.ApplicationPaletteChange)  # and taken at once
    try:
        qtbot.waitUntil(lambda: window.styleSheet() != light_rules)
        assert DARK_EDGE in window.styleSheet()
        back = window.feature(HistoryFeature).back_action
        disabled_text = window.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
        qtbot.waitUntil(lambda: _opaque_colour(back.icon(), QIcon.Mode.Disabled) == disabled_text.name())
    finally:
        QApplication.setPalette(QPalette())


def test_a_start_from_the_cache_loads_no_datetime_before_the_first_paint(tmp_path: Path) -> None:
    """The first page ages its figures against a Day from the local clock (app.dataage.today):
    once the profiles are cached, nothing before the first paint loads datetime (3 to 4 ms).
    (A first start parses YAML, whose timestamps do need it.)"""
    probe = (
        "import sys\n"
        "from app.cli import gui_defaults\n"
        "from app.ui.application import application, show_then_fill\n"
        "application()\n"
        "window = show_then_fill(gui_defaults())\n"
        "window.close()\n"
        "print('datetime' in sys.modules)\n"
    )
    runs = [_run_probe(probe, tmp_path) for _ in range(2)]
    assert all(run.returncode == 0 for run in runs), runs[-1].stderr
    assert runs[1].stdout.split() == ["False"]


def _run_probe(probe: str, home: Path) -> subprocess.CompletedProcess[str]:
    """The probe in a Python of its own, offscreen, with `home` for every folder the app keeps."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_CONFIG_HOME=f"{home}/config",
               XDG_DATA_HOME=f"{home}/data", XDG_CACHE_HOME=f"{home}/cache")
    return subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True)
