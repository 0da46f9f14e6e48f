"""Turns one profile file into a Profile, or into a list of problems with file, line and column.

Every problem of a file is collected (not just the first), so an author fixes a file in one pass.
A file with any error yields no profile: a reference app must not show half of a broken file as
if it were whole.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

from app.digest import sha256
from app.model import (
    BUNDLED,
    Block,
    Bullet,
    BulletList,
    Contact,
    Fact,
    FactList,
    Paragraph,
    Phone,
    Problem,
    Profile,
    Section,
    Source,
    SourceDate,
    Trust,
)
from app.profile_file import read_profile_bytes
from app.scalar_position import character_position
from app.text_policy import TextProblem, normalise, phone_problem, text_problem
from app.user_file import shown_path
from app.yaml_reader import (
    Mapping,
    Node,
    Scalar,
    Sequence,
    YamlError,
    decode,
    read_document,
    shown_value,
)

SUPPORTED_SCHEMAS = (1,)
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
URL_SCHEMES = ("http", "https", "mailto", "tel")
YEARS = range(1800, 2101)
MAX_TEXT_CHARS = 20_000  # one text value: about ten printed pages
BLOCK_KINDS = ("facts", "bullets", "contact", "paragraph")

_T = TypeVar("_T")


@dataclass(frozen=True)
class LoadResult:
    """What reading one file gave: a profile when it is valid, and its problems either way."""

    path: Path
    profile: Profile | None
    problems: tuple[Problem, ...]


def load_profile(path: Path, *, bundled: bool = False) -> LoadResult:
    """Read and check one profile file; never raises for anything the file contains."""
    data, problem = read_profile_bytes(path)
    if data is None:
        return LoadResult(path, None, (problem,) if problem else ())
    return parse_profile(data, path, bundled=bundled)


def parse_profile(data: bytes, path: Path, *, bundled: bool = False) -> LoadResult:
    """Check the bytes of a profile file; `path` names it in problems and in the model."""
    reader = _ProfileReader(shown_path(path))
    try:
        reader.source_text = decode(data)
        document = read_document(reader.source_text)
    except YamlError as exc:
        reader.problem(exc.message, exc.line, exc.column)
        return LoadResult(path, None, tuple(reader.problems))
    for key, first in document.duplicate_keys:
        reader.error(
            key, f"'{shown_value(key.value)}' appears twice in this mapping (first at line {first.line}); keep one"
        )
    fields = reader.profile_fields(document.root)
    profile: Profile | None = None
    if fields is not None and not reader.problems:
        profile = Profile(
            id=fields.id,
            name=fields.name,
            source=fields.source,
            sections=fields.sections,
            path=path,
            sha256=sha256(data).hexdigest(),
            bundled=bundled,
            id_position=fields.id_position,
            trust=Trust(BUNDLED) if bundled else Trust(),
            aliases=fields.aliases,
            published=fields.published,
        )
    return LoadResult(path, profile, tuple(reader.problems))


@dataclass(frozen=True)
class _ProfileFields:
    id: str
    name: str
    source: Source
    sections: tuple[Section, ...]
    id_position: tuple[int, int]
    aliases: tuple[str, ...] = ()
    published: SourceDate | None = None


class _ProfileReader:
    """Walks the node tree of one file, building the model and recording every problem."""

    def __init__(self, display_path: str) -> None:
        self.path = display_path
        self.problems: list[Problem] = []
        self.source_text = ""  # the decoded file, so a problem can point at one character

    # -- reporting ---------------------------------------------------------------------------

    def problem(self, message: str, line: int | None = None, column: int | None = None) -> None:
        self.problems.append(Problem(self.path, message, line, column))

    def error(self, node: Node, message: str) -> None:
        self.problem(message, node.line, node.column)

    # -- the profile -------------------------------------------------------------------------

    def profile_fields(self, root: Node | None) -> _ProfileFields | None:
        if root is None:
            self.problem("the file is empty (or only comments); a profile starts with 'schema: 1'", 1, 1)
            return None
        known = ("schema", "id", "name", "aliases", "source", "sections", "published")
        fields = self.fields(root, "the profile", known, required=("schema", "id", "name", "source", "sections"))
        if fields is None:
            return None
        schema_node = fields.get("schema")
        if schema_node is not None and not self.schema(schema_node):
            return None  # another schema's fields would only produce misleading messages
        profile_id = self.optional(fields, "id", self.identifier)
        name = self.optional(fields, "name", self.text)
        source = self.optional(fields, "source", self.source)
        sections = self.optional(fields, "sections", self.sections)
        aliases = self.optional(fields, "aliases", self.aliases)
        if profile_id is None or name is None or source is None or sections is None:
            return None
        if "aliases" in fields and aliases is None:
            return None
        id_node = fields["id"]
        published = self.optional(fields, "published", self.source_date)
        return _ProfileFields(profile_id, name, source, sections, (id_node.line, id_node.column), aliases or (),
                              published)

    def aliases(self, node: Node, name: str) -> tuple[str, ...] | None:
        """Other names of the country, each text; an author may leave the list out, not empty."""
        return self.list_of(node, name, lambda item: self.text(item, "aliases"))

    def schema(self, node: Node) -> bool:
        if not (isinstance(node, Scalar) and node.kind == "integer"):
            self.error(node, "'schema' must be a whole number, such as 'schema: 1'")
            return False
        short = node.value.isascii() and node.value.isdigit() and len(node.value) <= 6
        version = int(node.value) if short else None  # int() of thousands of digits raises
        if version not in SUPPORTED_SCHEMAS:
            supported = ", ".join(map(str, SUPPORTED_SCHEMAS))
            self.error(
                node,
                f"schema {shown_value(node.value)} is not supported; this version of the app reads schema {supported}",
            )
            return False
        return True

    def source(self, node: Node, name: str) -> Source | None:
        fields = self.fields(node, "'source'", ("publisher", "url", "title"), required=("publisher",))
        if fields is None:
            return None
        publisher = self.optional(fields, "publisher", self.text)
        url = self.optional(fields, "url", self.url)
        title = self.optional(fields, "title", self.text)
        if publisher is None:
            return None
        return Source(publisher, url, title)

    def sections(self, node: Node, name: str) -> tuple[Section, ...] | None:
        items = self.sequence(node, name)
        if items is None:
            return None
        sections: list[Section] = []
        first_line: dict[str, int] = {}
        for item in items:
            section = self.section(item)
            if section is None:
                continue
            if section.id in first_line:
                self.error(item, f"duplicate section id '{section.id}' (first at line {first_line[section.id]})")
                continue
            first_line[section.id] = item.line
            sections.append(section)
        return tuple(sections)

    def section(self, node: Node) -> Section | None:
        fields = self.fields(node, "a section", ("id", "title", "blocks"), required=("id", "title", "blocks"))
        if fields is None:
            return None
        section_id = self.optional(fields, "id", self.identifier)
        title = self.optional(fields, "title", self.text)
        blocks = self.optional(fields, "blocks", self.blocks)
        if section_id is None or title is None or blocks is None:
            return None
        return Section(section_id, title, blocks)

    def blocks(self, node: Node, name: str) -> tuple[Block, ...] | None:
        items = self.sequence(node, name)
        if items is None:
            return None
        blocks = [self.block(item) for item in items]
        return tuple(b for b in blocks if b is not None)

    def block(self, node: Node) -> Block | None:
        kinds = ", ".join(BLOCK_KINDS)
        fields = self.fields(node, "a block", BLOCK_KINDS)
        if fields is None:
            return None
        if len(fields) != 1:
            if fields:  # an empty mapping already got its message from fields()
                self.error(node, f"a block holds exactly one of {kinds}; found {', '.join(fields)}")
            return None
        kind, value = next(iter(fields.items()))
        if kind == "facts":
            facts = self.list_of(value, kind, self.fact)
            return FactList(facts) if facts is not None else None
        if kind == "bullets":
            bullets = self.list_of(value, kind, self.bullet)
            return BulletList(bullets) if bullets is not None else None
        if kind == "contact":
            return self.contact(value)
        text = self.text(value, kind)
        return Paragraph(text) if text is not None else None

    def fact(self, node: Node) -> Fact | None:
        fields = self.fields(node, "a fact", ("label", "value", "year", "estimate"), required=("label", "value"))
        if fields is None:
            return None
        label = self.optional(fields, "label", self.text)
        value = self.optional(fields, "value", self.text)
        year = self.optional(fields, "year", self.year)
        estimate = self.optional(fields, "estimate", self.boolean)
        if label is None or value is None:
            return None
        return Fact(label, value, year, bool(estimate))

    def bullet(self, node: Node) -> Bullet | None:
        if isinstance(node, Scalar):
            text = self.text(node, "bullet")
            return Bullet(text) if text is not None else None
        fields = self.fields(node, "a bullet", ("text", "items"), required=("text",))
        if fields is None:
            return None
        text = self.optional(fields, "text", self.text)
        items_node = fields.get("items")
        items = self.list_of(items_node, "items", self.bullet) if items_node is not None else ()
        if text is None or items is None:
            return None
        return Bullet(text, items)

    def contact(self, node: Node) -> Contact | None:
        known = ("name", "role", "organisation", "address", "phones", "email", "url", "checked")
        fields = self.fields(node, "a contact", known)
        if fields is None:
            return None
        if "name" not in fields and "organisation" not in fields:
            self.error(node, "a contact needs a 'name' or an 'organisation'")
        name = self.optional(fields, "name", self.text)
        role = self.optional(fields, "role", self.text)
        organisation = self.optional(fields, "organisation", self.text)
        address = self.optional(fields, "address", lambda n, k: self.list_of(n, k, self.address_line))
        phones = self.optional(fields, "phones", lambda n, k: self.list_of(n, k, self.phone))
        email = self.optional(fields, "email", self.text)
        url = self.optional(fields, "url", self.url)
        checked = self.optional(fields, "checked", self.source_date)
        if name is None and organisation is None:
            return None
        return Contact(name, role, organisation, address or (), phones or (), email, url, checked)

    def address_line(self, node: Node) -> str | None:
        return self.text(node, "address line")

    def phone(self, node: Node) -> Phone | None:
        fields = self.fields(node, "a phone", ("label", "number"), required=("label", "number"))
        if fields is None:
            return None
        label = self.optional(fields, "label", self.text)
        number_node = fields.get("number")
        numbers: tuple[str, ...] | None = None
        if isinstance(number_node, Sequence):
            numbers = self.list_of(number_node, "number", lambda n: self.number(n, "number"))
        elif number_node is not None:
            number = self.number(number_node, "number")
            numbers = (number,) if number is not None else None
        if label is None or not numbers:
            return None
        return Phone(label, numbers)

    # -- values ------------------------------------------------------------------------------

    def fields(
        self, node: Node, what: str, known: tuple[str, ...], required: tuple[str, ...] = ()
    ) -> dict[str, Node] | None:
        """The known keys of a mapping; unknown keys get a "did you mean", missing ones a message."""
        if not isinstance(node, Mapping):
            self.error(node, f"{what} must be a mapping with {_join(known)}, not {_describe(node)}")
            return None
        found: dict[str, Node] = {}
        suggested: set[str] = set()
        for key, value in node.pairs:
            if key.value in known:
                found[key.value] = value
                continue
            close = difflib.get_close_matches(key.value, known, n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else f"expected {_join(known)}"
            suggested.update(close)
            self.error(key, f"unknown key '{shown_value(key.value)}' in {what}; {hint}")
        for name in required:
            if name not in found and name not in suggested:  # "did you mean" already said it
                self.error(node, f"{what} is missing '{name}'")
        if not node.pairs and not required:
            self.error(node, f"{what} is empty; expected {_join(known)}")
        return found

    def optional(
        self, fields: dict[str, Node], name: str, read: Callable[[Node, str], _T | None]
    ) -> _T | None:
        node = fields.get(name)
        return read(node, name) if node is not None else None

    def sequence(self, node: Node, name: str) -> list[Node] | None:
        if not isinstance(node, Sequence):
            self.error(node, f"'{name}' must be a list, not {_describe(node)}")
            return None
        if not node.items:
            self.error(node, f"'{name}' is an empty list")
            return None
        return node.items

    def list_of(self, node: Node, name: str, read: Callable[[Node], _T | None]) -> tuple[_T, ...] | None:
        items = self.sequence(node, name)
        if items is None:
            return None
        values = [read(item) for item in items]
        kept = tuple(v for v in values if v is not None)
        return kept if len(kept) == len(values) else None

    def text(self, node: Node, name: str) -> str | None:
        if not isinstance(node, Scalar):
            self.error(node, f"'{name}' must be text, not {_describe(node)}")
            return None
        if node.kind == "empty" or (node.kind == "text" and not node.value.strip()):
            self.error(node, f"'{name}' is empty")
            return None
        if node.kind != "text":
            self.error(
                node,
                f"'{name}' must be text, but YAML reads {shown_value(node.value)} as {_article(node.kind)}; "
                f"quote it: \"{shown_value(node.value)}\"",
            )
            return None
        if len(node.value) > MAX_TEXT_CHARS:
            # Full-text search's snippets grow with the square of a block's length: one 4 MB
            # paragraph would take minutes to search. The longest paragraph of a profile so far
            # is about 1,000 characters.
            self.error(
                node,
                f"'{name}' is too long ({len(node.value):,} characters, at most {MAX_TEXT_CHARS:,}); "
                "split it into several",
            )
            return None
        if not self.policy(node, name, text_problem(node.value)):
            return None
        return normalise(node.value)

    def number(self, node: Node, name: str) -> str | None:
        """A phone or fax number: text that is also what a phone dials."""
        text = self.text(node, name)
        if text is None or not isinstance(node, Scalar):
            return None
        return text if self.policy(node, name, phone_problem(node.value)) else None

    def policy(self, node: Scalar, name: str, found: TextProblem | None) -> bool:
        """Report what the character policy found, at the refused character's own position."""
        if found is None:
            return True
        line, column = (node.line, node.column)
        if found.offset is not None:
            line, column = character_position(self.source_text, node, found.offset)
        self.problem(f"'{name}' {found.message}", line, column)
        return False

    def identifier(self, node: Node, name: str) -> str | None:
        text = self.text(node, name)
        if text is not None and not ID_PATTERN.fullmatch(text):
            self.error(
                node,
                f"'{name}' must use only a-z, 0-9 and '-' (at most 64), such as 'lao-pdr'; got '{shown_value(text)}'",
            )
            return None
        return text

    def url(self, node: Node, name: str) -> str | None:
        text = self.text(node, name)
        if text is None:
            return None
        parts = urlsplit(text.strip())
        if parts.scheme.lower() not in URL_SCHEMES or (parts.scheme.lower().startswith("http") and not parts.netloc):
            self.error(node, f"'{name}' must be an http(s), mailto or tel address; got '{shown_value(text)}'")
            return None
        return text

    def year(self, node: Node, name: str) -> int | None:
        # isascii and a length cap: int() of thousands of digits raises, and "２０１２" is no year.
        if isinstance(node, Scalar) and node.kind == "integer" and node.value.isascii() and node.value.isdigit() \
                and len(node.value) <= 4:
            value = int(node.value)
            if value in YEARS:
                return value
        shown = node.value if isinstance(node, Scalar) else _describe(node)
        self.error(node, f"'{name}' must be a year such as 2012; got {shown_value(shown)}")
        return None

    def source_date(self, node: Node, name: str) -> SourceDate | None:
        """`2014` or `2014-06`: a year, or a year and month (YAML reads the first as a number)."""
        found = re.fullmatch(r"([0-9]{4})(?:-(0[1-9]|1[0-2]))?", node.value) if isinstance(node, Scalar) else None
        if found is not None and int(found[1]) in YEARS:
            return SourceDate(int(found[1]), int(found[2]) if found[2] else None)
        shown = node.value if isinstance(node, Scalar) else _describe(node)
        self.error(node, f"'{name}' must be a year or a year and month such as 2014-06; got {shown_value(shown)}")
        return None

    def boolean(self, node: Node, name: str) -> bool | None:
        if isinstance(node, Scalar) and node.kind == "true/false":
            return node.value.lower() in ("true", "yes", "on", "y")
        self.error(node, f"'{name}' must be true or false")
        return None


def _describe(node: Node) -> str:
    if isinstance(node, Mapping):
        return "a mapping"
    if isinstance(node, Sequence):
        return "a list"
    assert isinstance(node, Scalar)
    return "nothing" if node.kind == "empty" else _article(node.kind)


def _article(kind: str) -> str:
    return {"integer": "a number", "number": "a number", "true/false": "true/false", "date": "a date"}.get(
        kind, kind
    )


def _join(names: tuple[str, ...]) -> str:
    return ", ".join(f"'{n}'" for n in names)
