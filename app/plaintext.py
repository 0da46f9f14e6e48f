"""Profiles as plain text, in reading order: what `main.py text` prints and what Copy puts on the
clipboard. A fact reads `Label: value (year)` and a phone `Label: number / number`, exactly as
the source prints them."""

from __future__ import annotations

from collections.abc import Iterator

from app.model import Bullet, Contact, Fact, Item, Paragraph, Phone, Profile, Section


def fact_line(fact: Fact) -> str:
    qualifier = f" ({fact.qualifier})" if fact.qualifier else ""
    return f"{fact.label}: {fact.value}{qualifier}"


def phone_line(phone: Phone) -> str:
    return f"{phone.label}: {' / '.join(phone.numbers)}"


def contact_lines(contact: Contact) -> list[str]:
    lines = [v for v in (contact.name, contact.role, contact.organisation) if v]
    lines.extend(contact.address)
    lines.extend(phone_line(p) for p in contact.phones)
    if contact.email:
        lines.append(f"E-mail: {contact.email}")
    if contact.url:
        lines.append(contact.url)
    return lines


def bullet_lines(bullet: Bullet, depth: int = 0) -> Iterator[str]:
    marker = "•" if depth == 0 else "–"
    yield f"{'  ' * depth}{marker} {bullet.text}"
    for child in bullet.items:
        yield from bullet_lines(child, depth + 1)


def item_lines(item: Item) -> list[str]:
    """The lines of one addressable item."""
    if isinstance(item, Fact):
        return [fact_line(item)]
    if isinstance(item, Contact):
        return contact_lines(item)
    if isinstance(item, Bullet):
        return list(bullet_lines(item))
    assert isinstance(item, Paragraph)
    return [item.text]


def item_text(item: Item) -> str:
    return "\n".join(item_lines(item))


def section_text(section: Section) -> str:
    """A section's title and body; facts and bullets one per line, other items a blank line apart."""
    chunks: list[str] = []
    previous: Item | None = None
    for item in section.items:
        tight = isinstance(item, (Fact, Bullet)) and type(item) is type(previous)
        if chunks:
            chunks.append("\n" if tight else "\n\n")
        chunks.append(item_text(item))
        previous = item
    return f"{section.title}\n\n{''.join(chunks)}\n"


def profile_text(profile: Profile) -> str:
    """The whole profile: its name and source line, then every section in order."""
    parts = [f"{profile.name}\n{profile.source.line}\n"]
    parts.extend(section_text(s) for s in profile.sections)
    return "\n".join(parts)
