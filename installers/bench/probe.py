#!/usr/bin/env python3
"""Times a window's start: shown, first painted frame and (optionally) a title naming the content, in one X client.

    probe.py T0_NS TITLE CONTENT TIMEOUT_S

T0_NS: the start (date +%s%N). Prints "shown/painted[/loaded/titled]" in milliseconds since T0, or "timeout". Polls
every 10 ms, all conditions in each round, so one figure never waits for another's check:
- shown: a viewable top-level window whose name contains TITLE exists;
- painted: that window shows more than one colour (an unpainted window is one colour), read on 40 single-pixel
  rows spread evenly over it rather than the whole window, so that a poll costs the X server and this process
  little CPU (the app under test shares the cores);
- titled (when CONTENT is not empty): the window's name contains CONTENT (the app names the open design in its
  title as soon as the design is in the window's scene, which is before that scene is painted);
- loaded (when CONTENT is not empty): the first frame painted once the window was titled: the first painted frame, if
  the window was not painted yet when it was titled, else the first change of those rows after that. This is when
  the content is on screen. (Until 2026-12-07 the third figure was "titled, seen while painted or after", which
  counts a design that is in the scene but not yet painted; "titled" still gives it.)
Needs only Python 3 and libX11 (ctypes), which xdotool already needs.
"""
import ctypes
import sys
import time

t0 = int(sys.argv[1])
title = sys.argv[2].encode()
content = sys.argv[3].encode()
deadline = t0 + int(sys.argv[4]) * 1_000_000_000

x = ctypes.cdll.LoadLibrary("libX11.so.6")
x.XOpenDisplay.restype = ctypes.c_void_p
x.XOpenDisplay.argtypes = [ctypes.c_char_p]
x.XDefaultRootWindow.restype = ctypes.c_ulong
x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
x.XQueryTree.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong),
                         ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.POINTER(ctypes.c_ulong)),
                         ctypes.POINTER(ctypes.c_uint)]
x.XFree.argtypes = [ctypes.c_void_p]
x.XGetImage.restype = ctypes.c_void_p
x.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int, ctypes.c_uint, ctypes.c_uint,
                        ctypes.c_ulong, ctypes.c_int]
x.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]


class XWindowAttributes(ctypes.Structure):
    _fields_ = [("x", ctypes.c_int), ("y", ctypes.c_int), ("width", ctypes.c_int), ("height", ctypes.c_int),
                ("border_width", ctypes.c_int), ("depth", ctypes.c_int), ("visual", ctypes.c_void_p),
                ("root", ctypes.c_ulong), ("class_", ctypes.c_int), ("bit_gravity", ctypes.c_int),
                ("win_gravity", ctypes.c_int), ("backing_store", ctypes.c_int), ("backing_planes", ctypes.c_ulong),
                ("backing_pixel", ctypes.c_ulong), ("save_under", ctypes.c_int), ("colormap", ctypes.c_ulong),
                ("map_installed", ctypes.c_int), ("map_state", ctypes.c_int), ("all_event_masks", ctypes.c_long),
                ("your_event_mask", ctypes.c_long), ("do_not_propagate_mask", ctypes.c_long),
                ("override_redirect", ctypes.c_int), ("screen", ctypes.c_void_p)]


class XImage(ctypes.Structure):
    _fields_ = [("width", ctypes.c_int), ("height", ctypes.c_int), ("xoffset", ctypes.c_int),
                ("format", ctypes.c_int), ("data", ctypes.c_void_p), ("byte_order", ctypes.c_int),
                ("bitmap_unit", ctypes.c_int), ("bitmap_bit_order", ctypes.c_int), ("bitmap_pad", ctypes.c_int),
                ("depth", ctypes.c_int), ("bytes_per_line", ctypes.c_int), ("bits_per_pixel", ctypes.c_int)]


x.XGetWindowAttributes.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(XWindowAttributes)]
# A window may go away between two calls: X errors are ignored instead of ending the process.
ERROR_HANDLER = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)(lambda d, e: 0)
x.XSetErrorHandler(ERROR_HANDLER)

