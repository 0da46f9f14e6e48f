"""Profile text for widgets that guess between plain and rich text (labels, tooltips).

QLabel and tooltips show a string as HTML when it merely looks like HTML ("Markup <b>land</b>",
"&lt;"), and rich text loads the images it names from disk: a profile's name of
`<img src="file:///…">` would put a local file on screen. Setting PlainText on each widget needs
Qt's enums, which cost tens of milliseconds to build before the first paint, so the text is made
unambiguous instead: escaped and wrapped in a span, it is always read as rich text that holds no
markup but our own, and shows exactly the characters of the profile.
"""

from __future__ import annotations

from app.render import escape


def literal(text: str) -> str:
    """`text` for a QLabel's setText or a setToolTip, shown character for character."""
    return f'<span style="white-space:pre-wrap">{escape(text)}</span>'


def shortened(text: str, limit: int) -> str:
    """At most `limit` characters, the last of them "…" when the text was cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
