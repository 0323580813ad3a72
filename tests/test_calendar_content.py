"""The calendar in content.yaml: opening hours, welcome banners, time-windowed content —
the model, the findings (exact line:col) and the pure functions, driven by fixed moments."""

from __future__ import annotations

import datetime as dt
import json
import textwrap

import pytest
import yaml
from conftest import minimal_content_dict

from kiosk.clock import zone
from kiosk.content.loader import inspect_bytes
from kiosk.content.schedule import (
    active_banners,
    is_open,
    next_transition,
    transitions,
    visible_at,
)

SH = zone("Asia/Shanghai")
NOW = dt.datetime(2026, 12, 1, 10, 0, tzinfo=SH)  # a Tuesday

SCHEDULE = """\
schedule:
  timezone: Asia/Shanghai
  hours:
    mon-fri: 09:00-17:30
    sat: ["09:00-12:00", "13:00-16:00"]
    sun: closed
  exceptions:
    - date: 2026-12-25
      hours: closed
    - date: 2026-12-27
      hours: 10:00-14:00
      note: a special Sunday
    - date: 2026-12-31
      hours: 20:00-02:00+1
"""


def load(extra: str, *, at: dt.datetime = NOW, data: dict | None = None):
    """Content = the minimal dict as YAML + ``extra`` (YAML text appended at the end)."""
    base = yaml.safe_dump(json.loads(json.dumps(data or minimal_content_dict())),
                          allow_unicode=True, sort_keys=False)
    text = base + textwrap.dedent(extra)
    content, findings = inspect_bytes(text.encode(), source="c.yaml", at=at)
    offset = base.count("\n")
    return content, [(f.line - offset, f.col, f.severity, f.message) for f in findings
                     if f.line > offset or "expire" in f.message or "show_" in f.message]


def test_schedule_loads_clean():
    content, findings = load(SCHEDULE)
    assert findings == [] and content is not None
    assert content.schedule.timezone == "Asia/Shanghai"


@pytest.mark.parametrize(("moment", "open_"), [
    ((2026, 12, 1, 8, 59), False), ((2026, 12, 1, 9, 0), True), ((2026, 12, 1, 17, 29), True),
    ((2026, 12, 1, 17, 30), False),                               # closing is exclusive
    ((2026, 12, 5, 12, 30), False), ((2026, 12, 5, 13, 0), True),  # Saturday's lunch break
    ((2026, 12, 6, 11, 0), False),                                # Sunday closed
    ((2026, 12, 25, 11, 0), False),                               # a Friday, closed by exception
    ((2026, 12, 27, 11, 0), True),                                # a Sunday, opened by exception
    ((2026, 12, 31, 23, 59), True), ((2027, 1, 1, 1, 59), True),  # past midnight (+1)
    ((2027, 1, 1, 2, 0), False),
])
def test_is_open(moment, open_):
    content, _ = load(SCHEDULE)
    assert is_open(content, dt.datetime(*moment, tzinfo=SH)) is open_


def test_time_zone_setting_decides_the_local_hour():
    content, _ = load(SCHEDULE)
    utc = dt.datetime(2026, 12, 1, 1, 30, tzinfo=dt.timezone.utc)  # 09:30 in Shanghai
    assert is_open(content, utc)
    berlin, _ = load(SCHEDULE.replace("Asia/Shanghai", "Europe/Berlin"))
    assert not is_open(berlin, utc)  # 02:30 in Berlin


def test_no_schedule_is_always_open_and_no_hours_means_open_unless_excepted():
    content, _ = load("")
    assert is_open(content, NOW)
    content, f = load("schedule:\n  exceptions:\n    - date: 2026-12-01\n      hours: closed\n")
    assert f == [] and not is_open(content, NOW)
    assert is_open(content, NOW + dt.timedelta(days=1))


