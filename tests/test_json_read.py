"""json_read.loads gives what json.loads gives, and fails where it fails, always with ValueError."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.json_read import loads

values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(), children, max_size=5),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(values, st.sampled_from([(",", ":"), (", ", ": ")]), st.booleans(), st.sampled_from(["", " ", "\n\t "]))
def test_a_document_reads_as_json_loads_reads_it(value: Any, separators: tuple[str, str], ascii_only: bool,
                                                  space: str) -> None:
    text = space + json.dumps(value, separators=separators, ensure_ascii=ascii_only) + space
    assert loads(text) == json.loads(text)
    assert loads(text.encode("utf-8")) == json.loads(text.encode("utf-8"))


@pytest.mark.parametrize("text", ["", "   ", "[1,", "[1] 2", "{'a': 1}", '"\x01"', "nul", "[1,]", '{"a" 1}',
                                  "01", "\ud800", b"\xff\xfe"])
def test_what_json_loads_refuses_is_a_value_error(text: str | bytes) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - the class is the promise; the wording is json.loads's own
        json.loads(text)
    with pytest.raises(ValueError):  # noqa: PT011 - the class is the promise; the wording is json.loads's own
        loads(text)


def test_the_constants_json_allows_read_as_floats() -> None:
    assert math.isnan(loads("NaN")) and loads("[Infinity, -Infinity]") == [math.inf, -math.inf]


def test_deep_nesting_raises_recursion_error_as_json_loads_does() -> None:
    deep = "[" * 100_000 + "]" * 100_000
    with pytest.raises(RecursionError):
        json.loads(deep)
    with pytest.raises(RecursionError):
        loads(deep)
