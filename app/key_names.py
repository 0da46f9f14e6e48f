"""Keys named as people say them, each once: what the Shortcuts dialog lists.

Qt lists, beside the keys on a keyboard, the dedicated keys of media keyboards and phones ("Copy",
"Find", "Refresh", "Exit", "F16" on old Sun keyboards) and abbreviations ("PgDown", "Ins"). A reader
looks for the key they can press: those extra names are noise, the abbreviations are spelled out.
"""

from __future__ import annotations

import re

# Keys a keyboard has that may be pressed alone (anything else alone is a media or phone key).
_ALONE = re.compile(
    r"F([1-9]|1[0-2])|Backspace|Enter|Return|Esc|Escape|Tab|Space|Menu|Home|End|Ins|Insert|Del|Delete"
    r"|PgUp|PgDown|Up|Down|Left|Right"
)
_SPELLED = {"PgUp": "Page Up", "PgDown": "Page Down", "Ins": "Insert", "Del": "Delete", "Esc": "Escape",
            "Return": "Enter", "Meta": "Super"}
_MODIFIERS = {"Ctrl", "Shift", "Alt", "Meta"}


def pressable(key: str) -> bool:
    """Whether a key combination ("Ctrl+C", "F16", "Copy") is one an ordinary keyboard has."""
    parts = key.split("+") if key != "+" else [key]
    if len(parts) > 1 and parts[-1] == "":  # "Ctrl++": the last key is the plus key
        parts = [*parts[:-2], "+"]
    if any(p in _MODIFIERS for p in parts[:-1]):
        return True
    return len(parts) == 1 and _ALONE.fullmatch(parts[0]) is not None


def spoken(key: str) -> str:
    """"Ctrl+PgDown" -> "Ctrl+Page Down"; a plus key is named ("Ctrl+Plus")."""
    if key.endswith("++"):
        key = key[:-1] + "Plus"
    return "+".join(_SPELLED.get(part, part) for part in key.split("+"))


def key_list(keys: list[str]) -> str:
    """The keys of one command, each named once as said, the media and phone keys left out."""
    named: list[str] = []
    for key in keys:
        if pressable(key) and spoken(key) not in named:
            named.append(spoken(key))
    return ", ".join(named)