def test_leap_day_exception():
    content, f = load("schedule:\n  timezone: Asia/Shanghai\n  hours:\n    mon-sun: 09:00-17:00\n"
                      "  exceptions:\n"
                      "    - date: 2028-02-29\n      hours: closed\n")
    assert f == []
    assert not is_open(content, dt.datetime(2028, 2, 29, 12, tzinfo=SH))
    assert is_open(content, dt.datetime(2028, 3, 1, 12, tzinfo=SH))
    _, f = load("schedule:\n  exceptions:\n    - date: 2027-02-29\n      hours: closed\n")
    assert f and f[0][:3] == (3, 13, "error") and "not a date" in f[0][3]


@pytest.mark.parametrize(("hours", "col", "needle"), [
    ("25:00-26:00", 10, "'25:00' in '25:00-26:00' is not a time of day"),
    ("09:00-17:70", 10, "minutes go from 00 to 59"),
    ("18:00-09:00", 10, 'write "18:00-09:00+1"'),
    ("09:00-09:00", 10, "opens and closes at the same time"),
    ("nine to five", 10, "is not an opening time"),
    ("02:00-22:00+1", 10, "is marked as ending the next day"),
])
def test_bad_hours_are_errors_at_their_place(hours, col, needle):
    content, f = load(f"schedule:\n  hours:\n    mon: {hours}\n")
    assert content is None
    assert [(line, c, sev) for line, c, sev, _ in f] == [(3, col, "error")]
    assert needle in f[0][3]


def test_a_single_time_is_explained():
    _, f = load("schedule:\n  hours:\n    mon: 09:00\n")
    assert f[0][:3] == (3, 10, "error") and "only one time" in f[0][3]
    _, f = load("schedule:\n  hours:\n    mon: 9:00\n")  # YAML 1.1 reads 9:00 as 540
    assert f[0][:3] == (3, 10, "error") and "a range in quotes" in f[0][3]


def test_unknown_weekday_with_did_you_mean_at_the_key():
    _, f = load("schedule:\n  hours:\n    mnday: 09:00-17:00\n    tue-frii: 09:00-17:00\n")
    assert f[0][:3] == (3, 5, "error") and "did you mean 'mon" in f[0][3]
    assert f[1][:3] == (4, 5, "error") and "'frii' is not a weekday" in f[1][3] \
        and "did you mean 'fri'" in f[1][3]


def test_day_given_twice_and_overlapping_ranges():
    _, f = load("schedule:\n  hours:\n    mon-fri: 09:00-17:00\n    周五: 10:00-12:00\n"
                "    sat: [09:00-12:00, 11:00-13:00]\n")
    assert f[0][:3] == (4, 5, "error") and "Friday is given twice" in f[0][3]
    assert f[1][:3] == (5, 24, "warning") and "overlaps" in f[1][3]


def test_closing_past_midnight_is_allowed_explicitly():
    content, f = load("schedule:\n  timezone: Asia/Shanghai\n  hours:\n    fri: 22:00-次日02:00\n")
    assert f == []
    assert is_open(content, dt.datetime(2026, 12, 5, 1, 0, tzinfo=SH))  # Saturday 01:00


def test_exception_problems():
    _, f = load("schedule:\n  exceptions:\n    - date: national day\n      hours: closed\n"
                "    - date: 2026-10-01\n      until: 2026-09-30\n      hours: closed\n"
                "    - date: 2026-11-01\n      hours: closed\n")
    assert f[0][:3] == (3, 13, "error") and "not a date" in f[0][3]


def test_exception_until_and_expired():
    _, f = load("schedule:\n  exceptions:\n"
                "    - date: 2026-10-01\n      until: 2026-09-30\n      hours: closed\n"
                "    - date: 2026-11-01\n      hours: closed\n")
    assert f[0][:3] == (4, 14, "error") and "before 'date'" in f[0][3]
    assert f[1][:3] == (6, 13, "warning") and "expired — remove it" in f[1][3]


def test_unknown_time_zone_did_you_mean():
    _, f = load("schedule:\n  timezone: Asia/Shanghia\n")
    assert f[0][:3] == (2, 13, "error") and "did you mean 'Asia/Shanghai'" in f[0][3]


