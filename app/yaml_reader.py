"""Reads one YAML document into plain nodes that remember their line and column.

Profiles come from USB sticks and e-mail, so the reader is deliberately strict and bounded: it
builds nodes from the parser's event stream itself (no object is ever constructed from a tag),
refuses aliases, explicit tags and second documents, reports duplicate keys that PyYAML would
silently overwrite, and stops at fixed limits of size, depth and node count instead of recursing
or allocating without bound.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import yaml
import yaml.events as ev
from yaml.resolver import Resolver

try:  # libyaml's parser is several times faster; the pure-Python one gives the same events.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 32
MAX_NODES = 50_000

_YAML = "tag:yaml.org,2002:"
# No tag may be spelled out. `!!bool banana` reads as false and `!!str 12` turns a number into text
# unseen: a tag changes what a value means without changing how it looks to the author. Quoting
# makes text visibly, and a profile needs no other type, so every explicit tag (`!`, `!!str`,
# `!custom`, `!!python/object` …) is refused.
ALLOWED_TAGS: frozenset[str] = frozenset()
_KINDS = {
    _YAML + "str": "text",
    _YAML + "int": "integer",
    _YAML + "float": "number",
    _YAML + "bool": "true/false",
    _YAML + "null": "empty",
    _YAML + "timestamp": "date",
}
_RESOLVER = Resolver()


class YamlError(Exception):
    """The document cannot be read at all; carries a 1-based position when known."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


@dataclass
class Node:
    line: int
    column: int


@dataclass
class Scalar(Node):
    """A scalar and the type YAML 1.1 gives it ("text", "integer", "true/false", "date" …)."""

    value: str
    kind: str
    # Where the scalar's source text starts and ends (character offsets into the document) and its
    # style ('"', "'", "|", ">" or "" for plain), so a problem can point at one character in it.
    start: int = 0
    end: int = 0
    style: str = ""


@dataclass
class Sequence(Node):
    items: list[Node] = field(default_factory=list)


@dataclass
class Mapping(Node):
    """Keys in document order; `pending` holds a key while its value is being read."""

    pairs: list[tuple[Scalar, Node]] = field(default_factory=list)
    pending: Scalar | None = None

    def get(self, key: str) -> Node | None:
        return next((v for k, v in self.pairs if k.value == key), None)


@dataclass
class Document:
    root: Node | None
    duplicate_keys: list[tuple[Scalar, Scalar]]  # (repeated key, first occurrence)


def decode(data: bytes) -> str:
    """UTF-8 text of a file, refusing binary data and other encodings with a position."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise YamlError("the file is saved as UTF-16; save it as UTF-8", 1, 1)
    zero = data.find(b"\x00", 0, 8192)
    if zero >= 0:
        raise YamlError("this is a binary file (it holds a zero byte), not YAML text", *_position(data, zero))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = _position(data, exc.start)
        raise YamlError(
            f"not UTF-8 text (byte 0x{data[exc.start]:02X}); save the file as UTF-8", line, column
        ) from None


def _position(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    return data.count(b"\n", 0, offset) + 1, offset - line_start + 1


def read_document(text: str) -> Document:
    """Parse one YAML document into nodes; raises YamlError for anything unreadable."""
    try:
        return _compose(yaml.parse(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, text) from None
    except yaml.reader.ReaderError as exc:
        line, column = _text_position(text, exc.position)
        raise YamlError(
            f"the file contains a character YAML does not allow ({_character(exc.character)})", line, column
        ) from None
    except yaml.YAMLError as exc:  # pragma: no cover - every PyYAML error above carries a mark
        raise YamlError(f"YAML error: {exc}") from None


def _character(character: object) -> str:
    """U+0007 rather than 7 or '\\x07': libyaml reports a code point, pure-Python PyYAML a character."""
    code = character if isinstance(character, int) else ord(str(character)[:1] or "\0")
    return f"U+{code:04X}"


def _text_position(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def _syntax_error(exc: yaml.MarkedYAMLError, text: str) -> YamlError:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    problem = (exc.problem or "").strip()
    at_tab = mark is not None and text[mark.index : mark.index + 1] == "\t"
    if at_tab or "tab" in problem:
        return YamlError("a tab is used for indentation; YAML needs spaces", line, column)
    context = (exc.context or "").strip()
    message = f"YAML syntax error: {problem}" if problem else "YAML syntax error"
    if context and context not in problem:
        message += f" ({context})"
    return YamlError(message, line, column)


def _compose(events: Iterator[ev.Event]) -> Document:
    """Build the node tree iteratively, so nesting depth never touches Python's recursion limit."""
    composer = _Composer()
    for event in events:
        composer.take(event)
    return Document(composer.root, composer.duplicates)


