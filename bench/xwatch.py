"""Watches an X server from outside a process for the moment its first window is mapped.

Uses Xlib through ctypes (no extra package): it listens for MapNotify on the root window and
matches the window's _NET_WM_PID to the process started, so the time measured is the time until
the server shows the window, not what the process believes about itself.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import select
import subprocess
import time

_MAP_NOTIFY = 19
_SUBSTRUCTURE_NOTIFY_MASK = 1 << 19
_ANY_PROPERTY_TYPE = 0


class _XMapEvent(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("event", ctypes.c_ulong),
        ("window", ctypes.c_ulong),
        ("override_redirect", ctypes.c_int),
    ]


class _XEvent(ctypes.Union):
    _fields_ = [("type", ctypes.c_int), ("xmap", _XMapEvent), ("pad", ctypes.c_long * 24)]


class MapWatcher:
    """Open before starting the process; `wait_for(pid)` returns perf_counter() at its first map."""

    def __init__(self, display: str) -> None:
        self._x = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
        self._x.XOpenDisplay.restype = ctypes.c_void_p
        self._x.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self._x.XDefaultRootWindow.restype = ctypes.c_ulong
        self._x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        self._x.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
        self._x.XInternAtom.restype = ctypes.c_ulong
        self._x.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        self._x.XPending.argtypes = [ctypes.c_void_p]
        self._x.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.POINTER(_XEvent)]
        self._x.XFlush.argtypes = [ctypes.c_void_p]
        self._x.XConnectionNumber.argtypes = [ctypes.c_void_p]
        self._x.XFree.argtypes = [ctypes.c_void_p]
        self._x.XCloseDisplay.argtypes = [ctypes.c_void_p]
        self._x.XGetWindowProperty.argtypes = [
            ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_long, ctypes.c_long, ctypes.c_int,
            ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_void_p),
        ]
        self._display = self._x.XOpenDisplay(display.encode())
        if not self._display:
            raise RuntimeError(f"cannot open X display {display}")
        root = self._x.XDefaultRootWindow(self._display)
        self._x.XSelectInput(self._display, root, _SUBSTRUCTURE_NOTIFY_MASK)
        self._x.XFlush(self._display)
        self._pid_atom = self._x.XInternAtom(self._display, b"_NET_WM_PID", 0)
        self._fd = self._x.XConnectionNumber(self._display)

    def _window_pid(self, window: int) -> int | None:
        actual_type, actual_format = ctypes.c_ulong(), ctypes.c_int()
        items, after, data = ctypes.c_ulong(), ctypes.c_ulong(), ctypes.c_void_p()
        status = self._x.XGetWindowProperty(
            self._display, window, self._pid_atom, 0, 1, 0, _ANY_PROPERTY_TYPE,
            ctypes.byref(actual_type), ctypes.byref(actual_format), ctypes.byref(items), ctypes.byref(after),
            ctypes.byref(data),
        )
        if status != 0 or not data.value:
            return None
        try:
            return ctypes.cast(data, ctypes.POINTER(ctypes.c_ulong))[0] if items.value else None
        finally:
            self._x.XFree(data)

    def wait_for(self, pid: int, timeout: float = 30.0) -> float:
        deadline = time.perf_counter() + timeout
        event = _XEvent()
        while True:
            while self._x.XPending(self._display):
                self._x.XNextEvent(self._display, ctypes.byref(event))
                mapped = event.type == _MAP_NOTIFY and not event.xmap.override_redirect
                owner = self._window_pid(event.xmap.window) if mapped else None
                # A one-file build unpacks itself, then runs the app as its child.
                if owner is not None and (owner == pid or owner in _children(pid)):
                    return time.perf_counter()
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise TimeoutError(f"no window of process {pid} was mapped within {timeout} s")
            select.select([self._fd], [], [], min(remaining, 0.05))

    def close(self) -> None:
        self._x.XCloseDisplay(self._display)


def resident_kib(pid: int) -> int:
    """Resident memory of a process and its children, from /proc."""
    total = 0
    for child in [pid, *_children(pid)]:
        try:
            with open(f"/proc/{child}/status", encoding="ascii") as status:
                total += next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
        except (OSError, StopIteration):
            continue
    return total


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as handle:
                for child in handle.read().split():
                    found.append(int(child))
                    found.extend(_children(int(child)))
        except OSError:
            continue
    return found


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    """A private X server on a free display (Xvfb picks it and writes its number to a pipe)."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as handle:
        number = handle.readline().strip()
    if not number:
        raise RuntimeError("Xvfb did not start")
    return server, f":{number}"
