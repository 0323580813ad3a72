"""Reading opening hours as staff write them. No Qt here.

``"09:00-17:30"`` opens at nine and closes at half past five; ``closed`` (or 休息, 闭馆)
closes the day; a list gives several ranges (a lunch break). A range that runs past
midnight must say so: ``"22:00-02:00+1"`` (or ``22:00-次日02:00``) — a plain
``"18:00-09:00"`` is refused, because it is far more often a typing slip than a night
opening. Weekday keys are ``mon`` … ``sun`` (or ``monday``, 周一, 星期一) and ranges of
them such as ``mon-fri``.
"""

from __future__ import annotations

import re

WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WEEKDAY_NAMES: dict[str, tuple[str, str]] = {
    "mon": ("周一", "Monday"), "tue": ("周二", "Tuesday"), "wed": ("周三", "Wednesday"),
    "thu": ("周四", "Thursday"), "fri": ("周五", "Friday"), "sat": ("周六", "Saturday"),
    "sun": ("周日", "Sunday"),
}
_ZH_DAYS = "一二三四五六日"
DAY_WORDS: dict[str, int] = {}
for _i, _d in enumerate(WEEKDAYS):
    DAY_WORDS[_d] = _i
    DAY_WORDS[WEEKDAY_NAMES[_d][1].lower()] = _i
    for _prefix in ("周", "星期", "礼拜"):
        DAY_WORDS[_prefix + _ZH_DAYS[_i]] = _i
for _prefix in ("周", "星期", "礼拜"):
    DAY_WORDS[_prefix + "天"] = 6
DAY_WORDS.update({"tues": 1, "weds": 2, "thur": 3, "thurs": 3})

CLOSED_WORDS = frozenset({"closed", "close", "休息", "闭馆", "关闭", "不开放", "off"})
DAY_MINUTES = 24 * 60

Range = tuple[int, int]
"""Minutes after midnight: (opens, closes). ``closes`` > 1440 runs into the next day."""

_DASHES = re.compile(r"\s*(?:-|–|—|~|～|至|到)\s*")
_RANGE = re.compile(r"^(\d{1,2}):(\d{1,2})-(次日|next day\s*)?(\d{1,2}):(\d{1,2})(\s*\+\s*1)?$")
_TIME_HINT = 'write opening hours like "09:00-17:30" (24-hour clock) or closed'


class HoursError(ValueError):
    """A range or a weekday name that cannot be read; the message says how to fix it."""


def normalise(text: str) -> str:
    return _DASHES.sub("-", text.strip().replace("：", ":").replace("　", " ")).strip()


def _time(h: str, m: str, text: str, *, end: bool) -> int:
    hours, minutes = int(h), int(m)
    if len(m) != 2 or minutes > 59:
        raise HoursError(f"'{h}:{m}' in '{text}' is not a time: minutes go from 00 to 59")
    if hours > 24 or (hours == 24 and (minutes or not end)):
        raise HoursError(f"'{h}:{m}' in '{text}' is not a time of day: hours go from 00 to 23 "
                         "(24:00 may end a day: it means midnight)")
    return hours * 60 + minutes


def parse_range(text: str) -> Range:
    """One ``"HH:MM-HH:MM"`` range. Raises :class:`HoursError` in plain words."""
    cleaned = normalise(text)
    m = _RANGE.match(cleaned)
    if m is None:
        if re.match(r"^\d{1,2}:\d{2}$", cleaned):
            raise HoursError(f"'{text}' is only one time: give the opening and the closing "
                             f"time, like \"{cleaned}-17:30\"")
        raise HoursError(f"'{text}' is not an opening time: {_TIME_HINT}")
    start = _time(m.group(1), m.group(2), text, end=False)
    end = _time(m.group(4), m.group(5), text, end=True)
    next_day = bool(m.group(3) or m.group(6))
    if next_day:
        if end >= start:
            raise HoursError(f"'{text}' is marked as ending the next day, but "
                             f"{m.group(4)}:{m.group(5)} is not before {m.group(1)}:{m.group(2)}; "
                             "remove '+1' or check the times")
        return start, end + DAY_MINUTES
    if end == start:
        raise HoursError(f"'{text}' opens and closes at the same time")
    if end < start:
        raise HoursError(f"'{text}' closes before it opens; if it really stays open past "
                         f"midnight, write \"{cleaned}+1\" (+1: the next day)")
    return start, end


def is_closed_word(text: str) -> bool:
    return normalise(text).lower() in CLOSED_WORDS


def parse_hours(value: str | list[str]) -> list[tuple[int, Range | None, str | None]]:
    """Each item of an hours value as (index, range or None for closed, problem or None).
    ``index`` is -1 for a single text, else the list index."""
    items = [(-1, value)] if isinstance(value, str) else list(enumerate(value))
    out: list[tuple[int, Range | None, str | None]] = []
    for i, text in items:
        if is_closed_word(text):
            out.append((i, None, None))
            continue
        try:
            out.append((i, parse_range(text), None))
        except HoursError as exc:
            out.append((i, None, str(exc)))
    return out


def ranges_of(value: str | list[str]) -> list[Range]:
    """The ranges of a valid hours value, in order (closed → none)."""
    return sorted(r for _, r, problem in parse_hours(value) if r is not None and problem is None)


def parse_days(key: str) -> list[int]:
    """Weekday numbers (Monday 0) for a key like ``mon``, ``周六`` or ``mon-fri``."""
    text = normalise(key).lower()
    if text in DAY_WORDS:
        return [DAY_WORDS[text]]
    parts = [p.strip() for p in re.split(r"\s*,\s*|、", text)] if ("," in text or "、" in text) \
        else None
    if parts:
        return sorted({d for p in parts for d in parse_days(p)})
    first, dash, last = text.partition("-")
    if dash and first in DAY_WORDS and last in DAY_WORDS:
        a, b = DAY_WORDS[first], DAY_WORDS[last]
        return [(a + i) % 7 for i in range((b - a) % 7 + 1)]
    bad = last if dash and first in DAY_WORDS else first
    raise HoursError(f"'{bad or key}' is not a weekday: use mon, tue, wed, thu, fri, sat, sun "
                     "(or a range like mon-fri)")


def format_range(r: Range) -> str:
    def hm(m: int) -> str:
        return f"{m // 60 % 24 if m != DAY_MINUTES else 24:02d}:{m % 60:02d}"

    return f"{hm(r[0])}-{hm(r[1])}{'+1' if r[1] > DAY_MINUTES else ''}"
