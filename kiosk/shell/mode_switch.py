"""A visitor-mode switch, applied like the language switch: the visitor stays where they are.

The new theme (type scale, palette, motion, reach band) reaches every widget by building
the view again from it, so a switch is three steps:

1. :func:`capture_visit` records what the visitor has on screen: the Back trail, the
   language, whether the Aa panel is open, and for each page on the trail its inner state
   (what its section declares with :func:`kiosk.states.section_memory`: tab, open detail,
   zoom …) and the position of every scroll area;
2. the window rebuilds its children under a :class:`SwitchCover` — a grab of the window as
   it was, so the rebuild never flashes;
3. :func:`restore_visit` takes the visit up in the new view, and the cover cross-fades to
   it (or simply goes, in reduced motion).

Memory: the old tree is deleted once control returns to the event loop; then the heap's
free pages go back to the system (:func:`kiosk.heap.trim`), so a day of switches does not
ratchet the resident size up (glibc keeps freed memory otherwise).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from kiosk import heap
from kiosk.sections import SectionPage
from kiosk.shell.navigation import ATTRACT
from kiosk.states import memory
from kiosk.widgets.progress import progress_animation

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from kiosk.shell.view import ShellView

FADE_MS = 220
"""The cross-fade from the old look to the new one."""

Restore = Callable[[SectionPage], None]


@dataclass
class Visit:
    """What a visitor has on screen, kept across a rebuild of the view."""

    history: tuple[str, ...]
    lang: str
    panel_open: bool = False
    pages: dict[str, list[Restore]] = field(default_factory=dict)
    scrolls: dict[str, list[tuple[float, float]]] = field(default_factory=dict)

    @property
    def current(self) -> str:
        return self.history[-1]


def _scroll_areas(page: QWidget) -> list[QAbstractScrollArea]:
    return page.findChildren(QAbstractScrollArea)


def _fraction(value: int, maximum: int) -> float:
    return value / maximum if maximum > 0 else 0.0


def capture_visit(view: object) -> Visit:
    """Record ``view``'s (a :class:`~kiosk.shell.view.ShellView`) visit."""
    from kiosk.shell.view import ShellView

    assert isinstance(view, ShellView)
    visit = Visit(view.navigator.history, view.lang, view.modes_overlay.isVisible())
    built = view.built_pages()
    for key in dict.fromkeys(visit.history):
        page = built.get(key)
        if page is None:
            continue
        page.finish_animations()
        visit.pages[key] = _captured(page)
        visit.scrolls[key] = [
            (_fraction(a.horizontalScrollBar().value(), a.horizontalScrollBar().maximum()),
             _fraction(a.verticalScrollBar().value(), a.verticalScrollBar().maximum()))
            for a in _scroll_areas(page)]
    return visit


def _captured(page: SectionPage) -> list[Restore]:
    """The page's section memory (an error in it costs the state, never the switch)."""
    capture = memory(page.section_type)
    try:
        restore = capture(page) if capture is not None else None
    except Exception:  # a page's memory is a nicety; the switch goes on without it
        log.exception("could not record the state of page %s", page.objectName())
        return []
    return [restore] if restore is not None else []


def _restore_page(page: SectionPage, restores: list[Restore]) -> None:
    for restore in restores:
        try:
            restore(page)
        except Exception:
            log.exception("could not restore the state of page %s", page.objectName())


def restore_visit(view: object, visit: Visit) -> None:
    """Take ``visit`` up in a freshly built ``view``: the language, the Back trail, the
    current page's inner state and scroll positions, and the Aa panel if it was open.
    The other pages on the trail are built (and take their state up) when Back reaches
    them, as on a first visit, so the switch costs one page, not the whole trail."""
    from kiosk.shell.view import ShellView

    assert isinstance(view, ShellView)
    view.continues_visit = visit.current != ATTRACT
    view.language.set(visit.lang)
    view.navigator.restore(visit.history)
    view.finish_animations()
    _take_up(view, visit, visit.current)
    later = {k for k in visit.pages if k != visit.current}

    def on_screen_changed(key: str) -> None:
        if key == ATTRACT:
            later.clear()  # the visit is over
        elif key in later:
            later.discard(key)
            _take_up(view, visit, key)

    if later:
        view.screen_changed.connect(on_screen_changed)
    if visit.panel_open:
        view.modes_overlay.open()


