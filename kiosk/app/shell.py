"""The window shell the room and the station share: the Qt application, loading a QML window,
showing it full screen, a clean quit on SIGTERM/SIGINT, and the first-frame log line."""

from __future__ import annotations

import logging
import os
import signal
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import shiboken6
from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Slot
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QInputDevice
from PySide6.QtQml import QQmlApplicationEngine

from kiosk import qt as kiosk_qt
from kiosk.app.startup import since_start_ms, step
from kiosk.qt.i18n import install_translations

if TYPE_CHECKING:
    # Only a type here: importing PySide6.QtQuick costs about 9 ms before the first frame, and
    # a loaded window is a QQuickWindow whether or not Python has its binding.
    from PySide6.QtQuick import QQuickWindow

log = logging.getLogger(__name__)

QML_DIR = Path(__file__).resolve().parents[1] / "qml"
# Debian's fonts-material-design-icons-iconfont: the icons on the call button and the requests.
ICON_FONT = Path("/usr/share/fonts/truetype/material-design-icons-iconfont/"
                 "MaterialIcons-Regular.ttf")


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


def create_gui_app(types: Sequence[str] | None = None) -> QGuiApplication:
    """The Qt application, with the QML types of `types` (module names; default: all)."""
    os.environ.setdefault("QT_QUICK_CONTROLS_STYLE", "Basic")
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    assert isinstance(app, QGuiApplication)
    app.setApplicationName("infusion-kiosk")
    app.setOrganizationName("infusion-kiosk")
    step("app")
    kiosk_qt.register_types(types)
    step("types")
    install_translations(app)
    step("translations")
    load_fonts(app)
    step("fonts")
    return app


def load_fonts(app: QGuiApplication) -> None:
    """Atkinson Hyperlegible (made for low vision; PyPI fontpkg-atkinson-hyperlegible) becomes
    the application font, and the icon font is loaded; either missing leaves a plainer screen
    that still works, and the log says what to install."""
    if app.property("kioskFontsLoaded"):
        return
    app.setProperty("kioskFontsLoaded", True)
    try:
        import fontpkg_atkinson_hyperlegible as atkinson
    except ImportError:
        log.warning("typeface missing: install the Python package fontpkg-atkinson-hyperlegible")
    else:
        families = [f for ttf in sorted((atkinson.ROOT / "files").glob("*.ttf"))
                    for f in QFontDatabase.applicationFontFamilies(
                        QFontDatabase.addApplicationFont(str(ttf)))]
        if atkinson.FAMILY in families:
            app.setFont(QFont(atkinson.FAMILY))
        else:
            log.warning("typeface could not be loaded from %s", atkinson.ROOT)
    if not ICON_FONT.is_file() or QFontDatabase.addApplicationFont(str(ICON_FONT)) < 0:
        log.warning("icons missing: install the Debian package fonts-material-design-icons-"
                    "iconfont (the call button shows its words without an icon)")


def on_quit(fn: Callable[[], Any]) -> None:
    """Run `fn` when the application quits (in the order these were connected)."""
    app = QGuiApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(fn)


