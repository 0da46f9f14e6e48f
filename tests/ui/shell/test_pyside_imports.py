"""After PySide6 the app imports through Python's own `__import__`, not PySide6's hook."""

from __future__ import annotations

import builtins
import os
import subprocess
import sys
from pathlib import Path

import pytest

import app.ui  # noqa: F401 - takes the hook out, as every start does
from app.ui.shell.pyside_imports import restore_plain_import
from tests.conftest import ROOT


def test_the_plain_import_is_back_once_the_qt_layer_is_imported() -> None:
    assert hasattr(builtins, "__feature_import__"), "PySide6 installs its hook on import"
    assert builtins.__import__ is builtins.__orig_import__  # type: ignore[attr-defined]


def test_the_hook_is_taken_out_only_where_pyside_saved_the_import_it_replaced(monkeypatch: pytest.MonkeyPatch) -> None:
    assert restore_plain_import() is False  # already out
    plain = builtins.__import__

    def hook(*args: object, **kwargs: object) -> object:
        return plain(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__feature_import__", hook)
    monkeypatch.setattr(builtins, "__import__", hook)
    monkeypatch.delattr(builtins, "__orig_import__")
    assert restore_plain_import() is False  # nothing to put back: the hook stays
    assert builtins.__import__ is hook
    monkeypatch.setattr(builtins, "__orig_import__", plain, raising=False)
    assert restore_plain_import() is True
    assert builtins.__import__ is plain


def test_no_module_of_the_app_asks_for_pysides_features() -> None:
    """The premise of taking the hook out: `from __feature__ import ...` would then do nothing."""
    users = [path for path in (ROOT / "app").rglob("*.py") if "__feature__" in path.read_text(encoding="utf-8")
             and path.name != "pyside_imports.py"]
    assert users == []


def test_a_module_imported_after_the_qt_layer_is_neither_seen_by_the_hook_nor_cached(tmp_path: Path) -> None:
    """In a process of its own: pytest's import machinery hides what the hook does."""
    (tmp_path / "probe_module_for_the_hook.py").write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    probe = (
        "import linecache, sys\n"
        "import app.ui\n"
        f"sys.path.insert(0, {str(tmp_path)!r})\n"
        "import probe_module_for_the_hook\n"
        "from PySide6.QtCore import QObject\n"
        "assert probe_module_for_the_hook.QObject is QObject\n"
        "seen = sys.modules['shibokensupport.feature'].pyside_feature_dict\n"
        "print('probe_module_for_the_hook' in seen, any('probe_module_for_the_hook' in name for name in linecache.cache))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False"]
