"""Command line: ``kiosk [run|shot|validate|schema|set-pin|analytics]`` and the fleet's
``pack|versions|rollback|status|export|report`` (kiosk.fleet.commands).

Nothing here imports Qt at module level: ``kiosk validate`` and ``kiosk schema`` must stay
fast. The UI commands import :mod:`kiosk.app` only when they run.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt

    from kiosk.content.model import Content

from kiosk import __version__

COMMANDS = ("run", "shot", "validate", "schema", "set-pin", "analytics", "schedule",
            "pack", "versions", "rollback", "status", "export", "report")  # the last six: kiosk.fleet


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT like 1920x1080, got {text!r}") from None
    if not (320 <= w <= 8192 and 320 <= h <= 8192):
        raise argparse.ArgumentTypeError("width and height must be between 320 and 8192")
    return w, h


def _date(text: str) -> dt.date:
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date like 2026-11-26, got {text!r}") from None


def _add_run_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--content", metavar="PATH", help="content file (see README: how it is found)")
    p.add_argument("--windowed", action="store_true", help="a normal window, for trying it on a desktop")
    p.add_argument("--size", type=_size, metavar="WxH", help="window size, e.g. 1080x1920")
    p.add_argument("--lang", choices=("zh", "en"), help="start language (default: from content)")
    p.add_argument("--idle-timeout", type=int, metavar="SECONDS", help="override the idle timeout")
    p.add_argument("--data-dir", metavar="DIR", help="data folder (analytics, last-good content)")
    p.add_argument("--metrics-dir", metavar="DIR", help="where to write the Prometheus textfile "
                   "(default: KIOSK_METRICS_DIR, else the data folder)")
    p.add_argument("--screenshots", action="store_true",
                   help="save a small screenshot every 5 minutes (or KIOSK_SCREENSHOTS=1)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk", description="Qingdao Industrial Internet Cluster showroom kiosk"
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command")

    run = sub.add_parser("run", help="start the kiosk (the default command)")
    _add_run_options(run)

    shot = sub.add_parser("shot", help="render screens to PNG (works offscreen)")
    shot.add_argument("--content", metavar="PATH")
    shot.add_argument("--lang", choices=("zh", "en"))
    shot.add_argument("--size", type=_size, metavar="WxH", default=(1920, 1080))
    target = shot.add_mutually_exclusive_group(required=True)
    target.add_argument("--screen", metavar="NAME", help="attract, home or a section id")
    target.add_argument("--all", metavar="DIR", dest="all_dir", help="every screen × language × orientation")
    shot.add_argument("--state", metavar="STATE", help="an inner state of --screen (e.g. park framework)")
    shot.add_argument("--out", metavar="FILE.png", help="output file for --screen")
    shot.add_argument("--at", metavar="YYYY-MM-DDTHH:MM", help="render as it will look then")
    shot.add_argument("--mode", action="append", default=[], metavar="MODE",
                      help="visitor mode(s): large-text, high-contrast, reduced-motion, reach "
                           "(comma-separated or repeated); with --all, the contact sheet gets a column "
                           "set per mode named (--mode all: every mode)")

    val = sub.add_parser("validate", help="check a content file and list every finding")
    val.add_argument("path", nargs="?", metavar="PATH", help="content file (default: as for run)")
    val.add_argument("--at", metavar="YYYY-MM-DDTHH:MM", help="check what will be visible then")

    sched = sub.add_parser("schedule", help="what happens when: opening, closing, banners, content")
    sched.add_argument("--content", metavar="PATH")
    sched.add_argument("--days", type=int, default=14, metavar="N", help="how far ahead (14)")
    sched.add_argument("--at", metavar="YYYY-MM-DDTHH:MM", help="start from then, not now")

    sub.add_parser("schema", help="print the JSON Schema of content.yaml")

    stats = sub.add_parser("analytics", help="summarise visitor analytics, or export CSV")
    stats.add_argument("--since", type=_date, metavar="YYYY-MM-DD", help="only events since")
    stats.add_argument("--csv", metavar="FILE", help="export the events as CSV")
    stats.add_argument("--data-dir", metavar="DIR", help="data folder (default: the kiosk's)")

    from kiosk.fleet.commands import add_parsers

    add_parsers(sub, _date)

    pin = sub.add_parser("set-pin", help="set the admin PIN (stored as a salted hash)")
    pin.add_argument("--pin", help="the PIN (4–8 digits); asked for when omitted")
    return parser


def _previous_content() -> Content | None:
    """The last good content (read only when a reference is broken, to tell a rename)."""
    from kiosk.content.lastgood import previous_content
    from kiosk.paths import data_dir

    return previous_content(data_dir())


def validate_command(path: str | None, at: str | None = None) -> int:
    """Print every finding in compiler format, then a summary. Exit 0 with no errors,
    1 with errors, 2 when the file cannot be read. ``at``: judge the calendar then, and
    say what will be visible."""
    from kiosk.content.files import shown
    from kiosk.content.findings import ContentUnreadable, summary
    from kiosk.content.loader import inspect_bytes, read_file
    from kiosk.paths import find_content

    target = find_content(path)
    try:
        data = read_file(target)
    except ContentUnreadable as exc:
        for finding in exc.findings:
            print(finding)
        print(f"{shown(target)}: could not be read")
        return 2
    when = None
    if at is not None:
        when = _at_moment(at, data, target)
        if when is None:
            return 2
    content, findings = inspect_bytes(data, source=shown(target), base_dir=target.parent,
                                      previous=_previous_content, at=when)
    for finding in findings:
        print(finding)
    verdict = "OK" if content is not None else "NOT USABLE — fix the errors above"
    print(f"{shown(target)}: {summary(findings)} — {verdict}")
    if content is not None and when is not None:
        from kiosk.calendar_cli import state_lines

        for line in state_lines(content, when):
            print(line)
    return 0 if content is not None else 1


def _at_moment(at: str, data: bytes, target: object) -> dt.datetime | None:
    """``--at`` in the content's time zone (read leniently: the file may have errors)."""
    from kiosk.calendar_cli import moment
    from kiosk.content.loader import inspect_bytes

    content, _ = inspect_bytes(data, source=str(target))
    try:
        return moment(at, content)
    except ValueError as exc:
        print(f"kiosk validate: --at: {exc}")
        return None


