"""The management report as a bilingual PDF, drawn with Qt's own PDF writer (QPdfWriter +
QPainter), the bundled fonts and the theme's colours on white paper. No new dependency."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter, QPdfWriter

from kiosk.fleet.report import Summary

DPI = 96
LABELS = {"zh": "中文 · Chinese", "en": "英文 · English", "?": "未知 · unknown",
          "visitor": "访客 · visitor", "guided": "导览 · guided", "self-guided": "自助 · self-guided",
          "night": "夜间 · night", "attract": "待机 · attract"}
INK, MUTED, GRID = QColor("#14202E"), QColor("#5B6878"), QColor("#D9DEE5")


def _app() -> tuple[str, ...]:
    """A QApplication (offscreen when there is none) with the bundled fonts registered."""
    from PySide6.QtWidgets import QApplication

    from kiosk.app import register_fonts

    if QApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _app.keep = QApplication(["kiosk-report"])  # type: ignore[attr-defined]
    return register_fonts()


class Page:
    """Drawing helpers over one painter; ``y`` is where the next block starts."""

    def __init__(self, painter: QPainter, width: float, families: tuple[str, ...]) -> None:
        from kiosk.content.model import Settings
        from kiosk.theme import build_theme

        self.p, self.w, self.families, self.y = painter, width, families, 0.0
        palette = build_theme(Settings(), (1920, 1080), families=families).palette
        self.bar, self.accent = QColor(palette.primary), QColor(palette.accent)

    def font(self, px: float, bold: bool = False) -> QFont:
        f = QFont()
        f.setFamilies(list(self.families))
        f.setPixelSize(round(px))
        f.setBold(bold)
        return f

    def text(self, text: str, px: float, colour: QColor = INK, bold: bool = False, gap: float = 6) -> None:
        self.p.setFont(self.font(px, bold))
        self.p.setPen(colour)
        rect = QRectF(0, self.y, self.w, px * 1.6)
        self.p.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
        self.y += px * 1.6 + gap

    def bars(self, title_zh: str, title_en: str, data: dict[str, int], height: float, *,
             vertical: bool = False) -> None:
        self.text(f"{title_zh} · {title_en}", 15, bold=True, gap=4)
        if data and not vertical:  # rows take what they need, up to ``height``
            height = min(height, 26.0 * min(len(data), 10) + 6)
        area = QRectF(0, self.y, self.w, height)
        if not data:
            self.p.setPen(MUTED)
            self.p.drawText(area, int(Qt.AlignmentFlag.AlignLeft), "没有数据 · no data")
        elif vertical:
            self._columns(area, data)
        else:
            self._rows(area, data)
        self.y += height + 18

    def _rows(self, area: QRectF, data: dict[str, int]) -> None:
        items = [(LABELS.get(str(k), str(k)), v) for k, v in list(data.items())[:10]]
        top = max(v for _, v in items) or 1
        row = min(26.0, area.height() / len(items))
        font = self.font(row * 0.5)
        metrics = QFontMetricsF(font)
        label_w = min(max(metrics.horizontalAdvance(k) for k, _ in items) + 12, area.width() * 0.45)
        self.p.setFont(font)
        for i, (key, value) in enumerate(items):
            y = area.top() + i * row
            self.p.setPen(INK)
            right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            label = metrics.elidedText(str(key), Qt.TextElideMode.ElideRight, label_w - 8)
            self.p.drawText(QRectF(0, y, label_w - 8, row), right, label)
            length = (area.width() - label_w - 60) * value / top
            self.p.fillRect(QRectF(label_w, y + row * 0.18, max(2.0, length), row * 0.64), self.bar)
            self.p.setPen(MUTED)
            self.p.drawText(QRectF(label_w + length + 6, y, 60, row), int(Qt.AlignmentFlag.AlignVCenter),
                            f"{value:g}")

    def _columns(self, area: QRectF, data: dict[str, int]) -> None:
        keys = list(data)
        top = max(data.values()) or 1
        col = area.width() / len(keys)
        base = area.bottom() - 18
        self.p.setPen(GRID)
        self.p.drawLine(int(area.left()), int(base), int(area.right()), int(base))
        self.p.setFont(self.font(min(11.0, col * 0.45)))
        for i, key in enumerate(keys):
            h = (area.height() - 36) * data[key] / top
            x = area.left() + i * col
            colour = self.accent if data[key] == top else self.bar  # the busiest stands out
            self.p.fillRect(QRectF(x + col * 0.15, base - h, col * 0.7, h), colour)
            self.p.setPen(MUTED)
            self.p.drawText(QRectF(x, base + 2, col, 16), int(Qt.AlignmentFlag.AlignHCenter), str(key)[-5:])
            self.p.drawText(QRectF(x, base - h - 16, col, 16), int(Qt.AlignmentFlag.AlignHCenter), f"{data[key]:g}")


def write_pdf(summary: Summary, out: Path) -> Path:
    """Draw ``summary`` into ``out`` (two A4 pages); written to a temp file then renamed."""
    families = _app()
    tmp = out.with_name(f".{out.name}.tmp-{os.getpid()}")
    out.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(tmp))
    writer.setResolution(DPI)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(18, 18, 18, 18), QPageLayout.Unit.Millimeter))
    writer.setTitle("访客报告 Visitor report")
    writer.setCreator("qingdao-iic-kiosk")
    painter = QPainter(writer)
    try:
        width = writer.width()
        page = Page(painter, width, families)
        _first_page(page, summary)
        writer.newPage()
        page.y = 0
        _second_page(page, summary)
    finally:
        painter.end()
    os.replace(tmp, out)
    return out


def _period(s: Summary) -> str:
    first = s.since.isoformat() if s.since else (min(s.per_day) if s.per_day else "…")
    last = s.until.isoformat() if s.until else (max(s.per_day) if s.per_day else "…")
    return f"{first} — {last}"


def _first_page(page: Page, s: Summary) -> None:
    page.text("青岛工业互联网集聚区 · 展厅访客报告", 24, bold=True, gap=0)
    page.text("Qingdao Industrial Internet Cluster · Showroom visitor report", 15, MUTED)
    page.text(f"时段 Period: {_period(s)}    终端 Kiosks: {len(s.kiosks)}", 13, MUTED, gap=14)
    page.text(f"访客 Visitors: {s.visitors}    平均停留 Average visit: {s.average_session_s:.0f} s", 18,
              bold=True, gap=18)
    page.bars("每日访客", "Visitors per day", s.per_day, 300, vertical=True)
    page.bars("各终端访客", "Visitors per kiosk", s.per_kiosk, 260)


def _second_page(page: Page, s: Summary) -> None:
    span = range(min(s.hours, default=8), max(s.hours, default=18) + 1)
    hours = {f"{h}:00": s.hours.get(h, 0) for h in span}
    page.bars("繁忙时段（开始访问）", "Busiest hours (visits started)", hours, 220, vertical=True)
    page.bars("最常访问的板块", "Most-visited sections", s.sections, 230)
    page.bars("语言", "Languages", s.languages, 80)
    page.bars("模式", "Modes", s.modes, 80)
    page.bars("导览与自助", "Guided vs self-guided", s.guided, 60)
