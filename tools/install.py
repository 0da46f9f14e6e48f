"""Installs the built one-folder app for one user, with its launcher, menu entry and icons.

    python3 tools/install.py install   [--prefix ~/.local] [--dist dist/tip-reference]
    python3 tools/install.py uninstall [--prefix ~/.local]

No root is needed: everything goes below the prefix, in the places the freedesktop menu and icon
specifications look at. `uninstall` removes exactly what `install` put there, and the folders
that this leaves empty, so the prefix is left as it was found. Only the standard
library is used, so it runs with any Python 3.10+ and without the project's virtual environment.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_ID = "tip-reference"
RESOURCES = ROOT / "app" / "resources"
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def planned_files(prefix: Path) -> dict[Path, Path | None]:
    """Installed path -> source file (None for what is written rather than copied)."""
    share = prefix / "share"
    files: dict[Path, Path | None] = {
        prefix / "bin" / APP_ID: None,  # a link to the executable in the app folder
        share / "applications" / f"{APP_ID}.desktop": None,  # Exec and TryExec point at the launcher
        share / "metainfo" / f"{APP_ID}.metainfo.xml": RESOURCES / f"{APP_ID}.metainfo.xml",
        share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg": RESOURCES / "icons" / f"{APP_ID}.svg",
    }
    for size in PNG_SIZES:
        icon = share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        files[icon] = RESOURCES / "icons" / f"{APP_ID}-{size}.png"
    return files


def app_folder(prefix: Path) -> Path:
    return prefix / "lib" / APP_ID


def desktop_entry(launcher: Path) -> str:
    """The project's desktop entry with the launcher's absolute path: the menu may not have ~/.local/bin on PATH."""
    text = (RESOURCES / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    text = re.sub(r"^Exec=.*$", lambda _: f"Exec={exec_argument(str(launcher))}", text, flags=re.MULTILINE)
    return re.sub(r"^TryExec=.*$", lambda _: f"TryExec={launcher}", text, flags=re.MULTILINE)


def exec_argument(path: str) -> str:
    """A path as one argument of a desktop entry's Exec key: quoted when it holds reserved characters."""
    path = path.replace("%", "%%")  # a lone % starts a field code
    if not re.search(r"[\s\"'\\><~|&;$*?#()`]", path):
        return path
    quoted = '"' + re.sub(r'(["`$\\])', r"\\\1", path) + '"'
    return quoted.replace("\\", "\\\\")  # the string escape layer of the file, applied on top


def install(prefix: Path, dist: Path) -> int:
    executable = dist / APP_ID
    if not executable.is_file():
        print(f"no build at {dist}; run 'make dist' first", file=sys.stderr)
        return 1
    target = app_folder(prefix)
    if target.exists():
        shutil.rmtree(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(dist, target, symlinks=True)
    for path, source in planned_files(prefix).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_symlink() or path.exists():
            path.unlink()
        if path.name == APP_ID:
            path.symlink_to(target / APP_ID)
        elif path.suffix == ".desktop":
            _write(path, desktop_entry(prefix / "bin" / APP_ID))
        else:
            assert source is not None
            shutil.copyfile(source, path)
    print(f"installed in {target}, launcher {prefix / 'bin' / APP_ID}")
    return 0


def uninstall(prefix: Path) -> int:
    removed: list[Path] = []
    target = app_folder(prefix)
    if target.exists():
        shutil.rmtree(target)
        removed.append(target)
    for path in planned_files(prefix):
        if path.is_symlink() or path.exists():
            path.unlink()
            removed.append(path)
    for path in removed:  # folders install created, now empty; stops at the first one still in use
        _remove_empty_parents(path.parent, prefix)
    print(f"removed {len(removed)} items below {prefix}")
    return 0


def _remove_empty_parents(folder: Path, prefix: Path) -> None:
    while folder != prefix and prefix in folder.parents:
        try:
            folder.rmdir()
        except OSError:  # not empty (or gone): the user's own files stay
            return
        folder = folder.parent


def _write(path: Path, text: str) -> None:
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=("install", "uninstall"))
    parser.add_argument("--prefix", type=Path, default=Path.home() / ".local")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist" / APP_ID, help="the one-folder build")
    args = parser.parse_args(argv)
    prefix = args.prefix.expanduser().absolute()
    if args.action == "install":
        return install(prefix, args.dist.absolute())
    return uninstall(prefix)


if __name__ == "__main__":
    sys.exit(main())
