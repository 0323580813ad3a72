"""SectionPage: the base class of every section page, and the context pages are built with.

A page gets its section model and a :class:`PageContext` (theme, the whole content for
cross-links, the media folder, the start language) — no globals. The shell calls:

* :meth:`SectionPage.set_language` — re-render in place (keep scroll, zoom, selection);
* :meth:`SectionPage.reset` — back to the initial state on idle (scroll, zoom, selection,
  media); the default resets every :class:`KineticScrollArea` on the page;
* :meth:`SectionPage.on_shown` / :meth:`SectionPage.on_hidden` — start/pause media;
* :meth:`SectionPage.allows_swipe_at` — whether a horizontal swipe starting there may
  change section (return False over a timeline or a zoomable plan);
* :meth:`SectionPage.open_item` — deep link (e.g. open partner ``haier`` on the partners page).

Pages emit :attr:`navigate_requested` ``(section_id, item_id)`` to ask the shell to open
another section, and :attr:`idle_inhibited` ``(bool)`` while a video plays.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QAbstractAnimation, QEvent, QObject, QPoint, Signal
from PySide6.QtWidgets import QWidget

from kiosk.content.model import Content, SectionBase
from kiosk.i18n import tr
from kiosk.theme import Theme
from kiosk.widgets.button import PillButton
from kiosk.widgets.image import ImageLoader
from kiosk.widgets.kinetic import KineticScrollArea
from kiosk.widgets.labels import FollowsLanguage, Localized
from kiosk.widgets.scroll_cue import ScrollCue

if TYPE_CHECKING:
    from kiosk.widgets.video import VideoOverlay


#: Object names of a page's title and the accent rule under it (reach mode hides both:
#: the reach header above the band shows the title).
PAGE_TITLE, TITLE_RULE = "page-title", "title-rule"


@dataclass(frozen=True)
class PageContext:
    theme: Theme
    content: Content
    base_dir: Path
    """The folder media paths are relative to (content.yaml's folder)."""
    lang: str
    mouse_drag: bool = False
    """Allow mouse dragging in kinetic areas (desktop trials, ``--windowed``)."""
    images: ImageLoader = field(default_factory=ImageLoader)
    """The app's one image loader (decodes off the UI thread, bounded cache)."""

    def media(self, relative: str | None) -> Path | None:
        return (self.base_dir / relative.replace("\\", "/")) if relative else None


class SectionPage(FollowsLanguage, QWidget):
    #: The content ``type`` this page shows; set by :func:`~kiosk.sections.register_page`.
    section_type: ClassVar[str] = ""
    #: The tile icon (qtawesome name) when the section gives none.
    default_icon: ClassVar[str] = "mdi6.view-grid-outline"
    #: Whether swiping left/right on this page may change section (see :meth:`allows_swipe_at`).
    swipe_navigation: ClassVar[bool] = True
    #: The navigation bar's hint on this page (i18n key): where the section swipe works.
    swipe_hint_key: ClassVar[str] = "page.swipe_hint"

    navigate_requested = Signal(str, str)
    idle_inhibited = Signal(bool)

    def __init__(self, section: SectionBase, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._section = section
        self.context = context
        self.theme = context.theme
        self._lang = context.lang
        self.setObjectName(f"page-{section.id}")
        self._video_button: PillButton | None = None
        self._video: VideoOverlay | None = None
        if section.video is not None:
            self._video_button = PillButton(self.theme, tr("video.watch", self._lang),
                                            glyph="play", variant="accent", parent=self)
            self._video_button.setObjectName(f"video-{section.id}")
            self._video_button.clicked.connect(self.open_video)
            self.installEventFilter(self)

    @property
    def section(self) -> SectionBase:
        return self._section

    def _language_changed(self, lang: str) -> None:
        """Show the page in ``lang`` without changing where the visitor is on it."""
        for child in self.findChildren(QWidget):
            if isinstance(child, Localized) and not isinstance(child, SectionPage):
                child.set_language(lang)
        for cue in self.findChildren(ScrollCue):
            cue.set_language(lang)
        if self._video_button is not None:
            self._video_button.set_text(tr("video.watch", lang))
            self._place_video_button()
        self.retranslate(lang)

    # -- the optional video (any section type) ----------------------------------------------
    def open_video(self) -> None:
        """Play the section's video in an overlay (looping, muted; idle paused meanwhile)."""
        video = self._section.video
        if video is None:
            return
        if self._video is None:
            from kiosk.widgets.video import VideoOverlay

            path = self.context.media(video.file)
            assert path is not None  # the loader rejects an empty video file name
            self._video = VideoOverlay(self.theme, video, path,
                                       self._lang, self)
            self._video.playing_changed.connect(self.idle_inhibited)
            self._video.closed.connect(lambda: self.idle_inhibited.emit(False))
        self._video.open()

    def close_video(self) -> None:
        if self._video is not None:
            self._video.close_video()

    def _place_video_button(self) -> None:
        button = self._video_button
        if button is not None:
            margin = self.theme.space("lg")
            size = button.sizeHint()
            button.setGeometry(self.width() - size.width() - margin,
                               self.height() - size.height() - margin, size.width(), size.height())
            button.raise_()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self:
            if event.type() == QEvent.Type.Resize:
                self._place_video_button()
            elif event.type() == QEvent.Type.Hide:
                self.close_video()  # never plays off screen
        return False

    def hide_repeated_title(self) -> None:
        """Reach mode: the header above the band shows this page's title and subtitle,
        so the page does not repeat them (its title, accent rule and ``subtitle_label``
        hide; layouts close the gap)."""
        for widget in self.findChildren(QWidget):
            if widget.objectName() in (PAGE_TITLE, TITLE_RULE):
                widget.hide()
        subtitle = getattr(self, "subtitle_label", None)
        if isinstance(subtitle, QWidget):
            subtitle.hide()

    def retranslate(self, lang: str) -> None:
        """Hook for texts that are not :class:`~kiosk.widgets.labels.Localized` widgets."""

    def reset(self) -> None:
        """Back to the initial state: scroll, zoom, selection, media. Extend, don't replace."""
        self.close_video()
        for area in self.findChildren(KineticScrollArea):
            area.reset()

    def on_shown(self) -> None:
        """The page became the current one."""

    def finish_animations(self) -> None:
        """Jump every running animation on the page to its end (screenshots, tests).
        Pages parent their animations to themselves or their widgets so this finds them."""
        for anim in self.findChildren(QAbstractAnimation):
            if anim.state() == QAbstractAnimation.State.Running and anim.loopCount() == 1:
                anim.setCurrentTime(anim.totalDuration())
                anim.stop()

    def on_hidden(self) -> None:
        """The page stopped being the current one (pause media here)."""

    def allows_swipe_at(self, pos: QPoint) -> bool:
        """Whether a horizontal swipe starting at ``pos`` (page coordinates) may change section."""
        return self.swipe_navigation

    def open_item(self, item_id: str) -> bool:
        """Show item ``item_id`` (deep link). Return whether the page knows it."""
        return False