def test_night_options():
    content, f = load("schedule:\n  night:\n    show: nothing\n    wake_minutes: 3\n"
                      "    display_off: no-such-program-xyz off\n")
    assert content is not None and content.schedule.night.wake_minutes == 3
    assert f[0][:3] == (5, 18, "warning") and "not installed" in f[0][3]
    _, f = load("schedule:\n  night:\n    show: clok\n")
    assert f[0][:3] == (3, 11, "error") and "did you mean 'clock'" in f[0][3]


BANNERS = """\
schedule:
  timezone: Asia/Shanghai
welcome:
  - greeting: {zh: 热烈欢迎青岛市代表团莅临参观指导, en: A warm welcome to the Qingdao delegation}
    guest: {zh: 青岛市代表团, en: Qingdao delegation}
    start: "2026-12-01 09:00"
    end: "2026-12-01 12:00"
  - greeting: {zh: 热烈欢迎, en: Welcome}
    start: "2026-12-01 11:00"
    end: 2026-12-01
"""


def test_banners_in_time_order_and_overlap_warning():
    content, f = load(BANNERS)
    assert f == [(9, 12, "warning", f[0][3])] and "overlaps" in f[0][3]
    assert active_banners(content, NOW) == [content.welcome[0]]
    both = active_banners(content, NOW.replace(hour=11, minute=30))
    assert both == [content.welcome[0], content.welcome[1]]
    assert active_banners(content, NOW.replace(hour=23, minute=59)) == [content.welcome[1]]
    assert active_banners(content, NOW + dt.timedelta(days=1)) == []


def test_banner_end_before_start_and_expired():
    _, f = load(BANNERS.replace('end: "2026-12-01 12:00"', 'end: "2026-12-01 08:00"'))
    assert f[0][:3] == (7, 10, "error") and "before it starts" in f[0][3]
    _, f = load(BANNERS, at=NOW + dt.timedelta(days=2))
    assert [x[:3] for x in f] == [(7, 10, "warning"), (9, 12, "warning"), (10, 10, "warning")]
    assert "expired — remove it" in f[0][3]
    _, f = load(BANNERS.replace("    end: 2026-12-01\n", "    end: 2026-12-01\n    example: true\n"),
                at=NOW + dt.timedelta(days=2))
    assert len([x for x in f if "expired" in x[3]]) == 1  # the example is not nagged about


def test_banner_moment_that_is_not_a_date():
    _, f = load(BANNERS.replace('"2026-12-01 09:00"', '"2026-13-01 09:00"'))
    assert f[0][:3] == (6, 12, "error") and "is not a date or a date and time" in f[0][3]


def windowed() -> dict:
    d = minimal_content_dict()
    d["attract"]["highlights"][0]["show_until"] = "2026-12-01 12:00"
    d["sections"][2]["partners"].append({"id": "newco", "name": {"zh": "新公司", "en": "NewCo"},
                                          "category": "flowers", "description": {"zh": "新。", "en": "New."},
                                          "show_from": "2026-12-03"})
    d["sections"][1]["hotspots"] = [{"id": "b1", "name": {"zh": "楼", "en": "B1"}, "rect": [1, 1, 10, 10],
                                     "description": {"zh": "楼。", "en": "A building."},
                                     "partners": ["haier", "newco"]}]
    d["sections"][3]["show_from"] = "2026-12-02"
    d["sections"][0]["eras"][0]["events"][0] = {**d["sections"][0]["eras"][0]["events"][0],
                                                "show_until": "2026-11-30"}
    return d


def test_visible_at_filters_and_degrades_links_gracefully():
    content, f = load("", data=windowed())
    assert content is not None
    assert len(f) == 1 and "shown only until 2026-11-30: expired — remove it" in f[0][3]
    now = visible_at(content, NOW)
    assert len(now.attract.highlights) == 2 and [s.id for s in now.sections] == ["history", "park", "partners"]
    assert [p.id for p in now.sections[2].partners] == ["haier"]
    assert now.sections[1].hotspots[0].partners == ["haier"]  # the hidden partner's link is gone
    assert len(now.sections[0].eras[0].events) == 7
    later = visible_at(content, dt.datetime(2026, 12, 3, 9, tzinfo=SH))
    assert len(later.attract.highlights) == 1 and len(later.sections) == 4
    assert later.sections[1].hotspots[0].partners == ["haier", "newco"]


