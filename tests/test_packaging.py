"""The files packaging ships: desktop entry, AppStream metainfo, icons, and the per-user install."""

from __future__ import annotations

import hashlib
import importlib.util
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

from app import APP_ID, __version__
from tests.conftest import BUNDLED_PROFILE

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "app" / "resources"


def load_tool(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def entry_values(text: str) -> dict[str, str]:
    return dict(line.split("=", 1) for line in text.splitlines() if "=" in line)


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="needs desktop-file-utils")
def test_desktop_entry_passes_desktop_file_validate() -> None:
    result = subprocess.run(["desktop-file-validate", str(RESOURCES / f"{APP_ID}.desktop")],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="needs appstreamcli")
def test_metainfo_passes_appstream_validation_but_for_its_plain_id() -> None:
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(RESOURCES / f"{APP_ID}.metainfo.xml")],
                            capture_output=True, text=True, check=False)
    problems = [line for line in result.stdout.splitlines() if line.startswith(("E:", "W:"))]
    # The id matches the desktop entry's name, which Qt reports as the window's app id; the project
    # has no domain of its own to make a reverse-DNS id from.
    assert all("cid-desktopapp-is-not-rdns" in line for line in problems), result.stdout


def test_metainfo_names_the_desktop_entry_and_the_current_version() -> None:
    root = ET.parse(RESOURCES / f"{APP_ID}.metainfo.xml").getroot()
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert root.findtext("provides/binary") == APP_ID
    assert root.find("releases/release").get("version") == __version__  # type: ignore[union-attr]


def test_ico_indexes_every_size_with_offsets_inside_the_file() -> None:
    data = (RESOURCES / "icons" / f"{APP_ID}.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = []
    for index in range(count):
        width, _, _, _, _, bits, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * index)
        assert bits == 32 and offset + length <= len(data)
        assert data[offset:offset + 8] == b"\x89PNG\r\n\x1a\n"
        sizes.append(width or 256)
    assert sizes == [16, 24, 32, 48, 64, 128, 256]


