"""The domain model: immutable, typed profiles as the loader hands them to every other layer."""

from __future__ import annotations

from pathlib import Path
from typing import TypeAlias

from app.records import field, record
from app.user_file import shown_path


@record
class Fact:
    """One quick fact; the year (and whether the source calls it an estimate) is data, not text,
    so the app can say how old a figure is."""

    label: str
    value: str
    year: int | None = None
    estimate: bool = False

    @property
    def qualifier(self) -> str:
        """The parenthesised note exactly as the source prints it: "2012", "2014 estimate"."""
        parts = [str(self.year)] if self.year is not None else []
        if self.estimate:
            parts.append("estimate")
        return " ".join(parts)


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


@record
class SourceDate:
    """A year, or a year and month, that a source gives: when a profile was published or a
    contact's numbers were checked (`checked: 2014-06`). Never a day: sources do not give one."""

    year: int
    month: int | None = None

    def __str__(self) -> str:
        return f"{MONTHS[self.month - 1]} {self.year}" if self.month else str(self.year)


@record
class Phone:
    """A labelled line of a contact ("Tel", "Fax", "Direct line"); one label may carry several
    numbers, as "Fax: +856 21 267 792 / +856 21 267 799" does."""

    label: str
    numbers: tuple[str, ...]


@record
class Contact:
    """A person or an office. At least one of name and organisation is set."""

    name: str | None = None
    role: str | None = None
    organisation: str | None = None
    address: tuple[str, ...] = ()
    phones: tuple[Phone, ...] = ()
    email: str | None = None
    url: str | None = None
    checked: SourceDate | None = None  # when the source says its numbers were right

    @property
    def heading(self) -> str:
        return self.name or self.organisation or ""


@record
class Bullet:
    """A bullet, possibly with nested bullets under it."""

    text: str
    items: tuple[Bullet, ...] = ()


@record
class Paragraph:
    """A paragraph of the source's prose, verbatim."""

    text: str


@record
class FactList:
    """A block of quick facts, in the source's order."""

    facts: tuple[Fact, ...]


@record
class BulletList:
    """A bulleted list; its bullets are the items a search hit or a bookmark points at."""

    items: tuple[Bullet, ...]


# An Item is the unit a block address points at: one fact, contact, top-level bullet or paragraph.
Item: TypeAlias = Fact | Contact | Bullet | Paragraph
# A Block is what a section's `blocks:` list holds; list blocks group several items.
Block: TypeAlias = FactList | BulletList | Contact | Paragraph


def block_items(block: Block) -> tuple[Item, ...]:
    """The addressable items of one block, in reading order."""
    if isinstance(block, FactList):
        return block.facts
    if isinstance(block, BulletList):
        return block.items
    return (block,)


