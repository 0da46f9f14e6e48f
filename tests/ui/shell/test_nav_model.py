"""The navigation tree's model: a correct Qt model over profiles and their sections."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from app.library import Folder, load_library
from app.model import Address, Library
from app.ui.shell.nav_model import NavModel
from tests.conftest import LAO_SECTIONS, WriteProfile, minimal_profile

# Qt's model tester needs the application (without it, its second check fails in PySide6).
pytestmark = pytest.mark.usefixtures("qapp")


def test_model_passes_qt_model_tester(qtmodeltester: ModelTester, library: Library) -> None:
    qtmodeltester.check(NavModel(library))


def test_model_with_several_profiles_passes_model_tester_and_resets(
    qtmodeltester: ModelTester, write_profile: WriteProfile, tmp_path: Path, library: Library
) -> None:
    for n in range(3):
        write_profile(minimal_profile(f"p{n}", f"P{n}"), f"p{n}.yaml")
    model = NavModel(load_library([Folder(tmp_path)]))
    qtmodeltester.check(model)
    model.set_library(library)
    assert model.rowCount() == 1


def test_profiles_at_top_and_sections_below_in_source_order(library: Library) -> None:
    model = NavModel(library)
    assert model.rowCount() == 1
    profile = model.index(0, 0)
    assert profile.data() == "Lao PDR"
    assert [model.index(r, 0, profile).data(NavModel.AddressRole) for r in range(model.rowCount(profile))] == [
        f"lao-pdr/{s}" for s in LAO_SECTIONS
    ]
    assert not model.index(0, 0, model.index(0, 0, profile)).isValid()


def test_index_of_and_address_are_inverse(library: Library) -> None:
    model = NavModel(library)
    for address in [Address("lao-pdr"), *(Address("lao-pdr", s) for s in LAO_SECTIONS)]:
        index = model.index_of(address)
        assert index.isValid() and model.address(index) == address
    assert model.index_of(Address("lao-pdr", "challenges", 2)) == model.index_of(Address("lao-pdr", "challenges"))
    assert not model.index_of(Address("nope")).isValid()
    assert model.address(QModelIndex()) is None


def test_hit_counts_show_next_to_titles_and_clear(library: Library) -> None:
    from app.search import SearchIndex

    model = NavModel(library)
    profile = model.index(0, 0)
    challenges = model.index(5, 0, profile)
    index = SearchIndex.build(library)
    counts = index.counts("shelters")
    model.set_hit_counts(counts)
    shelters = counts.get("lao-pdr/anti-trafficking-mechanisms", 0)
    assert shelters > 0
    assert model.index(4, 0, profile).data(Qt.ItemDataRole.DisplayRole).endswith(f"  ({shelters})")
    assert profile.data(Qt.ItemDataRole.DisplayRole) == f"Lao PDR  ({counts.profile_total('lao-pdr')})"
    assert model.index(1, 0, profile).data() == "Contact Details  (0)"
    model.set_hit_counts(None)
    assert challenges.data() == "TIP challenges ahead"
    model.set_hit_counts(index.counts("zzzqqq"))  # a search with no hit: no counts either
    assert challenges.data() == "TIP challenges ahead"
    index.close()
