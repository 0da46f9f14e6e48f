"""The event numbers start-up filters compare with are Qt's own."""

from __future__ import annotations

from PySide6.QtCore import QEvent

from app.ui.shell import event_numbers


def test_each_number_is_the_value_of_the_qevent_type_of_its_name() -> None:
    names = {"KEY_PRESS": "KeyPress", "FOCUS_IN": "FocusIn", "FOCUS_OUT": "FocusOut", "PAINT": "Paint", "SHOW": "Show"}
    numbers = {name: value for name, value in vars(event_numbers).items() if name.isupper()}
    assert set(numbers) == set(names)
    for name, qt_name in names.items():
        assert numbers[name] == getattr(QEvent.Type, qt_name).value
