"""Immutable value classes (`@record`): frozen dataclasses, made in a fifth of the time.

The window's first paint needs the model, the library's folders and a page, so a start makes some
twenty value classes before it. As `@dataclass(frozen=True)` each one cost about 1.3 ms at start-up
(27 ms in all, a tenth of a bare PySide6 window's whole start): the dataclasses module compiles
seven methods per class from source. A record's `__init__` is the one compiled body for its
number of fields, renamed (see _make_init); equality, hashing, repr and the refusal to change are
functions written once and shared.

What a record is, is what the app's frozen dataclasses were: fields from the class's annotations
in order, defaults and `field(...)` for the rest, `__post_init__` called last, `==` and `hash()`
over the compared fields of two objects of the same class, a repr that names the fields, and no
assignment after `__init__` (`object.__setattr__` in `__post_init__` still works). The type
checker sees a frozen dataclass. Mutable builders (yaml_reader's nodes, a query's state) stay
plain dataclasses.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import cache
from operator import attrgetter
from types import CodeType, FunctionType
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform
else:
    def dataclass_transform(**_options: object) -> Callable[[Any], Any]:
        return lambda function: function

_Class = TypeVar("_Class", bound=type)
_Value = TypeVar("_Value")


class _Missing:
    """No default given (None is a default)."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


class FrozenRecordError(AttributeError):
    """A field of a record was assigned or deleted after it was made."""


class Field:
    """One field of a record: its name, its annotation (as written: a string under `from __future__
    import annotations`) and the module it is written in, its default (or a factory for one), and
    whether it is an argument of `__init__`, shown by repr and compared by `==`."""

    __slots__ = ("compare", "default", "default_factory", "init", "module", "name", "repr", "type")

    def __init__(self, default: Any = MISSING, default_factory: Any = MISSING, init: bool = True,
                 repr: bool = True, compare: bool = True) -> None:  # noqa: A002 - dataclasses' name
        if default is not MISSING and default_factory is not MISSING:
            raise ValueError("a field cannot have both a default and a default_factory")
        self.name = ""
        self.type: Any = None
        self.module = ""
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.compare = compare

    @property
    def has_default(self) -> bool:
        return self.default is not MISSING or self.default_factory is not MISSING

    def __repr__(self) -> str:
        return f"Field(name={self.name!r}, init={self.init}, repr={self.repr}, compare={self.compare})"


def field(*, default: Any = MISSING, default_factory: Callable[[], Any] | Any = MISSING, init: bool = True,
          repr: bool = True, compare: bool = True) -> Any:  # noqa: A002 - dataclasses' name
    """A field with a default factory, or left out of `__init__`, repr or `==`: as dataclasses.field."""
    return Field(default, default_factory, init, repr, compare)


def _eq(self: Any, other: Any) -> Any:
    if other.__class__ is not self.__class__:
        return NotImplemented
    key = self.__record_key__
    return key(self) == key(other)


def _hash(self: Any) -> int:
    return hash(self.__record_key__(self))


def _repr(self: Any) -> str:
    shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in self.__record_fields__ if f.repr)
    return f"{self.__class__.__qualname__}({shown})"


def _setattr(_self: Any, name: str, _value: object) -> None:
    raise FrozenRecordError(f"cannot assign to field {name!r}")


def _delattr(_self: Any, name: str) -> None:
    raise FrozenRecordError(f"cannot delete field {name!r}")


# What every record shares, written once: a class's own definition of one of them wins.
_SHARED: dict[str, Callable[..., Any]] = {
    "__eq__": _eq, "__hash__": _hash, "__repr__": _repr, "__setattr__": _setattr, "__delattr__": _delattr,
}


@dataclass_transform(frozen_default=True, field_specifiers=(field, Field))
def record(cls: _Class) -> _Class:
    """Make `cls` an immutable record of its annotated fields (see the module's docstring)."""
    own = cls.__dict__.get("__annotations__", {})  # noqa: RUF063 - as dataclasses reads them, no inspect
    inherited = [f for base in reversed(cls.__mro__[1:]) for f in getattr(base, "__record_fields__", ())]
    by_name = {f.name: f for f in inherited}
    for name, annotation in own.items():
        if _is_class_var(annotation):
            continue
        value = cls.__dict__.get(name, MISSING)
        spec = value if isinstance(value, Field) else Field(default=value)
        if isinstance(spec.default, list | dict | set):
            raise ValueError(f"{cls.__name__}.{name}: a mutable default is shared; use default_factory")
        spec.name, spec.type, spec.module = name, annotation, cls.__module__
        if isinstance(value, Field):  # the class attribute is the plain default, as in dataclasses
            if spec.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, spec.default)
        by_name.pop(name, None)
        by_name[name] = spec
    fields = tuple(by_name.values())
    for name, method in _SHARED.items():
        if cls.__dict__.get(name) is None:  # a class defining __eq__ gets __hash__ = None from Python
            type.__setattr__(cls, name, method)
    type.__setattr__(cls, "__record_fields__", fields)
    compared = [f.name for f in fields if f.compare]
    key = attrgetter(*compared) if compared else _no_key
    type.__setattr__(cls, "__record_key__", staticmethod(key))
    type.__setattr__(cls, "__match_args__", tuple(f.name for f in fields if f.init))
    type.__setattr__(cls, "__init__", _make_init(cls, fields))
    return cls


