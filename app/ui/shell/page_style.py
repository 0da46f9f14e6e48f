"""Page colours from the widget palette, so the section view follows light and dark themes."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

from app.render import RenderStyle


def _mix(a: QColor, b: QColor, weight: float) -> str:
    """`weight` of a and the rest of b: muted text that keeps its contrast in either theme."""
    mixed = QColor(
        round(a.red() * weight + b.red() * (1 - weight)),
        round(a.green() * weight + b.green() * (1 - weight)),
        round(a.blue() * weight + b.blue() * (1 - weight)),
    )
    return mixed.name()


def render_style(palette: QPalette) -> RenderStyle:
    role = QPalette.ColorRole
    text = palette.color(role.Text)
    base = palette.color(role.Base)
    dark = base.lightness() < 128
    return RenderStyle(
        text=text.name(),
        muted=_mix(text, base, 0.72),
        link=palette.color(role.Link).name() if not dark else "#8ab4f8",
        rule=_mix(text, base, 0.25),
        stripe=_mix(text, base, 0.06),
        hit_background="#ffe066" if not dark else "#7a5d00",
        hit_text="#000000" if not dark else "#ffffff",
    )