@record
class Section:
    """A titled part of a profile. Its items are numbered 0.. in reading order across its blocks;
    that number is the `#n` of a block address such as `lao-pdr/quick-facts#3`."""

    id: str
    title: str
    blocks: tuple[Block, ...]
    items: tuple[Item, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        flat = tuple(item for block in self.blocks for item in block_items(block))
        object.__setattr__(self, "items", flat)


@record
class Source:
    """Who published the content and where; shown with every page, print-out and copy."""

    publisher: str
    url: str | None = None
    title: str | None = None

    @property
    def line(self) -> str:
        """The attribution line: "Source: UN-ACT, http://un-act.org/lao-pdr/"."""
        parts = [self.publisher]
        if self.title:
            parts.append(self.title)
        if self.url:
            parts.append(self.url)
        return "Source: " + ", ".join(parts)


BUNDLED, VERIFIED, NOT_VERIFIED = "bundled", "verified", "not-verified"


@record
class Trust:
    """Who vouches for a profile's bytes. `state` is BUNDLED (shipped with the app, trusted as part
    of it), VERIFIED (a trusted key's minisign signature matches: `signer` is the key's name,
    `comment` the signature's trusted comment) or NOT_VERIFIED (no signature, or one by a key that
    is not trusted: `key_id` then names it). A profile changed after a trusted key signed it is
    never loaded, so it has no Trust."""

    state: str = NOT_VERIFIED
    signer: str | None = None
    comment: str | None = None
    key_id: str | None = None

    @property
    def summary(self) -> str:
        """One line for the tree's accessible name, the profile page, About and `verify`."""
        if self.state == BUNDLED:
            return "Bundled with the app"
        if self.state == VERIFIED:
            return f"Signed by {self.signer}"
        if self.key_id is not None:
            return f"Not verified: signed by an unknown key ID {self.key_id}"
        return "Not verified: not signed"

    @property
    def detail(self) -> str:
        """The summary with the signature's trusted comment, for the profile page and About."""
        return f"{self.summary} ({self.comment})" if self.state == VERIFIED and self.comment else self.summary


@record
class Profile:
    """One country profile as read from one file."""

    id: str
    name: str
    source: Source
    sections: tuple[Section, ...]
    path: Path
    sha256: str
    bundled: bool = False
    # Where the file says `id:` (line, column), so a clash between two files can point at it.
    id_position: tuple[int, int] | None = None
    # Other names of the country an author gives ("Laos"): searched like the name, never shown
    # in its place.
    aliases: tuple[str, ...] = ()
    trust: Trust = Trust()
    published: SourceDate | None = None  # only where the source gives it

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)

    def figure_years(self) -> tuple[int, int] | None:
        """The oldest and newest year of the profile's dated figures, or None if none is dated."""
        years = [
            item.year
            for section in self.sections
            for item in section.items
            if isinstance(item, Fact) and item.year is not None
        ]
        return (min(years), max(years)) if years else None


@record
class Problem:
    """Something wrong with a profile file, at a 1-based line and column when the YAML has one."""

    path: str
    message: str
    line: int | None = None
    column: int | None = None
    is_error: bool = True

    def __str__(self) -> str:
        # One line per problem, whatever a file's name holds: a newline or a byte that is not
        # UTF-8 in it is spelled out (user_file.shown_path), so printing it can never fail.
        path = shown_path(self.path)
        if self.line is None:
            return f"{path}: {self.message}"
        return f"{path}:{self.line}:{self.column or 1}: {self.message}"


@record
class Address:
    """Where something is: a profile, a section in it, and optionally one item of the section.
    Written as `profile`, `profile/section` or `profile/section#item`."""

    profile: str
    section: str | None = None
    item: int | None = None

    @classmethod
    def parse(cls, text: str) -> Address | None:
        """Read an address; None when the text is not one."""
        text = text.strip()
        head, _, item_text = text.partition("#")
        profile, _, section = head.partition("/")
        if not profile or "/" in section or (item_text and not section):
            return None
        item: int | None = None
        if item_text:
            if not item_text.isdigit() or not item_text.isascii():
                return None
            item = int(item_text)
        return cls(profile, section or None, item)

    def __str__(self) -> str:
        text = self.profile
        if self.section is not None:
            text += f"/{self.section}"
            if self.item is not None:
                text += f"#{self.item}"
        return text

    @property
    def section_address(self) -> Address:
        return Address(self.profile, self.section)


@record
class Library:
    """Every profile that loaded, in display order, and every problem met on the way."""

    profiles: tuple[Profile, ...] = ()
    problems: tuple[Problem, ...] = ()

    def profile(self, profile_id: str) -> Profile | None:
        return next((p for p in self.profiles if p.id == profile_id), None)

    def resolve(self, address: Address) -> tuple[Profile, Section | None] | None:
        """The profile and section an address names, or None when either does not exist."""
        profile = self.profile(address.profile)
        if profile is None:
            return None
        if address.section is None:
            return profile, None
        section = profile.section(address.section)
        if section is None:
            return None
        if address.item is not None and not 0 <= address.item < len(section.items):
            return None
        return profile, section

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)
