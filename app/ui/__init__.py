"""The Qt layer: shows the model and forwards the user's actions; all logic lives in `app/`."""

import PySide6.QtCore  # noqa: F401 - loads PySide6's import hook, which the next line tunes

from app.ui.shell.pyside_imports import stop_caching_module_sources

stop_caching_module_sources()
