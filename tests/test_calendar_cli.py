"""``kiosk schedule`` and ``kiosk validate --at``: plain bilingual lines, exit codes."""

from __future__ import annotations

from conftest import write_minimal_content
from test_calendar_content import BANNERS, SCHEDULE

from kiosk.cli import main


def content_file(tmp_path, extra: str = SCHEDULE + BANNERS.split("Shanghai\n", 1)[1]):
    path = write_minimal_content(tmp_path)
    path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return path


def test_schedule_prints_what_happens_when(tmp_path, capsys):
    path = content_file(tmp_path)
    assert main(["schedule", "--content", str(path), "--days", "2", "--at", "2026-12-01T10:00"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith("时区 time zone Asia/Shanghai")
    assert out[1] == "2026-12-01 周二 Tue 10:00  开放 · open"
    assert "  欢迎横幅 welcome banner: 热烈欢迎青岛市代表团莅临参观指导 · A warm welcome to the Qingdao "\
        "delegation" in out
    assert "2026-12-01 周二 Tuesday" in out
    assert "  11:00  欢迎横幅开始：热烈欢迎 · welcome banner starts: Welcome" in out
    assert "  17:30  闭馆（夜间模式） · closes (night mode)" in out
    assert "  09:00  开馆 · opens" in out


def test_schedule_refuses_bad_content_and_bad_moments(tmp_path, capsys):
    path = content_file(tmp_path, "schedule:\n  hours:\n    mon: 25:00-26:00\n")
    assert main(["schedule", "--content", str(path)]) == 1
    assert "is not a time of day" in capsys.readouterr().out
    path = content_file(tmp_path)
    assert main(["schedule", "--content", str(path), "--at", "soon"]) == 2
    assert "expected a moment like 2026-11-26T14:30" in capsys.readouterr().out


def test_validate_at_judges_then_and_says_what_is_visible(tmp_path, capsys):
    path = content_file(tmp_path)
    assert main(["validate", str(path), "--at", "2026-12-25T11:00"]) == 0
    out = capsys.readouterr().out
    assert "expired — remove it" in out  # the banners, as seen on Christmas
    assert "2026-12-25 周五 Fri 11:00  闭馆，夜间模式 · closed, night mode" in out
    assert main(["validate", str(path), "--at", "2026-12-01 11:30"]) == 0
    out = capsys.readouterr().out
    assert out.count("欢迎横幅 welcome banner") == 2
    assert main(["validate", str(path), "--at", "noon"]) == 2
