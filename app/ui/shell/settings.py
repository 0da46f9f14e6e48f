"""Every setting the window remembers, in one place, stored in one INI file.

The window receives a Settings object, so tests hand it an INI file in a temporary folder. Search
terms and history are deliberately absent: nothing a user looked for is written to disk. A settings
"file" that is a pipe, a device or huge is never opened (QSettings would block on it or read it
whole): the window then runs on defaults held in memory and says so.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings

from app import paths
from app.ui.shell.section_view import ZOOM_RANGE
from app.user_file import settings_problem

if TYPE_CHECKING:
    from PySide6.QtCore import QByteArray

THEMES = ("system", "light", "dark")


def _system_value(key: str) -> str | None:
    """A value of the organisation's settings file, read only and checked first like every file."""
    path = paths.system_settings_file()
    if not path.exists() or settings_problem(path) is not None:
        return None
    value = QSettings(str(path), QSettings.Format.IniFormat).value(key)
    return value.strip().lower() if isinstance(value, str) else None


class _InMemory:
    """The part of QSettings that Settings uses, for a session whose file must not be opened."""

    def __init__(self) -> None:
        self._values: dict[str, object] = {}

    def value(self, key: str, default: object = None) -> Any:
        return self._values.get(key, default)

    def setValue(self, key: str, value: object) -> None:
        self._values[key] = value

    def sync(self) -> None:
        """Nothing to write: the file is refused."""

    def clear(self) -> None:
        self._values.clear()


class Settings:
    """Typed access to the INI file; unreadable or malformed values fall back to defaults."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.settings_file()
        self._refused = settings_problem(self.path)
        self._qsettings: QSettings | _InMemory = (
            _InMemory() if self._refused else QSettings(str(self.path), QSettings.Format.IniFormat)
        )

    @property
    def problem(self) -> str | None:
        """Why the file could not be read, if it could not; the window says so and uses defaults."""
        if isinstance(self._qsettings, _InMemory):
            return self._refused
        status = self._qsettings.status()
        if status == QSettings.Status.FormatError:
            return f"The settings file {self.path} is damaged; default settings are used."
        if status == QSettings.Status.AccessError:
            return f"The settings file {self.path} cannot be read or written; settings are not saved."
        return None

    @property
    def warning(self) -> str | None:
        """Why settings will not be read or kept, if so: the window then runs on defaults and says so."""
        if self.problem is not None:
            return self.problem
        path = self.path
        if path.exists():
            writable = path.is_file() and os.access(path, os.W_OK)
        else:  # the nearest existing folder must be a folder we may create files in
            existing = next((p for p in path.parents if p.exists()), None)
            writable = existing is None or (existing.is_dir() and os.access(existing, os.W_OK))
        if not writable:
            return f"The settings file {self.path} cannot be written; settings will not be saved."
        return None

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._qsettings.value(key)
        if value is None:  # never saved (a first start): QByteArray's classes are not loaded for nothing
            return None
        from PySide6.QtCore import QByteArray

        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def _int(self, key: str, default: int, low: int, high: int) -> int:
        value = self._qsettings.value(key)  # value(key, default) makes PySide6 load QByteArray's classes
        if value is None:
            return default
        try:
            number = int(str(value))
        except ValueError:
            return default
        return number if low <= number <= high else default

    def _str(self, key: str) -> str | None:
        value = self._qsettings.value(key)
        return value if isinstance(value, str) and value else None

    @property
    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._qsettings.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._qsettings.setValue("window/state", value)

    @property
    def splitter_state(self) -> QByteArray | None:
        return self._bytes("window/splitter")

    @splitter_state.setter
    def splitter_state(self, value: QByteArray) -> None:
        self._qsettings.setValue("window/splitter", value)

    @property
    def last_address(self) -> str | None:
        return self._str("reading/last_address")

    @last_address.setter
    def last_address(self, value: str) -> None:
        self._qsettings.setValue("reading/last_address", value)

    @property
    def zoom(self) -> int:
        """Steps of zoom of the section view, 0 being the system font size."""
        return self._int("reading/zoom", 0, ZOOM_RANGE.start, ZOOM_RANGE.stop - 1)

    @zoom.setter
    def zoom(self, value: int) -> None:
        self._qsettings.setValue("reading/zoom", value)

    @property
    def only_verified(self) -> bool:
        """Load only profiles a trusted publisher signed (bundled ones always load); on when this
        user chose it or when the organisation's system-wide settings say so (see `enforced`)."""
        return self.only_verified_enforced or self._str("profiles/onlyVerified") == "true"

    @only_verified.setter
    def only_verified(self, value: bool) -> None:
        self._qsettings.setValue("profiles/onlyVerified", "true" if value else "false")

    @property
    def only_verified_enforced(self) -> bool:
        """Whether the system-wide settings file turns only-verified on for every user."""
        return _system_value("profiles/onlyVerified") == "true"

    @property
    def theme(self) -> str:
        """"system" (follow the desktop's colour scheme), "light" or "dark"."""
        value = self._str("view/theme")
        return value if value in THEMES else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        self._qsettings.setValue("view/theme", value if value in THEMES else "system")

    @property
    def side_panel(self) -> bool:
        """Whether the side panel (search and tree) is shown; hidden with View > Side Panel."""
        return str(self._qsettings.value("view/side_panel", "true")).lower() != "false"

    @side_panel.setter
    def side_panel(self, value: bool) -> None:
        self._qsettings.setValue("view/side_panel", "true" if value else "false")

    def sync(self) -> None:
        self._qsettings.sync()

    def clear(self) -> None:
        self._qsettings.clear()
        self._qsettings.sync()