class QuitOnSignal(QObject):
    """Turns SIGTERM and SIGINT into a clean quit on the Qt thread (Qt's loop blocks Python's
    own signal handling, so the signal wakes a pipe that Qt watches)."""

    def __init__(self, on_signal: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._read, self._write = os.pipe()
        os.set_blocking(self._read, False)
        os.set_blocking(self._write, False)
        signal.set_wakeup_fd(self._write)
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: None)
        self._notifier = QSocketNotifier(self._read, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        self.on_signal = on_signal

    def _drain(self) -> None:
        try:
            data = os.read(self._read, 64)
        except BlockingIOError:
            return
        if any(sig in data for sig in (signal.SIGTERM, signal.SIGINT)):
            log.info("stopping on request signal")
            self.on_signal()


@dataclass
class Screen:
    """A loaded QML window with the backend objects it binds to."""

    engine: QQmlApplicationEngine
    window: QQuickWindow
    backends: dict[str, Any] = field(default_factory=dict)

    def close(self) -> None:
        """Tear down now and in order: the engine deletes its QML first, then the backends
        parented to it, on this thread (never later from a garbage collection elsewhere)."""
        if shiboken6.isValid(self.engine):
            self.window.hide()
            shiboken6.delete(self.engine)


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
    if not roots or not roots[0].inherits("QQuickWindow"):
        raise RuntimeError(f"the {module_type} screen could not be loaded "
                           "(see the QML errors above)")
    return Screen(engine, cast("QQuickWindow", roots[0]), dict(backends))


def log_first_frame(window: QQuickWindow, what: str) -> None:
    on_first_frame(window, lambda: log.info("first frame screen=%s ms=%d", what,
                                            since_start_ms()))


class _FirstFrame(QObject):
    """Calls `fn` once, on this (the Qt) thread, when the window's first frame is out.

    On a real display Qt swaps on its render thread: this object lives on the Qt thread, so the
    signal reaches it queued, and a second swap may be queued before the first arrives; the
    flag keeps it to one call. (Not a single-shot connection: naming a connection type builds
    all of Qt's namespace enums, about 25 ms before the first frame.)"""

    def __init__(self, window: QQuickWindow, fn: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._fn = fn
        self._done = False
        window.frameSwapped.connect(self._swapped)

    @Slot()
    def _swapped(self) -> None:
        if self._done:
            return
        self._done = True
        self._window.frameSwapped.disconnect(self._swapped)
        self._fn()


def on_first_frame(window: QQuickWindow, fn: Callable[[], None]) -> None:
    """`fn` once the window's first frame is out, as soon as the Qt thread hears of it."""
    _FirstFrame(window, fn)


def after_first_frame(window: QQuickWindow, fn: Callable[[], None]) -> None:
    """`fn` from a fresh turn of the event loop after the first frame, so the frame is never
    held up by it."""
    on_first_frame(window, lambda: QTimer.singleShot(0, window, fn))


def show(window: QQuickWindow, windowed: bool) -> None:
    if windowed:
        from kiosk.app.placement import place_window

        if not place_window(window):
            window.resize(1280, 800)
        window.show()
        return
    # A kiosk often runs without a window manager, which would ignore showFullScreen alone.
    window.setGeometry(window.screen().geometry())
    window.showFullScreen()
    if any(d.type() == QInputDevice.DeviceType.TouchScreen for d in QInputDevice.devices()):
        # A pointer arrow on a touch screen only distracts; a mouse plugged in for IT still works.
        after_first_frame(window, _hide_pointer)


def _hide_pointer() -> None:
    from PySide6.QtCore import Qt  # after the first frame: it builds every Qt namespace enum

    QGuiApplication.setOverrideCursor(Qt.CursorShape.BlankCursor)


def quit_on_signal(app: QGuiApplication) -> QuitOnSignal:
    """Take SIGTERM/SIGINT at once, as the process starts: a stop asked for while the room is
    still being built then quits cleanly as soon as Qt's loop runs, instead of killing it."""
    return QuitOnSignal(lambda: app.exit(0), app)


def run_window(app: QGuiApplication, screen: Screen, what: str, windowed: bool,
               before_quit: Callable[[], None] = lambda: None,
               quitter: QuitOnSignal | None = None) -> int:
    """Show the window and run Qt's loop until a quit; SIGTERM/SIGINT quit cleanly."""
    def quit_app() -> None:
        before_quit()
        app.exit(0)

    if quitter is None:
        quitter = QuitOnSignal(quit_app, app)
    quitter.on_signal = quit_app
    log_first_frame(screen.window, what)
    from kiosk.app.watchdog import Watchdog

    watchdog = Watchdog(screen.window)
    app.aboutToQuit.connect(watchdog.stopping)
    show(screen.window, windowed)
    code = app.exec()
    log.info("stopped code=%d", code)
    return code


def show_maintenance(problems: list[str]) -> Screen:
    """The screen for a configuration that cannot run at all: the problems, in plain words,
    and what the patient should do meanwhile (call out)."""
    for problem in problems:
        log.error("config problem %s", problem.replace("\n", " "))
    return load_window("Maintenance", {"problems": problems})
