"""Geometry checks over a window's widget tree: text elided where it shouldn't be, labels
overlapping each other, widgets past the screen edge — and text the custom painters draw
(:func:`painted_text_problems`, see :mod:`tests.painted_text`): cut by its widget or the
screen edge, or overlapping other painted text. Used by the layout tests."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractScrollArea, QLabel, QWidget

from tests.painted_text import (  # noqa: F401  (re-exported: the layout tests' one import)
    PaintedText,
    PaintedTextLog,
    painted_text_problems,
    recording_painted_text,
)


def shown(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisibleTo(window) and widget.isVisible() and widget.width() > 0 and widget.height() > 0


def window_rect(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def in_scroll_area(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def elided_labels(window: QWidget) -> list[str]:
    """Labels whose text does not fit them: one line wider than the label, or wrapped text
    taller than the label."""
    out = []
    for label in window.findChildren(QLabel):
        if not shown(label, window) or not label.text() or label.textFormat() == 1:  # RichText
            continue
        rect = label.contentsRect()
        if label.wordWrap():
            need = label.heightForWidth(label.width())
            if need > label.height() + 1:
                out.append(f"{label.objectName() or label.text()[:30]!r}: needs {need}px, has {label.height()}")
        else:
            fm = QFontMetrics(label.font())
            widest = max(fm.horizontalAdvance(line) for line in label.text().split("\n"))
            if widest > rect.width() + 1:
                out.append(f"{label.text()[:30]!r}: {widest}px of text in {rect.width()}px")
    return out


def overlapping_labels(window: QWidget) -> list[str]:
    """Visible labels with the same parent whose rectangles overlap."""
    out = []
    labels = [l for l in window.findChildren(QLabel) if shown(l, window) and l.text()]
    by_parent: dict[int, list[QLabel]] = {}
    for label in labels:
        by_parent.setdefault(id(label.parentWidget()), []).append(label)
    for group in by_parent.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if a.geometry().adjusted(1, 1, -1, -1).intersects(b.geometry().adjusted(1, 1, -1, -1)):
                    out.append(f"{a.text()[:24]!r} overlaps {b.text()[:24]!r}")
    return out


def past_the_edge(window: QWidget) -> list[str]:
    """Visible widgets (outside scroll areas, which clip) that reach past the window."""
    screen = window.rect().adjusted(-1, -1, 1, 1)
    out = []
    for w in window.findChildren(QWidget):
        if not shown(w, window) or in_scroll_area(w, window) or w.isWindow():
            continue
        r = window_rect(w, window)
        if not screen.contains(r):
            out.append(f"{type(w).__name__} {w.objectName()!r} at {r.getRect()}")
    return out
