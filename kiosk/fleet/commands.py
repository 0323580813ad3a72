"""The fleet's shell commands: ``kiosk pack``, ``versions``, ``rollback``, ``status``,
``export`` and ``report``. Nothing here imports Qt at module level (``report`` loads Qt
only to draw the PDF)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser], date: Callable[[str], dt.date]) -> None:
    pack = sub.add_parser("pack", help="validate a content folder and write its manifest")
    pack.add_argument("folder", nargs="?", default=".", metavar="FOLDER",
                      help="folder holding content.yaml and its media (default: here)")
    pack.add_argument("--label", metavar="TEXT", help="version label (default: date and time)")
    pack.add_argument("--by", metavar="WHO", help="who packed it (default: user@host)")
    for name, text in (("versions", "list the kept content versions"),
                       ("rollback", "go back to a kept content version")):
        p = sub.add_parser(name, help=text)
        if name == "rollback":
            p.add_argument("version", metavar="VERSION", help="an id (v0003 or 3) or a label")
        p.add_argument("--data-dir", metavar="DIR", help="data folder (default: the kiosk's)")
    status = sub.add_parser("status", help="print the kiosk's health (as in its metrics file)")
    status.add_argument("--metrics-dir", metavar="DIR", help="where the metrics file is")
    status.add_argument("--data-dir", metavar="DIR", help="data folder (default: the kiosk's)")
    export = sub.add_parser("export", help="write analytics as dated CSV files into the outbox")
    export.add_argument("--outbox", metavar="DIR", help="outbox folder (default: DATA/outbox)")
    export.add_argument("--data-dir", metavar="DIR", help="data folder (default: the kiosk's)")
    report = sub.add_parser("report", help="merge many kiosks' CSV exports into a PDF report")
    report.add_argument("folders", nargs="+", metavar="FOLDER", help="folders with exported CSVs")
    report.add_argument("--since", type=date, metavar="YYYY-MM-DD")
    report.add_argument("--until", type=date, metavar="YYYY-MM-DD")
    report.add_argument("--out", required=True, metavar="report.pdf")
    report.add_argument("--content", metavar="PATH", help="content.yaml whose section titles name "
                        "the sections in the report (default: as for run)")


def pack_command(args: argparse.Namespace) -> int:
    from kiosk.fleet.manifest import MANIFEST, PackError, pack

    folder = Path(args.folder)
    if not (folder / "content.yaml").is_file():
        print(f"{folder}: no content.yaml here; give the folder that holds it", file=sys.stderr)
        return 2
    try:
        manifest = pack(folder, version=args.label, who=args.by)
    except PackError as exc:
        print(exc, file=sys.stderr)
        print(f"{folder}: not packed", file=sys.stderr)
        return 1
    size = sum(int(f["size"]) for f in manifest.files.values())
    print(f"{folder / MANIFEST}: version {manifest.version}, {len(manifest.files)} files, "
          f"{size / 1e6:.1f} MB, by {manifest.created_by}")
    return 0


def versions_command(args: argparse.Namespace) -> int:
    from kiosk.fleet.versions import VersionStore
    from kiosk.paths import data_dir

    store = VersionStore(data_dir())
    kept = store.versions()
    if not kept:
        print(f"no kept versions in {store.root}")
        return 0
    current = store.current()
    for v in kept:
        print(v.line(current is not None and v.id == current.id))
    return 0


def rollback_command(args: argparse.Namespace) -> int:
    from kiosk.content.findings import ContentError
    from kiosk.fleet.versions import VersionStore, request_rollback
    from kiosk.paths import data_dir

    store = VersionStore(data_dir())
    try:
        version, _ = store.rollback(args.version)
        request_rollback(store, version.id)
    except LookupError as exc:
        print(exc.args[0], file=sys.stderr)
        return 1
    except ContentError as exc:
        print("\n".join(map(str, exc.findings)), file=sys.stderr)
        print(f"version {args.version} cannot be used by this kiosk any more", file=sys.stderr)
        return 1
    print(f"rolled back to {version.id} ({version.label}); a running kiosk shows it at its next "
          "quiet moment (the attract screen), a stopped one when it starts")
    return 0


def status_command(args: argparse.Namespace) -> int:
    from kiosk.fleet.metrics import describe_file, metrics_dir

    folder = metrics_dir(args.metrics_dir)
    files = sorted(folder.glob("kiosk*.prom"))
    if not files:
        print(f"no metrics file in {folder} (is the kiosk running?)")
        return 1
    for path in files:
        for line in describe_file(path):
            print(line)
    return 0


def export_command(args: argparse.Namespace) -> int:
    from kiosk.fleet.identity import kiosk_id
    from kiosk.fleet.report import export_outbox, outbox_dir
    from kiosk.paths import analytics_db

    written = export_outbox(analytics_db(), outbox_dir(args.outbox), kiosk_id())
    for path in written:
        print(path)
    if not written:
        print("no analytics to export yet")
    return 0


def report_command(args: argparse.Namespace) -> int:
    from kiosk.fleet.report import load_exports, summarise, write_summary_csv

    since: dt.date | None = args.since
    until: dt.date | None = args.until
    events, problems = load_exports([Path(f) for f in args.folders], since, until)
    for problem in problems:
        print(problem, file=sys.stderr)
    if not events:
        print("no events found in those folders for those dates", file=sys.stderr)
        return 1
    summary = summarise(events, since, until)
    titles = _section_titles(args.content)
    summary.sections = {titles.get(k, k): v for k, v in summary.sections.items()}
    out = Path(args.out)
    from kiosk.fleet.report_pdf import write_pdf

    write_pdf(summary, out)
    csv_path = write_summary_csv(summary, out.with_suffix(".csv"))
    print(f"{out}: {summary.visitors} visitors on {len(summary.kiosks)} kiosks "
          f"({len(events)} events); table in {csv_path}")
    return 0


def _section_titles(option: str | None) -> dict[str, str]:
    """Section id → "中文 · English" from the content, or nothing when it can't be read."""
    from kiosk.content.findings import ContentError
    from kiosk.content.loader import load_file
    from kiosk.paths import find_content

    try:
        content = load_file(find_content(option)).content
    except ContentError:
        return {}
    return {s.id: f"{s.title.zh} · {s.title.en}" for s in content.sections}


COMMANDS = {"pack": pack_command, "versions": versions_command, "rollback": rollback_command,
            "status": status_command, "export": export_command, "report": report_command}
