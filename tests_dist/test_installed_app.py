"""The built app, installed for one user, opens from its menu entry as a file manager would open it;
and it opens its window on Wayland too.

Needs a build (`make dist`), Xvfb, xdotool and `gio` (libglib2.0-bin), and weston for the Wayland
test; run by `make dist-check`, not by `make test`. Everything happens in a temporary HOME with a
private X server or compositor.
"""

from __future__ import annotations

import os
import selectors
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from xwatch import start_xvfb  # noqa: E402 - the benches' X server, shared

BUILD = ROOT / "dist" / "tip-reference" / "tip-reference"
APP_ID = "tip-reference"
TIMEOUT = 60

pytestmark = pytest.mark.skipif(not BUILD.is_file(), reason="no build: run 'make dist'")


@pytest.fixture
def display() -> Iterator[str]:
    if not all(shutil.which(tool) for tool in ("Xvfb", "xdotool", "gio")):
        pytest.skip("needs Xvfb, xdotool and gio")
    yield from _xvfb()


def _xvfb() -> Iterator[str]:
    server, display = start_xvfb()
    yield display
    server.terminate()
    server.wait(10)


def snapshot(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def entry_values(text: str) -> dict[str, str]:
    return dict(line.split("=", 1) for line in text.splitlines() if "=" in line)


def make(target: str, home: Path) -> None:
    subprocess.run(["make", "--no-print-directory", "-C", str(ROOT), target, f"PREFIX={home / '.local'}"],
                   env=dict(os.environ, HOME=str(home)), check=True, capture_output=True, timeout=TIMEOUT)


def test_installed_entry_opens_the_window_and_uninstall_leaves_the_home_as_it_was(tmp_path: Path, display: str) -> None:
    home = tmp_path / "home"
    (home / ".local" / "bin").mkdir(parents=True)
    (home / ".local" / "bin" / "other-tool").write_text("a file of the user's own\n")
    before = snapshot(home)

    make("install", home)
    entry = home / ".local" / "share" / "applications" / f"{APP_ID}.desktop"
    subprocess.run(["desktop-file-validate", str(entry)], check=True, capture_output=True)
    assert (home / ".local" / "share" / "icons" / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png").is_file()

    # Settings and profile folders elsewhere, so running the app cannot disturb the comparison below.
    state = tmp_path / "state"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "XDG_", "DBUS_"))}
    env.update(DISPLAY=display, HOME=str(home), XDG_CONFIG_HOME=str(state / "config"),
               XDG_DATA_HOME=str(state / "data"), XDG_CACHE_HOME=str(state / "cache"))
    # The app inherits gio's output streams: were they pipes, waiting for their end would wait for the app.
    subprocess.run(["gio", "launch", str(entry)], env=env, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, timeout=TIMEOUT)
    # Found by the instance name in WM_CLASS, which is how docks match a window to the entry's StartupWMClass.
    wm_class = entry_values(entry.read_text())["StartupWMClass"]
    found = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--classname", wm_class],
                           env=env, check=True, capture_output=True, text=True, timeout=TIMEOUT)
    window = found.stdout.split()[0]
    title = subprocess.run(["xdotool", "getwindowname", window], env=env, check=True, capture_output=True, text=True)
    assert title.stdout.strip().endswith("TIP Reference")
    pid = int(subprocess.run(["xdotool", "getwindowpid", window], env=env, check=True, capture_output=True,
                             text=True).stdout)
    try:
        executable = Path(os.readlink(f"/proc/{pid}/exe"))
        assert executable == home / ".local" / "lib" / APP_ID / APP_ID  # the installed copy, not the build
    finally:
        os.kill(pid, signal.SIGTERM)

    make("uninstall", home)
    assert snapshot(home) == before


@pytest.fixture
def wayland(tmp_path: Path) -> Iterator[dict[str, str]]:
    """A headless weston compositor; yields the environment a client needs to reach it."""
    if not shutil.which("weston"):
        pytest.skip("needs weston")
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "XDG_", "WAYLAND_", "DISPLAY"))}
    env.update(HOME=str(tmp_path), XDG_RUNTIME_DIR=str(runtime), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_CACHE_HOME=str(tmp_path / "cache"))
    server = subprocess.Popen(["weston", "--backend=headless-backend.so", "--socket=wayland-test", "--idle-time=0"],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    socket = runtime / "wayland-test"
    deadline = time.monotonic() + TIMEOUT
    while not socket.exists():  # weston has no readiness signal but its socket
        assert server.poll() is None and time.monotonic() < deadline, "weston did not start"
        time.sleep(0.02)
    yield dict(env, WAYLAND_DISPLAY="wayland-test", QT_QPA_PLATFORM="wayland")
    server.terminate()
    server.wait(10)


def test_built_app_opens_its_window_on_wayland_with_its_app_id(wayland: dict[str, str]) -> None:
    # The client's own protocol log shows the window (an xdg toplevel with the desktop entry's app
    # id) and its first frame (a shared-memory buffer) reaching the compositor.
    app = subprocess.Popen([str(BUILD)], env=dict(wayland, WAYLAND_DEBUG="client"),
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    assert app.stderr is not None
    wanted = {f'set_app_id("{APP_ID}")', "attach(wl_buffer@"}
    seen: set[str] = set()
    deadline = time.monotonic() + TIMEOUT
    try:
        with selectors.DefaultSelector() as selector:
            selector.register(app.stderr, selectors.EVENT_READ)
            while seen != wanted and time.monotonic() < deadline and app.poll() is None:
                if selector.select(timeout=1):
                    line = app.stderr.readline()
                    seen |= {part for part in wanted if part in line}
    finally:
        app.terminate()
        app.wait(10)
        app.stderr.close()
    assert seen == wanted
