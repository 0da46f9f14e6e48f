"""json.loads for the app's own files, through the C scanner json.loads itself runs on, without
importing the json package.

A start reads the parsed-profile cache before its first paint, and importing json (the package,
its encoder, and the regular expressions json.decoder compiles at import) cost 4.5 to 5.4 ms of
that wait, measured in a fresh process with PySide6 loaded; the C scanner alone is a small shared
library. The result, and the errors (always a ValueError), are json.loads's:
tests/test_json_read.py holds them equal. Where CPython's `_json` is missing, it is json.loads.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_WHITESPACE = " \t\n\r"


class _Decoding:
    """The settings a scanner reads once, as json.JSONDecoder() would give them."""

    strict = True
    object_hook = None
    object_pairs_hook = None
    array_hook = None  # read from Python 3.15 on
    parse_float = float
    parse_int = int

    def __init__(self) -> None:
        self.memo: dict[str, str] = {}

    @staticmethod
    def parse_constant(name: str) -> float:
        return {"-Infinity": float("-inf"), "Infinity": float("inf"), "NaN": float("nan")}[name]


Scanner = Callable[[str, int], tuple[Any, int]]
_scan: Scanner | None
try:
    from _json import make_scanner
except ImportError:  # another Python: the package's own loads
    _scan = None
else:  # one scanner for every call, as json.loads shares its decoder's (the stubs ask for a
    # scanner as the argument; any object with the settings is what the C code reads)
    _scan = make_scanner(_Decoding())  # type: ignore[arg-type]


def loads(text: str | bytes) -> Any:
    """The value of one JSON document (UTF-8 when given bytes); ValueError when it is not one."""
    if isinstance(text, bytes | bytearray):
        text = text.decode("utf-8")  # a UnicodeDecodeError is a ValueError
    if _scan is None:
        import json

        return json.loads(text)
    start = len(text) - len(text.lstrip(_WHITESPACE))
    try:
        value, end = _scan(text, start)
    except StopIteration as stop:
        raise ValueError(f"Expecting value at character {stop.value}") from None
    if text[end:].strip(_WHITESPACE):
        raise ValueError(f"Extra data at character {end}")
    return value
