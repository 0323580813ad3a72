"""The injected clock: fake time, zones, parsing moments."""

from __future__ import annotations

import datetime as dt

import pytest

from kiosk.clock import FakeClock, SystemClock, known_zone, local_zone, parse_moment, zone

SH = zone("Asia/Shanghai")


def test_fake_clock_moves_only_when_told():
    c = FakeClock(dt.datetime(2028, 2, 28, 23, 59, tzinfo=SH))
    assert c.now() == c.now()
    c.advance(minutes=2)
    assert c.now().date() == dt.date(2028, 2, 29)  # leap day
    c.advance(days=1)
    assert c.now().date() == dt.date(2028, 3, 1)


def test_fake_clock_refuses_naive_times():
    with pytest.raises(ValueError):
        FakeClock(dt.datetime(2026, 1, 1))


def test_system_clock_is_aware():
    assert SystemClock().now().tzinfo is not None


def test_zones():
    assert known_zone("Asia/Shanghai") and known_zone("Europe/Berlin")
    assert not known_zone("Asia/Qingdao")
    assert zone("Asia/Qingdao") == zone(None) == local_zone()  # unknown: the machine's zone
    berlin = dt.datetime(2026, 7, 1, 12, tzinfo=zone("Europe/Berlin"))
    assert berlin.astimezone(SH).hour == 18  # summer time in Berlin, none in China


def test_parse_moment():
    assert parse_moment("2026-11-26T14:30", SH) == dt.datetime(2026, 11, 26, 14, 30, tzinfo=SH)
    assert parse_moment("2026-11-26 14：30", SH).minute == 30  # a full-width colon
    assert parse_moment("2026-11-26", SH).hour == 0
    with pytest.raises(ValueError, match="2026-11-26T14:30"):
        parse_moment("tomorrow", SH)
