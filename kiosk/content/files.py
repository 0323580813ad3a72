"""Opening files named by staff without ever blocking, growing without bound or raising.

Every path the content engine reads (the content file and each media file) goes through
:func:`read_regular`: the file is opened with ``O_NONBLOCK`` (a FIFO with no writer then
opens at once instead of waiting forever), checked with ``fstat`` to be a regular file
(FIFOs, devices such as ``/dev/zero`` and sockets are refused before a single byte is read)
and read at most ``cap + 1`` bytes. Every :class:`OSError` becomes a :class:`FileProblem`
with a plain message. No Qt here.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

MAX_CONTENT_BYTES = 5 * 1024 * 1024
"""The most content.yaml may hold (pictures belong in their own files)."""

_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) \
    | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)

_ERRNO_WORDS = {
    errno.ENOENT: "file not found",
    errno.EACCES: "no permission to read it (check the file's and its folders' permissions)",
    errno.EPERM: "no permission to read it (check the file's and its folders' permissions)",
    errno.ENAMETOOLONG: "the name is too long for the file system (at most 255 bytes for a "
                        "file name): shorten it",
    errno.ELOOP: "it is a symbolic link that points to itself (a link loop)",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
    errno.EISDIR: "this is a folder, not a file",
    errno.ENXIO: "this is not a regular file (a socket or a device)",
    errno.EIO: "the disk reported a read error",
}


class FileProblem(Exception):
    """A path that cannot be read as a regular file; ``str()`` is the plain message."""

    def __init__(self, message: str, *, missing: bool = False) -> None:
        super().__init__(message)
        self.missing = missing


def shown(path: str | os.PathLike[str]) -> str:
    """``path`` as text safe to print: undecodable bytes and control characters escaped."""
    text = os.fspath(path)
    out = []
    for ch in text:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # a byte that is not UTF-8 (surrogateescape)
            out.append(f"\\x{code - 0xDC00:02x}")
        elif code < 0x20 or code == 0x7F or 0x80 <= code < 0xA0 or code in (0x2028, 0x2029):
            out.append(f"\\u{code:04x}" if code > 0xFF else f"\\x{code:02x}")
        else:
            out.append(ch)
    return "".join(out)


def os_words(exc: OSError) -> str:
    """A plain description of ``exc`` for staff."""
    words = _ERRNO_WORDS.get(exc.errno or -1)
    if words:
        return words
    return f"cannot read it: {exc.strerror or type(exc).__name__}"


def _kind(mode: int) -> str | None:
    """What a non-regular file is, in plain words (None for a regular file)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "this is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "this is a pipe (FIFO), not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "this is a device, not a regular file"
    if stat.S_ISSOCK(mode):
        return "this is a socket, not a regular file"
    return "this is not a regular file"


def open_regular(path: Path) -> int:
    """A file descriptor of ``path`` if it is a regular file; :class:`FileProblem` if not.
    Never blocks (FIFOs are opened non-blocking and refused before reading)."""
    try:
        fd = os.open(path, _FLAGS)
    except OSError as exc:
        raise FileProblem(os_words(exc), missing=exc.errno == errno.ENOENT) from None
    except (ValueError, TypeError):  # a NUL in the name
        raise FileProblem("the name contains a character a file name cannot have") from None
    try:
        kind = _kind(os.fstat(fd).st_mode)
    except OSError as exc:
        os.close(fd)
        raise FileProblem(os_words(exc)) from None
    if kind is not None:
        os.close(fd)
        raise FileProblem(kind)
    return fd


def read_regular(path: Path, cap: int) -> bytes:
    """At most ``cap + 1`` bytes of the regular file ``path`` (so a caller can tell that
    it is over ``cap``); :class:`FileProblem` for anything else."""
    fd = open_regular(path)
    chunks: list[bytes] = []
    left = cap + 1
    try:
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as exc:
        raise FileProblem(os_words(exc)) from None
    finally:
        os.close(fd)
    return b"".join(chunks)


def read_ends(path: Path, head: int, tail: int) -> tuple[bytes, bytes, int]:
    """The first ``head`` and last ``tail`` bytes of a regular file, and its size."""
    fd = open_regular(path)
    try:
        size = os.fstat(fd).st_size
        first = os.pread(fd, head, 0)
        last = os.pread(fd, tail, max(0, size - tail)) if size > head else first[-tail:]
    except OSError as exc:
        raise FileProblem(os_words(exc)) from None
    finally:
        os.close(fd)
    return first, last, size


def file_size(path: Path) -> int:
    """The size of the regular file ``path`` (:class:`FileProblem` if it is not one)."""
    fd = open_regular(path)
    try:
        return os.fstat(fd).st_size
    finally:
        os.close(fd)
