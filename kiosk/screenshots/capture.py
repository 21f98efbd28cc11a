"""Rendering windows to PNG for `python main.py screenshots` (offscreen, software rendering)."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow


def offscreen_platform(width: int, height: int, workdir: Path) -> str:
    """A QT_QPA_PLATFORM value for an offscreen screen of this size (the default is 800x800)."""
    config = workdir / f"screen-{width}x{height}.json"
    config.write_text(json.dumps({"screens": [
        {"name": "kiosk", "x": 0, "y": 0, "width": width, "height": height,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    return f"offscreen:configfile={config}"


def settle(ms: int = 150) -> None:
    """Let bindings, layouts and a frame run."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def reduce_motion(engine: QQmlApplicationEngine) -> None:
    """Screenshots show the end state of every transition."""
    theme = engine.singletonInstance("Kiosk", "Theme")
    if theme is not None:
        theme.setProperty("reducedMotion", True)


def grab(window: QQuickWindow, path: Path) -> None:
    settle()
    image = window.grabWindow()
    if image.isNull() or not image.save(str(path)):
        raise RuntimeError(f"could not render {path.name}")
