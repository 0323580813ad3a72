"""Media and paths that must never hang, escape the content folder or reach Qt broken:
the rules in kiosk.content.media, as `kiosk validate` and the running kiosk apply them."""

from __future__ import annotations

import base64
import errno
import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from content_fixtures import BASE, SVG, edit, split_marker

from kiosk.content import ContentUnreadable
from kiosk.content.loader import inspect_bytes, read_file
from kiosk.content.media import loadable

ROOT = Path(__file__).resolve().parent.parent
E, W = "error", "warning"


def png(width: int, height: int, *, body: bool = True) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\0" + b"\0\0\0" * width for _ in range(height)) if body else b"\0"
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


JPEG_8X8 = (  # a real 8×8 JPEG saved by Qt
    "/9j/4AAQSkZJRgABAQEAYABgAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19i"
    "Z2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2Nj"
    "Y2NjY2NjY2P/wAARCAAIAAgDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUF"
    "BAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVW"
    "V1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi"
    "4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAEC"
    "AxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVm"
    "Z2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq"
    "8vP09fb3+Pn6/9oADAMBAAIRAxEAPwCCiiivozyD/9k=")


def jpeg() -> bytes:
    return base64.b64decode(JPEG_8X8)


def fake_jpeg() -> bytes:
    """A JPEG header and end marker with no image data between them."""
    sof = b"\xff\xc0\x00\x11\x08" + struct.pack(">HH", 8, 8) + b"\x03" + b"\x01\x22\x00" * 3
    return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + sof + b"\xff\xd9"


SVG_NS = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">'


def fan_out(levels: int, width: int) -> str:
    parts = [SVG_NS, '<defs><rect id="l0" width="1" height="1"/>']
    for i in range(1, levels + 1):
        parts.append(f'<g id="l{i}">' + f'<use href="#l{i - 1}"/>' * width + "</g>")
    return "".join(parts) + f'</defs><use href="#l{levels}"/></svg>'


