"""The layers of docs/architecture.md hold: the import contracts cover every core module."""

from __future__ import annotations

from importlinter.api import read_configuration

from tests.conftest import ROOT

ENTRY = {"app.main", "app.__main__"}


def _contracts() -> list[dict[str, object]]:
    contracts: list[dict[str, object]] = read_configuration(str(ROOT / "pyproject.toml"))["contracts_options"]
    return contracts


def test_every_core_module_is_forbidden_to_import_qt_the_window_and_the_entry() -> None:
    core = {f"app.{p.stem}" for p in (ROOT / "app").glob("*.py") if p.stem != "__init__"} - ENTRY
    forbidden = next(c for c in _contracts() if c["type"] == "forbidden")
    assert set(forbidden["source_modules"]) == core  # type: ignore[call-overload]
    assert {"PySide6", "app.ui", "app.main"} <= set(forbidden["forbidden_modules"])  # type: ignore[call-overload]


def test_every_feature_package_is_independent_of_the_others() -> None:
    features = {p.name for p in (ROOT / "app" / "ui" / "features").iterdir() if (p / "feature.py").exists()}
    assert features == {"bookmarks", "copying", "help", "history", "printing", "privacy", "profiles", "search", "theme"}
    independence = next(c for c in _contracts() if c["type"] == "independence")
    assert independence["modules"] == ["app.ui.features.*"]
