"""Is there a screen to open the window on? Asked before Qt is: on Linux, Qt aborts the
process (SIGABRT, exit 134) when its platform plugin finds no display, so desk says so in
one line instead. No Qt here: libxcb, which Qt's X11 plugin connects with, is asked
through ctypes."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping

ADVICE = ("run desk from a desktop session, or use `desk screenshot OUT.png` to render the "
          "window offscreen")


def no_display_reason(environ: Mapping[str, str] | None = None, platform: str | None = None, *,
                      x_server: Callable[[str], bool | None] | None = None) -> str | None:
    """Why the window cannot open, in one line, or None when it can (or desk cannot tell:
    then Qt tries). QT_QPA_PLATFORM set by the user is trusted; a Wayland session is left to
    Qt; an X display must answer a connection. ``x_server`` replaces the probe in tests."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux") or environ.get("QT_QPA_PLATFORM"):
        return None
    if environ.get("WAYLAND_DISPLAY"):
        return None
    display = environ.get("DISPLAY")
    if not display:
        return f"no display to open the window on (DISPLAY is not set); {ADVICE}"
    if (x_server or x_server_answers)(display) is False:
        return f"no display to open the window on (no X server answers at DISPLAY={display}); {ADVICE}"
    return None


def x_server_answers(display: str) -> bool | None:
    """Whether an X server accepts a connection to ``display`` as Qt's would be made
    (libxcb: the same socket, the same Xauthority); None when libxcb cannot be loaded, and
    Qt's plugin could not load it either, so Qt is left to say what is missing."""
    import ctypes  # only when asking an X server: not with QT_QPA_PLATFORM or Wayland
    import ctypes.util

    try:  # the usual name first: find_library runs ldconfig, tens of ms at every start
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        name = ctypes.util.find_library("xcb")
        try:
            if name is None:
                return None
            xcb = ctypes.CDLL(name)
        except OSError:
            return None
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.restype = ctypes.c_int
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.restype = None
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    # xcb_connect never returns NULL: a failed connection is an error object, safe to free.
    connection = xcb.xcb_connect(os.fsencode(display), None)
    try:
        return xcb.xcb_connection_has_error(connection) == 0
    finally:
        xcb.xcb_disconnect(connection)
