"""Keys in the Shortcuts dialog: each once, as people say it, no media-keyboard names."""

from __future__ import annotations

import pytest

from app.key_names import key_list, pressable


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        (["Ctrl+C", "Ctrl+Ins", "F16", "Copy"], "Ctrl+C, Ctrl+Insert"),
        (["Ctrl+F", "Find"], "Ctrl+F"),
        (["F5", "Refresh"], "F5"),
        (["Ctrl+Q", "Exit"], "Ctrl+Q"),
        (["Ctrl++", "Zoom In", "Ctrl+="], "Ctrl+Plus, Ctrl+="),
        (["Alt+Left", "Backspace", "Back"], "Alt+Left, Backspace"),
        (["Ctrl+PgDown"], "Ctrl+Page Down"),
        (["F1", "F1"], "F1"),
        ([], ""),
    ],
)
def test_keys_are_named_once_as_people_say_them(keys: list[str], expected: str) -> None:
    assert key_list(keys) == expected


@pytest.mark.parametrize(("key", "expected"), [("F12", True), ("F13", False), ("Shift+F16", True),
                                               ("Zoom Out", False), ("Menu", True), ("Ctrl+-", True)])
def test_a_key_alone_is_pressable_only_if_ordinary_keyboards_have_it(key: str, expected: bool) -> None:
    assert pressable(key) is expected
