"""Asking the X server itself whether the kiosk's window still exists and is mapped.

Qt does not notice when another program destroys or unmaps its window (``xdotool
windowclose`` / ``windowunmap``): it keeps painting into a window nobody sees. So the
screen guard asks the server on its own connection, through libxcb (always present where
Qt's xcb platform runs) with ctypes — no dependency, and xcb returns errors to the caller
instead of calling a process-wide error handler.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)

MAP_STATES = {0: "unmapped", 1: "unviewable", 2: "viewable"}


class _Cookie(ctypes.Structure):
    _fields_ = [("sequence", ctypes.c_uint)]


class _Attributes(ctypes.Structure):
    _fields_ = [("response_type", ctypes.c_uint8), ("backing_store", ctypes.c_uint8),
                ("sequence", ctypes.c_uint16), ("length", ctypes.c_uint32),
                ("visual", ctypes.c_uint32), ("_class", ctypes.c_uint16),
                ("bit_gravity", ctypes.c_uint8), ("win_gravity", ctypes.c_uint8),
                ("backing_planes", ctypes.c_uint32), ("backing_pixel", ctypes.c_uint32),
                ("save_under", ctypes.c_uint8), ("map_is_installed", ctypes.c_uint8),
                ("map_state", ctypes.c_uint8), ("override_redirect", ctypes.c_uint8)]


class _Geometry(ctypes.Structure):
    _fields_ = [("response_type", ctypes.c_uint8), ("depth", ctypes.c_uint8),
                ("sequence", ctypes.c_uint16), ("length", ctypes.c_uint32),
                ("root", ctypes.c_uint32), ("x", ctypes.c_int16), ("y", ctypes.c_int16),
                ("width", ctypes.c_uint16), ("height", ctypes.c_uint16)]


@dataclass(frozen=True)
class WindowState:
    exists: bool
    map_state: str = "unmapped"
    width: int = 0
    height: int = 0

    @property
    def viewable(self) -> bool:
        return self.exists and self.map_state == "viewable"


class X11Probe:
    """One private connection to the X server; :meth:`state` of a window id."""

    def __init__(self) -> None:
        name = ctypes.util.find_library("xcb") or "libxcb.so.1"
        self._xcb = xcb = ctypes.CDLL(name)
        self._libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        xcb.xcb_connect.restype = ctypes.c_void_p
        xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.POINTER(ctypes.c_int)]
        xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
        xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
        for call, reply, struct in (("xcb_get_window_attributes", "xcb_get_window_attributes_reply",
                                     _Attributes),
                                    ("xcb_get_geometry", "xcb_get_geometry_reply", _Geometry)):
            getattr(xcb, call).restype = _Cookie
            getattr(xcb, call).argtypes = [ctypes.c_void_p, ctypes.c_uint32]
            getattr(xcb, reply).restype = ctypes.POINTER(struct)
            getattr(xcb, reply).argtypes = [ctypes.c_void_p, _Cookie,
                                            ctypes.POINTER(ctypes.c_void_p)]
        self._libc.free.argtypes = [ctypes.c_void_p]
        self._conn = xcb.xcb_connect(None, None)
        if not self._conn or xcb.xcb_connection_has_error(self._conn):
            raise OSError("cannot connect to the X server")

    def close(self) -> None:
        if self._conn:
            self._xcb.xcb_disconnect(self._conn)
            self._conn = None

    def _ask(self, call: str, reply: str, window: int) -> Any:
        error = ctypes.c_void_p()
        cookie = getattr(self._xcb, call)(self._conn, window)
        result = getattr(self._xcb, reply)(self._conn, cookie, ctypes.byref(error))
        if error.value:
            self._libc.free(error)
        if not result:
            return None
        value = type(result.contents).from_buffer_copy(result.contents)
        self._libc.free(ctypes.cast(result, ctypes.c_void_p))
        return value

    def state(self, window: int) -> WindowState:
        attrs = self._ask("xcb_get_window_attributes", "xcb_get_window_attributes_reply", window)
        if attrs is None:
            return WindowState(exists=False)
        geometry = self._ask("xcb_get_geometry", "xcb_get_geometry_reply", window)
        width, height = (geometry.width, geometry.height) if geometry else (0, 0)
        return WindowState(True, MAP_STATES.get(attrs.map_state, "?"), width, height)


def probe_for_platform(platform: str) -> X11Probe | None:
    """An X11Probe on the xcb platform (None elsewhere, or when it cannot connect)."""
    if platform != "xcb":
        return None
    try:
        return X11Probe()
    except OSError as exc:
        log.warning("cannot check the window on the X server: %s", exc)
        return None