def _take_up(view: ShellView, visit: Visit, key: str) -> None:
    if key not in visit.pages:
        return
    page = view.page(key)
    _restore_page(page, visit.pages[key])
    page.finish_animations()
    _settle_layouts()
    areas = _scroll_areas(page)
    fractions = visit.scrolls.get(key, [])
    if len(areas) != len(fractions):
        return  # the new layout scrolls differently: leave it at its start
    for area, (fx, fy) in zip(areas, fractions, strict=True):
        for bar, f in ((area.horizontalScrollBar(), fx), (area.verticalScrollBar(), fy)):
            bar.setValue(round(f * bar.maximum()))


_retired: set[QWidget] = set()


_retirements = [0]


def retired() -> frozenset[QWidget]:
    """Widgets retired and not yet deleted by Qt."""
    return frozenset(_retired)


def take_retirements() -> int:
    """How many widgets were retired since the last call (the idle reset asks)."""
    count, _retirements[0] = _retirements[0], 0
    return count


def retire(widget: QWidget) -> None:
    """Hide ``widget`` and delete it once control is back in the event loop (it may be
    the sender of the signal being handled), out of its parent at once: a new style
    sheet on the window then polishes only the new children, not the old tree too."""
    widget.hide()
    _retired.add(widget)  # alive until Qt deletes it
    _retirements[0] += 1
    widget.destroyed.connect(lambda _obj=None, w=widget: _retired.discard(w))
    widget.setParent(None)
    widget.deleteLater()


def _settle_layouts() -> None:
    """Lay the rebuilt widgets out now (scroll ranges depend on it), not at the next paint."""
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)


class SwitchCover(QWidget):
    """The window as it looked before the switch, over the rebuilt one; fades out, then
    deletes itself. Takes no input (a tap during the fade reaches the new view)."""

    def __init__(self, window: QWidget, *, fade: bool) -> None:
        self._pixmap: QPixmap = window.grab()
        super().__init__(window)
        self.setObjectName("mode-switch-cover")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._opacity = 1.0
        self._fade = fade
        self.anim = progress_animation(self, "mode-switch-fade", self._on_anim_value_changed, duration_ms=FADE_MS)
        self.anim.finished.connect(self.done)
        self.setGeometry(window.rect())
        self.show()
        self.raise_()

    def start(self) -> None:
        """The new view is ready underneath: fade to it (or drop the cover at once)."""
        self.raise_()
        if self._fade:
            self.anim.start()
        else:
            self.done()

    @property
    def active(self) -> bool:
        return not self._pixmap.isNull()

    def done(self) -> None:
        if not self.active:
            return
        self.anim.stop()
        self.hide()
        self._pixmap = QPixmap()
        self.deleteLater()

    def _on_anim_value_changed(self, value: object) -> None:
        self._opacity = 1.0 - float(value)  # type: ignore[arg-type]
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, self._opacity >= 1.0)
        self.update()

    def paintEvent(self, _e: QPaintEvent) -> None:
        if self._pixmap.isNull():
            return
        p = QPainter(self)
        p.setOpacity(self._opacity)
        p.drawPixmap(self.rect(), self._pixmap)
        p.end()


class ModeSwitcher(QObject):
    """Applies the visitor's modes to ``window`` (a KioskWindow) in place."""

    def __init__(self, window: QWidget, rebuild: Callable[[Visit | None], None]) -> None:
        super().__init__(window)
        self._window = window
        self._rebuild = rebuild
        self._cover: SwitchCover | None = None

    @property
    def cover(self) -> SwitchCover | None:
        """The cover while it is up (fading), else None."""
        cover = self._cover
        return cover if cover is not None and cover.active else None

    def apply(self, view: object | None, *, fade: bool) -> None:
        """Rebuild in the new modes; a visitor's visit goes on where it was."""
        from kiosk.shell.view import ShellView

        if isinstance(view, ShellView):
            view.destroyed.connect(_trim)  # the old tree's memory back to the system
        if not isinstance(view, ShellView) or view.current == ATTRACT:
            self._rebuild(None)  # nobody is looking: build it fresh
            return
        visit = capture_visit(view)
        self._drop_cover()
        cover = self._cover = SwitchCover(self._window, fade=fade)
        cover.destroyed.connect(self._on_cover_destroyed)
        self._rebuild(visit)
        cover.start()

    def finish(self) -> None:
        """Jump a running cross-fade to its end (screenshots, tests)."""
        self._drop_cover()

    def _drop_cover(self) -> None:
        cover, self._cover = self.cover, None
        if cover is not None:
            cover.done()

    def _on_cover_destroyed(self) -> None:
        self._cover = None


def _trim(_obj: object = None) -> None:
    # at the next turn: ``destroyed`` comes before the tree's memory is freed
    QTimer.singleShot(0, heap.trim)
