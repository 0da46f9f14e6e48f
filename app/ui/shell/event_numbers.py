"""QEvent types as plain numbers, for event filters that run at start-up.

Naming a member of QEvent.Type makes PySide6 build QEvent's enums (a few hundred members); a
filter that sees every event of a widget from its creation compares `int(event.type())` with
these instead. They are Qt's own values, held to QEvent.Type by tests/ui/shell/test_event_numbers.py.
"""

KEY_PRESS = 6
FOCUS_IN = 8
FOCUS_OUT = 9
PAINT = 12
SHOW = 17
