"""Starts the window side: the QApplication, the ready window for parsed arguments (built by the
composition root, app/ui/compose.py), the fast first paint, and screenshots."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from app import APP_ID, APP_NAME, __version__, paths
from app.cli import UsageError, parse_args
from app.memory import settle_after_start
from app.ui.shell.settings import Settings

if TYPE_CHECKING:
    from PySide6.QtCore import QMessageLogContext, QtMsgType

    from app.library import LibrarySource
    from app.model import Library
    from app.ui.shell.main_window import MainWindow

# More profile files than this outside the bundle are read on a worker thread after the window
# shows (about 0.3 ms each from the cache, 0.6 ms parsed): the first paint never waits for them.
LARGE_LIBRARY_FILES = 40


def application() -> QApplication:
    """The one QApplication, named once so settings and data folders are found consistently."""
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else APP_ID])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    return app


def set_app_icon(app: QApplication) -> None:
    """The app icon from its pre-rendered PNGs: no SVG renderer to load at start-up."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        file = paths.resource(f"icons/tip-reference-{size}.png")
        if file.exists():
            icon.addFile(str(file), QSize(size, size))
    app.setWindowIcon(icon)


def build_window(args: argparse.Namespace, settings: Settings | None = None) -> MainWindow:
    """The window for parsed arguments, with the library loaded and the first page shown."""
    from app.ui.compose import build_window as compose
    from app.ui.shell.window_state import open_first_page, restore_geometry

    settings = settings or Settings()
    source = library_source(args, settings)
    library = source.load()
    check_section(args, library)
    window = compose(library, settings, source)
    if args.size:
        window.resize(*args.size)
    restore_geometry(window)
    open_first_page(window, args.section)
    if args.size:  # an explicit size wins over the remembered geometry
        window.resize(*args.size)
    if args.query:
        show_query(window, args.query)
    return window


def check_section(args: argparse.Namespace, library: Library) -> None:
    """A --section that names nothing is a usage error, said in one line."""
    if args.section is not None and library.resolve(args.section) is None:
        raise UsageError(f"--section {args.section}: no such section; '{APP_ID} list' shows the ids")


def library_source(args: argparse.Namespace, settings: Settings) -> LibrarySource:
    """The folders and keys of the command line, and the only-verified setting: one source for
    the first read and every reload."""
    from app.library import LibrarySource, default_folders

    return LibrarySource(tuple(default_folders(args.profiles_dir)), tuple(args.keys_dir), settings.only_verified)


def show_query(window: MainWindow, query: str) -> None:
    """--query: the search done and its best hit open."""
    from app.ui.features.search.feature import SearchFeature

    window.feature(SearchFeature).show_query(query)


def create_window(argv: Sequence[str], settings: Settings | None = None) -> MainWindow:
    """The ready window for an argument list, as `main.py` would build it (used by tests)."""
    set_app_icon(application())
    return build_window(parse_args(argv), settings)


def run_gui(args: argparse.Namespace) -> int:
    if args.screenshot is not None:
        from PySide6.QtCore import qInstallMessageHandler

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        qInstallMessageHandler(_quiet_offscreen_notices)
    app = application()
    if args.screenshot is not None:  # the same way as a start, all of the library read at once
        return save_screenshot(show_then_fill(args, whole_library=True), args.screenshot)
    if args.section is not None:  # checked before anything shows, so a bad id is one line on stderr
        set_app_icon(app)
        window = build_window(args)
        window.show()
        settle_after_start()
    else:
        try:
            window = show_then_fill(args)
        except Exception as error:  # noqa: BLE001 - started from a menu, nobody sees stderr: say it in a dialog
            from app.fault_log import log_exception
            from app.ui.shell.fault_dialog import show_fault

            show_fault(error, log_exception(type(error), error, error.__traceback__), wait=True)
            return 1
    from app.ui.shell.fault_dialog import install_excepthook

    install_excepthook()  # from here on, an error in a slot is logged and shown, never silent
    return app.exec()


