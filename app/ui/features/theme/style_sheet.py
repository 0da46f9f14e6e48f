"""The few style rules the palette cannot give: a focus ring you can see on the reading pane, the
tree and the hit list in both themes, a visible menu-bar item under the keyboard, and, in the dark
theme, edges on text fields, check boxes, buttons and menus. Qt's Fusion style derives those edges
by darkening the window colour, which on a dark window leaves them invisible (about 1.1:1).

Colours are read from the palette, so the rules follow it; the dark edges are chosen to reach
3:1 against the window and the base (WCAG 2.1 non-text contrast), checked from rendered pixels in
tests/ui/features/test_contrast.py.
"""

from __future__ import annotations

from PySide6.QtGui import QPalette

DARK_EDGE = "#8d939a"  # 5:1 on the dark window (#202124), 5.6:1 on its base (#17181a)


def focus_colour(palette: QPalette, dark: bool) -> str:
    """The dark theme's highlight is a fill colour (3.1:1); its link colour makes a clearer ring."""
    role = QPalette.ColorRole.Link if dark else QPalette.ColorRole.Highlight
    return palette.color(role).name()


def style_sheet(palette: QPalette, dark: bool) -> str:
    role = QPalette.ColorRole
    focus = focus_colour(palette, dark)
    highlight, highlighted = palette.color(role.Highlight).name(), palette.color(role.HighlightedText).name()
    edge = DARK_EDGE if dark else palette.color(role.Mid).name()
    rules = [
        # One pixel of edge and one of padding, two of ring when focused: nothing moves.
        f"#sectionView, #navTree, #searchResults {{ border: 1px solid {edge}; padding: 1px; }}",
        f"#sectionView:focus, #navTree:focus, #searchResults:focus {{ border: 2px solid {focus}; padding: 0; }}",
        "QMenuBar::item { padding: 4px 8px; background: transparent; }",
        f"QMenuBar::item:selected, QMenuBar::item:pressed {{ background: {highlight}; color: {highlighted}; }}",
    ]
    if dark:
        base, text = palette.color(role.Base).name(), palette.color(role.Text).name()
        button = palette.color(role.Button).name()
        rules += [
            f"QLineEdit {{ border: 1px solid {edge}; border-radius: 3px; padding: 2px 3px; background: {base};"
            f" color: {text}; }}",
            f"QLineEdit:focus {{ border: 2px solid {focus}; padding: 1px 2px; }}",
            f"QCheckBox::indicator {{ width: 13px; height: 13px; border: 1px solid {edge}; border-radius: 2px;"
            f" background: {base}; }}",
            f"QCheckBox::indicator:checked {{ background: {focus}; border-color: {focus}; }}",
            f"QPushButton {{ border: 1px solid {edge}; border-radius: 3px; padding: 4px 12px; background: {button};"
            f" color: {text}; }}",
            f"QPushButton:focus, QPushButton:default {{ border: 2px solid {focus}; padding: 3px 11px; }}",
            f"QMenu {{ border: 1px solid {edge}; }}",
        ]
    return "\n".join(rules)
