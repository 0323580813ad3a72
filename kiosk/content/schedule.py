"""Questions about time, answered from the content alone. No Qt, no clock: every function
takes the moment ``t`` (timezone-aware) it is asked about.

* :func:`is_open` — is the showroom open at ``t``?
* :func:`active_banners` — which welcome banners are on at ``t``, in time order?
* :func:`visible_at` — the content as visitors see it at ``t``: time-windowed items
  outside their window removed, links to hidden partners and sections dropped.
* :func:`transitions` — what happens between two moments (opening, closing, banners,
  content appearing and expiring), for ``kiosk schedule`` and the UI's next check.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from kiosk.clock import zone
from kiosk.content.calendar import Banner, Schedule
from kiosk.content.hours import DAY_MINUTES, DAY_WORDS, HoursError, Range, parse_days, ranges_of
from kiosk.content.model import (
    Content,
    HistorySection,
    ParkSection,
    PartnersSection,
    PlatformSection,
    Text,
)
from kiosk.content.timewindow import Windowed


def tz_of(content: Content | None) -> dt.tzinfo:
    """The kiosk's time zone: ``schedule.timezone``, else the machine's."""
    sched = content.schedule if content is not None else None
    return zone(sched.timezone if sched is not None else None)


# -- opening hours ------------------------------------------------------------------------


def weekly(schedule: Schedule) -> dict[int, list[Range]]:
    """Weekday (Monday 0) → its ranges. Days not named are closed; unreadable keys and
    ranges are skipped (validation reports them)."""
    week: dict[int, list[Range]] = {d: [] for d in range(7)}
    for key, value in schedule.hours.items():
        try:
            days = parse_days(key)
        except HoursError:
            continue
        for d in days:
            week[d] = ranges_of(value)
    return week


def ranges_on(schedule: Schedule, day: dt.date) -> list[Range]:
    """The opening ranges of ``day``: a dated exception wins over the weekday."""
    for exc in reversed(schedule.exceptions):  # the last one written wins
        if exc.date <= day <= (exc.until or exc.date):
            return ranges_of(exc.hours)
    if not schedule.hours:
        return [(0, DAY_MINUTES)]  # no weekly hours: open unless an exception closes
    return weekly(schedule)[day.weekday()]


def is_open(content: Content, t: dt.datetime) -> bool:
    """Open at ``t``? Always, without a schedule. A range past midnight (``+1``) keeps
    the previous day's opening going into this one."""
    sched = content.schedule
    if sched is None:
        return True
    local = t.astimezone(tz_of(content))
    minute = local.hour * 60 + local.minute + local.second / 60
    today = local.date()
    if any(a <= minute < b for a, b in ranges_on(sched, today)):
        return True
    yesterday = today - dt.timedelta(days=1)
    return any(minute < b - DAY_MINUTES for _, b in ranges_on(sched, yesterday))


# -- banners and windows ------------------------------------------------------------------


def active_banners(content: Content, t: dt.datetime) -> list[Banner]:
    """The welcome banners on at ``t``, in the order they start."""
    tz = tz_of(content)
    on = [b for b in content.welcome if b.window(tz)[0] <= t < b.window(tz)[1]]
    return sorted(on, key=lambda b: b.window(tz)[0])


def _keep(items: list[Any], t: dt.datetime, tz: dt.tzinfo) -> list[Any]:
    return [x for x in items if not isinstance(x, Windowed) or x.shown_at(t, tz)]


def visible_at(content: Content, t: dt.datetime) -> Content:
    """``content`` as it shows at ``t``. Never leaves a list a screen needs empty: when
    every highlight (or every section) is outside its window, the first is kept."""
    tz = tz_of(content)
    sections = _keep(list(content.sections), t, tz) or list(content.sections[:1])
    partners = {p.id for s in sections if isinstance(s, PartnersSection)
                for p in _keep(s.partners, t, tz)}
    shown = [_section_at(s, t, tz, partners) for s in sections]
    ids = {s.id for s in shown}
    highlights = [h if h.section is None or h.section in ids else h.model_copy(update={"section": None})
                  for h in _keep(content.attract.highlights, t, tz)]
    attract = content.attract.model_copy(
        update={"highlights": highlights or list(content.attract.highlights[:1])})
    return content.model_copy(update={
        "sections": shown, "attract": attract, "welcome": active_banners(content, t)})


