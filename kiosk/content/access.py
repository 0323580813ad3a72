"""Visitor accessibility modes in content.yaml (``accessibility:``). No Qt.

Staff set the modes a visitor starts with (a showroom for seniors may start in large
text) and the screen's mounting geometry, from which the reachable band of a tall screen
is computed (``reach`` mode moves every control into it)::

    accessibility:
      large_text: false
      high_contrast: false
      reduced_motion: false
      reach: false
      mounting:
        bottom_edge_mm: 800     # floor to the bottom edge of the picture
        height_mm: 1210         # physical height of the picture (or leave it out:
                                # derived from kiosk.screen_diagonal_in and the aspect)
"""

from __future__ import annotations

import math
from typing import Annotated

from pydantic import Field, Strict

from kiosk.content.base import Model

#: Comfortable forward reach from a wheelchair (ADA 308.2: 48 in ≈ 1,220 mm; EN 17210
#: and GB 50763 give similar values): every control stays below this height.
COMFORTABLE_REACH_MM = 1200.0

Millimetres = Annotated[float, Strict(), Field(ge=0, le=4000)]
Switch = Annotated[bool, Strict()]


class Mounting(Model):
    bottom_edge_mm: Millimetres = 800.0
    """Height of the picture's bottom edge above the floor, in millimetres."""
    height_mm: Millimetres | None = None
    """Physical height of the picture; when left out, derived from the diagonal."""


class Accessibility(Model):
    """The modes every visitor starts in (the ``Aa`` panel changes them until the idle
    reset), and where the screen hangs."""

    large_text: Switch = False
    high_contrast: Switch = False
    reduced_motion: Switch = False
    reach: Switch = False
    mounting: Mounting = Mounting()


def screen_height_mm(mounting: Mounting, diagonal_in: float, size: tuple[int, int]) -> float:
    """The picture's physical height: given, or from the diagonal and the pixel aspect."""
    if mounting.height_mm:
        return mounting.height_mm
    w, h = size
    return diagonal_in * 25.4 * h / math.hypot(w, h)


def reach_band(mounting: Mounting, diagonal_in: float, size: tuple[int, int],
               reach_mm: float = COMFORTABLE_REACH_MM) -> tuple[int, int]:
    """The reachable band as (top, bottom) pixel rows of a ``size`` picture: from the row
    at ``reach_mm`` above the floor (0 when the whole picture is in reach) to the bottom."""
    height = size[1]
    physical = screen_height_mm(mounting, diagonal_in, size)
    if physical <= 0:
        return 0, height
    above_reach = mounting.bottom_edge_mm + physical - reach_mm
    top = math.ceil(height * max(0.0, min(physical, above_reach)) / physical)
    return min(top, height), height