def show_then_fill(args: argparse.Namespace, *, whole_library: bool = False) -> MainWindow:
    """Put the window on screen first, then load and fill it, all before its first paint.

    `show()` maps the window at once, but nothing is painted until the event loop runs, so the
    profiles are read and the first page laid out while the window manager is already placing the
    window: the user sees it sooner, and its first paint already holds the page. Even the library's
    modules are first imported after `show()`. What shows nothing before a menu opens is installed
    after the first paint (compose.install_seen_features). A large library is read on a worker
    thread unless `whole_library` (a screenshot) asks for all of it at once.
    """
    from app.ui.shell.main_window import MainWindow
    from app.ui.shell.window_state import restore_geometry

    settings = Settings()
    window = MainWindow(None, settings)
    restore_geometry(window)
    if args.size:
        window.resize(*args.size)
    window.show()
    window.after_first_paint(lambda: set_app_icon(application()))  # seven PNGs read: ~6 ms
    source = window.library_source = library_source(args, settings)
    from app.ui.compose import install_seen_features

    install_seen_features(window)
    from app.library import count_profile_files
    from app.ui.shell.window_state import open_first_page

    extra_files = count_profile_files(list(source.extra_folders))
    if whole_library or extra_files <= LARGE_LIBRARY_FILES:
        window.set_library(source.load(), open_page=False)
        check_section(args, window.library)
        open_first_page(window, args.section)
    else:
        _fill_in_the_background(window, source, extra_files)
    if args.query:  # a search to show at once: nothing waits for the paint
        window.finish_now()
        show_query(window, args.query)
    window.after_first_paint(settle_after_start)  # last: once everything waiting has run
    return window


def _fill_in_the_background(window: MainWindow, source: LibrarySource, extra_files: int) -> None:
    """Bundled profiles now, the user's many profiles when the worker has read them."""
    from app.library_cache import ProfileCache
    from app.ui.shell.library_thread import LibraryThread
    from app.ui.shell.window_state import open_first_page, remembered_address

    cache = ProfileCache()
    window.set_library(source.load(cache=cache, bundled_only=True), open_page=False)
    open_first_page(window)  # the remembered page if it is bundled, else the first profile
    remembered = remembered_address(window)
    wanted = remembered if remembered is not None and window.current_address != remembered else None
    window.statusBar().showMessage(f"Reading {extra_files:,} profiles…")
    shown = window.current_address

    def take(library: Library) -> None:
        from app.memory import release_free_memory

        window.set_library(library, open_page=False)  # the page shown stays
        release_free_memory()  # what parsing the cache took and dropped: about 18 MiB at 1,000 profiles
        window.statusBar().clearMessage()
        if wanted is not None and window.current_address == shown:  # the user has not moved on
            window.open_address(wanted)

    thread = LibraryThread(source, cache, window)
    thread.loaded.connect(take)
    thread.finished.connect(thread.deleteLater)
    application().aboutToQuit.connect(thread.wait)  # never destroyed while it runs
    # Once the bundled page is painted: a worker started before would hold the GIL the first paint
    # needs (measured with 1,000 profiles: the first paint 0.59 s from source, against 0.27 s).
    window.after_first_paint(thread.start)


def _quiet_offscreen_notices(_kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    """The offscreen platform warns that it cannot resize windows to hints; harmless, so unsaid."""
    if "does not support propagateSizeHints" in message:
        return
    sys.stderr.write(message + "\n")


def save_screenshot(window: MainWindow, target: Path) -> int:
    """Render the window as it would appear and write it as a PNG."""
    window.remember_on_close = False
    window.show()
    QApplication.processEvents()
    window.finish_now()  # what a start does after its first paint, so the picture is of the finished window
    QApplication.processEvents()
    image = window.grab().toImage()
    window.close()
    # PySide6 6.12 accepts the format only as str, although its stubs say bytes.
    if not image.save(str(target), "PNG"):  # type: ignore[call-overload]
        raise UsageError(f"--screenshot {target}: cannot write the file")
    return 0
