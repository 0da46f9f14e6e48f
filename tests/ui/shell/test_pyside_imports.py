"""PySide6's import hook answers as before, without keeping the app's sources in memory."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import app.render
import app.ui.shell.main_window
from app.ui.shell.pyside_imports import _mentions_pyside
from tests.conftest import ROOT


def test_the_hook_check_is_ours_and_answers_like_pysides() -> None:
    feature = sys.modules["shibokensupport.feature"]
    assert feature._mod_uses_pyside is _mentions_pyside
    assert _mentions_pyside(app.ui.shell.main_window) is True
    assert _mentions_pyside(app.render) is False


def test_a_module_importing_pyside_is_not_kept_in_the_line_cache(tmp_path: Path) -> None:
    """In a process of its own: pytest's import machinery hides what the hook does."""
    (tmp_path / "probe_module_for_the_hook.py").write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    probe = (
        "import linecache, sys\n"
        "import PySide6.QtCore\n"
        "import app.ui\n"
        f"sys.path.insert(0, {str(tmp_path)!r})\n"
        "import probe_module_for_the_hook\n"
        "print(any('probe_module_for_the_hook' in name for name in linecache.cache))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
