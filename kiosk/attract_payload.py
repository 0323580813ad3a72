"""The attract payload: what the first attract frame shows, taken from validated content and
kept as a small JSON file in the data folder, so the next start can paint its first frame
without importing the content model, pydantic or the window (see :mod:`kiosk.boot`).

* :func:`from_content` turns the content *as it shows now* into an :class:`AttractPayload`;
  the attract screen always paints from one (the normal path builds it from the model), so
  the first frame and the frames after it draw the same thing.
* :func:`write` keeps it with what it depends on: the SHA-256 of the content file's bytes
  that were validated, the size and mtime of every media file, the time it stays true (the
  next appearance, expiry or opening change), the start theme and the kiosk version.
* :func:`read` gives it back only when every one of those still holds; anything missing,
  stale, corrupt or of another shape is ``None`` (with the reason logged) and the kiosk
  takes the normal path. Never raises.

No Qt and no pydantic here: this module is imported before the first frame.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
from dataclasses import asdict, dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from kiosk import __version__

if TYPE_CHECKING:
    from kiosk.content.model import Content
    from kiosk.theme import Theme

log = logging.getLogger(__name__)

FILE = "attract-payload.json"
FORMAT = 1
HORIZON = dt.timedelta(days=8)
"""Without a known next change, a payload stays valid this long (schedule's horizon)."""
START_MARKER = "start-marker.json"  # kiosk.fleet.versions.MARKER (a test keeps them equal)
VERSIONS = "versions"  # kiosk.fleet.versions.FOLDER
CRASHES_BEFORE_FALLBACK = 2  # kiosk.fleet.versions.CRASHES_BEFORE_FALLBACK


@dataclass(frozen=True)
class Pair:
    """A text in both languages, as the attract screen reads it."""

    zh: str
    en: str

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True)
class FigureText:
    """A key figure already formatted in both languages."""

    value_zh: str
    unit_zh: str
    value_en: str
    unit_en: str
    label: Pair


@dataclass(frozen=True)
class Slide:
    title: Pair
    text: Pair | None = None
    figure: FigureText | None = None
    section: str | None = None


@dataclass(frozen=True)
class AttractPayload:
    name: Pair
    interval: float
    slides: tuple[Slide, ...]


@dataclass(frozen=True)
class BootTheme:
    """The start theme's inputs: palette colours, visitor modes and the panel diagonal."""

    palette: dict[str, str]
    modes: dict[str, bool]
    diagonal_in: float


@dataclass(frozen=True)
class Boot:
    """A payload that still holds for this start."""

    payload: AttractPayload
    theme: BootTheme


# -- from the model ---------------------------------------------------------------------------
def _pair(text: Any) -> Pair:
    return Pair(text.get("zh"), text.get("en"))


def from_content(content: Content) -> AttractPayload:
    """The attract screen's payload of ``content`` (already filtered to what shows now)."""
    from kiosk.numbers import format_figure

    slides = []
    for hl in content.attract.highlights:
        figure = None
        if hl.figure is not None:
            value_zh, unit_zh = format_figure(hl.figure, "zh")
            value_en, unit_en = format_figure(hl.figure, "en")
            figure = FigureText(value_zh, unit_zh, value_en, unit_en, _pair(hl.figure.label))
        slides.append(Slide(_pair(hl.title), _pair(hl.text) if hl.text else None, figure,
                            hl.section))
    return AttractPayload(_pair(content.kiosk.name), float(content.attract.interval),
                          tuple(slides))


# -- JSON ---------------------------------------------------------------------------------------
def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected text, got {type(value).__name__}")
    return value


def _pair_json(value: Any) -> Pair:
    if not isinstance(value, dict):
        raise ValueError("expected a zh/en pair")
    return Pair(_str(value["zh"]), _str(value["en"]))


def _slide_json(value: Any) -> Slide:
    if not isinstance(value, dict):
        raise ValueError("expected a slide")
    fig = value.get("figure")
    figure = None
    if fig is not None:
        figure = FigureText(_str(fig["value_zh"]), _str(fig["unit_zh"]), _str(fig["value_en"]),
                            _str(fig["unit_en"]), _pair_json(fig["label"]))
    text = value.get("text")
    section = value.get("section")
    return Slide(_pair_json(value["title"]), _pair_json(text) if text is not None else None,
                 figure, _str(section) if section is not None else None)


def payload_from_json(value: Any) -> AttractPayload:
    """The payload in ``value`` (parsed JSON); ValueError/KeyError/TypeError when malformed."""
    interval = value["interval"]
    if isinstance(interval, bool) or not isinstance(interval, (int, float)) or not interval > 0:
        raise ValueError("interval must be a positive number")
    slides = tuple(_slide_json(s) for s in value["slides"])
    if not slides:
        raise ValueError("no slides")
    return AttractPayload(_pair_json(value["name"]), float(interval), slides)


