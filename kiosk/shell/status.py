"""ContentStatus: what the kiosk loaded, when, and what the loader said about it. No Qt.

:func:`load_status` never raises for bad content: errors are logged to stderr and the
status carries ``content=None`` plus the findings, so the shell shows the calm
"we'll be right back" screen and the admin panel shows the details.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.content import ContentError, Finding, load_file, summary
from kiosk.content.model import Content, Settings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ContentStatus:
    path: Path
    content: Content | None
    findings: list[Finding] = field(default_factory=list)
    loaded_at: dt.datetime = field(default_factory=lambda: dt.datetime.now().astimezone())
    error: str | None = None
    media_dir: Path | None = None
    """Where the content's media are, when not next to ``path`` (the last-good copy)."""
    note: str | None = None
    """What staff should know, e.g. that the last good copy is shown instead of ``path``."""

    @property
    def ok(self) -> bool:
        return self.content is not None

    @property
    def settings(self) -> Settings:
        return self.content.kiosk if self.content is not None else Settings()

    @property
    def base_dir(self) -> Path:
        """The folder media paths in the content are relative to."""
        return self.media_dir or self.path.parent

    def summary(self) -> str:
        return summary(self.findings)


def load_status(path: Path) -> ContentStatus:
    """Load ``path``; on any content error return a status without content (and log it)."""
    try:
        loaded = load_file(path)
    except ContentError as exc:
        log.error("content %s could not be used (%s):", path, summary(exc.findings))
        for finding in exc.findings:
            log.error("  %s", finding)
        return ContentStatus(path=Path(path), content=None, findings=list(exc.findings), error=str(exc))
    except Exception as exc:  # a loader bug must not stop the kiosk either
        log.exception("content loader failed on %s", path)
        finding = Finding(str(path), 0, 0, "error", f"the loader failed: {exc!r}")
        return ContentStatus(path=Path(path), content=None, findings=[finding], error=str(exc))
    for finding in loaded.findings:
        log.warning("  %s", finding)
    return ContentStatus(path=Path(loaded.path), content=loaded.content, findings=list(loaded.findings))


def status_from_content(content: Content, path: Path | str = "content.yaml") -> ContentStatus:
    """A status for an in-memory content (tests, previews)."""
    return ContentStatus(path=Path(path), content=content)
