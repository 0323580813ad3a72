"""The one clock the whole kiosk asks for the date and time. No Qt here.

Everything that depends on the calendar (opening hours, night mode, welcome banners,
time-windowed content) takes its "now" from a :class:`Clock`, never from
``datetime.now()`` directly, so tests and ``kiosk shot --at`` run any moment without
sleeping: :class:`FakeClock` is set and advanced by hand.

Times are always timezone-aware. The kiosk's zone comes from ``schedule.timezone`` in
content.yaml (an IANA name such as ``Asia/Shanghai``); without it, the machine's own zone.
Zone data comes from the system (``/usr/share/zoneinfo``) or, where a machine lacks it,
from the ``tzdata`` package.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

UTC = dt.timezone.utc


class Clock(Protocol):
    def now(self) -> dt.datetime:
        """The current moment, timezone-aware."""


class SystemClock:
    """The real time."""

    def now(self) -> dt.datetime:
        return dt.datetime.now(UTC)


class FakeClock:
    """A clock that only moves when told to (tests, previews)."""

    def __init__(self, start: dt.datetime) -> None:
        self._now = _aware(start)

    def now(self) -> dt.datetime:
        return self._now

    def set(self, moment: dt.datetime) -> None:
        self._now = _aware(moment)

    def advance(self, **delta: float) -> dt.datetime:
        """Move on by ``timedelta(**delta)``, e.g. ``advance(minutes=5)``."""
        self._now += dt.timedelta(**delta)
        return self._now


def _aware(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None:
        raise ValueError("FakeClock needs a timezone-aware datetime")
    return moment


def local_zone() -> dt.tzinfo:
    """The machine's own zone (a fixed offset when it cannot be named)."""
    target = str(Path("/etc/localtime").resolve())
    if "zoneinfo/" in target:
        name = target.split("zoneinfo/", 1)[1]
        if known_zone(name):
            return ZoneInfo(name)
    zone = dt.datetime.now().astimezone().tzinfo
    return zone if zone is not None else UTC


def zone(name: str | None) -> dt.tzinfo:
    """The zone called ``name`` (IANA, e.g. ``Asia/Shanghai``), or the machine's own for
    None. An unknown name falls back to the machine's zone (validation reports it)."""
    if not name:
        return local_zone()
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return local_zone()


def known_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


def parse_moment(text: str, tz: dt.tzinfo) -> dt.datetime:
    """``YYYY-MM-DDTHH:MM`` (or a space, or a date alone) in zone ``tz`` → aware datetime.
    Raises ValueError with a plain message."""
    cleaned = text.strip().replace("：", ":")
    try:
        moment = dt.datetime.fromisoformat(cleaned)
    except ValueError:
        raise ValueError(f"expected a moment like 2026-11-26T14:30, got {text!r}") from None
    return moment.replace(tzinfo=tz) if moment.tzinfo is None else moment
