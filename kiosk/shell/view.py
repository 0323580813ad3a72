"""ShellView: the visitor-facing kiosk for one content — attract, home, section pages and
the navigation bar — wired to the Navigator and the LanguageState. Wiring only: the logic
lives in Navigator, LanguageState, PageStack and the pages."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QPoint, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk import sections
from kiosk.content.model import Content
from kiosk.sections import PageContext, SectionPage
from kiosk.shell.attract import AttractScreen
from kiosk.shell.home import HomeScreen
from kiosk.shell.language import LanguageState
from kiosk.shell.modes import VisitorModes
from kiosk.shell.modes_panel import ModesOverlay
from kiosk.shell.navbar import NavBar
from kiosk.shell.navigation import ATTRACT, HOME, Navigator
from kiosk.shell.pagestack import PageStack
from kiosk.shell.reach import ReachHeader
from kiosk.shell.swipe import SwipeDetector
from kiosk.shell.welcome import WelcomeLead, WelcomeScreen
from kiosk.theme import Theme
from kiosk.widgets.image import ImageLoader, shared_cache
from kiosk.widgets.motion import settle

log = logging.getLogger(__name__)


class ShellView(QWidget):
    screen_changed = Signal(str)
    idle_inhibited = Signal(str, bool)
    item_tapped = Signal(str, str)
    """(section id, item) from pages that report what visitors tap (for analytics)."""

    def __init__(
        self,
        content: Content,
        theme: Theme,
        *,
        base_dir: Path,
        lang: str | None = None,
        mouse_drag: bool = False,
        modes: VisitorModes | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("shell")
        self.content = content
        self.theme = theme
        self.base_dir = base_dir
        self.mouse_drag = mouse_drag
        self._pending: list[str] = []
        self.continues_visit = False
        """Rebuilt for a mode change: the visitor's visit goes on (analytics)."""
        self.images = ImageLoader(self, cache=shared_cache())  # one cache across reloads
        self.language = LanguageState(lang or content.kiosk.default_language, self)
        self.navigator = Navigator([s.id for s in content.sections], self)

        self.home = HomeScreen(content, theme, self.language.lang, sections.icon_for)
        self.stack = PageStack(theme, self._build_page, self)
        self.stack.add(HOME, self.home)
        self.navbar = NavBar(content, theme, self.language.lang, self)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.reach_header = ReachHeader(content, theme, self.language.lang, self) if theme.reach else None
        if self.reach_header is not None:  # reach mode: everything interactive below it
            column.addWidget(self.reach_header)
        column.addWidget(self.stack, 1)
        column.addWidget(self.navbar)
        self.attract = AttractScreen(content, theme, self)
        self.welcome = WelcomeScreen(theme, content.kiosk.name, list(content.welcome), base_dir, self)
        rounds = len(content.attract.highlights) * content.attract.interval
        self.welcome_lead = WelcomeLead(self.welcome, rounds, self)
        self.swipe = SwipeDetector(self.stack, theme, self._swipe_allowed, self)
        self.modes = modes or VisitorModes(theme.modes, self)
        self.modes_overlay = ModesOverlay(theme, self.language.lang, self.modes.current, self)
        self.modes_overlay.modes_panel.toggled.connect(self.modes.toggle)
        self.navbar.modes_clicked.connect(self.modes_overlay.open)
        settle(self, theme)

        self.home.tile_activated.connect(self.navigator.open)
        self.navbar.home_clicked.connect(self.navigator.home)
        self.navbar.back_clicked.connect(self.navigator.back)
        self.navbar.language_selected.connect(self.language.set)
        self.attract.activated.connect(self._on_attract_activated)
        self.welcome.activated.connect(lambda: self._on_attract_activated(""))
        self.navigator.changed.connect(self._on_navigator_changed)
        self.language.changed.connect(self._on_language_changed)
        self.swipe.swiped.connect(self._on_swipe_swiped)
        self.stack.show_key(HOME)
        self._show(ATTRACT, "none")

    # -- queries ------------------------------------------------------------------------
    @property
    def lang(self) -> str:
        return self.language.lang

    @property
    def current(self) -> str:
        return self.navigator.current

    def page(self, section_id: str) -> SectionPage:
        """The page for ``section_id`` (built on first use)."""
        return self.stack.widget(section_id)  # type: ignore[return-value]

    def built_pages(self) -> dict[str, SectionPage]:
        return {k: w for k, w in self.stack.built().items() if isinstance(w, SectionPage)}

    # -- commands -----------------------------------------------------------------------
    def show_screen(self, key: str) -> None:
        """Go straight to ``attract``, ``home`` or a section (screenshots, tests)."""
        if key == ATTRACT:
            self.navigator.reset()
        else:
            self.navigator.open(key)

    def reset(self) -> None:
        """Everything back to the start: attract, default language, every page's state."""
        self.modes_overlay.close_overlay()
        for page in self.built_pages().values():
            page.reset()
        self.navigator.reset()  # first: the visit ends before the language goes back
        self.language.reset()
        self.stack.show_key(HOME)
        self.stack.finish()
        self.attract.restart()

    def warm_up(self) -> None:
        """After the first frame: tile icons now, then one page per event-loop turn, so
        first taps are instant and the attract animation barely notices."""
        self.home.load_icons()
        self._pending = [s.id for s in self.content.sections if s.id not in self.stack.built()]
        self._warm_next()

    def _warm_next(self) -> None:
        if self._pending:
            self.stack.widget(self._pending.pop(0))
            if self._pending:
                QTimer.singleShot(0, self, self._warm_next)

    @property
    def warmed_up(self) -> bool:
        return not self._pending and all(s.id in self.stack.built() for s in self.content.sections)

    def finish_animations(self) -> None:
        self.stack.finish()

    def stop(self) -> None:
        self.stack.finish()
        self.attract.stop()
        self.welcome_lead.stop()

    # -- wiring -------------------------------------------------------------------------
    def _build_page(self, key: str) -> QWidget:
        section = self.content.section(key)
        assert section is not None, key
        context = PageContext(self.theme, self.content, self.base_dir, self.language.lang, self.mouse_drag, self.images)
        page = sections.create_page(section, context)
        settle(page, self.theme)
        page.navigate_requested.connect(self._on_page_navigate_requested)
        page.idle_inhibited.connect(lambda on, sid=key: self.idle_inhibited.emit(sid, on))
        tapped = getattr(page, "item_tapped", None)
        if tapped is not None:
            tapped.connect(lambda item, sid=key: self.item_tapped.emit(sid, item))
        return page

    def _show(self, key: str, direction: str) -> None:
        if key == ATTRACT:
            self.attract.setGeometry(self.rect())
            self.attract.show()
            self.attract.raise_()
            self.welcome_lead.start()
        else:
            self.welcome_lead.stop()
            self._catch_up_language(key)
            self.stack.show_key(key, direction)
            page = self.stack.current_widget()
            self.navbar.set_hint(page.swipe_hint_key if isinstance(page, SectionPage) else "page.swipe_hint")
            self.navbar.set_screen(key)
            if self.reach_header is not None:
                self.reach_header.set_screen(key, page.header_note() if isinstance(page, SectionPage) else None)
            self.attract.hide()
        self.screen_changed.emit(key)

    def _swipe_allowed(self, pos: QPoint) -> bool:
        page = self.stack.current_widget()
        if not isinstance(page, SectionPage):
            return False
        return page.allows_swipe_at(page.mapFrom(self.stack, pos))

    def _on_navigator_changed(self, key: str, direction: str) -> None:
        self._show(key, direction)

    def _on_language_changed(self, lang: str) -> None:
        """Re-render what the visitor sees now; other pages catch up when they are shown,
        so the tap on the toggle is answered within a frame."""
        self.home.set_language(lang)
        self.navbar.set_language(lang)
        self.modes_overlay.modes_panel.set_language(lang)
        if self.reach_header is not None:
            self.reach_header.set_language(lang)
        current = self.stack.current_widget()
        for page in self.built_pages().values():
            if page is current:
                page.set_language(lang)

    def _catch_up_language(self, key: str) -> None:
        page = self.built_pages().get(key)
        if page is not None and page.lang != self.lang:
            page.set_language(self.lang)

    def _on_attract_activated(self, section_id: str) -> None:
        self.navigator.home()
        if section_id and section_id in self.navigator.section_ids:
            self.navigator.open(section_id)

    def _on_swipe_swiped(self, direction: str) -> None:
        if direction == "left":
            self.navigator.next_section()
        else:
            self.navigator.back()

    def _on_page_navigate_requested(self, section_id: str, item_id: str) -> None:
        if section_id not in self.navigator.section_ids:
            log.warning("a page asked for unknown section %r", section_id)
            return
        self.navigator.open(section_id)
        if item_id:
            self.page(section_id).open_item(item_id)

    def resizeEvent(self, e: QResizeEvent) -> None:
        super().resizeEvent(e)
        self.attract.setGeometry(self.rect())
        self.welcome.setGeometry(self.rect())
