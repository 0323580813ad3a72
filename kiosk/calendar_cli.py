"""``kiosk schedule`` and ``kiosk validate --at``: what the calendar does, in plain
bilingual lines. No Qt here."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiosk.clock import Clock, SystemClock, parse_moment
from kiosk.content.hours import WEEKDAY_NAMES, WEEKDAYS
from kiosk.content.model import Content
from kiosk.content.schedule import active_banners, is_open, transitions, tz_of, visible_at, windowed_items


def stamp(t: dt.datetime) -> str:
    """``2026-12-01 周二 Tue 17:30``."""
    zh, en = WEEKDAY_NAMES[WEEKDAYS[t.weekday()]]
    return f"{t:%Y-%m-%d} {zh} {en[:3]} {t:%H:%M}"


def moment(text: str | None, content: Content | None, clock: Clock | None = None) -> dt.datetime:
    """``--at`` text in the kiosk's zone, or now. Raises ValueError in plain words."""
    tz = tz_of(content)
    if text is None:
        return (clock or SystemClock()).now().astimezone(tz)
    return parse_moment(text, tz).astimezone(tz)


def state_lines(content: Content, t: dt.datetime) -> list[str]:
    """What the kiosk shows at ``t``: open or night, the banners, what is hidden."""
    open_ = is_open(content, t)
    lines = [f"{stamp(t)}  " + ("开放 · open" if open_ else "闭馆，夜间模式 · closed, night mode")]
    for b in active_banners(content, t):
        lines.append(f"  欢迎横幅 welcome banner: {b.greeting.zh} · {b.greeting.en}")
    tz = tz_of(content)
    hidden = [x for x in windowed_items(content) if not x.shown_at(t, tz)]
    for item in hidden:
        title = getattr(item, "title", None) or getattr(item, "name", None)
        zh = title.zh if title is not None else "?"
        en = title.en if title is not None else "?"
        lines.append(f"  不显示 hidden: {zh} · {en}")
    if not hidden:
        lines.append("  全部内容可见 · all content is shown")
    shown = visible_at(content, t)
    lines.append(f"  {len(shown.sections)} 个栏目 sections, {len(shown.attract.highlights)} 条轮播 highlights")
    return lines


def schedule_lines(content: Content, start: dt.datetime, days: int, source: Path) -> list[str]:
    tz = tz_of(content)
    name = getattr(tz, "key", None) or str(tz)
    end = start + dt.timedelta(days=days)
    lines = [f"{source} — 时区 time zone {name}", *state_lines(content, start), ""]
    if content.schedule is None:
        lines.append("没有设置开放时间（schedule:），全天开放 · no opening hours set: always open")
    found = transitions(content, start, end)
    day = None
    for tr in found:
        local = tr.at.astimezone(tz)
        if local.date() != day:
            day = local.date()
            zh, en = WEEKDAY_NAMES[WEEKDAYS[day.weekday()]]
            lines.append(f"{day:%Y-%m-%d} {zh} {en}")
        lines.append(f"  {local:%H:%M}  {tr.zh} · {tr.en}")
    if not found:
        lines.append(f"未来 {days} 天没有变化 · nothing changes in the next {days} days")
    return lines


def schedule_command(path: str | None, days: int, at: str | None) -> int:
    from kiosk.content.findings import ContentError
    from kiosk.content.loader import load_file
    from kiosk.paths import find_content

    target = find_content(path)
    try:
        content = load_file(target).content
    except ContentError as exc:
        for finding in exc.findings:
            print(finding)
        print(f"{target}: fix the errors above first (kiosk validate)")
        return 1
    try:
        start = moment(at, content)
    except ValueError as exc:
        print(f"kiosk schedule: --at: {exc}")
        return 2
    for line in schedule_lines(content, start, days, target):
        print(line)
    return 0
