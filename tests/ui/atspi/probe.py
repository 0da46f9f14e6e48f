"""Reads the running reader through AT-SPI, as Orca would, and prints what it found as JSON.

Run by test_atspi.py with the system Python (which has pyatspi), inside the test's own D-Bus
session and X server: the app is found by name, every showing object is listed with its role and
name, the tree's rows and the section's text are read, then Alt+1 and Alt+2 are pressed with
xdotool and the focus events the app sends are recorded.
"""
# mypy: ignore-errors
# (pyatspi and gi have no type information; this file runs outside the project's Python)

from __future__ import annotations

import json
import subprocess
import sys
import time

import pyatspi
from gi.repository import GLib

APP_NAME = "TIP Reference"
WAIT = 30.0  # seconds for the app to appear on the accessibility bus, at most


def find_app() -> object:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:  # the app starts in another process: nothing to wait on
        for app in pyatspi.Registry.getDesktop(0):
            if app is not None and app.name == APP_NAME and app.childCount:
                return app
        time.sleep(0.1)
    raise SystemExit(f"{APP_NAME} never appeared on the accessibility bus")


def showing(node: object) -> bool:
    """On screen; for the menus, closed while the probe reads them, an entry of the menu: Qt gives
    the hidden markers of the menus' places no state at all, and a real entry at least
    "sensitive" (or, disabled, its text)."""
    states = node.getState()
    role = node.getRoleName()
    if role == "popup menu":
        return True
    if role in ("menu item", "check menu item", "radio menu item", "menu"):
        return bool(states.getStates()) or bool(node.name)
    return states.contains(pyatspi.STATE_SHOWING)


def walk(node: object, path: str, found: list[dict[str, object]]) -> None:
    if not showing(node):
        return
    role, name = node.getRoleName(), node.name
    entry = {"role": role, "name": name, "path": path}
    if role in ("tree", "tree table", "table"):
        entry["rows"] = [node.getChildAtIndex(i).name for i in range(node.childCount)
                         if node.getChildAtIndex(i).getRoleName() == "table cell"]
    if name == "Section text":
        text = node.queryText()
        entry["text"] = text.getText(0, text.characterCount)
    found.append(entry)
    for index in range(node.childCount):
        child = node.getChildAtIndex(index)
        if child is not None:
            walk(child, f"{path}/{role}:{name}", found)


def focus_events(display: str) -> list[dict[str, str]]:
    """Alt+1 then Alt+2, pressed as a user would; the focus events the app announces."""
    events: list[dict[str, str]] = []

    def heard(event: object) -> None:
        if event.detail1 == 1:
            events.append({"role": event.source.getRoleName(), "name": event.source.name})

    def press() -> bool:
        window = subprocess.run(["xdotool", "search", "--name", APP_NAME], capture_output=True, text=True,
                                env={"DISPLAY": display}).stdout.split()
        for keys in ("alt+1", "alt+2"):
            subprocess.run(["xdotool", "windowfocus", "--sync", window[0], "key", "--clearmodifiers", keys],
                           env={"DISPLAY": display}, check=True)
        GLib.timeout_add(1500, stop)
        return False

    def stop() -> bool:
        pyatspi.Registry.stop()
        return False

    pyatspi.Registry.registerEventListener(heard, "object:state-changed:focused")
    GLib.timeout_add(200, press)
    pyatspi.Registry.start()
    return events


def main() -> None:
    app = find_app()
    found: list[dict[str, object]] = []
    walk(app, "", found)
    print(json.dumps({"objects": found, "focus": focus_events(sys.argv[1])}))


if __name__ == "__main__":
    main()
