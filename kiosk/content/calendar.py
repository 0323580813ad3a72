"""The showroom's calendar in content.yaml: opening hours (``schedule:``), welcome banners
for visiting delegations (``welcome:``) and the guided-tour settings (``guided:``). No Qt.

Hours are written as text staff can read — ``"09:00-17:30"``, ``closed``, or a list of
ranges for a lunch break — and checked by :mod:`kiosk.content.calendar_checks` with the
exact line and column of each mistake; :mod:`kiosk.content.schedule` answers questions
about them ("is it open at t?").

Imported at the end of :mod:`kiosk.content.model` (it needs ``Model`` and ``Text``).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, PlainValidator, Strict, WithJsonSchema

from kiosk.content.base import ImagePath, Model, Str, Text
from kiosk.content.timewindow import Moment, end_of, start_of


def _hours(value: object) -> str | list[str]:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    if isinstance(value, list):
        bad = next(v for v in value if not isinstance(v, str))
        _hours(bad)  # raises with the reason
    if isinstance(value, int) and not isinstance(value, bool):
        shown = f"{value // 60}:{value % 60:02d}"
        raise ValueError(f"YAML reads {shown} as a base-60 number ({value}); opening hours "
                         f"are a range in quotes, like \"{shown}-17:30\"")
    if value is False:
        raise ValueError("YAML reads this as a yes/no value; write closed (or \"09:00-17:30\")")
    raise ValueError('write opening hours like "09:00-17:30", or closed')


Hours = Annotated[
    str | list[str],
    PlainValidator(_hours),
    WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}),
]
"""``"09:00-17:30"``, ``closed`` or a list of ranges, e.g. ``["09:00-12:00", "13:30-17:30"]``."""


class OpeningException(Model):
    """A dated exception to the weekly hours: a public holiday closed, a Saturday open."""

    date: dt.date = Field(description="The day (2026-10-01); with `until`, the first day.")
    until: dt.date | None = Field(default=None, description="The last day of a run of days.")
    hours: Hours = Field(description='"09:00-12:00", closed, or a list of ranges.')
    note: Str | None = Field(default=None, description="For staff: why (国庆节 / National Day).")

    def days(self) -> list[dt.date]:
        last = self.until or self.date
        n = max(0, (last - self.date).days)
        return [self.date + dt.timedelta(days=i) for i in range(n + 1)]


class NightMode(Model):
    """What the screen does outside opening hours."""

    show: Literal["clock", "name", "nothing"] = Field(default="clock", description=(
        "clock: a small drifting clock and the park's name; name: only the name; "
        "nothing: a black screen."))
    display_off: Str | None = Field(default=None, description=(
        "A command that switches the display off, e.g. `xset dpms force off`."))
    display_on: Str | None = Field(default=None, description=(
        "A command that switches the display on again, e.g. `xset dpms force on`."))
    command_timeout: Annotated[int, Strict(), Field(ge=1, le=120)] = Field(
        default=10, description="Seconds a display command may take before it is stopped.")
    wake_minutes: Annotated[int, Strict(), Field(ge=1, le=240)] = Field(
        default=5, description="A touch at night wakes the kiosk for this many minutes.")


class Schedule(Model):
    """Opening hours. Without a schedule the kiosk is always open."""

    timezone: Str | None = Field(default=None, description=(
        "The kiosk's time zone (IANA name), e.g. Asia/Shanghai; default: the machine's."))
    hours: dict[Str, Hours] = Field(default_factory=dict, description=(
        "Per weekday (mon … sun, or a range like mon-fri): \"09:00-17:30\" or closed. "
        "Days not named are closed."))
    exceptions: list[OpeningException] = Field(default_factory=list, description=(
        "Dated exceptions; they override the weekday."))
    night: NightMode = Field(default_factory=NightMode, description="Outside opening hours.")


class Banner(Model):
    """A welcome banner for a visiting delegation, shown during its window."""

    greeting: Text = Field(description="热烈欢迎…莅临参观指导 / A warm welcome to …")
    guest: Text | None = Field(default=None, description="The guest's or delegation's name.")
    organisation: Text | None = Field(default=None, description="The guest's organisation.")
    logo: ImagePath | None = Field(default=None, description="The guest's logo (optional).")
    start: Moment = Field(description='From: a date (the whole day) or "2026-11-26 09:00".')
    end: Moment = Field(description='Until: a date (the whole day) or "2026-11-26 12:00".')
    example: bool = Field(default=False, description=(
        "Marks a sample banner in the shipped file (not a warning when expired)."))

    def window(self, tz: dt.tzinfo) -> tuple[dt.datetime, dt.datetime]:
        return start_of(self.start, tz), end_of(self.end, tz)


class Guided(Model):
    """Guided-tour mode, started from the admin panel."""

    limit_minutes: Annotated[int, Strict(), Field(ge=10, le=480)] = Field(
        default=120, description=(
            "The idle reset is suspended for at most this long; then the usual countdown."))
    gesture: bool = Field(default=True, description=(
        "Five taps in the top-left corner, then the admin PIN, start a tour."))
