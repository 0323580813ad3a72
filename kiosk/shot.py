"""``kiosk shot``: render screens and their inner states to PNG, offscreen, animations done.

``--screen NAME [--state STATE]`` renders one; ``--all DIR`` renders every screen and every
declared state (:mod:`kiosk.states`) in both languages, both orientations and every declared
mode, then writes one contact sheet: ``DIR/index.html`` and ``DIR/overview.png``.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk import paths, states

if TYPE_CHECKING:
    from kiosk.shell import KioskWindow

SHOT_SIZES = ((1920, 1080), (1080, 1920))
LANGS = ("zh", "en")
SHELL_SCREENS_BEFORE = ("attract", "home")
SHELL_SCREENS_AFTER = ("night", "guided", "countdown", "pin", "admin")


@dataclass(frozen=True)
class Column:
    """One column of the contact sheet: a language, a size and a mode ("" = normal)."""

    lang: str
    size: tuple[int, int]
    mode: str = ""

    @property
    def label(self) -> str:
        return " ".join(x for x in (self.lang, f"{self.size[0]}×{self.size[1]}", self.mode) if x)

    @property
    def suffix(self) -> str:
        return "-".join(x for x in (self.lang, f"{self.size[0]}x{self.size[1]}", self.mode) if x)


@dataclass(frozen=True)
class Row:
    """One row: a screen and one of its states ("" = as it first appears)."""

    screen: str
    state: str = ""

    @property
    def label(self) -> str:
        return f"{self.screen} · {self.state}" if self.state else self.screen

    @property
    def stem(self) -> str:
        return f"{self.screen}.{self.state}" if self.state else self.screen


def screens_for(window: KioskWindow) -> list[str]:
    names = list(SHELL_SCREENS_BEFORE)
    if window.view is not None:
        names += [s.id for s in window.view.content.sections]
    content = window.status.content
    welcome = ["welcome"] if content is not None and content.welcome else []
    return [*names, *welcome, *SHELL_SCREENS_AFTER]


def states_for(window: KioskWindow, screen: str) -> dict[str, states.State]:
    """The states declared for ``screen`` (a shell screen or a section id)."""
    found = states.screen_states(screen)
    if window.view is not None:
        section = window.view.content.section(screen)
        if section is not None:
            found.update(states.section_states(getattr(section, "type", "")))
    return found


def rows_for(window: KioskWindow) -> Iterator[Row]:
    for screen in screens_for(window):
        yield Row(screen)
        for name in states_for(window, screen):
            yield Row(screen, name)


def columns(modes: Sequence[str] | None = None) -> list[Column]:
    """The contact sheet's columns: each language and orientation, in the normal mode and
    in each of ``modes`` (None: every declared mode)."""
    chosen = list(states.modes()) if modes is None else list(modes)
    return [Column(lang, size, mode) for mode in ["", *chosen] for size in SHOT_SIZES for lang in LANGS]


def modes_for_all(given: Sequence[str]) -> list[str]:
    """``--all``'s ``--mode`` values → declared mode names (``all``: every one); nothing
    given: none (the normal mode only — every mode multiplies the pictures by five)."""
    names = [n.strip() for g in given for n in g.split(",") if n.strip()]
    declared = list(states.modes())
    if "all" in names:
        return declared
    unknown = [n for n in names if n not in declared]
    if unknown:
        raise ValueError(f"unknown mode {unknown[0]!r}; choose from: all, {', '.join(declared)}")
    return names


def show_state(window: KioskWindow, row: Row) -> None:
    """Show ``row``'s screen, then drive it to the state, then settle every animation."""
    from PySide6.QtWidgets import QApplication

    window.show_screen(row.screen)
    window.freeze_for_shot()
    QApplication.processEvents()
    if row.state:
        state = states_for(window, row.screen)[row.state]
        if state.on_window:
            state.reach(window)
        elif window.view is not None:
            state.reach(window.view.page(row.screen))
        QApplication.processEvents()
    window.freeze_for_shot()
    QApplication.processEvents()


def leave_state(window: KioskWindow, row: Row) -> None:
    """Back to the screen's first appearance (the next row starts clean)."""
    if row.state and window.view is not None and window.view.content.section(row.screen) is not None:
        window.view.page(row.screen).reset()


def grab(window: KioskWindow, row: Row, out: Path) -> None:
    show_state(window, row)
    out.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(out), "PNG"):
        raise OSError(f"could not write {out}")
    leave_state(window, row)
    print(out)


