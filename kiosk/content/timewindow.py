"""Moments and time windows in content.yaml: ``show_from`` / ``show_until`` on any
highlight, history event, partner, case or section, and ``start`` / ``end`` of a welcome
banner. No Qt here.

A moment is a date (``2026-11-26``: the whole day) or a date and time
(``"2026-11-26 14:30"``, local to the kiosk's time zone). A window's start is inclusive,
its end exclusive — except a bare end *date*, which includes that whole day.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BaseModel, Field, PlainValidator, WithJsonSchema

MOMENT_HINT = 'write a date like 2026-11-26 or a date and time in quotes like "2026-11-26 14:30"'


def _moment(value: object) -> dt.datetime | dt.date:
    """YAML gives dates and (with seconds) datetimes; anything else arrives as text."""
    if isinstance(value, (bool, int, float)):
        raise ValueError(f"{value!r} is not a date: {MOMENT_HINT}")
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip().replace("：", ":").replace("／", "-").replace("/", "-")
        try:  # a bare date stays a date (the whole day)
            return dt.date.fromisoformat(text) if len(text) <= 10 else dt.datetime.fromisoformat(text)
        except ValueError:
            pass
        raise ValueError(f"'{value}' is not a date or a date and time: {MOMENT_HINT}")
    raise ValueError(f"expected a date here: {MOMENT_HINT}")


Moment = Annotated[
    dt.datetime | dt.date,
    PlainValidator(_moment),
    WithJsonSchema({"type": "string", "description": "2026-11-26 or \"2026-11-26 14:30\""}),
]


def start_of(moment: dt.datetime | dt.date, tz: dt.tzinfo) -> dt.datetime:
    """When ``moment`` begins, as an aware datetime (a date begins at midnight)."""
    if isinstance(moment, dt.datetime):
        return moment if moment.tzinfo is not None else moment.replace(tzinfo=tz)
    return dt.datetime.combine(moment, dt.time(0), tz)


def end_of(moment: dt.datetime | dt.date, tz: dt.tzinfo) -> dt.datetime:
    """When a window ending at ``moment`` ends (a date includes its whole day)."""
    if isinstance(moment, dt.datetime):
        return start_of(moment, tz)
    return dt.datetime.combine(moment + dt.timedelta(days=1), dt.time(0), tz)


class Windowed(BaseModel):
    """Mixin for content that appears and disappears on its own dates."""

    show_from: Moment | None = Field(default=None, description=(
        "Shown from this date (or date and time) on; before it, hidden."))
    show_until: Moment | None = Field(default=None, description=(
        "Shown until this date (the whole day) or date and time; after it, hidden."))

    def window(self, tz: dt.tzinfo) -> tuple[dt.datetime | None, dt.datetime | None]:
        """(start, end) as aware datetimes; None where open-ended."""
        start = start_of(self.show_from, tz) if self.show_from is not None else None
        end = end_of(self.show_until, tz) if self.show_until is not None else None
        return start, end

    def shown_at(self, t: dt.datetime, tz: dt.tzinfo) -> bool:
        start, end = self.window(tz)
        return (start is None or start <= t) and (end is None or t < end)