def test_show_until_before_show_from():
    d = minimal_content_dict()
    d["attract"]["highlights"][1].update(show_from="2026-12-10", show_until="2026-12-09")
    content, f = load("", data=d)
    assert content is None and "'show_until' is before 'show_from'" in f[0][3]


def test_transitions_for_kiosk_schedule():
    content, _ = load(SCHEDULE + BANNERS.split("Shanghai\n", 1)[1], data=windowed())
    found = transitions(content, NOW, NOW + dt.timedelta(days=2))
    kinds = [(t.at.strftime("%d %H:%M"), t.kind) for t in found]
    assert kinds[:4] == [("01 11:00", "banner_start"), ("01 12:00", "banner_end"),
                         ("01 12:00", "expire"), ("01 17:30", "close")]
    assert ("02 00:00", "banner_end") in kinds and ("02 00:00", "appear") in kinds
    assert ("02 09:00", "open") in kinds
    assert next_transition(content, NOW) == dt.datetime(2026, 12, 1, 11, tzinfo=SH)
    new_year = transitions(content, dt.datetime(2026, 12, 31, 12, tzinfo=SH),
                           dt.datetime(2027, 1, 1, 12, tzinfo=SH))
    assert [(t.at.strftime("%d %H:%M"), t.kind) for t in new_year] == [
        ("31 20:00", "open"), ("01 02:00", "close"), ("01 09:00", "open")]


def test_open_all_day_merges_midnight():
    content, _ = load("schedule:\n  hours:\n    mon-sun: 00:00-24:00\n")
    assert transitions(content, NOW, NOW + dt.timedelta(days=3)) == []


@pytest.mark.parametrize("where", ["highlight", "event", "partner", "case", "section"])
def test_a_bad_window_date_anywhere_is_an_error_with_its_place(where):
    d = json.loads(json.dumps(minimal_content_dict()))  # no shared nodes → no YAML aliases
    d["sections"][3]["cases"] = [{"id": "c1", "title": {"zh": "案例", "en": "Case"},
                                  "text": {"zh": "案例。", "en": "A case."}}]
    target = {"highlight": d["attract"]["highlights"][1],
              "event": d["sections"][0]["eras"][0]["events"][1],
              "partner": d["sections"][2]["partners"][0],
              "case": d["sections"][3]["cases"][0],
              "section": d["sections"][1]}[where]
    target["show_from"] = "2026-02-30"
    text = yaml.safe_dump(d, allow_unicode=True, sort_keys=False)
    content, findings = inspect_bytes(text.encode(), source="c.yaml", at=NOW)
    assert content is None
    errors = [x for x in findings if x.is_error]
    assert len(errors) == 1 and "'2026-02-30' is not a date or a date and time" in errors[0].message
    line = text.splitlines()[errors[0].line - 1]
    assert line[errors[0].col - 1:].startswith("'2026-02-30'") and "show_from" in line


def test_the_shipped_content_has_example_hours_and_an_example_banner():
    from conftest import CONTENT

    from kiosk.content.loader import load_file

    loaded = load_file(CONTENT)
    c = loaded.content
    assert c.schedule is not None and c.schedule.timezone == "Asia/Shanghai"
    assert is_open(c, dt.datetime(2026, 12, 2, 10, tzinfo=SH))       # a Wednesday morning
    assert not is_open(c, dt.datetime(2026, 12, 6, 10, tzinfo=SH))   # a Sunday
    assert [b.example for b in c.welcome] == [True]
    assert active_banners(c, dt.datetime.now(dt.timezone.utc)) == []
    assert not [f for f in loaded.findings if "expired" in f.message]
    text = CONTENT.read_text(encoding="utf-8")
    assert "EXAMPLE" in text and "confirm" in text