class Shooter:
    """Builds windows for a content file and closes them cleanly."""

    def __init__(self, content: str | None, clock: Any = None) -> None:
        from kiosk.app import create_app, register_fonts
        from kiosk.shell import load_status

        self.app = create_app(kiosk_mode=False)
        self.content_path = paths.find_content(content)
        self.families = register_fonts()
        self.status = load_status(self.content_path)
        self.clock = clock

    def unavailable_status(self) -> Any:
        from kiosk.shell import ContentStatus

        return ContentStatus(path=self.content_path, content=None, findings=self.status.findings)

    def window(self, lang: str | None, size: tuple[int, int], status: Any = None, mode: str = "") -> Any:
        from kiosk.shell import KioskWindow, ShellOptions

        options = ShellOptions(kiosk_mode=False, size=size, lang=lang, analytics_db=paths.analytics_db(),
                               clock=self.clock)
        w = KioskWindow(status or self.status, options, families=self.families)
        w.resize(*size)
        if mode in states.modes():
            states.modes()[mode].apply(w)
        elif mode:  # a combination: large-text,high-contrast
            from kiosk.shell.mode_states import apply_named

            apply_named(w, mode)
        w.show()
        self.app.processEvents()
        return w

    def close(self, w: Any) -> None:
        w.shutdown()
        w.allow_close = True
        w.close()
        w.deleteLater()
        self.app.processEvents()


def shoot_all(shooter: Shooter, out_dir: Path, modes: Sequence[str] = ()) -> int:
    from kiosk.contact_sheet import write_contact_sheet

    cells: dict[tuple[Row, Column], Path] = {}
    for col in columns(modes):
        w = shooter.window(col.lang, col.size, mode=col.mode)
        for row in rows_for(w):
            path = out_dir / f"{row.stem}-{col.suffix}.png"
            grab(w, row, path)
            cells[(row, col)] = path
        shooter.close(w)
    for size in SHOT_SIZES:
        w = shooter.window(None, size, shooter.unavailable_status())
        path = out_dir / f"unavailable-{size[0]}x{size[1]}.png"
        grab(w, Row("unavailable"), path)
        for lang in LANGS:
            cells[(Row("unavailable"), Column(lang, size))] = path
        shooter.close(w)
    write_contact_sheet(out_dir, cells)
    return shot_verdict(shooter.status)


def shot_clock(at: str, content: Any) -> Any:
    """``kiosk shot --at``: a clock stopped at that moment (in the content's time zone);
    None when ``at`` cannot be read (the message is printed)."""
    from kiosk.calendar_cli import moment
    from kiosk.clock import FakeClock

    try:
        return FakeClock(moment(at, content))
    except ValueError as exc:
        print(f"kiosk shot: --at: {exc}", file=sys.stderr)
        return None


def _fail(message: str) -> int:
    print(f"kiosk shot: {message}", file=sys.stderr)
    return 2


def shot_command(args: argparse.Namespace) -> int:
    """``kiosk shot``: render screens to PNG, offscreen, with animations finished."""
    from kiosk.app import install_excepthook, setup_logging

    setup_logging(logging.WARNING)
    install_excepthook()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    shooter = Shooter(args.content)
    at = getattr(args, "at", None)
    if at is not None:
        clock = shot_clock(at, shooter.status.content)
        if clock is None:
            return 2
        shooter.clock = clock
    if args.all_dir:
        try:
            modes = modes_for_all(getattr(args, "mode", None) or [])
        except ValueError as exc:
            return _fail(f"--mode: {exc}")
        return shoot_all(shooter, Path(args.all_dir), modes)
    if not args.out:
        return _fail("--screen needs --out FILE.png")
    status = shooter.unavailable_status() if args.screen == "unavailable" else shooter.status
    mode = ",".join(getattr(args, "mode", None) or [])
    if mode:
        from kiosk.theme.modes import MODE_NAMES, ModeSet

        try:
            mode = ",".join(m.replace("_", "-") for m in ModeSet.parse([mode]).on())
        except ValueError as exc:
            return _fail(f"--mode: {exc}; choose from: {', '.join(n.replace('_', '-') for n in MODE_NAMES)}")
    w = shooter.window(args.lang, tuple(args.size), status, mode)
    known = [*screens_for(w), "modes", "unavailable"]
    if args.screen not in known and w.view is not None:
        shooter.close(w)
        return _fail(f"unknown screen {args.screen!r}; choose from: {', '.join(known)}")
    state = getattr(args, "state", None) or ""
    if state and state not in states_for(w, args.screen):
        choices = ", ".join(states_for(w, args.screen)) or "none"
        shooter.close(w)
        return _fail(f"unknown state {state!r} of {args.screen!r}; choose from: {choices}")
    grab(w, Row(args.screen, state), Path(args.out))
    shooter.close(w)
    return 0 if args.screen == "unavailable" else shot_verdict(shooter.status)


def shot_verdict(status: Any) -> int:
    """1 (with the reason on stderr) when the content has errors, so the pictures show the
    maintenance screen instead of it; 0 otherwise."""
    if status.content is not None:
        return 0
    errors = [f for f in status.findings if f.is_error]
    print(f"kiosk shot: {status.path} has {len(errors)} error(s), so the maintenance screen "
          "was rendered instead of the content; run `kiosk validate` to see them", file=sys.stderr)
    for finding in errors[:5]:
        print(f"  {finding}", file=sys.stderr)
    return 1
