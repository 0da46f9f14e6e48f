"""Records behave as the frozen dataclasses they replace: fields, defaults, equality, hashing,
repr, immutability and replace()."""

from __future__ import annotations

import dataclasses
import inspect
import sys
from typing import ClassVar

import pytest

from app.model import Address, Bullet, BulletList, Fact, FactList, Profile, Section
from app.records import FrozenRecordError, field, fields, is_record, record, replace


@record
class Point:
    """A test record."""

    x: int
    y: int = 0
    label: str = field(default="", compare=False)
    tags: tuple[str, ...] = field(default_factory=tuple, repr=False)
    UNITS: ClassVar[str] = "px"


@dataclasses.dataclass(frozen=True)
class PointDataclass:
    x: int
    y: int = 0
    label: str = dataclasses.field(default="", compare=False)
    tags: tuple[str, ...] = dataclasses.field(default_factory=tuple, repr=False)


def test_init_takes_fields_in_order_by_position_or_name_with_defaults() -> None:
    assert (Point(1).x, Point(1).y, Point(1).label, Point(1).tags) == (1, 0, "", ())
    point = Point(1, 2, label="a", tags=("t",))
    assert (point.x, point.y, point.label, point.tags) == (1, 2, "a", ("t",))
    assert Point(y=3, x=4) == Point(4, 3)


def test_a_missing_or_unknown_argument_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        Point()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Point(1, z=2)  # type: ignore[call-arg]


def test_fields_cannot_be_assigned_or_deleted_after_init() -> None:
    point = Point(1)
    with pytest.raises(FrozenRecordError):
        point.x = 2  # type: ignore[misc]
    with pytest.raises(FrozenRecordError):
        del point.x
    with pytest.raises(AttributeError):  # as dataclasses.FrozenInstanceError is one
        setattr(point, "other", 1)  # noqa: B010 - what the check is about
    assert point.x == 1


def test_equality_and_hash_follow_the_compared_fields_of_one_class() -> None:
    assert Point(1, 2, label="a") == Point(1, 2, label="b")  # label is not compared
    assert hash(Point(1, 2, label="a")) == hash(Point(1, 2, label="b"))
    assert Point(1, 2) != Point(2, 1)
    assert Point(1) != PointDataclass(1)  # type: ignore[comparison-overlap]  # another class is never equal, as in dataclasses
    assert len({Point(1), Point(1), Point(2)}) == 2


def test_repr_reads_as_a_dataclass_repr() -> None:
    assert repr(Point(1, 2, label="a", tags=("t",))) == repr(PointDataclass(1, 2, label="a", tags=("t",))).replace(
        "PointDataclass", "Point"
    )


def test_post_init_runs_last_and_may_set_a_field_left_out_of_init() -> None:
    bullets = (Bullet("one"), Bullet("two"))
    facts = FactList((Fact("a", "b"),))
    section = Section("s", "S", (BulletList(bullets), facts))
    assert section.items == (*bullets, Fact("a", "b"))
    assert repr(section).endswith(f"blocks={(BulletList(bullets), facts)!r})")  # items: repr=False
    assert section == Section("s", "S", (BulletList(bullets), facts))


def test_each_object_gets_its_own_default_from_a_factory() -> None:
    @record
    class Holder:
        """A record with a mutable field."""

        items: list[int] = field(default_factory=list)

    first, second = Holder(), Holder()
    first.items.append(1)
    assert second.items == []


def test_a_shared_mutable_default_and_a_default_before_a_required_field_are_refused() -> None:
    with pytest.raises(ValueError, match="default_factory"):
        @record
        class Shared:
            """Refused."""

            items: list[int] = []  # noqa: RUF012 - what the check is about

    with pytest.raises(TypeError, match="follows default"):
        @record
        class Misordered:
            """Refused."""

            a: int = 0
            b: int  # type: ignore[misc]


