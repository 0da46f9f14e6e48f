"""Where files live: bundled data and resources (source tree or frozen bundle) and per-user folders.

Bundled files are found relative to the package, or to `sys._MEIPASS` when frozen, never relative
to the working directory, so the app behaves the same wherever it is started from.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from app import APP_ID, APP_NAME


def bundle_root() -> Path:
    """The folder holding `data/` and `app/resources/`: the project root or the frozen bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    return bundle_root() / "data"


def bundled_profiles_dir() -> Path:
    return data_dir() / "profiles"


def bundled_keys_dir() -> Path:
    """The publishers' keys shipped with the app: empty by default, so an organisation building
    its own copy decides whom it trusts."""
    return data_dir() / "trusted-keys"


def resources_dir() -> Path:
    return bundle_root() / "app" / "resources"


def resource(name: str) -> Path:
    return resources_dir() / name


def _home() -> Path:
    return Path(os.path.expanduser("~"))


def user_data_dir() -> Path:
    """The platform's per-user application data folder (not created here).

    Same places as Qt's AppDataLocation, computed without Qt so the command line and the window
    agree: $XDG_DATA_HOME/tip-reference on Linux, %APPDATA%/TIP Reference on Windows,
    ~/Library/Application Support/TIP Reference on macOS.
    """
    if sys.platform == "win32":
        base = os.environ.get("APPDATA") or str(_home() / "AppData" / "Roaming")
        return Path(base) / APP_NAME
    if sys.platform == "darwin":
        return _home() / "Library" / "Application Support" / APP_NAME
    base = os.environ.get("XDG_DATA_HOME") or str(_home() / ".local" / "share")
    return Path(base) / APP_ID


def user_config_dir() -> Path:
    """The per-user settings folder: $XDG_CONFIG_HOME/tip-reference on Linux, else the data folder."""
    if sys.platform in ("win32", "darwin"):
        return user_data_dir()
    base = os.environ.get("XDG_CONFIG_HOME") or str(_home() / ".config")
    return Path(base) / APP_ID


def user_profiles_dir() -> Path:
    """Where a user drops further profiles; read at every start, created on demand."""
    return user_data_dir() / "profiles"


def user_keys_dir() -> Path:
    """Where a user puts the minisign `.pub` keys of the publishers they trust."""
    return user_data_dir() / "trusted-keys"


def settings_file() -> Path:
    return user_config_dir() / "settings.ini"


def system_settings_file() -> Path:
    """The settings an organisation deploys for every user of a computer (read only; see README):
    the first $XDG_CONFIG_DIRS folder (/etc/xdg) /tip-reference/settings.ini on Linux,
    %PROGRAMDATA%/TIP Reference/settings.ini on Windows, /Library/Application Support/TIP
    Reference/settings.ini on macOS."""
    if sys.platform == "win32":
        return Path(os.environ.get("PROGRAMDATA") or "C:/ProgramData") / APP_NAME / "settings.ini"
    if sys.platform == "darwin":
        return Path("/Library/Application Support") / APP_NAME / "settings.ini"
    first = (os.environ.get("XDG_CONFIG_DIRS") or "/etc/xdg").split(os.pathsep)[0] or "/etc/xdg"
    return Path(first) / APP_ID / "settings.ini"


def user_cache_dir() -> Path:
    """Where derived files go that can be thrown away at any time (the parsed-profile cache).

    $XDG_CACHE_HOME/tip-reference on Linux, %LOCALAPPDATA%/TIP Reference/cache on Windows,
    ~/Library/Caches/TIP Reference on macOS.
    """
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(_home() / "AppData" / "Local")
        return Path(base) / APP_NAME / "cache"
    if sys.platform == "darwin":
        return _home() / "Library" / "Caches" / APP_NAME
    base = os.environ.get("XDG_CACHE_HOME") or str(_home() / ".cache")
    return Path(base) / APP_ID


def bookmarks_file() -> Path:
    """The user's bookmarks, a small JSON file written atomically (see app/bookmarks.py)."""
    return user_data_dir() / "bookmarks.json"


def qt_dialog_history_file() -> Path | None:
    """Where Qt's own file dialogs remember the last folder visited (`lastVisited`), shared by
    every Qt app of the user: $XDG_CONFIG_HOME/QtProject.conf on Linux, a property list on
    macOS. None on Windows, where Qt keeps it in the registry (HKCU\\Software\\QtProject)."""
    if sys.platform == "win32":
        return None
    if sys.platform == "darwin":
        return _home() / "Library" / "Preferences" / "com.qtproject.plist"
    base = os.environ.get("XDG_CONFIG_HOME") or str(_home() / ".config")
    return Path(base) / "QtProject.conf"