def _section_at(s: Any, t: dt.datetime, tz: dt.tzinfo, partners: set[str]) -> Any:
    if isinstance(s, HistorySection):
        eras = [e.model_copy(update={"events": _keep(e.events, t, tz)}) for e in s.eras]
        eras = [e for e in eras if e.events] or list(s.eras[:1])
        return s.model_copy(update={"eras": eras})
    if isinstance(s, PartnersSection):
        return s.model_copy(update={"partners": _keep(s.partners, t, tz)})
    if isinstance(s, ParkSection):
        spots = [h.model_copy(update={"partners": [p for p in h.partners if p in partners]})
                 for h in s.hotspots]
        return s.model_copy(update={"hotspots": spots})
    if isinstance(s, PlatformSection):
        cases = [c.model_copy(update={"partners": [p for p in c.partners if p in partners]})
                 for c in _keep(s.cases, t, tz)]
        return s.model_copy(update={"cases": cases})
    return s


def visibility_key(content: Content, t: dt.datetime) -> tuple[Any, ...]:
    """Changes exactly when what :func:`visible_at` shows changes (cheap to compare)."""
    tz = tz_of(content)
    flags = tuple(x.shown_at(t, tz) for x in windowed_items(content))
    banners = tuple(id(b) for b in active_banners(content, t))
    return flags, banners


def windowed_items(content: Content) -> list[Windowed]:
    """Every item of the content that can carry ``show_from`` / ``show_until``."""
    found: list[Windowed] = list(content.attract.highlights)
    for s in content.sections:
        found.append(s)
        if isinstance(s, HistorySection):
            found += [e for era in s.eras for e in era.events]
        elif isinstance(s, PartnersSection):
            found += s.partners
        elif isinstance(s, PlatformSection):
            found += s.cases
    return found


# -- what happens when ----------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class Transition:
    at: dt.datetime
    kind: str
    """open, close, banner_start, banner_end, appear, expire."""
    zh: str
    en: str


def opening_transitions(content: Content, start: dt.datetime, end: dt.datetime) -> list[Transition]:
    sched = content.schedule
    if sched is None:
        return []
    tz = tz_of(content)
    first = start.astimezone(tz).date() - dt.timedelta(days=1)
    days = (end.astimezone(tz).date() - first).days + 1
    edges: list[tuple[dt.datetime, str]] = []
    for i in range(days):
        day = first + dt.timedelta(days=i)
        midnight = dt.datetime.combine(day, dt.time(0), tz)
        for a, b in ranges_on(sched, day):
            edges += [(_wall(midnight, a), "open"), (_wall(midnight, b), "close")]
    edges.sort()
    merged: list[tuple[dt.datetime, str]] = []
    for at, kind in edges:  # a close at 24:00 and an open at 00:00 are no change
        if merged and merged[-1][0] == at and merged[-1][1] != kind:
            merged.pop()
        else:
            merged.append((at, kind))
    words = {"open": ("开馆", "opens"), "close": ("闭馆（夜间模式）", "closes (night mode)")}
    return [Transition(at, k, *words[k]) for at, k in merged if start <= at < end]


def _wall(midnight: dt.datetime, minutes: int) -> dt.datetime:
    day = midnight.date() + dt.timedelta(days=minutes // DAY_MINUTES)
    m = minutes % DAY_MINUTES
    return dt.datetime.combine(day, dt.time(m // 60, m % 60), midnight.tzinfo)


def transitions(content: Content, start: dt.datetime, end: dt.datetime) -> list[Transition]:
    """Everything that changes in [start, end), in time order."""
    tz = tz_of(content)
    found = opening_transitions(content, start, end)
    for b in content.welcome:
        a, z = b.window(tz)
        who = _name(b.guest or b.organisation or b.greeting)
        found += [Transition(a, "banner_start", f"欢迎横幅开始：{who[0]}", f"welcome banner starts: {who[1]}"),
                  Transition(z, "banner_end", f"欢迎横幅结束：{who[0]}", f"welcome banner ends: {who[1]}")]
    for item in windowed_items(content):
        a_, z_ = item.window(tz)
        label = _name(_title(item))
        if a_ is not None:
            found.append(Transition(a_, "appear", f"内容上线：{label[0]}", f"appears: {label[1]}"))
        if z_ is not None:
            found.append(Transition(z_, "expire", f"内容下线：{label[0]}", f"expires: {label[1]}"))
    return sorted(t for t in found if start <= t.at < end)


def next_transition(content: Content, t: dt.datetime, horizon_days: int = 8) -> dt.datetime | None:
    """When the next change after ``t`` happens (None within ``horizon_days``)."""
    later = transitions(content, t + dt.timedelta(seconds=1), t + dt.timedelta(days=horizon_days))
    return later[0].at if later else None


def _title(item: Windowed) -> Text:
    for attr in ("title", "name"):
        value = getattr(item, attr, None)
        if isinstance(value, Text):
            return value
    return Text(zh="?", en="?")


def _name(text: Text) -> tuple[str, str]:
    return text.get("zh"), text.get("en")


def day_word(key: str) -> int | None:
    return DAY_WORDS.get(key.strip().lower())
