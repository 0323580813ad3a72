"""IdleMonitor: an application-wide event filter that notices when nobody is there.

Every touch (TouchBegin/Update/End), mouse and key event restarts a single-shot timer;
when it fires, ``idle`` is emitted. Pages may *inhibit* it (a playing video). The timer is
a public attribute and :meth:`trigger` is its slot, so tests drive it without sleeping.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TouchEnd,
        QEvent.Type.TouchCancel,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.TabletPress,
        QEvent.Type.NativeGesture,
    }
)


class IdleMonitor(QObject):
    idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setObjectName("idle-timer")
        self.timer.setSingleShot(True)
        self.timer.setInterval(timeout_ms)
        self.timer.timeout.connect(self.trigger)
        self._armed = False
        self._inhibitors: set[str] = set()
        self.events_seen = 0

    @property
    def inhibited(self) -> bool:
        return bool(self._inhibitors)

    def set_timeout(self, timeout_ms: int) -> None:
        self.timer.setInterval(timeout_ms)

    def start(self) -> None:
        """Watch for idleness (call when a visitor is using the kiosk)."""
        self._armed = True
        self.poke()

    def stop(self) -> None:
        """Stop watching (attract screen, countdown, shutdown)."""
        self._armed = False
        self.timer.stop()

    def poke(self) -> None:
        """Somebody is there: restart the countdown to idle."""
        if self._armed and not self._inhibitors:
            self.timer.start()

    def inhibit(self, reason: str, on: bool) -> None:
        if on:
            self._inhibitors.add(reason)
            self.timer.stop()
        else:
            self._inhibitors.discard(reason)
            self.poke()

    def trigger(self) -> None:
        """The idle timeout (the timer's slot; tests call it directly)."""
        if self._armed and not self._inhibitors:
            self._armed = False
            self.timer.stop()
            self.idle.emit()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self.events_seen += 1
            self.poke()
        return False
