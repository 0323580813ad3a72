"""No input under the size cap makes `kiosk validate` take more than 2 s of CPU or 300 MB,
and every SVG or picture the checks accept renders in Qt (issue 11 tests).

Each example runs `kiosk validate` as a real process under resource limits: RLIMIT_CPU
(2 s: the kernel stops a process that spends more) and RLIMIT_AS (300 MB: allocation
fails beyond). The wall-clock timeout is generous and only catches a hang (a blocked
process spends no CPU). No timing assertions."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

from content_fixtures import BASE, SVG, edit
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.content.media import loadable
from kiosk.content.yamlread import MAX_BYTES

ROOT = Path(__file__).resolve().parent.parent
CPU_SECONDS = 2
MEMORY = 300 * 2**20
BOUNDED = settings(max_examples=5, deadline=None, derandomize=True,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                          HealthCheck.function_scoped_fixture])


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS + 1))
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def validate_bounded(path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "KIOSK_DATA_DIR": str(path.parent / "data")}
    result = subprocess.run([sys.executable, "-m", "kiosk", "validate", str(path)], env=env,
                            preexec_fn=_limits, capture_output=True, text=True, timeout=120,
                            check=False)
    assert result.returncode in (0, 1, 2), (
        f"validate was stopped (return code {result.returncode}: -24 is the CPU limit, a "
        f"MemoryError the memory limit):\n{result.stderr[-2000:]}")
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    return result


def _fill(fragment: str, head: str = "") -> str:
    """``head`` then ``fragment`` repeated up to just under the size cap."""
    room = MAX_BYTES - len(head.encode()) - 16
    return head + fragment * max(1, room // max(1, len(fragment.encode())))


FRAGMENTS = st.sampled_from([
    "    - title: {zh: 甲, en: A}\n", "  k{}: 1\n", "1,", "- [a, {b: c}]\n", "a:b\n",
    "  - ", "x: 'y'\n", "\"a\": \"b\"\n", "- “a: b”\n", "：\n", "\u3000x: 1\n", "[[]]",
    "-id: x\n", "{a: [1, 2, {b: 3}]}\n", "   x: 1\n  y: 2\n", "&a x\n", "#\n", "\u2028",
])


@BOUNDED
@given(FRAGMENTS, st.text(alphabet="ab:-[]{}, '\"\n", max_size=20))
def test_repeated_fragments_stay_within_bounds(tmp_path_factory, fragment, extra):
    path = tmp_path_factory.mktemp("big") / "content.yaml"
    path.write_text(_fill(fragment + extra, "kiosk:\n  name:\n"), encoding="utf-8")
    assert path.stat().st_size <= MAX_BYTES
    validate_bounded(path)


@BOUNDED
@given(st.sampled_from(["partners", "tags", "hotspots", "polygon", "text"]), st.integers(1, 4))
def test_large_valid_looking_content_stays_within_bounds(tmp_path_factory, kind, variant):
    folder = tmp_path_factory.mktemp("grown")
    (folder / "plan.svg").write_text(SVG)
    anchor = "        website: https://www.haier.com\n"
    if kind == "partners":
        item = ("      - id: p{n}\n        name: {{zh: 甲, en: A}}\n        category: flowers\n"
                "        description: {{zh: 乙, en: B}}\n")
        body = "".join(item.format(n=i) for i in range(MAX_BYTES // (len(item) * 2)))
        text = edit(anchor, anchor + body)
    elif kind == "tags":
        text = edit(anchor, _fill("          - {zh: 家, en: t}\n", anchor + "        tags:\n"))
    elif kind == "hotspots":
        spot = "      - {{id: h{n}, name: {{zh: 甲, en: A}}, description: {{zh: 乙, en: B}}, rect: [1, 1, 5, 5]}}\n"
        body = "".join(spot.format(n=i) for i in range(MAX_BYTES // (len(spot) * 2 * variant)))
        text = edit("    hotspots:\n", "    hotspots:\n" + body)
    elif kind == "polygon":
        ring = ", ".join(f"[{(i * 37 * variant) % 1000}, {(i * 91) % 1000}]" for i in range(500))
        spot = "      - {{id: q{n}, name: {{zh: 甲, en: A}}, description: {{zh: 乙, en: B}}, polygon: [{ring}]}}\n"
        body = "".join(spot.format(n=i, ring=ring) for i in range(MAX_BYTES // (len(ring) * 2)))
        text = edit("    hotspots:\n", "    hotspots:\n" + body)
    else:
        text = edit("en: Launch}", "en: " + "word " * (MAX_BYTES // (6 * variant)) + "}")
    path = folder / "content.yaml"
    path.write_text(text[: MAX_BYTES - 8] if len(text.encode()) > MAX_BYTES else text, "utf-8")
    validate_bounded(path)


def svg_text(depth: int, fan: int, elements: int, pad: int) -> str:
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1600 1000"><defs>',
             '<rect id="l0" width="10" height="10"/>']
    for i in range(1, depth + 1):
        parts.append(f'<g id="l{i}">' + f'<use href="#l{i - 1}" x="{i}"/>' * fan + "</g>")
    parts.append("</defs>" + f'<use href="#l{depth}"/>')
    parts.append(f'<path d="M0 0{" L1 1" * pad}"/>' * max(1, elements))
    return "".join(parts) + "</svg>"


SVGS = st.builds(svg_text, st.integers(0, 12), st.integers(1, 12), st.integers(1, 30_000),
                 st.integers(0, 40))


@BOUNDED
@given(SVGS)
def test_any_svg_under_the_cap_is_judged_within_bounds(tmp_path_factory, svg):
    folder = tmp_path_factory.mktemp("svg")
    (folder / "plan.svg").write_text(svg[: 5 * 2**20 - 8] if len(svg) > 5 * 2**20 else svg)
    (folder / "content.yaml").write_text(BASE, encoding="utf-8")
    validate_bounded(folder / "content.yaml")


RENDER = """
import sys
from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication, QImage, QImageReader, QPainter
from PySide6.QtSvg import QSvgRenderer
app = QGuiApplication([])
for path in sys.argv[1:]:
    if path.endswith(".svg"):
        renderer = QSvgRenderer(path)
        assert renderer.isValid(), path
        image = QImage(1600, 1000, QImage.Format.Format_ARGB32_Premultiplied)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
    else:
        image = QImageReader(path).read()
    assert not image.isNull(), path
