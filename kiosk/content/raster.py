"""Pictures and videos the kiosk can really show, judged from their bytes. No Qt here.

A picture is checked from its first and last bytes: the header must name a format Qt
reads (PNG, JPEG, GIF, BMP, WebP) with sane dimensions, the trailer must be there (PNG
``IEND``, JPEG ``EOI``, GIF ``;``, the RIFF/BMP size must match), and the pixel count must
stay under :data:`MAX_PIXELS` (a decompression bomb is a small file that decodes to
gigabytes). A video must start like a real container (MP4/MOV ``ftyp`` … ``moov``,
Matroska/WebM EBML, AVI RIFF) — a file renamed ``.mp4`` is not one.
"""

from __future__ import annotations

import struct
from collections.abc import Callable

MAX_SIDE = 4096
MAX_PIXELS = 40_000_000
"""About 160 MB decoded: more is refused (the kiosk's decoder stops at 256 MB)."""

HEAD = 64 * 1024
TAIL = 64


class NotShowable(Exception):
    """Why a media file cannot be shown (the message is for staff)."""


def _png(head: bytes, tail: bytes) -> tuple[int, int]:
    if len(head) < 33:
        raise struct.error("short")
    if head[12:16] != b"IHDR":
        raise NotShowable("the PNG has no header chunk (IHDR)")
    w, h = struct.unpack(">II", head[16:24])
    if tail[-12:-4] != b"\0\0\0\0IEND":
        raise NotShowable("the PNG ends early (no IEND at the end): the file is truncated")
    return w, h