@record
class Span:
    """A record of plain arguments only: its `__init__` is the shared body renamed."""

    start: int
    end: int = 0
    note: str = "none"


@record
class Window:
    """Another of three plain arguments."""

    left: int
    right: int
    title: str


def test_a_plain_records_init_speaks_of_its_own_fields() -> None:
    assert str(inspect.signature(Span)) == "(start, end=0, note='none')"
    assert (Span(1).start, Span(1).end, Span(1).note) == (1, 0, "none")
    assert Span(note="n", start=2) == Span(2, 0, "n")
    with pytest.raises(TypeError, match="'start'"):
        Span()  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="'middle'"):
        Span(1, middle=2)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="multiple values for argument 'start'"):
        Span(1, start=2)  # type: ignore[misc]
    assert Span.__init__.__qualname__ == "Span.__init__"
    if sys.version_info >= (3, 11):
        assert Span.__init__.__code__.co_qualname == "Span.__init__"


def test_plain_records_of_one_field_count_share_one_body_with_their_own_names() -> None:
    span, window = Span.__init__.__code__, Window.__init__.__code__
    assert span.co_code == window.co_code
    assert span.co_varnames == ("self", "start", "end", "note")
    assert window.co_varnames == ("self", "left", "right", "title")
    assert Window(1, 2, "w").__dict__ == {"left": 1, "right": 2, "title": "w"}


def test_fields_named_like_the_shared_bodys_own_names_keep_their_values() -> None:
    @record
    class Swapped:
        """Field names that are the body's placeholders, in the other order."""

        _1: int
        _0: int

    swapped = Swapped(1, 2)
    assert (swapped._1, swapped._0) == (1, 2)
    assert Swapped(_0=4, _1=3) == Swapped(3, 4)


def test_a_default_before_a_required_field_is_refused_in_a_plain_record_too() -> None:
    with pytest.raises(TypeError, match="non-default argument 'b' follows default argument"):
        @record
        class Misordered:
            """Refused."""

            a: int = 0
            b: int  # type: ignore[misc]
            c: int = 1


def test_fields_and_is_record_describe_records_only() -> None:
    assert [f.name for f in fields(Point)] == ["x", "y", "label", "tags"]  # not the ClassVar
    assert [f.name for f in fields(Point(1))] == ["x", "y", "label", "tags"]
    assert is_record(Point) and is_record(Point(1))
    assert not is_record(PointDataclass) and not is_record(1)
    with pytest.raises(TypeError):
        fields(PointDataclass)
    assert Point.UNITS == "px"
    assert Point.y == 0  # the class attribute is the default, as in dataclasses


def test_replace_copies_with_some_fields_changed() -> None:
    point = Point(1, 2, label="a")
    assert replace(point, y=5) == Point(1, 5, label="a")
    assert replace(point, y=5).label == "a"
    assert point.y == 2


def test_replace_refuses_a_field_left_out_of_init() -> None:
    section = Section("s", "S", ())
    with pytest.raises(ValueError, match="items"):
        replace(section, items=())


def test_a_record_may_extend_another_with_fields_after_its_own() -> None:
    @record
    class Labelled(Point):
        """A point with a caption after its fields."""

        caption: str = ""

    labelled = Labelled(1, 2, caption="c")
    assert [f.name for f in fields(labelled)] == ["x", "y", "label", "tags", "caption"]
    assert labelled != Point(1, 2)
    with pytest.raises(FrozenRecordError):
        labelled.caption = "d"  # type: ignore[misc]


def test_model_classes_are_records_that_keep_their_own_methods() -> None:
    assert all(is_record(cls) for cls in (Address, Fact, Profile, Section))
    assert str(Address("lao-pdr", "contacts", 2)) == "lao-pdr/contacts#2"  # its own __str__
    assert Address.parse("lao-pdr/contacts#2") == Address("lao-pdr", "contacts", 2)
    assert {Address("a"): 1}[Address("a")] == 1
