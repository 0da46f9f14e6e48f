"""Turns one profile file into a Profile, or into a list of problems with file, line and column.

Every problem of a file is collected (not just the first), so an author fixes a file in one pass.
A file with any error yields no profile: a reference app must not show half of a broken file as
if it were whole.
"""

from __future__ import annotations

from pathlib import Path

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
from app.node_reader import NodeReader
from app.profile_file import read_profile_bytes
from app.records import record
from app.user_file import shown_path
from app.yaml_reader import (
    Node,
    Scalar,
    Sequence,
    YamlError,
    decode,
    read_document,
    shown_value,
)

SUPPORTED_SCHEMAS = (1,)
BLOCK_KINDS = ("facts", "bullets", "contact", "paragraph")



@record
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


@record
class _ProfileFields:
    id: str
    name: str
    source: Source
    sections: tuple[Section, ...]
    id_position: tuple[int, int]
    aliases: tuple[str, ...] = ()
    published: SourceDate | None = None


class _ProfileReader(NodeReader):
    """Walks the node tree of one file, building the model and recording every problem."""

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

    def source(self, node: Node, _name: str) -> Source | None:
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