def _jpeg_size(head: bytes) -> tuple[int, int]:
    """The size from the frame header; the scan (SOS) must follow it, unless the walk
    leaves the bytes read (large metadata)."""
    i, dims = 2, None
    while i + 4 <= len(head):
        if head[i] != 0xFF:
            raise NotShowable("the JPEG's structure is damaged")
        marker = head[i + 1]
        if marker == 0xFF:
            i += 1
            continue
        if marker == 0xDA:  # start of scan: the image data follows
            if dims is None:
                raise NotShowable("the JPEG has no frame header (damaged, or not a photo)")
            return dims
        if marker == 0xD9:
            break
        length = struct.unpack(">H", head[i + 2 : i + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            h, w = struct.unpack(">HH", head[i + 5 : i + 9])
            dims = (w, h)
        i += 2 + length
    if dims is not None and i + 4 > len(head) and len(head) >= HEAD:
        return dims  # the scan lies beyond the bytes read
    raise NotShowable("the JPEG has no image data (no scan after its header): it is damaged")


def _jpeg(head: bytes, tail: bytes) -> tuple[int, int]:
    dims = _jpeg_size(head)
    if not tail.rstrip(b"\0\r\n ").endswith(b"\xff\xd9"):
        raise NotShowable("the JPEG ends early (no end marker): the file is truncated")
    return dims


def _webp(head: bytes, size: int) -> tuple[int, int]:
    declared = struct.unpack("<I", head[4:8])[0] + 8
    if declared > size:
        raise NotShowable("the WebP file is shorter than its header says: it is truncated")
    chunk = head[12:16]
    if chunk == b"VP8X":
        return (int.from_bytes(head[24:27], "little") + 1,
                int.from_bytes(head[27:30], "little") + 1)
    if chunk == b"VP8L":
        bits = int.from_bytes(head[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8 ":
        w, h = struct.unpack("<HH", head[26:30])
        return w & 0x3FFF, h & 0x3FFF
    raise NotShowable("the WebP file has an unknown layout")


def _bmp(head: bytes, size: int) -> tuple[int, int]:
    declared = struct.unpack("<I", head[2:6])[0]
    if declared > size:
        raise NotShowable("the BMP file is shorter than its header says: it is truncated")
    w, h = struct.unpack("<ii", head[18:26])
    return abs(w), abs(h)


def _gif(head: bytes, tail: bytes) -> tuple[int, int]:
    if not tail.rstrip(b"\0").endswith(b";"):
        raise NotShowable("the GIF ends early (no trailer): the file is truncated")
    w, h = struct.unpack("<HH", head[6:10])
    return w, h


def image_dims(head: bytes, tail: bytes, size: int) -> tuple[int, int]:
    """Width and height of a complete PNG, JPEG, GIF, BMP or WebP; :class:`NotShowable`
    with the reason otherwise."""
    try:
        if head.startswith(b"\x89PNG\r\n\x1a\n"):
            dims = _png(head, tail)
        elif head.startswith(b"\xff\xd8\xff"):
            dims = _jpeg(head, tail)
        elif head[:6] in (b"GIF87a", b"GIF89a"):
            dims = _gif(head, tail)
        elif head.startswith(b"BM") and len(head) >= 26:
            dims = _bmp(head, size)
        elif head.startswith(b"RIFF") and head[8:12] == b"WEBP":
            dims = _webp(head, size)
        else:
            raise NotShowable(_not_an_image(head))
    except struct.error:
        raise NotShowable("the image's header is cut short: the file is truncated") from None
    w, h = dims
    if w <= 0 or h <= 0:
        raise NotShowable(f"the image says it is {w}×{h} px: the file is damaged")
    if w * h > MAX_PIXELS:
        raise NotShowable(f"the image is {w}×{h} px ({w * h / 1e6:.0f} megapixels); it would "
                          f"need {w * h * 4 / 2**20:,.0f} MB of memory to show — save it at most "
                          f"{MAX_SIDE} px on a side")
    return w, h


def _not_an_image(head: bytes) -> str:
    sniff = head[:512].lstrip().lower()
    if sniff.startswith((b"<!doctype html", b"<html", b"<?xml", b"<svg")):
        what = "an SVG drawing" if b"<svg" in sniff else "a web page or XML text"
        return f"this file is {what}, not a picture, whatever its name says"
    return ("this file is not a picture the kiosk can show (PNG, JPEG, GIF, BMP or WebP), "
            "whatever its name says — it may be damaged or of another format")


def video_container(head: bytes, size: int, boxes: list[tuple[bytes, int]]) -> str:
    """The container of a video file (``mp4``, ``matroska`` or ``avi``), or
    :class:`NotShowable`. ``boxes`` are the top-level MP4 boxes (type, size) found by the
    caller walking the file."""
    if head[4:8] == b"ftyp" or head[4:8] in (b"moov", b"mdat", b"wide", b"free"):
        kinds = [kind for kind, _ in boxes]
        if b"moov" not in kinds:
            raise NotShowable("the video has no 'moov' part (it is truncated, still being "
                              "copied, or not a video): export or copy it again")
        return "mp4"
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        if b"\x18\x53\x80\x67" not in head[:4096] or size < 64:
            raise NotShowable("the Matroska/WebM video has no segment: it is truncated")
        return "matroska"
    if head.startswith(b"RIFF") and head[8:12] == b"AVI ":
        return "avi"
    raise NotShowable("this file is not a video the kiosk can play (MP4, MOV, WebM, MKV), "
                      "whatever its name says")


def mp4_boxes(read_at: Callable[[int, int], bytes], size: int, limit: int = 4096) -> list[tuple[bytes, int]]:
    """The top-level boxes of an MP4/MOV file, each (type, size), read with
    ``read_at(offset, count)``; stops at a damaged box or after ``limit`` boxes."""
    boxes: list[tuple[bytes, int]] = []
    offset = 0
    while offset + 8 <= size and len(boxes) < limit:
        header = read_at(offset, 16)
        if len(header) < 8:
            break
        length, kind = struct.unpack(">I4s", header[:8])
        if length == 1 and len(header) >= 16:
            length = struct.unpack(">Q", header[8:16])[0]
        elif length == 0:
            length = size - offset
        if length < 8 or offset + length > size:
            break
        boxes.append((kind, length))
        offset += length
    return boxes
