"""Text to paste into a report: a section (or a whole profile) followed by where it comes from, so
a figure copied out of the app never travels without its source."""

from __future__ import annotations

from app.model import Address, Contact, Profile, Section
from app.plaintext import contact_lines, profile_text, section_text


def with_source(profile: Profile, section: Section | None) -> str:
    """The section's text and the source line with the page's address (the whole profile when
    `section` is None, whose text already opens with its source line)."""
    if section is None:
        return profile_text(profile)
    address = Address(profile.id, section.id)
    return f"{section_text(section)}\n{profile.source.line} ({profile.name}, {address})\n"


def contact_text(contact: Contact) -> str:
    """One contact, one line each for name, role, organisation, address, numbers, e-mail, web."""
    return "\n".join(contact_lines(contact))
