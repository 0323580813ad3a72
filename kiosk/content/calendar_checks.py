"""Checks on the calendar parts of content.yaml, each finding at its exact line:col:
opening hours that cannot be read (``25:00``, ``mnday``, closing before opening), a time
zone that does not exist, windows that end before they start or lie entirely in the past
("expired — remove it"), welcome banners that overlap. No Qt here.

``now`` is passed in (``kiosk validate --at`` checks another moment).
"""

from __future__ import annotations

import datetime as dt
import itertools
import shlex
import shutil
import zoneinfo
from collections.abc import Callable
from functools import cache

from kiosk.content.calendar import Schedule
from kiosk.content.explain import suggest
from kiosk.content.hours import WEEKDAY_NAMES, WEEKDAYS, HoursError, Range, parse_days, parse_hours
from kiosk.content.model import Content
from kiosk.content.schedule import tz_of, windowed_items
from kiosk.content.timewindow import end_of, start_of
from kiosk.content.yamlread import Path_

Add = Callable[..., None]
"""``add(severity, path, message, key=False)`` of the content :class:`Checker`."""


@cache
def _zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def check(content: Content, add: Add, now: dt.datetime) -> None:
    if content.schedule is not None:
        _schedule(content.schedule, add, now, tz_of(content))
    _banners(content, add, now)
    _windows(content, add, now)


def _schedule(sched: Schedule, add: Add, now: dt.datetime, tz: dt.tzinfo) -> None:
    base: Path_ = ("schedule",)
    if sched.timezone is not None and sched.timezone not in _zones():
        add("error", (*base, "timezone"), f"unknown time zone '{sched.timezone}'"
            f"{suggest(sched.timezone, _zones())} (China: Asia/Shanghai)")
    seen: dict[int, str] = {}
    for key, value in sched.hours.items():
        here: Path_ = (*base, "hours", key)
        try:
            days = parse_days(key)
        except HoursError as exc:
            words = [*WEEKDAYS, *(n[1].lower() for n in WEEKDAY_NAMES.values())]
            add("error", here, f"{exc}{suggest(key.split('-')[-1].lower(), words)}", key=True)
            continue
        for d in days:
            if d in seen:
                add("error", here, f"{WEEKDAY_NAMES[WEEKDAYS[d]][1]} is given twice (in "
                    f"'{seen[d]}' and in '{key}'); give each day once", key=True)
            seen.setdefault(d, key)
        _hours(value, here, add)
    today = now.astimezone(tz).date()
    for i, exc_ in enumerate(sched.exceptions):
        here = (*base, "exceptions", i)
        _hours(exc_.hours, (*here, "hours"), add)
        if exc_.until is not None and exc_.until < exc_.date:
            add("error", (*here, "until"), f"'until' ({exc_.until}) is before 'date' "
                f"({exc_.date}); the last day must not come before the first")
        elif (exc_.until or exc_.date) < today:
            add("warning", (*here, "date"), f"this exception ({exc_.date}) is in the past: "
                "expired — remove it")
    night = sched.night
    if night.display_on and not night.display_off:
        add("warning", (*base, "night", "display_on"), "'display_on' without 'display_off': "
            "the display is never switched off, so there is nothing to switch on")
    for name in ("display_off", "display_on"):
        command = getattr(night, name)
        if command:
            _command(command, (*base, "night", name), add)


def _hours(value: str | list[str], here: Path_, add: Add) -> None:
    ranges: list[tuple[Range, Path_]] = []
    for i, r, problem in parse_hours(value):
        where = here if i < 0 else (*here, i)
        if problem is not None:
            add("error", where, problem)
        elif r is not None:
            ranges.append((r, where))
    ranges.sort()
    for (a, _), (b, where) in itertools.pairwise(ranges):
        if b[0] < a[1]:
            add("warning", where, "this range overlaps the one before it on the same day")


def _command(command: str, here: Path_, add: Add) -> None:
    try:
        words = shlex.split(command)
    except ValueError as exc:
        add("error", here, f"this command cannot be read ({exc}); check its quotes")
        return
    if words and shutil.which(words[0]) is None:
        add("warning", here, f"the program '{words[0]}' is not installed on this machine; "
            "the display will not be switched (install it, or remove this line)")


def _banners(content: Content, add: Add, now: dt.datetime) -> None:
    tz = tz_of(content)
    spans: list[tuple[dt.datetime, dt.datetime, int]] = []
    for i, b in enumerate(content.welcome):
        here: Path_ = ("welcome", i)
        start, end = b.window(tz)
        if end <= start:
            add("error", (*here, "end"), f"the banner ends ({_show(end)}) before it starts "
                f"({_show(start)}); check the dates")
            continue
        if end <= now and not b.example:
            add("warning", (*here, "end"), f"this banner ended on {_show(end)}: "
                "expired — remove it")
        spans.append((start, end, i))
    spans.sort()
    for (_, end_a, ia), (start_b, _, ib) in itertools.pairwise(spans):
        if start_b < end_a:
            add("warning", ("welcome", ib, "start"), f"this banner overlaps the one at "
                f"welcome item {ia + 1} (until {_show(end_a)}); both are shown in turn — "
                "is that intended?")


def _windows(content: Content, add: Add, now: dt.datetime) -> None:
    tz = tz_of(content)
    paths = _windowed_paths(content)
    for item, here in zip(windowed_items(content), paths, strict=True):
        if item.show_from is not None and item.show_until is not None \
                and end_of(item.show_until, tz) <= start_of(item.show_from, tz):
            add("error", (*here, "show_until"), "'show_until' is before 'show_from': "
                "this would never be shown; check the dates")
            continue
        if item.show_until is not None and end_of(item.show_until, tz) <= now:
            add("warning", (*here, "show_until"), f"shown only until {item.show_until}: "
                "expired — remove it")


def _windowed_paths(content: Content) -> list[Path_]:
    """Data paths in the same order as :func:`windowed_items`."""
    from kiosk.content.model import HistorySection, PartnersSection, PlatformSection

    paths: list[Path_] = [("attract", "highlights", i) for i in range(len(content.attract.highlights))]
    for si, s in enumerate(content.sections):
        paths.append(("sections", si))
        if isinstance(s, HistorySection):
            paths += [("sections", si, "eras", ei, "events", vi)
                      for ei, era in enumerate(s.eras) for vi in range(len(era.events))]
        elif isinstance(s, PartnersSection):
            paths += [("sections", si, "partners", pi) for pi in range(len(s.partners))]
        elif isinstance(s, PlatformSection):
            paths += [("sections", si, "cases", ci) for ci in range(len(s.cases))]
    return paths


def _show(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")
