"""Checks that model objects rebuilt from outside data hold exactly the types their classes declare.

The parsed-profile cache is a JSON file in the user's cache folder; a damaged or edited one can
still be valid JSON with a number where a title should be, and the renderer would then fail on
every start. Checking each cached object against the model's own type hints, rather than a second
hand-written schema, keeps the two from drifting apart.
"""

from __future__ import annotations

import sys
import types
import typing
from functools import cache
from typing import Any, get_args, get_origin

from app.records import Field, fields, is_record


@cache
def _field_hints(cls: type) -> tuple[tuple[str, Any], ...]:
    """The init fields' types. Their annotations are strings; typing.get_type_hints would compile
    each one alone (4 ms for the model, before the first paint), so they are evaluated a module at
    a time (see _module_hints)."""
    return tuple((f.name, _hint(f)) for f in fields(cls) if f.init)


def _hint(f: Field) -> Any:
    """A field's type: its annotation, evaluated with the rest of its module's (see _module_hints)."""
    if not isinstance(f.type, str):
        return f.type
    known = _module_hints(f.module)
    if f.type not in known:  # a record made where the module's names do not list it
        known[f.type] = eval(f.type, vars(sys.modules[f.module]))  # the app's own annotation, never data
    return known[f.type]


@cache
def _module_hints(module: str) -> dict[str, Any]:
    """Every annotation written in the records a module defines, evaluated as one tuple in that
    module's names: one compile for the model's twelve classes checked before the first paint, not
    one each (1.2 million instructions fewer of about 835 million)."""
    names = vars(sys.modules[module])
    written = sorted({f.type for value in list(names.values()) if isinstance(value, type) and is_record(value)
                      and value.__module__ == module for f in fields(value) if isinstance(f.type, str)})
    values = eval(f"({', '.join(written)},)", names) if written else ()  # the app's own annotations, never data
    return dict(zip(written, values, strict=True))


def well_typed(value: object, expected: Any) -> bool:
    """Whether `value` matches the type hint `expected` (model classes, str, int, bool, None,
    tuples and unions), looking inside records field by field. May raise RecursionError
    for absurdly deep values; callers treat that as "not well typed"."""
    origin = get_origin(expected)
    if origin is typing.Union or origin is types.UnionType:
        return any(well_typed(value, option) for option in get_args(expected))
    if origin is tuple:
        arguments = get_args(expected)
        if not isinstance(value, tuple):
            return False
        if len(arguments) == 2 and arguments[1] is Ellipsis:
            return all(well_typed(item, arguments[0]) for item in value)
        return len(arguments) == len(value) and all(map(well_typed, value, arguments))
    if expected is None or expected is type(None):
        return value is None
    if expected is int:  # bool is an int to Python, never to a profile
        return isinstance(value, int) and not isinstance(value, bool)
    if is_record(expected):  # a record class (the hints name classes, never instances)
        hints = _field_hints(expected)
        return type(value) is expected and all(well_typed(getattr(value, name), hint) for name, hint in hints)
    if isinstance(expected, type):
        return isinstance(value, expected)
    return False