def test_icns_chunks_add_up_to_the_file_length() -> None:
    data = (RESOURCES / "icons" / f"{APP_ID}.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack_from(">I", data, 4)[0] == len(data)
    position, kinds = 8, []
    while position < len(data):
        kind, length = data[position:position + 4], struct.unpack_from(">I", data, position + 4)[0]
        assert data[position + 8:position + 16] == b"\x89PNG\r\n\x1a\n"
        kinds.append(kind)
        position += length
    assert position == len(data)
    assert {b"icp4", b"ic07", b"ic08", b"ic09", b"ic10"} <= set(kinds)


@pytest.fixture
def fake_build(tmp_path: Path) -> Path:
    """A stand-in for dist/tip-reference/: install copies it whatever it holds."""
    build = tmp_path / "build" / APP_ID
    (build / "_internal").mkdir(parents=True)
    (build / APP_ID).write_text("#!/bin/sh\n")
    (build / APP_ID).chmod(0o755)
    (build / "_internal" / "base_library.zip").write_bytes(b"zip")
    return build


def snapshot(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def test_install_puts_launcher_entry_and_icons_below_the_prefix(tmp_path: Path, fake_build: Path) -> None:
    prefix = tmp_path / "home" / ".local"
    assert load_tool("install").main(["install", "--prefix", str(prefix), "--dist", str(fake_build)]) == 0
    launcher = prefix / "bin" / APP_ID
    assert launcher.resolve() == (prefix / "lib" / APP_ID / APP_ID).resolve()
    entry = entry_values((prefix / "share" / "applications" / f"{APP_ID}.desktop").read_text())
    assert entry["Exec"] == entry["TryExec"] == str(launcher)
    assert entry["Icon"] == APP_ID
    for size in (16, 32, 48, 256, 512):
        assert (prefix / "share" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file()
    assert (prefix / "share" / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    assert (prefix / "share" / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()


def test_uninstall_leaves_the_prefix_as_it_was_and_keeps_the_users_files(tmp_path: Path, fake_build: Path) -> None:
    prefix = tmp_path / "home" / ".local"
    (prefix / "bin").mkdir(parents=True)
    (prefix / "bin" / "other-tool").write_text("the user's own\n")
    (prefix / "share" / "applications").mkdir(parents=True)
    (prefix / "share" / "applications" / "other.desktop").write_text("[Desktop Entry]\n")
    before = snapshot(tmp_path / "home")
    install = load_tool("install")
    assert install.main(["install", "--prefix", str(prefix), "--dist", str(fake_build)]) == 0
    assert install.main(["install", "--prefix", str(prefix), "--dist", str(fake_build)]) == 0  # again: an update
    assert snapshot(tmp_path / "home") != before
    assert install.main(["uninstall", "--prefix", str(prefix)]) == 0
    assert snapshot(tmp_path / "home") == before


def test_install_without_a_build_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert load_tool("install").main(["install", "--prefix", str(tmp_path), "--dist", str(tmp_path / "none")]) == 1
    assert "make dist" in capsys.readouterr().err
    assert not any(tmp_path.iterdir())


def test_smoke_test_flags_tls_or_network_files_in_a_bundle(tmp_path: Path) -> None:
    check = load_tool("dist_check")
    (tmp_path / "_internal" / "PySide6" / "Qt" / "lib").mkdir(parents=True)
    (tmp_path / "_internal" / "libQt6Core.so.6").write_bytes(b"")
    assert check.nothing_forbidden(tmp_path)
    (tmp_path / "_internal" / "PySide6" / "Qt" / "lib" / "libQt6Network.so.6").write_bytes(b"")
    (tmp_path / "_internal" / "libssl.so.3").write_bytes(b"")
    with pytest.raises(AssertionError, match=r"_internal/PySide6/Qt/lib/libQt6Network.so.6, _internal/libssl.so.3"):
        check.nothing_forbidden(tmp_path)


@pytest.mark.parametrize(("size", "passes"), [(115_000_000, True), (115_000_001, False)])
def test_smoke_test_budget_is_inclusive(size: int, passes: bool) -> None:
    check = load_tool("dist_check")
    if passes:
        assert "115.0 MB" in check.within(size, check.FOLDER_BUDGET)
    else:
        with pytest.raises(AssertionError, match="over the budget"):
            check.within(size, check.FOLDER_BUDGET)


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="needs desktop-file-utils")
def test_install_into_a_prefix_with_a_space_quotes_the_launcher_in_exec(tmp_path: Path, fake_build: Path) -> None:
    prefix = tmp_path / "my home" / ".local"
    assert load_tool("install").main(["install", "--prefix", str(prefix), "--dist", str(fake_build)]) == 0
    entry_file = prefix / "share" / "applications" / f"{APP_ID}.desktop"
    entry = entry_values(entry_file.read_text())
    assert entry["Exec"] == f'"{prefix / "bin" / APP_ID}"'
    assert entry["TryExec"] == str(prefix / "bin" / APP_ID)
    result = subprocess.run(["desktop-file-validate", str(entry_file)], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


def test_smoke_test_checks_the_bundled_profiles_against_the_sha256_recorded_at_build_time(tmp_path: Path) -> None:
    from app.bundle_checksums import MANIFEST_NAME, manifest_text

    check = load_tool("dist_check")
    internal = tmp_path / "_internal"
    (internal / "data" / "profiles").mkdir(parents=True)
    shutil.copy(BUNDLED_PROFILE, internal / "data" / "profiles" / "lao-pdr.yaml")
    (internal / MANIFEST_NAME).write_text(manifest_text(ROOT), encoding="utf-8")
    assert "1 profile(s) match" in check.bundled_profiles_match(tmp_path)
    copy = internal / "data" / "profiles" / "lao-pdr.yaml"
    copy.write_bytes(copy.read_bytes().replace(b"267 790", b"267 791"))
    with pytest.raises(AssertionError, match=r"data/profiles/lao-pdr.yaml: SHA-256 [0-9a-f]{64}, recorded"):
        check.bundled_profiles_match(tmp_path)
    (internal / "data" / "profiles" / "extra.yaml").write_text("schema: 1\n", encoding="utf-8")
    with pytest.raises(AssertionError, match=r"extra\.yaml: not recorded at build time"):
        check.bundled_profiles_match(tmp_path)


def test_the_build_records_the_sha256_of_every_bundled_profile() -> None:
    from app.bundle_checksums import manifest_text

    digest = hashlib.sha256(BUNDLED_PROFILE.read_bytes()).hexdigest()
    assert manifest_text(ROOT) == f"{digest}  data/profiles/lao-pdr.yaml\n"
    assert "profile_checksums()" in (ROOT / "build.spec").read_text(encoding="utf-8")


def test_smoke_test_finds_every_bundled_font_and_names_a_missing_one(tmp_path: Path) -> None:
    check = load_tool("dist_check")
    from app.scripts import FONT_FILES

    assert set(check.BUNDLED_FONTS) == {n for names in FONT_FILES.values() for n in names} | {"OFL.txt"}
    shutil.copytree(RESOURCES / "fonts", tmp_path / "_internal" / "app" / "resources" / "fonts")
    assert check.fonts_bundled(tmp_path) == "9 files in _internal/app/resources/fonts"
    (tmp_path / "_internal" / "app" / "resources" / "fonts" / "NotoSansLao-Bold.ttf").unlink()
    with pytest.raises(AssertionError, match=r"missing: NotoSansLao-Bold\.ttf"):
        check.fonts_bundled(tmp_path)


def test_shiboken_support_is_written_whole_with_bytecode_that_skips_the_source_check(tmp_path: Path) -> None:
    tool = load_tool("shiboken_support")
    folder = tool.write_support_files(tmp_path)
    written = sorted(str(p.relative_to(folder)) for p in folder.rglob("*.py"))
    assert written == sorted(tool.embedded_sources())
    assert "shibokensupport/signature/loader.py" in written
    assert tool.missing_bytecode(folder) == []


def test_shiboken_support_bytecode_that_checks_its_source_is_reported_missing(tmp_path: Path) -> None:
    import py_compile

    tool = load_tool("shiboken_support")
    folder = tool.write_support_files(tmp_path)
    loader = folder / "shibokensupport" / "signature" / "loader.py"
    py_compile.compile(str(loader), doraise=True, invalidation_mode=py_compile.PycInvalidationMode.TIMESTAMP)
    assert tool.missing_bytecode(folder) == ["shibokensupport/signature/loader.py"]