class _Composer:
    """The node tree being built from parser events, and the limits checked on the way."""

    def __init__(self) -> None:
        self.root: Node | None = None
        self.stack: list[Sequence | Mapping] = []
        self.duplicates: list[tuple[Scalar, Scalar]] = []
        self.seen_keys: list[dict[str, Scalar]] = []
        self.documents = 0
        self.nodes = 0

    def take(self, event: ev.Event) -> None:
        if isinstance(event, ev.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise YamlError("a profile file holds one YAML document; remove the second '---'", *_start(event))
        elif isinstance(event, ev.AliasEvent):
            raise YamlError(
                f"aliases (*{event.anchor}) are not allowed in profiles; write the text out in full",
                *_start(event),
            )
        elif isinstance(event, (ev.SequenceEndEvent, ev.MappingEndEvent)):
            if isinstance(self.stack.pop(), Mapping):
                self.seen_keys.pop()
        elif isinstance(event, ev.NodeEvent):
            self.node(event)
        # stream and document ends carry nothing

    def node(self, event: ev.NodeEvent) -> None:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise YamlError(
                f"the document is too large (more than {MAX_NODES} values); split it into several profiles",
                *_start(event),
            )
        line, column = _start(event)
        tag = getattr(event, "tag", None)
        if tag is not None and tag not in ALLOWED_TAGS:
            raise YamlError(f"the tag {_short_tag(tag)} is not allowed in profiles; remove it{_tag_hint(tag)}",
                            line, column)
        if isinstance(event, ev.ScalarEvent):
            span = (event.start_mark.index, event.end_mark.index) if event.start_mark and event.end_mark else (0, 0)
            self.attach(Scalar(line, column, event.value, _kind(event), *span, event.style or ""))
            return
        if len(self.stack) >= MAX_DEPTH:
            raise YamlError(f"nesting is too deep (more than {MAX_DEPTH} levels)", line, column)
        container: Sequence | Mapping
        if isinstance(event, ev.SequenceStartEvent):
            container = Sequence(line, column)
        else:
            container = Mapping(line, column)
            self.seen_keys.append({})
        self.attach(container)
        self.stack.append(container)

    def attach(self, node: Node) -> None:
        if not self.stack:
            self.root = node
            return
        parent = self.stack[-1]
        if isinstance(parent, Sequence):
            parent.items.append(node)
        elif parent.pending is None:
            if not isinstance(node, Scalar):
                raise YamlError("a key must be plain text, not a list or mapping", node.line, node.column)
            parent.pending = node
        else:
            key = parent.pending
            parent.pending = None
            first = self.seen_keys[-1].get(key.value)
            if first is not None:
                self.duplicates.append((key, first))
            else:
                self.seen_keys[-1][key.value] = key
                parent.pairs.append((key, node))


def _start(event: ev.Event) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark else (1, 1)


def _tag_hint(tag: str) -> str:
    """Why a type tag such as !!bool or !!str is refused too, and what to write instead."""
    if tag in _KINDS or tag == "!":
        return " (a tag changes what a value means unseen; quote a value to make it text)"
    return ""


def _short_tag(tag: str) -> str:
    return shown_value("!!" + tag[len(_YAML):] if tag.startswith(_YAML) else tag)


def shown_value(text: str, limit: int = 60) -> str:
    """A value from the file as it may appear in a one-line message: control characters spelled
    out (a newline in a value could otherwise forge a second FILE:LINE:COL line) and a long value
    cut, so a hostile file cannot make its own problem report megabytes long."""
    cut = text[:limit]
    spelled = "".join(c if c.isprintable() else repr(c)[1:-1] for c in cut)
    return spelled + ("…" if len(text) > limit else "")


def _kind(event: ev.ScalarEvent) -> str:
    tag = _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit)
    return _KINDS.get(tag, "text")