SVGS = {
    "ext-href.svg": SVG_NS + '<image href="/etc/hostname" width="5" height="5"/></svg>',
    "file-url.svg": SVG_NS + '<image xlink:href="file:///etc/passwd" width="5" height="5"/></svg>',
    "web-url.svg": SVG_NS + '<image href="https://example.com/x.png" width="5" height="5"/></svg>',
    "other-file-use.svg": SVG_NS + '<use href="other.svg#a"/></svg>',
    "script.svg": SVG_NS + "<script>alert(1)</script></svg>",
    "foreign.svg": SVG_NS + "<foreignObject><p>hi</p></foreignObject></svg>",
    "css-url.svg": SVG_NS + "<style>rect { fill: url(http://x/y.svg#p) }</style></svg>",
    "css-import.svg": SVG_NS + '<style>@import "x.css";</style></svg>',
    "style-attr.svg": SVG_NS + '<rect style="fill:url(file:///etc/p#x)" width="1" height="1"/></svg>',
    "stylesheet-pi.svg": '<?xml-stylesheet href="x.css"?>' + SVG_NS + "</svg>",
    "fan-out.svg": fan_out(10, 10),
    "many.svg": SVG_NS + "<g/>" * 30_000 + "</svg>",
    "not-svg.svg": "<html><body>hi</body></html>",
    "broken.svg": SVG_NS + "<g>",
    "blur-storm.svg": SVG_NS + '<defs><filter id="f"><feGaussianBlur stdDeviation="500"/></filter></defs>'
    + '<rect filter="url(#f)" width="1600" height="1000"/>' * 200 + "</svg>",
    "pattern-fills.svg": SVG_NS + '<defs><pattern id="p" width="1" height="1" patternUnits="userSpaceOnUse">'
    '<rect width="0.5" height="0.5"/></pattern></defs>' + '<rect fill="url(#p)" width="1600" height="1000"/>' * 50
    + "</svg>",
    "blur-by-use.svg": SVG_NS + '<defs><filter id="f"><feGaussianBlur stdDeviation="9"/></filter>'
    '<g id="s"><rect style="filter: url(#f)" width="9" height="9"/></g></defs>' + '<use href="#s"/>' * 9 + "</svg>",
}
SVG_WORDS = {
    "ext-href.svg": "refers to '/etc/hostname' outside itself",
    "file-url.svg": "refers to 'file:///etc/passwd' outside itself",
    "web-url.svg": "outside itself",
    "other-file-use.svg": "outside itself",
    "script.svg": "contains a <script>",
    "foreign.svg": "contains a <foreignObject>",
    "css-url.svg": "style refers to 'http://x/y.svg#p'",
    "css-import.svg": "@import",
    "style-attr.svg": "style refers to 'file:///etc/p#x'",
    "stylesheet-pi.svg": "external style sheet",
    "fan-out.svg": "expand to more than 50,000 elements",
    "many.svg": "more than 20,000 elements",
    "not-svg.svg": "not an SVG drawing",
    "broken.svg": "cannot be read",
    "blur-storm.svg": "more than 8 shapes through filters, masks or patterns",
    "pattern-fills.svg": "more than 8 shapes through filters, masks or patterns",
    "blur-by-use.svg": "more than 8 shapes through filters, masks or patterns",
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "plan.svg").write_text(SVG, encoding="utf-8")
    for name, text in SVGS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    pics = tmp_path / "pics"
    pics.mkdir()
    (pics / "ok.png").write_bytes(png(8, 8))
    (pics / "ok.jpg").write_bytes(jpeg())
    (pics / "cut.png").write_bytes(png(8, 8)[:-12])
    (pics / "cut.jpg").write_bytes(jpeg()[:-2])
    (pics / "no-scan.jpg").write_bytes(fake_jpeg())
    (pics / "page.png").write_bytes(b"<!DOCTYPE html><html><body>not a picture</body></html>")
    (pics / "bomb.png").write_bytes(png(30_000, 30_000, body=False))
    with open(pics / "big.png", "wb") as f:  # 100 MB, sparse: not a picture at all
        f.truncate(100 * 1024 * 1024)
    (pics / "fake.mp4").write_bytes(b"\0\0\0\x12ftypisom\0\0\0\0\0\0")
    (pics / "page.mp4").write_bytes(b"<html></html>")
    (pics / "clip.mp4").write_bytes((ROOT / "tests" / "media" / "clip.mp4").read_bytes())
    os.mkfifo(pics / "fifo.png")
    (pics / "out.png").symlink_to("/etc/hostname")
    (pics / "zero.png").symlink_to("/dev/zero")
    (pics / "in.png").symlink_to(pics / "ok.png")
    (pics / "loop.png").symlink_to(pics / "loop.png")
    return tmp_path


def _logo(value: str) -> str:
    return edit("        website: https://www.haier.com\n",
                f"        website: https://www.haier.com\n        logo: ⟨{value}\n")


def _plan(value: str) -> str:
    return edit("image: plan.svg", f"image: ⟨{value}")


def _video(value: str) -> str:
    return edit("    type: platform\n", f"    type: platform\n    video:\n      file: ⟨{value}\n")


MEDIA = [
    ("fifo", _logo("pics/fifo.png"), E, "'pics/fifo.png': this is a pipe (FIFO), not a regular file"),
    ("symlink-out", _logo("pics/out.png"), E, "is a link to '/etc/hostname', outside the content folder"),
    ("symlink-dev-zero", _logo("pics/zero.png"), E, "outside the content folder"),
    ("symlink-loop", _logo("pics/loop.png"), W, "cannot read 'pics/loop.png'"),
    ("name-too-long", _logo("x" * 300 + ".png"), E, "is 304 bytes long; file systems allow at most 255"),
    ("not-a-folder", _logo("pics/ok.png/x.png"), W, "a part of the path is a file, not a folder"),
    ("truncated-png", _logo("pics/cut.png"), W, "the PNG ends early (no IEND at the end)"),
    ("truncated-jpeg", _logo("pics/cut.jpg"), W, "the JPEG ends early"),
    ("jpeg-without-image-data", _logo("pics/no-scan.jpg"), W, "the JPEG has no image data"),
    ("html-as-png", _logo("pics/page.png"), W, "this file is a web page or XML text, not a picture"),
    ("100mb-not-image", _logo("pics/big.png"), W, "the image is 105 MB; at most 30 MB"),
    ("decompression-bomb", _logo("pics/bomb.png"), W, "30000×30000 px (900 megapixels)"),
    ("fake-mp4", _video("pics/fake.mp4"), W, "the video has no 'moov' part"),
    ("html-as-mp4", _video("pics/page.mp4"), W, "not a video the kiosk can play"),
    *[(name, _plan(name), E, words) for name, words in SVG_WORDS.items()],
]


