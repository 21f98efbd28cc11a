"""Where a windowed room or station goes on the screen: KIOSK_WINDOW_GEOMETRY="x,y,w,h" (pixels,
the whole window including any frame a window manager adds). `python main.py demo` sets it for
each of its windows so they sit side by side, also on a display without a window manager.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QRect

from kiosk.app.shell import on_first_frame

if TYPE_CHECKING:
    from PySide6.QtQuick import QQuickWindow

log = logging.getLogger(__name__)

VARIABLE = "KIOSK_WINDOW_GEOMETRY"
SMALLEST = 120


class Placement(NamedTuple):
    x: int
    y: int
    width: int
    height: int

    def text(self) -> str:
        return f"{self.x},{self.y},{self.width},{self.height}"


class GeometryError(ValueError):
    pass


def parse_geometry(text: str) -> Placement:
    parts = [p.strip() for p in text.split(",")]
    try:
        x, y, width, height = (int(p) for p in parts)
    except ValueError:
        raise GeometryError(f"{VARIABLE} must be four whole numbers x,y,width,height "
                            f"(got {text!r})") from None
    if width < SMALLEST or height < SMALLEST:
        raise GeometryError(f"{VARIABLE}: width and height must be at least {SMALLEST} pixels "
                            f"(got {width}x{height})")
    return Placement(x, y, width, height)


def place_window(window: QQuickWindow, env: Mapping[str, str] = os.environ) -> bool:
    """Puts the window where KIOSK_WINDOW_GEOMETRY says; False when it is not set (or not
    usable, which is logged)."""
    text = env.get(VARIABLE, "").strip()
    if not text:
        return False
    try:
        placed = parse_geometry(text)
    except GeometryError as error:
        log.warning("window placement ignored: %s", error)
        return False
    # The geometry is in the screen's pixels; Qt places windows in its own units, which differ
    # when QT_SCALE_FACTOR shrinks a demo window's design to fit.
    ratio = window.devicePixelRatio() or 1.0
    placed = Placement(*(round(v / ratio) for v in placed))
    window.setGeometry(QRect(*placed))

    # A window manager adds its frame once the window is shown (by the first frame): shrink
    # the inside so the whole window, frame included, stays in place and covers no neighbour.
    def fit_frame() -> None:
        m = window.frameMargins()
        if m.left() or m.top() or m.right() or m.bottom():
            window.setGeometry(placed.x + m.left(), placed.y + m.top(),
                               placed.width - m.left() - m.right(),
                               placed.height - m.top() - m.bottom())

    on_first_frame(window, fit_frame)
    return True
