"""The content model: what content.yaml may say, as frozen pydantic v2 models.

No Qt here (a test enforces it). Every visitor-facing string is a :class:`Text` with a
Chinese and an English version. Field metadata marks what the post-validation checks in
:mod:`kiosk.content.checks` look at: :class:`Media` for file references, :data:`PANEL`
for texts a visitor reads as a panel (word-count warnings).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Annotated, Literal

from pydantic import (
    Field,
    Strict,
    StringConstraints,
    field_validator,
    model_validator,
)

from kiosk.content.base import (
    Colour,
    Icon,
    Id,
    ImagePath,
    Model,
    Number,
    PanelText,
    PlanPath,
    Str,
    Text,
    Url,
    VideoPath,
)
from kiosk.content.calendar import Banner, Guided, Schedule
from kiosk.content.fields import MAX_POLYGON_POINTS, PANEL, Limit, Media, limit_for
from kiosk.content.timewindow import Windowed

# ---------------------------------------------------------------------------------------
# Shared blocks


class Figure(Model):
    """A key figure. ``value`` is the whole number (340000000, not 3.4); the UI formats it
    per language (3.4亿 / 340 million)."""

    id: Id | None = None
    value: Number
    unit: Text | None = None
    label: Text
    approx: bool = False
    """Shown as 约 / about."""
    plus: bool = False
    """Shown as 余 / + (more than)."""
    decimals: Annotated[int, Field(ge=0, le=3)] | None = None


class Video(Model):
    """An optional looping video block, muted by default."""

    file: VideoPath
    caption: Text | None = None
    poster: ImagePath | None = None


# ---------------------------------------------------------------------------------------
# Settings and attract loop


class Theme(Model):
    background: Colour = "#0B1624"
    surface: Colour = "#13243A"
    primary: Colour = "#2E7CF6"
    accent: Colour = "#F2B233"
    text: Colour = "#F3F6FA"
    text_muted: Colour = "#A9B9CE"


class Settings(Model):
    idle_timeout: Annotated[int, Strict(), Field(ge=30, le=3600)] = 90
    """Seconds without a touch before the 'Still there?' countdown."""
    countdown: Annotated[int, Strict(), Field(ge=5, le=60)] = 10
    default_language: Literal["zh", "en"] = "zh"
    screen_diagonal_in: Annotated[float, Strict(), Field(ge=10, le=120)] = 55.0
    """Physical diagonal of the touchscreen in inches, for sizing tap targets in mm."""
    theme: Theme = Theme()
    name: Text = Text(zh="青岛工业互联网集聚区", en="Qingdao Industrial Internet Cluster")


class Highlight(Model, Windowed):
    title: Text
    text: PanelText | None = None
    image: ImagePath | None = None
    figure: Figure | None = None
    section: Id | None = None
    """A section id: touching during this highlight opens that section."""


class Attract(Model):
    interval: Annotated[float, Strict(), Field(ge=3, le=60)] = 8.0
    """Seconds each highlight stays."""
    highlights: list[Highlight] = Field(min_length=1)


# ---------------------------------------------------------------------------------------
# Sections


class SectionBase(Model, Windowed):
    id: Id
    title: Text
    subtitle: Text | None = None
    icon: Icon | None = None
    """A qtawesome icon name, e.g. ``mdi6.factory``."""
    picture: ImagePath | None = None
    video: Video | None = None


# History -------------------------------------------------------------------------------

YearMonth = Annotated[str, Strict(), StringConstraints(pattern=r"^\d{4}-(0[1-9]|1[0-2])$")]


class Event(Model, Windowed):
    date: Annotated[int, Strict(), Field(ge=1000, le=2200)] | dt.date | YearMonth
    """A year (1902), a month ("2020-06") or a day (2020-06-28). Orders the timeline."""
    label: Text | None = None
    """Shown instead of the date when the date is only approximate ("about a century ago")."""
    title: Text
    text: PanelText
    image: ImagePath | None = None
    featured: bool = False

    @field_validator("date", mode="before")
    @classmethod
    def _no_datetime(cls, value: object) -> object:
        if isinstance(value, dt.datetime):
            raise ValueError("give a date without a time, like 2020-06-28")
        if isinstance(value, str) and re.fullmatch(r"\d{4}", value.strip()):
            return int(value)  # a quoted year, "2023", is a year
        return value

    @property
    def sort_key(self) -> tuple[int, int, int]:
        d = self.date
        if isinstance(d, int):
            return (d, 0, 0)
        if isinstance(d, dt.date):
            return (d.year, d.month, d.day)
        year, month = d.split("-")
        return (int(year), int(month), 0)

    @property
    def year(self) -> int:
        return self.sort_key[0]


class Era(Model):
    id: Id
    title: Text
    period: Text
    """The span shown on the era chip, e.g. 1897–1949."""
    summary: PanelText | None = None
    events: list[Event] = Field(min_length=1)


class HistorySection(SectionBase):
    type: Literal["history"]
    eras: list[Era] = Field(min_length=1)


# Park ----------------------------------------------------------------------------------

Point = Annotated[list[Number], Field(min_length=2, max_length=2)]


class Plan(Model):
    image: PlanPath
    width: Annotated[float, Strict(), Field(gt=0, allow_inf_nan=False)]
    height: Annotated[float, Strict(), Field(gt=0, allow_inf_nan=False)]
    """The plan's coordinate system: hotspot coordinates are in these units (the SVG viewBox)."""
    caption: Text | None = None


