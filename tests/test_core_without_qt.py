"""The core (app/ outside app/ui/ and the entry) imports and works with PySide6 made unimportable."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

CORE_MODULES = sorted(
    "app." + p.stem if p.stem != "__init__" else "app"
    for p in (ROOT / "app").glob("*.py")
    if p.stem not in ("main", "__main__")  # the entry, which knows both sides
)


def test_core_modules_import_and_run_without_pyside6() -> None:
    code = (
        "import sys, importlib\n"
        "sys.modules['PySide6'] = None\n"
        f"for name in {CORE_MODULES!r}:\n"
        "    importlib.import_module(name)\n"
        "from app.main import main\n"
        "sys.exit(main(['text', 'lao-pdr']))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "Lao PDR Quick Facts" in result.stdout


def test_the_core_module_list_is_not_empty() -> None:
    assert {"app.loader", "app.model", "app.render", "app.cli"} <= set(CORE_MODULES)
