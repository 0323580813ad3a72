"""The contact sheet of ``kiosk shot --all``: ``index.html`` and one ``overview.png``.

Rows are screens and their states, columns are language × orientation (× mode); each cell
is a thumbnail with its label, so staff can review every screen at a glance before a visit.
The PNG is painted with Qt (no other image library).
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

THUMB_H = 220
"""Thumbnail height in the overview; widths follow each screenshot's aspect."""
GAP = 16
LABEL_W = 300
HEAD_H = 56
BACKGROUND = "#0b1526"
TEXT = "#f1f5fb"
MUTED = "#b7c3d6"


def _axes(cells: dict[tuple[Any, Any], Path]) -> tuple[list[Any], list[Any]]:
    rows: list[Any] = []
    cols: list[Any] = []
    for row, col in cells:
        if row not in rows:
            rows.append(row)
        if col not in cols:
            cols.append(col)
    return rows, cols


def _col_width(col: Any) -> int:
    w, h = (int(v) for v in col.size)
    return round(THUMB_H * w / h)


def write_overview(path: Path, cells: dict[tuple[Any, Any], Path]) -> None:
    """One PNG: a labelled grid of thumbnails (rows: screen · state; columns: variants)."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    rows, cols = _axes(cells)
    widths = [_col_width(c) for c in cols]
    width = LABEL_W + sum(widths) + GAP * (len(cols) + 1)
    height = HEAD_H + len(rows) * (THUMB_H + GAP) + GAP
    sheet = QImage(width, height, QImage.Format.Format_RGB32)
    sheet.fill(QColor(BACKGROUND))
    p = QPainter(sheet)
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    font = QFont()
    font.setPixelSize(22)
    p.setFont(font)
    xs, x = [], LABEL_W + GAP
    for w in widths:
        xs.append(x)
        x += w + GAP
    p.setPen(QColor(MUTED))
    for col, x0, w in zip(cols, xs, widths, strict=True):
        p.drawText(QRect(x0, 0, w, HEAD_H), int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), col.label)
    for i, row in enumerate(rows):
        y = HEAD_H + i * (THUMB_H + GAP)
        p.setPen(QColor(TEXT))
        p.drawText(QRect(GAP, y, LABEL_W - GAP, THUMB_H),
                   int(Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap), row.label)
        for col, x0, w in zip(cols, xs, widths, strict=True):
            shot = cells.get((row, col))
            if shot is None:
                continue
            image = QImage(str(shot))
            if not image.isNull():
                p.drawImage(QRect(x0, y, w, THUMB_H), image.scaled(w, THUMB_H, Qt.AspectRatioMode.IgnoreAspectRatio,
                                                                   Qt.TransformationMode.SmoothTransformation))
    p.end()
    if not sheet.save(str(path)):
        raise OSError(f"could not write {path}")


def write_index(path: Path, cells: dict[tuple[Any, Any], Path], overview: str) -> None:
    rows, cols = _axes(cells)
    out = ["<!doctype html><meta charset='utf-8'><title>Kiosk screens</title>",
           "<style>body{background:#0b1526;color:#f1f5fb;font-family:sans-serif}"
           "td,th{padding:6px;vertical-align:middle}img{height:220px;border:1px solid #33415c}"
           "a{color:#9cc2ff}</style>",
           f"<h1>Every screen</h1><p><a href='{html.escape(overview)}'>one-picture overview</a></p>",
           "<table><tr><th></th>" + "".join(f"<th>{html.escape(c.label)}</th>" for c in cols) + "</tr>"]
    for row in rows:
        tds = []
        for col in cols:
            shot = cells.get((row, col))
            if shot is None:
                tds.append("<td></td>")
                continue
            name, alt = html.escape(shot.name), html.escape(f"{row.label} {col.label}")
            tds.append(f"<td><a href='{name}'><img src='{name}' alt='{alt}'></a></td>")
        out.append(f"<tr><th>{html.escape(row.label)}</th>{''.join(tds)}</tr>")
    out.append("</table>")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def write_contact_sheet(out_dir: Path, cells: dict[tuple[Any, Any], Path]) -> None:
    write_overview(out_dir / "overview.png", cells)
    write_index(out_dir / "index.html", cells, "overview.png")
    print(out_dir / "index.html")
    print(out_dir / "overview.png")