class Hotspot(Model):
    id: Id
    kind: Literal["zone", "building", "site"] = "building"
    name: Text
    description: PanelText
    rect: Annotated[list[Number], Field(min_length=4, max_length=4)] | None = None
    """x, y, width, height in plan units."""
    polygon: Annotated[list[Point], Field(min_length=3, max_length=MAX_POLYGON_POINTS)] | None = None
    figures: list[Figure] = Field(default_factory=list)
    partners: list[Id] = Field(default_factory=list)
    """Ids of partners (from a partners section) linked from this hotspot."""

    @model_validator(mode="after")
    def _one_shape(self) -> Hotspot:
        if (self.rect is None) == (self.polygon is None):
            raise ValueError("give exactly one shape: rect: [x, y, width, height] or polygon")
        if self.rect is not None and (self.rect[2] <= 0 or self.rect[3] <= 0):
            raise ValueError("rect width and height must be greater than 0")
        return self

    def points(self) -> list[tuple[float, float]]:
        if self.rect is not None:
            x, y, w, h = self.rect
            return [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
        return [(p[0], p[1]) for p in self.polygon or []]


class FrameworkItem(Model):
    """One step of the 个十百千万 framework."""

    key: Text
    """The character and its gloss, e.g. 个 / One."""
    count: Annotated[int, Strict(), Field(ge=1)]
    title: Text
    text: PanelText


class ParkSection(SectionBase):
    type: Literal["park"]
    plan: Plan
    hotspots: list[Hotspot] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    framework: list[FrameworkItem] = Field(default_factory=list)
    address: Text | None = None


# Partners ------------------------------------------------------------------------------


class Category(Model):
    id: Id
    name: Text
    description: Text | None = None


class Partner(Model, Windowed):
    id: Id
    name: Text
    short_name: Text | None = None
    category: Id
    description: PanelText
    logo: ImagePath | None = None
    website: Url | None = None
    tags: list[Text] = Field(default_factory=list)


class PartnersSection(SectionBase):
    type: Literal["partners"]
    categories: list[Category] = Field(min_length=1)
    partners: list[Partner] = Field(default_factory=list)


# Platform ------------------------------------------------------------------------------


class Series(Model):
    name: Text
    values: list[Number] = Field(min_length=1)


class Chart(Model):
    id: Id
    title: Text
    kind: Literal["bar", "hbar", "line"] = "bar"
    categories: list[Text] = Field(min_length=1)
    series: list[Series] = Field(min_length=1)
    unit: Text | None = None
    log_scale: bool = False
    note: Text | None = None

    @model_validator(mode="after")
    def _lengths_match(self) -> Chart:
        n = len(self.categories)
        for s in self.series:
            if len(s.values) != n:
                raise ValueError(
                    f"series {s.name.get('en')!r} has {len(s.values)} values "
                    f"but the chart has {n} categories"
                )
            if self.log_scale and any(v <= 0 or math.isnan(v) for v in s.values):
                raise ValueError("a log-scale chart needs values greater than 0")
        return self


class Capability(Model):
    id: Id
    title: Text
    text: PanelText
    icon: Icon | None = None


class Case(Model, Windowed):
    id: Id
    title: Text
    text: PanelText
    date: dt.date | None = None
    partners: list[Id] = Field(default_factory=list)
    image: ImagePath | None = None


class PlatformSection(SectionBase):
    type: Literal["platform"]
    summary: PanelText | None = None
    figures: list[Figure] = Field(default_factory=list)
    charts: list[Chart] = Field(default_factory=list)
    capabilities: list[Capability] = Field(default_factory=list)
    cases: list[Case] = Field(default_factory=list)


Section = Annotated[
    HistorySection | ParkSection | PartnersSection | PlatformSection,
    Field(discriminator="type"),
]
SECTION_TYPES: tuple[str, ...] = ("history", "park", "partners", "platform")

# ---------------------------------------------------------------------------------------
# The whole file


class Content(Model):
    kiosk: Settings = Settings()
    attract: Attract
    sections: list[Section] = Field(min_length=1)
    schedule: Schedule | None = None
    welcome: list[Banner] = Field(default_factory=list)
    guided: Guided | None = None

    def section(self, section_id: str) -> SectionBase | None:
        return next((s for s in self.sections if s.id == section_id), None)

    def partners(self) -> dict[str, Partner]:
        return {
            p.id: p for s in self.sections if isinstance(s, PartnersSection) for p in s.partners
        }


def content_models() -> dict[str, type[Model]]:
    """Every model class of the content by name, wherever it is defined (blocks added in
    other modules subclass :class:`Model` too)."""
    found: dict[str, type[Model]] = {}
    stack: list[type[Model]] = [Model]
    while stack:
        for sub in stack.pop().__subclasses__():
            found.setdefault(sub.__name__, sub)
            stack.append(sub)
    return found


__all__ = ["PANEL", "ImagePath", "Limit", "Media", "Model", "Str", "Text", "limit_for"]  # re-exported

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,47}$")

