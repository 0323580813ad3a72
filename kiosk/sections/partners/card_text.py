"""What a partner card says, planned to fit: the name as large as fits whole, then every
tag — wrapped onto a second line, or the ones that don't fit counted as "+N" — so nothing
is dropped or clipped without a sign. The category is not repeated on the card: the group
heading (or the chosen chip) already says it.

A name too long for three lines keeps its beginning and its end ("Qingdao … Institute of
Marine Science"), so 200 partners sharing a long prefix stay distinguishable.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF

from kiosk.widgets.text import layout_lines

Lines = list[tuple[str, float]]
Layout = Callable[[str, QFont, float, int, float], Lines]

TAG_SEPARATOR = "  ·  "


def more_text(n: int) -> str:
    return f"+{n}"


def tag_lines(tags: list[str], font: QFont, width: float, max_lines: int) -> Lines:
    """Whole tags on up to ``max_lines`` lines (a tag wider than a line wraps onto the
    next); what doesn't fit is counted on the last line as "+N"."""
    fm = QFontMetricsF(font)
    lines: list[list[str]] = [[]]
    for i, tag in enumerate(tags):
        if fm.horizontalAdvance(TAG_SEPARATOR.join([*lines[-1], tag])) <= width:
            lines[-1].append(tag)
            continue
        pieces = [line for line, _ in layout_lines(tag, font, max(1.0, width))]
        free = max_lines - len(lines) + (0 if lines[-1] else 1)
        if len(pieces) <= free:
            if lines[-1]:
                lines.append([])
            lines[-1].append(pieces[0])
            lines.extend([p] for p in pieces[1:])
            continue
        _count_rest(lines[-1], len(tags) - i, fm, width)
        break
    step = fm.height()
    return [(_fit(parts, fm, width), k * step) for k, parts in enumerate(line for line in lines if line)]


def all_shown(lines: Lines) -> bool:
    """Whether tag ``lines`` show every tag whole (nothing counted, nothing elided)."""
    return not any("…" in line or line.rsplit(TAG_SEPARATOR, 1)[-1].startswith("+") for line, _ in lines)


def _count_rest(last: list[str], rest: int, fm: QFontMetricsF, width: float) -> None:
    """End ``last`` with "+N" for the ``rest`` tags not shown, moving tags off it to fit."""
    while last and fm.horizontalAdvance(TAG_SEPARATOR.join([*last, more_text(rest)])) > width:
        last.pop()
        rest += 1
    last.append(more_text(rest))


def _fit(parts: list[str], fm: QFontMetricsF, width: float) -> str:
    """The tags of one line joined; too wide, the tags are elided but a "+N" stays whole."""
    text = TAG_SEPARATOR.join(parts)
    if fm.horizontalAdvance(text) <= width:
        return text
    more = parts[-1] if parts[-1].startswith("+") and len(parts) > 1 else ""
    suffix = TAG_SEPARATOR + more if more else ""
    head = TAG_SEPARATOR.join(parts[:-1] if more else parts)
    room = max(0.0, width - fm.horizontalAdvance(suffix))
    return fm.elidedText(head, Qt.TextElideMode.ElideRight, int(room)) + suffix


def middle_elided(text: str, font: QFont, width: float, max_lines: int, line_height: float) -> Lines:
    """``text`` on at most ``max_lines`` lines; if longer, the last line keeps the end of
    the text and loses its middle."""
    lines = layout_lines(text, font, max(1.0, width), 0, line_height)
    if len(lines) <= max_lines:
        return lines
    fm = QFontMetricsF(font)
    kept = lines[: max_lines - 1]
    sep = " " if " " in text else ""
    rest = sep.join(line.strip() for line, _ in lines[max_lines - 1:])
    last = fm.elidedText(rest, Qt.TextElideMode.ElideMiddle, int(width))
    return [*kept, (last, fm.height() * line_height * (max_lines - 1))]
