"""Monogram badges: a generated 'logo' for a partner that has none.

:func:`initials` picks the letters — the first one or two Chinese characters of the short
name (else the name) in Chinese, the initials of the significant words in English
(Tsingtao Brewery → TB; an acronym short name such as QUST is kept whole).
:func:`monogram_image` paints them on a rounded square in one of the theme's badge styles,
chosen from a stable hash of the partner id (the same partner always gets the same
colours, in every run). Text is drawn as a path centred on its own outline, at the
requested device pixel size, so badges stay crisp at any size. :func:`monogram_pixmap`
caches them in a byte-bounded LRU.
"""

from __future__ import annotations

import re
import zlib
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QLinearGradient, QPainter, QPainterPath, QPen, QPixmap

from kiosk.theme import Theme

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.&-]*")
_PARENS = re.compile(r"[(（][^)）]*[)）]")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{1,3}$")
#: Words that never give an initial (glue and company-form words).
STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "the",
        "of",
        "for",
        "at",
        "in",
        "on",
        "&",
        "co",
        "co.",
        "corp",
        "corp.",
        "corporation",
        "company",
        "group",
        "inc",
        "inc.",
        "ltd",
        "ltd.",
        "limited",
    ]
)

CACHE_BYTES = 24 * 1024 * 1024


def initials(name: str, short_name: str | None = None, lang: str = "zh") -> str:
    """The monogram letters for a partner called ``name`` (and ``short_name``) in ``lang``."""
    if lang == "zh":
        for source in (short_name, name):
            chars = _CJK.findall(source or "")
            if chars:
                return "".join(chars[:2])
    return _latin_initials(name, short_name) or _first_glyph(short_name or name)


def _latin_initials(name: str, short_name: str | None) -> str:
    short = (short_name or "").strip()
    if _ACRONYM.match(short):
        return short
    words: list[str] = [w for w in _WORD.findall(_PARENS.sub(" ", name)) if not w.isdigit()]
    significant = [w for w in words if w.lower() not in STOP_WORDS] or words
    if not significant:
        return ""
    if len(significant) == 1:
        word = significant[0]
        return word if _ACRONYM.match(word) else word[0].upper()
    return "".join(w[0].upper() for w in significant[:2])


def _first_glyph(text: str) -> str:
    for ch in text:
        if not ch.isspace() and ch.isprintable():
            return ch.upper()
    return "?"


@dataclass(frozen=True)
class BadgeStyle:
    top: str
    bottom: str
    ink: str
    border: str | None = None


BADGE_STYLE_COUNT = 5
"""How many colourways :func:`badge_styles` has."""


def badge_styles(theme: Theme) -> tuple[BadgeStyle, ...]:
    """The badge colourways, all from the theme's palette (each ink/fill pair is one the
    palette checks for contrast)."""
    p = theme.palette
    return (
        BadgeStyle(p.primary_soft, p.primary_faint, p.text),
        BadgeStyle(p.primary_fill, p.primary_pressed, p.on_primary),
        BadgeStyle(p.surface_raised, p.surface, p.accent_text, p.line_strong),
        BadgeStyle(p.accent_fill, p.accent_pressed, p.on_accent),
        BadgeStyle(p.surface_raised, p.background_deep, p.text, p.primary),
    )


def style_index(key: str, count: int) -> int:
    """A stable (per-run and across runs) choice of style for ``key``."""
    return zlib.crc32(key.encode("utf-8")) % count


def monogram_image(
    text: str,
    side: int,
    style: BadgeStyle,
    families: tuple[str, ...] | list[str],
    *,
    radius_ratio: float = 0.24,
) -> QImage:
    """``text`` on a ``side``×``side`` rounded square (device pixels, transparent corners)."""
    side = max(1, int(side))
    image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    r = QRectF(0, 0, side, side)
    border = max(1.0, side / 90) if style.border else 0.0
    box = r.adjusted(border / 2, border / 2, -border / 2, -border / 2)
    radius = side * radius_ratio
    g = QLinearGradient(box.topLeft(), box.bottomRight())
    g.setColorAt(0, QColor(style.top))
    g.setColorAt(1, QColor(style.bottom))
    p.setPen(QPen(QColor(style.border), border) if style.border else Qt.PenStyle.NoPen)
    p.setBrush(g)
    p.drawRoundedRect(box, radius, radius)

    font = QFont()
    font.setFamilies(list(families))
    font.setWeight(QFont.Weight.Bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    cjk = bool(_CJK.search(text))
    n = max(1, len(text))
    share = {1: 0.5, 2: 0.36 if cjk else 0.4, 3: 0.3}.get(n, 0.24)
    font.setPixelSize(max(1, round(side * share)))
    path = QPainterPath()
    path.addText(QPointF(0, 0), font, text)
    bounds = path.boundingRect()
    limit = side * 0.72
    if bounds.width() > limit:  # a wide pair of letters: shrink to fit
        scale = limit / bounds.width()
        font.setPixelSize(max(1, round(font.pixelSize() * scale)))
        path = QPainterPath()
        path.addText(QPointF(0, 0), font, text)
        bounds = path.boundingRect()
    path.translate(r.center() - bounds.center())
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(style.ink))
    p.drawPath(path)
    p.end()
    return image


class _Cache:
    def __init__(self, limit: int = CACHE_BYTES) -> None:
        self.limit = limit
        self.bytes = 0
        self.items: OrderedDict[tuple[Any, ...], QPixmap] = OrderedDict()

    def get(self, key: tuple[Any, ...]) -> QPixmap | None:
        pm = self.items.get(key)
        if pm is not None:
            self.items.move_to_end(key)
        return pm

    def put(self, key: tuple[Any, ...], pm: QPixmap) -> None:
        self.items[key] = pm
        self.bytes += pm.width() * pm.height() * 4
        while self.bytes > self.limit and len(self.items) > 1:
            _, old = self.items.popitem(last=False)
            self.bytes -= old.width() * old.height() * 4


_cache = _Cache()


def monogram_pixmap(theme: Theme, key: str, text: str, side: int, dpr: float = 1.0,
                    style_no: int | None = None) -> QPixmap:
    """A cached monogram badge of logical size ``side`` for item ``key`` (the colour is
    chosen from ``key`` unless ``style_no`` says; ``text`` is what :func:`initials` gave)."""
    styles = badge_styles(theme)
    style = styles[style_no % len(styles) if style_no is not None else style_index(key, len(styles))]
    device = max(1, round(side * dpr))
    cache_key = (text, device, dpr, style, theme.families)
    pm = _cache.get(cache_key)
    if pm is None:
        pm = QPixmap.fromImage(monogram_image(text, device, style, theme.families))
        pm.setDevicePixelRatio(dpr)
        _cache.put(cache_key, pm)
    return pm
