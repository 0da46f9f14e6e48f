"""The Qt layer: shows the model and forwards the user's actions; all logic lives in `app/`."""

import PySide6.QtCore  # noqa: F401 - installs PySide6's import hook, which the next line takes out

from app.ui.shell.pyside_imports import restore_plain_import

restore_plain_import()
