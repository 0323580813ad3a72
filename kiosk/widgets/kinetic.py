"""KineticScrollArea: a flick-to-scroll area (QScroller) for anything that scrolls.

Touch drags scroll with momentum and a soft overshoot; the scroll bar is a thin,
non-interactive indicator (no tiny drag targets). ``mouse_drag=True`` adds mouse dragging
for desktop trials. :meth:`reset` stops any fling and returns to the top.
"""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QFrame, QScrollArea, QScroller, QScrollerProperties, QWidget

from kiosk.theme import Theme


def make_kinetic(area: QAbstractScrollArea, *, mouse_drag: bool = False, horizontal: bool = False) -> QScroller:
    """Give any scroll area (or item view) touch flicking and indicator-only scroll bars."""
    viewport = area.viewport()
    QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.TouchGesture)
    if mouse_drag:
        QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    scroller = QScroller.scroller(viewport)
    props = scroller.scrollerProperties()
    P = QScrollerProperties.ScrollMetric
    props.setScrollMetric(P.MousePressEventDelay, 0.0)  # never delay a tap's pressed state
    props.setScrollMetric(P.DragStartDistance, 0.004)
    props.setScrollMetric(P.DecelerationFactor, 0.35)
    props.setScrollMetric(P.MaximumVelocity, 0.9)
    props.setScrollMetric(P.OvershootDragResistanceFactor, 0.35)
    props.setScrollMetric(P.OvershootDragDistanceFactor, 0.15)
    props.setScrollMetric(P.OvershootScrollDistanceFactor, 0.08)
    props.setScrollMetric(P.OvershootScrollTime, 0.4)
    props.setScrollMetric(P.SnapTime, 0.3)
    props.setScrollMetric(P.ScrollingCurve, QEasingCurve(QEasingCurve.Type.OutCubic))
    off = QScrollerProperties.OvershootPolicy.OvershootAlwaysOff
    when = QScrollerProperties.OvershootPolicy.OvershootWhenScrollable
    props.setScrollMetric(P.HorizontalOvershootPolicy, when if horizontal else off)
    props.setScrollMetric(P.VerticalOvershootPolicy, off if horizontal else when)
    scroller.setScrollerProperties(props)
    for bar in (area.verticalScrollBar(), area.horizontalScrollBar()):
        bar.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        bar.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    area.setVerticalScrollBarPolicy(
        Qt.ScrollBarPolicy.ScrollBarAlwaysOff if horizontal else Qt.ScrollBarPolicy.ScrollBarAsNeeded
    )
    area.setHorizontalScrollBarPolicy(
        Qt.ScrollBarPolicy.ScrollBarAsNeeded if horizontal else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    )
    area.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    return scroller


class KineticScrollArea(QScrollArea):
    def __init__(
        self,
        theme: Theme,
        *,
        mouse_drag: bool = False,
        horizontal: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.theme = theme
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroller = make_kinetic(self, mouse_drag=mouse_drag, horizontal=horizontal)
        self.viewport().setAutoFillBackground(False)

    def reset(self) -> None:
        """Stop any fling and go back to the start."""
        self.scroller.stop()
        self.verticalScrollBar().setValue(0)
        self.horizontalScrollBar().setValue(0)

    def is_at_start(self) -> bool:
        return self.verticalScrollBar().value() == 0 and self.horizontalScrollBar().value() == 0
