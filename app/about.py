"""The About box's content: version, and for each loaded profile its source, file and checksum, so
a user can tell exactly which content they are reading and compare it with a colleague's."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from app import APP_NAME, __version__
from app.model import Library
from app.records import record
from app.render import escape
from app.user_file import shown_path


@record
class AboutRow:
    """One profile as a row of the About box's table: a table scrolls and fits any screen, where
    a paragraph per profile pushed the OK button off it with six profiles."""

    name: str
    profile_id: str
    origin: str  # "bundled" or "added"
    source: str
    file: str
    sha256: str


ABOUT_COLUMNS = ("Profile", "Source", "Data file", "SHA-256")
OFFLINE = (
    "An offline reader for counter-trafficking country profiles. It opens no network connection of "
    "its own; only the print dialog asks the computer's print service which printers there are."
)


def about_rows(library: Library) -> list[AboutRow]:
    """The rows of the About box's profile table, in library order."""
    return [
        AboutRow(p.name, p.id, "bundled" if p.bundled else "added", p.source.line, str(p.path), p.sha256)
        for p in library.profiles
    ]


def about_html(
    library: Library, toolkit: str, stored: Sequence[tuple[str, Path]] = (), never_stored: str = ""
) -> str:
    """`toolkit` names the GUI library and version; `stored` lists what is kept on disk, and where;
    `never_stored` says what is deliberately kept off the disk."""
    rows = []
    for profile in library.profiles:
        origin = "bundled" if profile.bundled else "added"
        source = escape(profile.source.line)
        rows.append(
            f"<p><b>{escape(profile.name)}</b> ({escape(profile.id)}, {origin})<br/>"
            f"{source}<br/>{escape(profile.trust.detail)}<br/>Data file: {escape(shown_path(profile.path))}<br/>"
            f"SHA-256: <code>{escape(profile.sha256)}</code></p>"
        )
    stored_rows = "".join(f"<li>{escape(what)}: {escape(str(where))}</li>" for what, where in stored)
    parts = [
        f"<h3>{escape(APP_NAME)} {escape(__version__)}</h3>",
        f"<p>{escape(OFFLINE)}</p>",
        "<h4>Content</h4>",
        "".join(rows) or "<p>No profile is loaded.</p>",
    ]
    if stored_rows:
        parts += ["<h4>Stored on this computer</h4>", f"<ul>{stored_rows}</ul>"]
    if never_stored:
        parts.append(f"<p>{escape(never_stored)}</p>")
    parts.append(f'<p style="color:gray;">{escape(toolkit)}</p>')
    return "".join(parts)
