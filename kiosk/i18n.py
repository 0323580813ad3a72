"""The UI's own strings in Chinese and English, and per-language number/date formatting.

Content strings come from content.yaml (``Text.get(lang)``); everything the shell itself
says lives here. No Qt: formatting helpers are plain functions, so pages and tests share them.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from kiosk.numbers import figure_text, format_figure, format_number, split_figure

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, Lang] = ("zh", "en")

__all__ = ["LANGS", "LANGUAGE_NAMES", "STRINGS", "Lang", "both", "figure_text", "format_date", "format_figure",
           "format_number", "other", "split_figure", "tr"]

#: Each language's name in its own script, for the language toggle.
LANGUAGE_NAMES: dict[str, str] = {"zh": "中文", "en": "English"}

STRINGS: dict[str, dict[str, str]] = {
    "nav.home": {"zh": "首页", "en": "Home"},
    "nav.back": {"zh": "返回", "en": "Back"},
    "modes.button": {"zh": "Aa 大字·无障碍", "en": "Aa Access"},
    "modes.title": {"zh": "显示方式", "en": "Display options"},
    "modes.large_text": {"zh": "大字模式", "en": "Large text"},
    "modes.high_contrast": {"zh": "高对比度", "en": "High contrast"},
    "modes.reduced_motion": {"zh": "减少动画", "en": "Reduced motion"},
    "modes.reach": {"zh": "低位操作（轮椅）", "en": "Within reach (wheelchair)"},
    "modes.on": {"zh": "开", "en": "On"},
    "modes.off": {"zh": "关", "en": "Off"},
    "modes.done": {"zh": "完成", "en": "Done"},
    "attract.invite": {"zh": "触摸屏幕 开始探索", "en": "Touch to explore"},
    "home.kicker": {"zh": "欢迎参观", "en": "Welcome"},
    "home.prompt": {"zh": "请选择一个主题开始浏览", "en": "Choose a topic to begin"},
    "idle.title": {"zh": "还在浏览吗？", "en": "Still there?"},
    "idle.body": {"zh": "{n} 秒后返回首页", "en": "Returning to the start in {n} s"},
    "idle.continue": {"zh": "继续", "en": "Continue"},
    "unavailable.title": {"zh": "正在更新内容", "en": "We'll be right back"},
    "unavailable.body": {"zh": "请稍候，展示内容即将恢复", "en": "The showcase is being updated"},
    "page.empty": {"zh": "内容即将上线", "en": "Coming soon"},
    "scroll.more": {"zh": "向下滑动 查看更多", "en": "More below"},
    "scroll.more_right": {"zh": "向左滑动 查看更多", "en": "More to the right"},
    "history.swipe_hint": {"zh": "在标题处左右滑动切换主题", "en": "Swipe the title to change topic"},
    "page.swipe_hint": {"zh": "左右滑动切换主题", "en": "Swipe to change topic"},
    "history.featured": {"zh": "重要时刻", "en": "Milestone"},
    "history.previous": {"zh": "上一个", "en": "Previous"},
    "history.next": {"zh": "下一个", "en": "Next"},
    "history.close": {"zh": "关闭", "en": "Close"},
    "history.scroll_hint": {
        "zh": "上下滑动时间轴 · 轻触卡片查看详情",
        "en": "Scroll the timeline · tap a card for details",
    },
    "history.drag_hint": {"zh": "左右拖动时间轴 · 轻触卡片查看详情", "en": "Drag the timeline · tap a card for more"},
    "park.figures": {"zh": "园区数据", "en": "Key figures"},
    "park.framework": {"zh": "发展体系", "en": "Framework"},
    "park.places": {"zh": "园区地点", "en": "Places"},
    "park.address": {"zh": "地址", "en": "Address"},
    "park.kind.zone": {"zh": "区域", "en": "Zone"},
    "park.kind.building": {"zh": "楼宇", "en": "Building"},
    "park.kind.site": {"zh": "地点", "en": "Site"},
    "park.partners": {"zh": "相关企业与机构 · 点击查看", "en": "Partners here · tap to open"},
    "park.hint": {"zh": "点击区域查看详情 · 双指缩放", "en": "Tap an area · pinch to zoom"},
    "park.plan_unavailable": {"zh": "平面图暂时无法显示", "en": "The plan cannot be shown right now"},
    "park.zoom_in": {"zh": "放大", "en": "Zoom in"},
    "park.zoom_out": {"zh": "缩小", "en": "Zoom out"},
    "park.fit": {"zh": "显示全图", "en": "Show the whole plan"},
    "park.close": {"zh": "关闭", "en": "Close"},
    "partners.count": {"zh": "{n} 家", "en": "{n} partners"},
    "partners.all": {"zh": "全部", "en": "All"},
    "partners.hint": {
        "zh": "轻触卡片查看详情，扫码即可带走官网",
        "en": "Tap a card for details — scan its code to take the website with you",
    },
    "partners.scan": {"zh": "扫码访问官网", "en": "Scan to visit the website"},
    "partners.close": {"zh": "关闭", "en": "Close"},
    "platform.tab_figures": {"zh": "概览", "en": "Overview"},
    "platform.figures": {"zh": "平台数据", "en": "Platform in figures"},
    "platform.charts": {"zh": "数据图表", "en": "Charts"},
    "platform.capabilities": {"zh": "平台能力", "en": "Capabilities"},
    "platform.cases": {"zh": "应用案例", "en": "Case studies"},
    "platform.charts_hint": {"zh": "轻触图表，重播动画", "en": "Tap a chart to replay it"},
    "platform.unit": {"zh": "单位：{unit}", "en": "Unit: {unit}"},
    "platform.log_scale": {"zh": "对数刻度", "en": "Log scale"},
    "platform.partners": {"zh": "合作伙伴", "en": "Partners"},
    "video.watch": {"zh": "观看视频", "en": "Watch the video"},
    "video.close": {"zh": "关闭", "en": "Close"},
    "video.unavailable": {"zh": "视频暂时无法播放", "en": "The video cannot be played right now"},
    "stats.today": {"zh": "今日访客", "en": "Sessions today"},
    "stats.average": {"zh": "平均停留", "en": "Average visit"},
    "stats.none": {"zh": "今天还没有访客数据", "en": "No visitor data yet today"},
    "stats.modes": {"zh": "显示方式开启", "en": "Modes turned on"},
    "stats.visits": {"zh": "最常浏览", "en": "Most visited"},
    "stats.hours": {"zh": "繁忙时段", "en": "Busy hours"},
    "stats.storage_full": {"zh": "存储已满：访客数据暂存内存", "en": "Storage full: visitor data held in memory"},
    "stats.storage_readonly": {"zh": "存储只读：访客数据暂存内存",
                               "en": "Storage read-only: visitor data held in memory"},
    "stats.storage_io": {"zh": "存储读写错误：访客数据暂存内存", "en": "Storage errors: visitor data held in memory"},
    "stats.self_guided": {"zh": "自助参观", "en": "self-guided"},
    "stats.guided": {"zh": "讲解导览", "en": "guided"},
    "guided.badge": {"zh": "导览中", "en": "Guided tour"},
    "guided.end": {"zh": "结束导览", "en": "End tour"},
    "guided.welcome": {"zh": "欢迎词", "en": "Welcome"},
    "admin.guided": {"zh": "开始导览", "en": "Guided tour"},
    "admin.pin_title": {"zh": "请输入管理密码", "en": "Enter admin PIN"},
    "admin.pin_wrong": {"zh": "密码错误", "en": "Wrong PIN"},
    "admin.pin_locked": {"zh": "尝试次数过多，请稍后再试", "en": "Too many attempts, try again later"},
    "admin.cancel": {"zh": "取消", "en": "Cancel"},
    "admin.ok": {"zh": "确定", "en": "OK"},
    "admin.title": {"zh": "管理", "en": "Administration"},
    "admin.content_file": {"zh": "内容文件", "en": "Content file"},
    "admin.loaded_at": {"zh": "加载时间", "en": "Loaded at"},
    "admin.status": {"zh": "状态", "en": "Status"},
    "admin.screen": {"zh": "最近画面", "en": "Last frame"},
    "admin.status_ok": {"zh": "正常", "en": "OK"},
    "admin.status_warnings": {"zh": "正常，有提醒", "en": "OK, with warnings"},
    "admin.status_fallback": {"zh": "有错误，显示上次正确的版本", "en": "Errors: last good version shown"},
    "admin.status_failed": {
        "zh": "内容有错误，访客看到维护页面",
        "en": "Content has errors; visitors see the maintenance screen",
    },
    "admin.no_findings": {"zh": "没有发现问题", "en": "No findings"},
    "admin.reload": {"zh": "重新加载", "en": "Reload"},
    "admin.close": {"zh": "关闭", "en": "Close"},
    "admin.exit": {"zh": "退出展示", "en": "Exit kiosk"},
}


def tr(key: str, lang: str, **values: object) -> str:
    """The UI string ``key`` in ``lang`` (``{name}`` placeholders filled from ``values``)."""
    entry = STRINGS[key]
    text = entry.get(lang) or entry["en"]
    return text.format(**values) if values else text


def both(key: str, sep: str = " · ", **values: object) -> str:
    """``key`` in Chinese and English, e.g. ``还在浏览吗？ · Still there?``."""
    return sep.join(tr(key, lang, **values) for lang in LANGS)


def other(lang: str) -> Lang:
    return "en" if lang == "zh" else "zh"


# Numbers: one rule per language lives in kiosk.numbers (re-exported above).

_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def format_date(value: int | dt.date | str, lang: str) -> str:
    """An event date: 1902 · 2020年6月 / June 2020 · 2020年6月28日 / 28 June 2020."""
    if isinstance(value, int):
        return f"{value}年" if lang == "zh" else str(value)
    if isinstance(value, dt.date):
        if lang == "zh":
            return f"{value.year}年{value.month}月{value.day}日"
        return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"
    year, month = (int(part) for part in value.split("-"))
    return f"{year}年{month}月" if lang == "zh" else f"{_MONTHS[month - 1]} {year}"
