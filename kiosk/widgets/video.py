"""Video: a looping, silent clip in a full-page overlay, for any section with a ``video:``.

QtMultimedia is imported only when a video is first opened. The player reports whether it
plays (the page pauses the idle timer meanwhile), stops when the overlay closes or the
page is hidden, and shows a calm message instead of a black box when the file cannot be
played. One player is reused for every loop (``setLoops(Infinite)``), so memory stays flat.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import cast

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content.model import Video
from kiosk.i18n import tr
from kiosk.theme import Theme
from kiosk.widgets.button import PillButton
from kiosk.widgets.labels import TextLabel

log = logging.getLogger(__name__)


class VideoSurface(QWidget):
    """Paints the player's frames itself (via QVideoSink), letterboxed: no native child
    window, so it layers and clips like any other widget on every platform."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtMultimedia import QVideoSink

        self.sink = QVideoSink(self)
        self.sink.videoFrameChanged.connect(self._on_sink_frame_changed)
        self._image: QImage | None = None
        self.frames = 0

    def _on_sink_frame_changed(self, frame: object) -> None:
        image = frame.toImage()  # type: ignore[attr-defined]
        if not image.isNull():
            self._image = image
            self.frames += 1
            self.update()

    def clear(self) -> None:
        self._image = None
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#000000"))
        if self._image is None:
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        size = self._image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        x = (self.width() - size.width()) // 2
        y = (self.height() - size.height()) // 2
        painter.drawImage(QRect(x, y, size.width(), size.height()), self._image)


class VideoPlayer(QWidget):
    """A looping, silent video."""

    playing_changed = Signal(bool)
    failed = Signal(str)

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtMultimedia import QMediaPlayer

        self.path = path
        self.player = QMediaPlayer(self)  # no audio output at all: silent, no sound server
        self.surface = VideoSurface(self)
        self.player.setVideoSink(self.surface.sink)
        self.player.setLoops(QMediaPlayer.Loops.Infinite)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.surface)
        self.player.playbackStateChanged.connect(self._on_player_state_changed)
        self.player.errorOccurred.connect(self._on_player_error)
        self.missing = not path.is_file()
        if not self.missing:  # a missing file never reaches FFmpeg (it would only warn)
            self.player.setSource(QUrl.fromLocalFile(str(path)))

    @property
    def playing(self) -> bool:
        from PySide6.QtMultimedia import QMediaPlayer

        return self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    def play(self) -> None:
        if self.missing:
            log.warning("cannot play video %s: the file is missing", self.path)
            self.failed.emit("missing")
            return
        self.player.play()

    def pause(self) -> None:
        self.player.pause()

    def stop(self) -> None:
        self.player.stop()
        self.surface.clear()

    def _on_player_state_changed(self, _state: object) -> None:
        self.playing_changed.emit(self.playing)

    def _on_player_error(self, _error: object, message: str) -> None:
        log.warning("cannot play video %s: %s", self.path, message)
        self.failed.emit(message)


class VideoOverlay(QWidget):
    """Dims the page and plays the section's video, with its caption and a close button.
    Tapping outside the video closes it too."""

    playing_changed = Signal(bool)
    closed = Signal()

    def __init__(self, theme: Theme, video: Video, path: Path, lang: str,
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("video-overlay")
        self.theme = theme
        self._scrim = theme.color("background_deep", 0.92)
        column = QVBoxLayout(self)
        pad = theme.space("xl")
        column.setContentsMargins(pad, pad, pad, pad)
        column.setSpacing(theme.space("md"))
        top = QHBoxLayout()
        self.caption = TextLabel(theme, video.caption, lang, role="h3", parent=self)
        self.close_button = PillButton(theme, tr("video.close", lang), glyph="close", parent=self)
        self.close_button.setObjectName("video-close")
        top.addWidget(self.caption, 1)
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        column.addLayout(top)
        self.player = VideoPlayer(path, self)
        column.addWidget(self.player, 1)
        self.message = TextLabel(theme, lambda l: tr("video.unavailable", l), lang,
                                 role="lead", tone="muted",
                                 align=Qt.AlignmentFlag.AlignCenter, parent=self)
        self.message.hide()
        column.addWidget(self.message, 1)
        self.player.playing_changed.connect(self.playing_changed)
        self.player.failed.connect(self._on_player_failed)
        self.close_button.clicked.connect(self.close_video)
        parent.installEventFilter(self)
        self.hide()

    def open(self) -> None:
        self.setGeometry(cast(QWidget, self.parentWidget()).rect())
        self.show()
        self.raise_()
        self.player.play()

    def close_video(self) -> None:
        if self.isVisible() or self.player.playing:
            self.player.stop()
            self.hide()
            self.closed.emit()

    def set_language(self, lang: str) -> None:
        for label in (self.caption, self.message):
            label.set_language(lang)
        self.close_button.set_text(tr("video.close", lang))

    def _on_player_failed(self, _message: str) -> None:
        self.player.hide()
        self.message.show()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self.setGeometry(obj.rect())
        return False

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if not self.player.geometry().contains(event.position().toPoint()):
            self.close_video()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(self._scrim))
