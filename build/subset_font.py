#!/usr/bin/env python3
"""Build the kiosk's bundled fonts from Debian's Noto packages.

Writes into ``assets/fonts/``:

* ``NotoSansSC-Kiosk-{Regular,Bold}.otf`` -- subset of "Noto Sans CJK SC"
  (face picked by family name from Debian's ``NotoSansCJK-*.ttc``):
  all of GB2312, Latin-1, CJK/general punctuation, full/half-width forms
  and a few showroom symbols.
* ``NotoSans-Kiosk-{Regular,Bold}.ttf`` -- subset of "Noto Sans" (Latin UI
  font; the UI lists it *before* the CJK family because the CJK font draws
  “ ” · full-width).
* ``coverage.txt`` -- the code points the bundled fonts cover (in both
  weights), as sorted hex ranges, for the content checker.

The output is byte-for-byte reproducible for the same inputs: timestamps in
the ``head`` table are pinned to the source font's own dates.

Usage::

    python build/subset_font.py [--extra-text FILE ...] [--out DIR]

``--extra-text`` adds every character found in the given UTF-8 files (e.g.
names outside GB2312 such as 喆 or 堃) to the CJK subset.

Needs ``fonttools`` (build extra) and the Debian packages ``fonts-noto-cjk``
and ``fonts-noto-core``.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

REPO = Path(__file__).resolve().parent.parent
OUT_DIR = REPO / "assets" / "fonts"

CJK_SOURCES = {
    "Regular": Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    "Bold": Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"),
}
LATIN_SOURCES = {
    "Regular": Path("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"),
    "Bold": Path("/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"),
}
LICENCE_SOURCE = Path("/usr/share/doc/fonts-noto-cjk/copyright")  # DEP-5, holds the OFL text
CJK_FAMILY = "Noto Sans CJK SC"
LATIN_FAMILY = "Noto Sans"
SUBSET_TAG = "kiosk subset"

# ---------------------------------------------------------------- code points


def rng(first: int, last: int) -> set[int]:
    return set(range(first, last + 1))


def chars(text: str) -> set[int]:
    return {ord(c) for c in text}


def gb2312() -> set[int]:
    """Every BMP code point that Python's gb2312 codec can encode."""
    out = set()
    for cp in range(0x10000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        try:
            chr(cp).encode("gb2312")
        except UnicodeEncodeError:
            continue
        out.add(cp)
    return out


# Symbols a showroom needs, on top of the blocks below.
SHOWROOM_SYMBOLS = chars(
    "²³¹¥€£$×÷·–—…‘’“”•→←↑↓↔±≈≠≥≤°℃℉№™®©‰‱µΩΔ∞−√"
    "㎡㎥㎞㎏㎜㎝㎎㎖㎗㎘"
    "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
    "〇々〜・"
) | rng(0x01CD, 0x01DC)  # pinyin ǎ ǐ ǒ ǔ ǖ ǘ ǚ ǜ (+ capitals)

# Hanzi outside GB2312 that turn up in company and personal names and in
# spoken-style text; cheap insurance (content can add more via --extra-text).
NAME_EXTRAS = chars("啰喆堃昇珺玥祎璟瑄晞彧赟犇骉垚燚镕镠翀旸峣嵚芃堉玙瑀曌")

CJK_BLOCKS = (
    rng(0x0020, 0x007E)  # Basic Latin (printable)
    | rng(0x00A0, 0x00FF)  # Latin-1 Supplement
    | rng(0x2000, 0x206F)  # General Punctuation
    | rng(0x3000, 0x303F)  # CJK Symbols and Punctuation
    | rng(0xFF00, 0xFFEF)  # Halfwidth and Fullwidth Forms
    | rng(0xFE30, 0xFE4F)  # CJK Compatibility Forms (︵ ︶ …)
    | rng(0xFE10, 0xFE1F)  # Vertical forms
)

LATIN_BLOCKS = (
    rng(0x0020, 0x007E)  # Basic Latin (printable)
    | rng(0x00A0, 0x00FF)  # Latin-1 Supplement
    | rng(0x0100, 0x017F)  # Latin Extended-A
    | rng(0x01CD, 0x01DC)  # pinyin with caron / diaeresis (Latin Extended-B)
    | rng(0x0218, 0x021B)  # Ș ș Ț ț
    | rng(0x02B9, 0x02DD)  # spacing modifiers: ˆ ˇ ˘ ˙ ˚ ˛ ˜ ˝ ʹ ʻ ʼ
    | rng(0x0300, 0x036F)  # combining diacritics
    | rng(0x2000, 0x206F)  # General Punctuation
    | rng(0x2070, 0x209F)  # Superscripts and Subscripts
    | rng(0x20A0, 0x20CF)  # Currency Symbols
    | rng(0x2100, 0x214F)  # Letterlike (℃ № ™ … where present)
    | rng(0x2190, 0x21FF)  # Arrows
    | chars("∀∂∃∅∆∇∈∏∑−∓∕∙√∝∞∧∨∩∪∫≈≠≡≤≥µΩπ")  # maths used in specs
    | chars("■□▪▫▲△▶►▼▽◀◄◆◇○◎●◦")  # bullets and markers
    | chars("\ufffd\u00a0\u202f\u2009\u200b\ufeff")
)


# ------------------------------------------------------------------ subsetting


@dataclass(frozen=True)
class Job:
    family: str
    style: str
    source: Path
    out_name: str
    unicodes: frozenset[int]
    cjk: bool


def pick_face(path: Path, family: str) -> TTFont:
    """Return the face of *path* (a .ttc or single font) whose family is *family*."""
    if path.suffix.lower() in (".ttc", ".otc"):
        coll = TTCollection(str(path), lazy=False)
        for face in coll.fonts:
            name = face["name"]
            fam = name.getDebugName(16) or name.getDebugName(1)
            if fam == family:
                return face
        found = [f["name"].getDebugName(1) for f in coll.fonts]
        raise SystemExit(f"{path}: no face named {family!r} (found {found})")
    font = TTFont(str(path), lazy=False)
    fam = font["name"].getDebugName(16) or font["name"].getDebugName(1)
    if fam != family:
        raise SystemExit(f"{path}: family is {fam!r}, expected {family!r}")
    return font


def subset_options(cjk: bool) -> subset.Options:
    opts = subset.Options()
    opts.hinting = False  # drop TrueType instructions / CFF hints
    opts.desubroutinize = False  # CFF subroutines keep the CJK font small
    opts.glyph_names = False  # post format 3
    opts.notdef_glyph = True
    opts.notdef_outline = True  # a missing character shows as a box, not nothing
    opts.recommended_glyphs = True
    opts.name_IDs = ["*"]  # keep copyright, licence (13/14), trademark ...
    opts.name_languages = ["*"]  # keep the zh-CN family name records too
    opts.name_legacy = False
    opts.legacy_kern = True
    opts.prune_unicode_ranges = True
    opts.prune_codepage_ranges = True
    opts.canonical_order = True
    # Vertical metrics/origins and the vertical forms are of no use to Qt's
    # horizontal layout; dropping them saves space.
    opts.drop_tables += ["VORG", "vhea", "vmtx", "DSIG", "BASE", "gasp", "hdmx", "LTSH", "VDMX"]
    if cjk:
        # Default features minus 'locl': the SC face's locl maps to JP/KR/TC
        # glyph variants we do not want to carry.  'palt'/'halt' allow
        # proportional CJK punctuation if the UI ever asks for it.
        feats = [f for f in opts.layout_features if f != "locl"]
        opts.layout_features = [*feats, "palt", "halt"]
    else:
        opts.layout_features = ["*"]  # small anyway: keep tnum, frac, sups ...
    return opts


def tag_names(font: TTFont) -> None:
    """Mark the subset in the version/unique-ID strings; family names untouched."""
    name = font["name"]
    for rec in name.names:
        if rec.nameID in (3, 5):
            text = rec.toUnicode()
            if SUBSET_TAG not in text:
                name.setName(f"{text}; {SUBSET_TAG}", rec.nameID, rec.platformID, rec.platEncID, rec.langID)


def build(job: Job, out_dir: Path) -> tuple[Path, set[int]]:
    font = pick_face(job.source, job.family)
    created, modified = font["head"].created, font["head"].modified
    cmap = font.getBestCmap()
    wanted = set(job.unicodes) & set(cmap)

    subsetter = subset.Subsetter(options=subset_options(job.cjk))
    subsetter.populate(unicodes=sorted(wanted))
    subsetter.subset(font)
    tag_names(font)

    # Reproducible bytes: never stamp the build time.
    font.recalcTimestamp = False
    font["head"].created = created
    font["head"].modified = modified

    covered = set(font.getBestCmap())
    os2 = font["OS/2"]
    printable = sorted(covered)
    os2.usFirstCharIndex = min(printable[0], 0xFFFF)
    os2.usLastCharIndex = min(printable[-1], 0xFFFF)

    out = out_dir / job.out_name
    font.save(str(out), reorderTables=True)
    font.close()
    return out, covered


# -------------------------------------------------------------------- coverage


def to_ranges(cps: set[int]) -> list[str]:
    lines: list[str] = []
    ordered = sorted(cps)
    i = 0
    while i < len(ordered):
        j = i
        while j + 1 < len(ordered) and ordered[j + 1] == ordered[j] + 1:
            j += 1
        a, b = ordered[i], ordered[j]
        lines.append(f"{a:04X}" if a == b else f"{a:04X}-{b:04X}")
        i = j + 1
    return lines


def write_coverage(path: Path, cps: set[int]) -> None:
    header = (
        f"# Code points covered by both weights of the bundled fonts ({len(cps)} total); "
        "generated by build/subset_font.py -- lines are HEX or HEX-HEX"
    )
    path.write_text("\n".join([header, *to_ranges(cps)]) + "\n", encoding="ascii", newline="\n")


# --------------------------------------------------------------------- licence


def ofl_text(notices: list[str]) -> str:
    """The OFL 1.1 text from Debian's DEP-5 copyright file, with the fonts' notices on top."""
    lines = LICENCE_SOURCE.read_text(encoding="utf-8").splitlines()
    try:
        start = next(
            i
            for i, ln in enumerate(lines[:-1])
            if ln.strip() in ("License: SIL-1.1", "License: OFL-1.1") and lines[i + 1].startswith(" ")
        )
    except StopIteration:
        raise SystemExit(f"{LICENCE_SOURCE}: no OFL licence stanza found") from None
    body: list[str] = []
    for ln in lines[start + 1 :]:
        if not ln.startswith(" "):  # next stanza
            break
        ln = ln[1:]
        body.append("" if ln == "." else ln)
    if "SIL OPEN FONT LICENSE Version 1.1" not in "\n".join(body):
        raise SystemExit(f"{LICENCE_SOURCE}: licence stanza is not the OFL 1.1")
    head = [
        "The fonts in this directory are subsets of Google's Noto fonts as packaged by",
        "Debian (fonts-noto-cjk, fonts-noto-core). They are Modified Versions under the",
        "licence below. Copyright notices of the original fonts:",
        "",
        *(f"  {n}" for n in notices),
        "",
        "This Font Software is licensed under the SIL Open Font License, Version 1.1.",
        "",
    ]
    return "\n".join(head + body).rstrip() + "\n"


# ------------------------------------------------------------------------ main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=OUT_DIR, help="output directory (default: %(default)s)")
    ap.add_argument(
        "--extra-text",
        type=Path,
        nargs="*",
        default=[],
        help="UTF-8 files whose characters are added to the CJK subset",
    )
    args = ap.parse_args(argv)

    for src in (*CJK_SOURCES.values(), *LATIN_SOURCES.values()):
        if not src.is_file():
            raise SystemExit(f"missing {src}: apt-get install fonts-noto-cjk fonts-noto-core")

    extra: set[int] = set()
    for p in args.extra_text:
        extra |= {cp for cp in chars(p.read_text(encoding="utf-8")) if cp >= 0x20}

    cjk_set = frozenset(gb2312() | CJK_BLOCKS | SHOWROOM_SYMBOLS | NAME_EXTRAS | extra)
    latin_set = frozenset(LATIN_BLOCKS | (SHOWROOM_SYMBOLS - rng(0x3000, 0xFFFF)))

    jobs = [
        Job(CJK_FAMILY, style, CJK_SOURCES[style], f"NotoSansSC-Kiosk-{style}.otf", cjk_set, True)
        for style in ("Regular", "Bold")
    ] + [
        Job(LATIN_FAMILY, style, LATIN_SOURCES[style], f"NotoSans-Kiosk-{style}.ttf", latin_set, False)
        for style in ("Regular", "Bold")
    ]

    args.out.mkdir(parents=True, exist_ok=True)
    per_family: dict[str, list[set[int]]] = {}
    total = 0
    notices: list[str] = []
    for job in jobs:
        out, covered = build(job, args.out)
        with TTFont(str(out), lazy=True) as f:
            notice = f"{job.family}: {f['name'].getDebugName(0)}"
        if notice not in notices:
            notices.append(notice)
        per_family.setdefault(job.family, []).append(covered)
        size = out.stat().st_size
        total += size
        digest = hashlib.sha256(out.read_bytes()).hexdigest()[:16]
        print(f"{out.relative_to(REPO) if out.is_relative_to(REPO) else out}: "
              f"{size / 1024 / 1024:.2f} MB, {len(covered)} code points, sha256 {digest}")

    union: set[int] = set()
    for fam, sets in per_family.items():
        both = set.intersection(*sets)
        if any(s != both for s in sets):
            print(f"  note: {fam} weights differ; coverage.txt lists only the common code points")
        union |= both
    missing = sorted((SHOWROOM_SYMBOLS | NAME_EXTRAS | extra) - union)
    if missing:
        print("requested but in neither source font:", " ".join(f"U+{cp:04X} {chr(cp)}" for cp in missing))
    cov = args.out / "coverage.txt"
    write_coverage(cov, union)
    print(f"{cov.relative_to(REPO) if cov.is_relative_to(REPO) else cov}: "
          f"{len(union)} code points, {cov.stat().st_size} bytes")
    ofl = args.out / "OFL.txt"
    ofl.write_text(ofl_text(notices), encoding="utf-8", newline="\n")
    print(f"{ofl.relative_to(REPO) if ofl.is_relative_to(REPO) else ofl}: {ofl.stat().st_size} bytes")
    print(f"total font bytes: {total / 1024 / 1024:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