def analytics_command(since: dt.date | None, csv_path: str | None) -> int:
    import sqlite3
    from pathlib import Path

    from kiosk import analytics, storage
    from kiosk.paths import analytics_db

    db = analytics_db()
    if not db.exists():
        print(f"no analytics yet ({db} does not exist)")
        return 0
    try:
        if csv_path:
            rows = analytics.export_csv(db, Path(csv_path), since)
            print(f"wrote {rows} events to {csv_path}")
            return 0
        data = analytics.summary(db, since)
    except storage.DamagedDatabase as exc:
        print(f"kiosk analytics: {exc}. The kiosk moves it aside and starts a new one at "
              "its next start; nothing was changed now.", file=sys.stderr)
        return 1
    except (sqlite3.Error, OSError) as exc:  # a full, read-only or failing disk
        print(f"kiosk analytics: cannot read {db}: {storage.DESCRIPTIONS[storage.classify(exc, db)]}"
              f" ({exc}). The file was left as it is.", file=sys.stderr)
        return 1
    for line in analytics.format_summary(data, since):
        print(line)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in (*COMMANDS, "-h", "--help", "--version"):
        argv = ["run", *argv]  # `kiosk --windowed` means `kiosk run --windowed`
    args = build_parser().parse_args(argv)
    command = args.command
    if getattr(args, "data_dir", None):
        import os

        from kiosk.paths import DATA_DIR_ENV

        os.environ[DATA_DIR_ENV] = str(args.data_dir)
    from kiosk.fleet.commands import COMMANDS as FLEET

    if command in FLEET:
        return FLEET[command](args)
    if command == "analytics":
        return analytics_command(args.since, args.csv)
    if command == "validate":
        return validate_command(args.path, args.at)
    if command == "schedule":
        from kiosk.calendar_cli import schedule_command

        return schedule_command(args.content, args.days, args.at)
    if command == "schema":
        from kiosk.content.schema import schema_json

        sys.stdout.write(schema_json())
        return 0
    if command == "set-pin":
        from kiosk.pin import set_pin_command

        return set_pin_command(args.pin)
    if command == "shot":
        from kiosk.shot import shot_command

        return shot_command(args)
    from kiosk import app

    return app.run_command(args)
