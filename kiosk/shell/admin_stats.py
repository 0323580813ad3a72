"""Visitor statistics in the admin panel: today's sessions, the most-visited sections and
the busy hours, as the same themed charts the platform page uses (built from the analytics
summary as content :class:`~kiosk.content.model.Chart` models). pyqtgraph loads only when
the panel first shows statistics."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk import analytics
from kiosk.content.model import Chart, Series, Text
from kiosk.i18n import both, tr
from kiosk.theme import Theme
from kiosk.widgets.labels import TextLabel

log = logging.getLogger(__name__)
_STORAGE = {"full": "stats.storage_full", "readonly": "stats.storage_readonly"}


def charts_from(summary: dict[Any, Any], titles: Callable[[str], Text]) -> list[Chart]:
    """Charts for a summary: most-visited screens and busy hours (none without data)."""
    charts = []
    screens = summary["screens"][:4]
    if screens:
        charts.append(Chart(
            id="visits", kind="bar",
            title=Text(zh=tr("stats.visits", "zh"), en=tr("stats.visits", "en")),
            categories=[titles(s["screen"]) for s in screens],
            series=[Series(name=Text(zh="浏览次数", en="Views"),
                           values=[float(s["views"]) for s in screens])]))
    hours = summary["busy_hours"]
    if hours:
        span = range(min(hours), max(hours) + 1)
        charts.append(Chart(
            id="hours", kind="bar",
            title=Text(zh=tr("stats.hours", "zh"), en=tr("stats.hours", "en")),
            categories=[Text(zh=f"{h}时", en=f"{h}:00") for h in span],
            series=[Series(name=Text(zh="访客", en="Visitors"),
                           values=[float(hours.get(h, 0)) for h in span])]))
    return charts


class AdminStats(QWidget):
    """Today's figures and charts; :meth:`refresh` re-reads the database."""

    def __init__(self, theme: Theme, db: Path, titles: Callable[[str], Text],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("admin-stats")
        self.theme, self.db, self.titles = theme, db, titles
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(theme.space("sm"))
        self.storage = TextLabel(theme, "", "zh", role="body", tone="danger", parent=self)
        self.storage.setObjectName("admin-storage")
        self.column.addWidget(self.storage)
        self.headline = TextLabel(theme, "", "zh", role="body", parent=self)
        self.column.addWidget(self.headline)
        self.row = QHBoxLayout()
        self.row.setSpacing(theme.space("md"))
        self.column.addLayout(self.row)
        self.charts: list[QWidget] = []

    def refresh(self) -> None:
        for old in self.charts:
            cast(QWidget, old.parentWidget()).deleteLater()
        self.charts = []
        fault = analytics.storage_fault_kind(self.db)
        self.storage.set_source(both(_STORAGE.get(fault, "stats.storage_io")) if fault else "")
        self.storage.setVisible(fault is not None)
        try:
            data = analytics.summary(self.db, dt.date.today()) if self.db.exists() else None
        except (sqlite3.Error, OSError) as exc:
            log.warning("cannot read analytics %s: %s", self.db, exc)
            data = None
        if not data or not data["sessions"]:
            self.headline.set_source(both("stats.none"))
            self.setMinimumHeight(0)
            return
        self.setMinimumHeight(self.theme.px(420))  # headline, chart titles and the charts
        guided = data.get("sessions_guided_today", 0)
        self.headline.set_source(
            f"{both('stats.today')}: {data['sessions_today']} "
            f"({both('stats.self_guided')} {data['sessions_today'] - guided}, "
            f"{both('stats.guided')} {guided})   ·   "
            f"{both('stats.average')}: {data['average_session_s']:.0f} s")
        from kiosk.widgets.charts import ChartView  # pyqtgraph: only when there is data

        for chart in charts_from(data, self.titles):
            box = QWidget(self)
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(TextLabel(self.theme, f"{chart.title.zh} · {chart.title.en}", "zh",
                                       role="label", tone="muted", parent=box))
            view = ChartView(self.theme, chart, "zh", parent=box)
            view.setMinimumHeight(self.theme.px(310))
            column.addWidget(view, 1)
            self.row.addWidget(box, 1)
            self.charts.append(view)