print("rendered", len(sys.argv) - 1)
"""


def test_everything_the_checks_accept_renders_in_qt(tmp_path):
    from test_content_media import SVGS as REFUSED
    from test_content_media import jpeg, png

    candidates = {f"s{i}.svg": svg_text(d, f, e, p).encode() for i, (d, f, e, p) in enumerate(
        [(0, 1, 1, 0), (3, 4, 100, 5), (4, 10, 2000, 2), (12, 2, 500, 40), (10, 10, 1, 0)])}
    candidates |= {name: text.encode() for name, text in REFUSED.items()}
    blur = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1600 1000"><defs><filter id="f">'
            '<feGaussianBlur stdDeviation="500"/></filter></defs>'
            + '<rect filter="url(#f)" width="1600" height="1000"/>' * 8 + "</svg>")
    candidates |= {"blur8.svg": blur.encode(), "plan.svg": SVG.encode(),
                   "park.svg": (ROOT / "assets/plan/park.svg").read_bytes(),
                   "a.png": png(64, 32), "b.jpg": jpeg(), "cut.png": png(8, 8)[:-12],
                   "bomb.png": png(30_000, 30_000, body=False)}
    accepted = []
    for name, data in candidates.items():
        (tmp_path / name).write_bytes(data)
        if loadable(tmp_path / name, "svg" if name.endswith(".svg") else "image"):
            accepted.append(str(tmp_path / name))
    assert len(accepted) >= 6  # the good ones, and none of the refused
    assert not any(Path(a).name in REFUSED or Path(a).name in ("cut.png", "bomb.png", "s4.svg")
                   for a in accepted)

    def limits() -> None:
        resource.setrlimit(resource.RLIMIT_CPU, (20, 21))

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", RENDER, *accepted], env=env,
                            preexec_fn=limits, capture_output=True, text=True, timeout=120,
                            check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    assert f"rendered {len(accepted)}" in result.stdout