def _theme_json(value: Any) -> BootTheme:
    from dataclasses import fields

    from kiosk.theme.modes import MODE_NAMES
    from kiosk.theme.tokens import Palette

    palette, modes = value["palette"], value["modes"]
    if set(palette) != {f.name for f in fields(Palette)} or not all(
            isinstance(v, str) and v.startswith("#") for v in palette.values()):
        raise ValueError("palette does not match the theme's colours")
    if set(modes) != set(MODE_NAMES) or not all(isinstance(v, bool) for v in modes.values()):
        raise ValueError("modes do not match the visitor modes")
    diagonal = value["diagonal_in"]
    if isinstance(diagonal, bool) or not isinstance(diagonal, (int, float)) or not diagonal > 0:
        raise ValueError("diagonal must be a positive number")
    return BootTheme(dict(palette), dict(modes), float(diagonal))


# -- stamps -------------------------------------------------------------------------------------
def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def stamps(base_dir: Path, media: list[str]) -> dict[str, list[int] | None]:
    """Size and mtime of each media file (None when missing), as kiosk.content.lastgood."""
    out: dict[str, list[int] | None] = {}
    for rel in media:
        try:
            st = (base_dir / PurePosixPath(rel)).stat()
            out[rel] = [st.st_size, st.st_mtime_ns]
        except OSError:
            out[rel] = None
    return out


def may_roll_back(data_dir: Path) -> bool:
    """Could the start guard (kiosk.fleet.versions.begin_start) roll the content back on
    this start? Then the payload may not be what is shown: take the normal path. The same
    test as the guard's — the last start did not last, on a current version never
    confirmed, with an older one to go back to — read from its JSON files."""
    try:
        previous = json.loads((data_dir / START_MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    try:
        state = json.loads((data_dir / VERSIONS / "state.json").read_text(encoding="utf-8"))
        cid = state.get("current")
        if not cid:
            return False
        meta = json.loads((data_dir / VERSIONS / cid / "version.json").read_text(encoding="utf-8"))
        if meta.get("confirmed") or not any(
                p.name < cid for p in (data_dir / VERSIONS).glob("v[0-9]*")):
            return False
        same = isinstance(previous, dict) and previous.get("version") == cid
        failed = int(previous.get("failed", 0)) + 1 if same else 1
        return failed >= CRASHES_BEFORE_FALLBACK
    except FileNotFoundError:
        return False
    except Exception:  # unsure: the normal path decides
        return True


# -- write and read -----------------------------------------------------------------------------
def write(data_dir: Path, content_path: Path, data: bytes, content: Content, theme: Theme,
          now: dt.datetime | None = None) -> Path | None:
    """Keep the payload of ``content`` (validated from ``data``, the bytes of
    ``content_path``) for the next start. Nothing is kept while the showroom is closed (the
    first frame is then the night screen). Never raises; returns the file or None."""
    try:
        return _write(data_dir, content_path, data, content, theme, now)
    except Exception:  # a cache: never stops the kiosk
        log.exception("could not write the attract payload in %s", data_dir)
        return None


def _write(data_dir: Path, content_path: Path, data: bytes, content: Content, theme: Theme,
           now: dt.datetime | None) -> Path | None:
    from kiosk.content.lastgood import media_files
    from kiosk.content.schedule import is_open, next_transition, tz_of, visible_at

    now = (now or dt.datetime.now().astimezone()).astimezone(tz_of(content))
    path = data_dir / FILE
    if not is_open(content, now):
        path.unlink(missing_ok=True)
        return None
    until = next_transition(content, now) or now + HORIZON
    record = {
        "format": FORMAT, "kiosk": __version__, "source": str(content_path.resolve()),
        "sha256": digest(data),
        "stamps": stamps(content_path.parent, media_files(content)),
        "written": now.timestamp(), "until": until.timestamp(),
        "theme": {"palette": asdict(theme.palette), "modes": asdict(theme.modes),
                  "diagonal_in": float(content.kiosk.screen_diagonal_in)},
        "payload": asdict(from_content(visible_at(content, now))),
    }
    data_dir.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{FILE}.tmp-{os.getpid()}")
    tmp.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)
    return path


def read(data_dir: Path, content_path: Path, now: dt.datetime | None = None) -> Boot | None:
    """The payload for this start, or None when it is missing, stale or corrupt (the normal
    path then builds the first frame from the validated model). Never raises."""
    try:
        record = json.loads((data_dir / FILE).read_text(encoding="utf-8"))
        data = content_path.read_bytes()
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        log.info("attract payload not used: %s", exc)
        return None
    try:
        reason = _stale(record, content_path, data, now or dt.datetime.now().astimezone())
        if reason is None:
            return Boot(payload_from_json(record["payload"]), _theme_json(record["theme"]))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        reason = f"malformed ({exc!r})"
    log.info("attract payload not used: %s", reason)
    return None


def _stale(record: Any, content_path: Path, data: bytes, now: dt.datetime) -> str | None:
    """Why ``record`` does not hold for ``content_path`` now (None: it holds)."""
    if not isinstance(record, dict) or record.get("format") != FORMAT:
        return "another format"
    if record.get("kiosk") != __version__:
        return "written by another kiosk version"
    if record.get("source") != str(content_path.resolve()) or record.get("sha256") != digest(data):
        return "the content file changed since it was validated"
    media = record["stamps"]
    if stamps(content_path.parent, list(media)) != media:
        return "a media file changed"
    if not record["written"] - 5 <= now.timestamp() < record["until"]:
        return "the content's schedule changed since it was written"
    return None