@pytest.mark.parametrize(("name", "text", "severity", "words"), MEDIA, ids=[m[0] for m in MEDIA])
def test_media_is_refused_exactly(name, text, severity, words, folder):
    source, line, col = split_marker(text)
    findings = inspect_bytes(source.encode(), source="c.yaml", base_dir=folder)[1]
    located = [f for f in findings if (f.line, f.col, f.severity) == (line, col, severity)]
    assert any(words in f.message for f in located), "\n".join(map(str, findings))


@pytest.mark.parametrize("value", ["pics/ok.png", "pics/ok.jpg", "pics/in.png"])
def test_good_pictures_pass(value, folder):
    source, _, _ = split_marker(_logo(value))
    assert inspect_bytes(source.encode(), source="c.yaml", base_dir=folder)[1] == []


def test_real_video_passes(folder):
    source, _, _ = split_marker(_video("pics/clip.mp4"))
    assert inspect_bytes(source.encode(), source="c.yaml", base_dir=folder)[1] == []


def test_ui_loaders_apply_the_same_rules(folder):
    pics = folder / "pics"
    assert loadable(pics / "ok.png", "image") and loadable(folder / "plan.svg", "svg")
    for bad in ("cut.png", "page.png", "bomb.png", "fifo.png", "zero.png", "big.png", "nope.png"):
        assert not loadable(pics / bad, "image"), bad
    assert not loadable(pics / "out.png", "image", folder)
    for name in SVGS:
        assert not loadable(folder / name, "svg"), name


def test_unreadable_media_is_a_finding(folder, monkeypatch):
    real_open = os.open

    def deny(path, flags, *args):
        if "pics" in os.fspath(path):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", deny)
    source, line, col = split_marker(_logo("pics/ok.png"))
    findings = inspect_bytes(source.encode(), source="c.yaml", base_dir=folder)[1]
    assert [(f.line, f.col) for f in findings] == [(line, col)]
    assert "no permission to read it" in findings[0].message


# -- the content file itself -----------------------------------------------------------------


@pytest.mark.parametrize(("make", "words"), [
    (lambda p: os.mkfifo(p), "this is a pipe (FIFO)"),
    (lambda p: p.symlink_to("/dev/zero"), "this is a device"),
    (lambda p: p.mkdir(), "this is a folder"),
    (lambda p: p.symlink_to(p), "link loop"),
], ids=["fifo", "dev-zero", "folder", "loop"])
def test_content_path_that_is_not_a_file(tmp_path, make, words):
    target = tmp_path / "content.yaml"
    make(target)
    with pytest.raises(ContentUnreadable) as info:
        read_file(target)
    assert words in info.value.findings[0].message


def _validate(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "kiosk", "validate", *args], cwd=cwd,
                          capture_output=True, timeout=60, check=False,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_validate_refuses_fifo_and_dev_zero_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "fifo.yaml")
    for target in ("fifo.yaml", "/dev/zero"):
        result = _validate(target, cwd=tmp_path)  # the timeout catches a hang
        assert result.returncode == 2
        assert b"not a regular file" in result.stdout and b"Traceback" not in result.stderr


def test_validate_long_and_undecodable_names(tmp_path):
    result = _validate("x" * 300 + ".yaml", cwd=tmp_path)
    assert result.returncode == 2 and b"name is too long" in result.stdout
    name = b"caf\xe9.yaml"  # Latin-1 bytes: not UTF-8
    (tmp_path / os.fsdecode(name)).write_bytes(BASE.encode())
    (tmp_path / "plan.svg").write_text(SVG)
    result = _validate(os.fsdecode(name), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert b"caf\\xe9.yaml: 0 errors" in result.stdout


def test_oversized_content_is_read_only_to_the_cap(tmp_path):
    big = tmp_path / "big.yaml"
    with open(big, "wb") as f:
        f.truncate(2 * 1024**3)  # 2 GB, sparse
    data = read_file(big)
    assert len(data) == 5 * 1024 * 1024 + 1
    assert "may be at most 5 MB" in inspect_bytes(data)[1][0].message
