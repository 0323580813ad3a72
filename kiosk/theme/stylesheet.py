"""The application stylesheet, generated from the theme's tokens.

Custom-painted touch widgets read tokens directly; this sheet styles the stock parts:
labels by ``role``/``tone`` property, cards by ``card`` property, scroll areas and their
(non-interactive) scroll indicators.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.theme.color import with_alpha
from kiosk.theme.tokens import TYPE_SCALE

if TYPE_CHECKING:
    from kiosk.theme.tokens import Theme


def build_stylesheet(theme: Theme) -> str:
    p = theme.palette
    rules: list[str] = [
        f"""
QWidget#kiosk-window, QWidget#shell, QWidget#unavailable {{
    background-color: {p.background};
}}
QWidget {{ color: {p.text}; }}
QLabel {{ background: transparent; color: {p.text}; }}
QLabel[tone="muted"] {{ color: {p.text_muted}; }}
QLabel[tone="accent"] {{ color: {p.accent_text}; }}
QLabel[tone="primary"] {{ color: {p.primary_text}; }}
QLabel[tone="danger"] {{ color: {p.danger_text}; }}
QFrame[card="plain"] {{
    background-color: {p.surface};
    border: {max(1, theme.px(1.5))}px solid {p.line};
    border-radius: {theme.radius("lg")}px;
}}
QFrame[card="featured"] {{
    background-color: {p.surface_raised};
    border: {max(2, theme.px(3))}px solid {p.accent};
    border-radius: {theme.radius("lg")}px;
}}
QFrame[card="flat"] {{
    background: transparent;
    border: none;
}}
"""
        + _scroll_rules(theme)
    ]
    for role, spec in TYPE_SCALE.items():
        rules.append(
            f'QLabel[role="{role}"] {{ font-size: {theme.font_px(role)}px; '
            f"font-weight: {spec.weight}; }}"
        )
    return "\n".join(rules)


def _scroll_rules(theme: Theme) -> str:
    """Scroll areas are transparent; their bars are thin, non-interactive indicators."""
    p = theme.palette
    return f"""QScrollArea, QScrollArea > QWidget, QScrollArea > QWidget > QWidget#scroll-content {{
    background: transparent;
    border: none;
}}
QScrollBar:vertical {{
    background: transparent;
    width: {theme.px(8)}px;
    margin: {theme.px(8)}px {theme.px(2)}px;
}}
QScrollBar::handle:vertical {{
    background: {with_alpha(p.text_muted, 0.45)};
    border-radius: {theme.px(4)}px;
    min-height: {theme.px(64)}px;
}}
QScrollBar:horizontal {{
    background: transparent;
    height: {theme.px(8)}px;
    margin: {theme.px(2)}px {theme.px(8)}px;
}}
QScrollBar::handle:horizontal {{
    background: {with_alpha(p.text_muted, 0.45)};
    border-radius: {theme.px(4)}px;
    min-width: {theme.px(64)}px;
}}
QScrollBar::add-line, QScrollBar::sub-line, QScrollBar::add-page, QScrollBar::sub-page {{
    background: transparent;
    width: 0px;
    height: 0px;
    border: none;
}}
"""