def _no_key(_value: object) -> tuple[()]:
    return ()


def _is_class_var(annotation: object) -> bool:
    if isinstance(annotation, str):
        return annotation.startswith(("ClassVar", "typing.ClassVar"))
    return annotation is ClassVar or getattr(annotation, "__origin__", None) is ClassVar


def _make_init(cls: type, fields: tuple[Field, ...]) -> Callable[..., None]:
    """`__init__` as dataclasses writes it: one call per object, no loop. A record whose fields are
    all plain arguments (24 of the 25 a start makes before its first paint) takes the compiled
    body of its field count and only renames it: compiling source for each class cost about 11
    million instructions before that paint, compiling once per count 4 million fewer."""
    defaults, seen_default = [], False
    for f in fields:
        if not f.init:
            continue
        if f.default is not MISSING:
            defaults.append(f.default)
        elif f.default_factory is MISSING and seen_default:
            raise TypeError(f"{cls.__name__}: non-default argument {f.name!r} follows default argument")
        seen_default = seen_default or f.has_default
    if hasattr(cls, "__post_init__") or any(not f.init or f.default_factory is not MISSING for f in fields):
        init = _init_from_source(fields, hasattr(cls, "__post_init__"))
    else:
        init = _init_from_template(cls, tuple(f.name for f in fields), tuple(defaults))
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    return init


_TEMPLATE_GLOBALS: dict[str, Any] = {"_set": object.__setattr__}  # what every template's code runs with


@cache
def _template(count: int) -> CodeType:
    """The body of every plain `__init__` of `count` arguments: `_set(self, '_0', _0)` and so on."""
    names = [f"_{i}" for i in range(count)]
    body = "\n    ".join(f"_set(self, {name!r}, {name})" for name in names) or "pass"
    scope: dict[str, Any] = {}
    exec(f"def __init__({', '.join(['self', *names])}):\n    {body}", scope)
    code: CodeType = scope["__init__"].__code__
    return code


def _init_from_template(cls: type, names: tuple[str, ...], defaults: tuple[Any, ...]) -> Callable[..., None]:
    """The template's code with the fields' names as its parameters (so keywords, error messages
    and signatures are the fields') and as the attribute names it sets."""
    template = _template(len(names))
    renamed = {f"_{i}": name for i, name in enumerate(names)}
    consts = tuple(renamed.get(c, c) if isinstance(c, str) else c for c in template.co_consts)
    code = template.replace(co_varnames=("self", *names), co_consts=consts, co_name="__init__")
    if sys.version_info >= (3, 11):  # the qualified name tracebacks show
        code = code.replace(co_qualname=f"{cls.__qualname__}.__init__")
    return FunctionType(code, _TEMPLATE_GLOBALS, "__init__", defaults or None)


def _init_from_source(fields: tuple[Field, ...], post_init: bool) -> Callable[..., None]:
    """Compiled from source, for records with factories, fields left out of `__init__` or a
    `__post_init__`."""
    scope: dict[str, Any] = {"_set": object.__setattr__, "MISSING": MISSING}
    parameters, lines = ["self"], []
    for f in fields:
        if f.init:
            if f.default is not MISSING:
                scope[f"_default_{f.name}"] = f.default
                parameters.append(f"{f.name}=_default_{f.name}")
            elif f.default_factory is not MISSING:
                scope[f"_factory_{f.name}"] = f.default_factory
                parameters.append(f"{f.name}=MISSING")
                lines.append(f"if {f.name} is MISSING: {f.name} = _factory_{f.name}()")
            else:
                parameters.append(f.name)
            lines.append(f"_set(self, {f.name!r}, {f.name})")
        elif f.default is not MISSING:
            scope[f"_default_{f.name}"] = f.default
            lines.append(f"_set(self, {f.name!r}, _default_{f.name})")
        elif f.default_factory is not MISSING:
            scope[f"_factory_{f.name}"] = f.default_factory
            lines.append(f"_set(self, {f.name!r}, _factory_{f.name}())")
    if post_init:
        lines.append("self.__post_init__()")
    body = "\n    ".join(lines or ["pass"])
    exec(f"def __init__({', '.join(parameters)}):\n    {body}", scope)
    init: Callable[..., None] = scope["__init__"]
    return init


def fields(value: object) -> tuple[Field, ...]:
    """The fields of a record or record class, in order."""
    found: tuple[Field, ...] | None = getattr(value, "__record_fields__", None)
    if found is None:
        raise TypeError(f"not a record: {value!r}")
    return found


def is_record(value: object) -> bool:
    """Whether `value` is a record class or a record."""
    return hasattr(value, "__record_fields__")


def replace(value: _Value, **changes: object) -> _Value:
    """A copy of the record `value` with some init fields changed, as dataclasses.replace."""
    for f in fields(value):
        if not f.init:
            if f.name in changes:
                raise ValueError(f"field {f.name!r} is not an __init__ argument and cannot be replaced")
        elif f.name not in changes:
            changes[f.name] = getattr(value, f.name)
    return type(value)(**changes)