display = x.XOpenDisplay(None)
if not display:
    print("no X display")
    sys.exit(2)
root = x.XDefaultRootWindow(display)
IS_VIEWABLE = 2
# Rows read per poll, spread evenly over the window: a painted frame has text or a border on one of them.
STRIPS = 40
Z_PIXMAP = 2


x.XInternAtom.restype = ctypes.c_ulong
x.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
x.XGetWindowProperty.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_long, ctypes.c_long,
                                 ctypes.c_int, ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong),
                                 ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_ulong),
                                 ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_void_p)]
# GTK sets both; a title with characters outside Latin-1 (the app's dash) is readable only from _NET_WM_NAME.
NAME_ATOMS = [x.XInternAtom(display, b"_NET_WM_NAME", 0), x.XInternAtom(display, b"WM_NAME", 0)]
ANY_PROPERTY_TYPE = 0


def name_of(w):
    for atom in NAME_ATOMS:
        kind, fmt, n, after = ctypes.c_ulong(), ctypes.c_int(), ctypes.c_ulong(), ctypes.c_ulong()
        data = ctypes.c_void_p()
        status = x.XGetWindowProperty(display, w, atom, 0, 1024, 0, ANY_PROPERTY_TYPE, ctypes.byref(kind),
                                      ctypes.byref(fmt), ctypes.byref(n), ctypes.byref(after), ctypes.byref(data))
        if status == 0 and data.value:
            value = ctypes.string_at(data.value, n.value) if fmt.value == 8 else b""
            x.XFree(data)
            if value:
                return value
    return b""


def attributes(w):
    a = XWindowAttributes()
    return a if x.XGetWindowAttributes(display, w, ctypes.byref(a)) else None


def find_window():
    r, parent, n = ctypes.c_ulong(), ctypes.c_ulong(), ctypes.c_uint()
    children = ctypes.POINTER(ctypes.c_ulong)()
    if not x.XQueryTree(display, root, ctypes.byref(r), ctypes.byref(parent), ctypes.byref(children),
                        ctypes.byref(n)):
        return None
    found = None
    for i in range(n.value):
        w = children[i]
        if title in name_of(w):
            a = attributes(w)
            if a and a.map_state == IS_VIEWABLE:
                found = w
                break
    if children:
        x.XFree(children)
    return found


def rows(w):
    """The 40 rows, or None when the window is not viewable or cannot be read."""
    a = attributes(w)
    if not a or a.map_state != IS_VIEWABLE:
        return None
    out = []
    for k in range(STRIPS):
        p = x.XGetImage(display, w, 0, a.height * k // STRIPS, a.width, 1, 0xFFFFFFFF, Z_PIXMAP)
        if not p:
            return None
        image = XImage.from_address(p)
        bpp = image.bits_per_pixel // 8
        out.append(ctypes.string_at(image.data, a.width * bpp))
        x.XFree(image.data)
        x.XFree(p)
    return out, bpp


def is_painted(r):
    data, bpp = r
    return any(row != row[:bpp] * (len(row) // bpp) for row in data)


def ms():
    return (time.time_ns() - t0) // 1_000_000


shown = paint = loaded = titled = None
# The rows when the window was first seen titled, if it was painted then: the content's frame is the next change.
titled_rows = None
window = None
while time.time_ns() < deadline:
    if window is None:
        window = find_window()
        if window is not None:
            shown = ms()
    if window is not None:
        r = rows(window)
        painted_now = r is not None and is_painted(r)
        now = ms()
        if paint is None and painted_now:
            paint = now
        if content and titled is None and content in name_of(window):
            titled = now
            titled_rows = r[0] if painted_now else None
        elif titled is not None and loaded is None and painted_now:
            if titled_rows is None or r[0] != titled_rows:
                loaded = now
        if paint is not None and (not content or loaded is not None):
            break
    time.sleep(0.01)
if shown is None:
    print("timeout")
else:
    figures = [shown] + ([paint] if paint is not None else [])
    if paint is not None and loaded is not None:
        figures += [loaded, titled]
    print("/".join(str(v) for v in figures))
