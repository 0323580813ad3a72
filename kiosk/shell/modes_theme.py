"""The theme for a content in the visitor's modes (reach band from the mounting)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.content.access import Mounting, reach_band
from kiosk.theme import Theme, build_theme
from kiosk.theme.modes import ModeSet

if TYPE_CHECKING:
    from kiosk.shell.status import ContentStatus


def reach_top(status: ContentStatus, size: tuple[int, int]) -> int:
    """Top row of the reachable band on a ``size`` screen, from content's mounting."""
    content = status.content
    mounting = content.accessibility.mounting if content is not None else Mounting()
    return reach_band(mounting, status.settings.screen_diagonal_in, size)[0]


def mode_theme(status: ContentStatus, size: tuple[int, int], families: tuple[str, ...] | None,
               modes: ModeSet) -> Theme:
    return build_theme(status.settings, size, families=families, modes=modes,
                       reach_top=reach_top(status, size))
