"""Composition root: the one place that builds concrete classes and wires them together."""

from __future__ import annotations

import logging
import os
import signal
import socket
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow

from kiosk import qt as kiosk_qt
from kiosk.qt.room import RoomController

log = logging.getLogger(__name__)

QML_DIR = Path(__file__).resolve().parent / "qml"
STARTED = time.monotonic()


def display_problem() -> str | None:
    """Qt aborts with a core dump when there is no display; say it in one plain line instead."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return None
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        return ("No display found. To run without a screen use QT_QPA_PLATFORM=offscreen, "
                "or start it under a virtual display: xvfb-run -a python main.py ...")
    return None


def create_gui_app() -> QGuiApplication:
    os.environ.setdefault("QT_QUICK_CONTROLS_STYLE", "Basic")
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    assert isinstance(app, QGuiApplication)
    app.setApplicationName("infusion-kiosk")
    app.setOrganizationName("infusion-kiosk")
    kiosk_qt.register_types()
    return app


class QuitOnSignal(QObject):
    """Turns SIGTERM and SIGINT into a clean quit on the Qt thread (Qt's loop blocks Python's
    own signal handling, so the signal wakes a socket that Qt watches)."""

    def __init__(self, on_quit: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._read, self._write = socket.socketpair()
        self._read.setblocking(False)
        self._write.setblocking(False)
        signal.set_wakeup_fd(self._write.fileno())
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: None)
        self._notifier = QSocketNotifier(self._read.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        self._on_quit = on_quit

    def _drain(self) -> None:
        data = self._read.recv(64)
        if any(sig in data for sig in (signal.SIGTERM, signal.SIGINT)):
            log.info("stopping on request signal")
            self._on_quit()


@dataclass
class Screen:
    """A loaded QML window with the backend objects it binds to."""

    engine: QQmlApplicationEngine
    window: QQuickWindow
    backends: dict[str, Any] = field(default_factory=dict)


def load_window(module_type: str, backends: dict[str, Any]) -> Screen:
    engine = QQmlApplicationEngine()
    engine.addImportPath(str(QML_DIR))
    # The engine outlives nothing it binds to: the QML is torn down before the backends.
    for backend in backends.values():
        if isinstance(backend, QObject) and backend.parent() is None:
            backend.setParent(engine)
    engine.setInitialProperties(backends)
    engine.loadFromModule("Kiosk", module_type)
    roots = engine.rootObjects()
    if not roots or not isinstance(roots[0], QQuickWindow):
        raise RuntimeError(f"the {module_type} screen could not be loaded (see the QML errors above)")
    return Screen(engine, roots[0], dict(backends))


def log_first_frame(window: QQuickWindow, what: str) -> None:
    def once() -> None:
        window.frameSwapped.disconnect(once)
        log.info("first frame screen=%s ms=%d", what, (time.monotonic() - STARTED) * 1000)
    window.frameSwapped.connect(once)


def show(window: QQuickWindow, windowed: bool) -> None:
    if windowed:
        window.resize(1280, 800)
        window.show()
        return
    # A kiosk often runs without a window manager, which would ignore showFullScreen alone.
    window.setGeometry(window.screen().geometry())
    window.showFullScreen()


def build_room(config: Any, room_id: str | None) -> dict[str, QObject]:
    from kiosk.settings import resolve_room

    room = resolve_room(config, room_id, os.environ)
    controller = RoomController(room.display_name, config.clinic.name)
    return {"room": controller}


def run_room(config_dir: Path | None, room_id: str | None, windowed: bool) -> int:
    from kiosk.settings import ConfigError, load_config

    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    app = create_gui_app()
    try:
        config = load_config(config_dir, os.environ)
        backends = build_room(config, room_id)
        screen = load_window("Main", backends)
    except ConfigError as error:
        for p in error.problems:
            log.error("config problem %s", str(p).replace("\n", " "))
        screen = load_window("Maintenance", {"problems": [str(p) for p in error.problems]})
    room = screen.backends.get("room")
    what = "room" if room is not None else "maintenance"

    def quit_app() -> None:
        if isinstance(room, RoomController):
            room.allow_close()
        app.exit(0)

    QuitOnSignal(quit_app, app)
    log_first_frame(screen.window, what)
    show(screen.window, windowed)
    code = app.exec()
    log.info("stopped code=%d", code)
    return code
