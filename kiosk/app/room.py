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

import shiboken6
from PySide6.QtCore import QObject, QSocketNotifier, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow

from kiosk import qt as kiosk_qt
from kiosk.adapters.vlc_player import VlcEngine, open_engine
from kiosk.qt.calls import RoomCallController
from kiosk.qt.dispatch import Dispatcher
from kiosk.qt.music import MusicController
from kiosk.qt.room import RoomController, TouchWatcher
from kiosk.qt.session import SessionController

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
    if not roots or not isinstance(roots[0], QQuickWindow):
        raise RuntimeError(f"the {module_type} screen could not be loaded "
                           "(see the QML errors above)")
    return Screen(engine, roots[0], dict(backends))


def log_first_frame(window: QQuickWindow, what: str) -> None:
    # On a real display Qt renders on its own thread and may swap twice before a plain
    # disconnect lands: a single-shot connection fires exactly once.
    def once() -> None:
        log.info("first frame screen=%s ms=%d", what, (time.monotonic() - STARTED) * 1000)
    window.frameSwapped.connect(once, Qt.ConnectionType.SingleShotConnection)


def show(window: QQuickWindow, windowed: bool) -> None:
    if windowed:
        window.resize(1280, 800)
        window.show()
        return
    # A kiosk often runs without a window manager, which would ignore showFullScreen alone.
    window.setGeometry(window.screen().geometry())
    window.showFullScreen()


def build_room(config: Any, room_id: str | None) -> dict[str, QObject]:
    """Every backend of the patient's screen, wired together: QML gets them as required
    properties named room, music, session and calls."""
    from kiosk.settings import resolve_room

    settings = resolve_room(config, room_id, os.environ)
    room = RoomController(settings.display_name, config.clinic.name)
    room.rest_after_idle(config.clinic.display.rest_after_idle_minutes)
    app = QGuiApplication.instance()
    if app is not None:
        app.installEventFilter(TouchWatcher(room))
    dispatcher = Dispatcher(room)
    # One libVLC instance for the music and every cue (None when libVLC is missing: the music
    # area says so and the cues stay silent; nothing else changes).
    engine, no_audio = open_engine(dispatcher.post)
    music = build_music(config, settings, dispatcher.post, engine, no_audio)
    session = build_room_session(config, settings, room, dispatcher.post, engine)
    calls, link = build_room_calls(config, settings, dispatcher.post, config.state_dir, engine)
    connect_session_to_music(session, music)
    publish_session_to_station(session, link, settings.id)
    if engine is not None:
        _on_quit(engine.release)  # connected last: runs after every deck is released
    return {"room": room, "music": music, "session": session, "calls": calls}


def build_music(config: Any, room_settings: Any, post: Any, engine: VlcEngine | None,
                no_audio: str | None = None) -> MusicController:
    from kiosk.core.fades import FadeSettings
    from kiosk.core.playlist import Playlist
    from kiosk.core.volume import VolumePolicy

    music = room_settings.music
    playlists = [Playlist(p.name, str(p.path), p.description, str(p.cover) if p.cover else "",
                          tuple(p.phases), p.shuffle, p.repeat) for p in music.playlists]
    audio = config.clinic.audio
    fades = FadeSettings(fade_in_seconds=audio.fade_in_seconds,
                         fade_out_seconds=audio.fade_out_seconds,
                         crossfade_seconds=audio.crossfade_seconds)
    policy = VolumePolicy(cap_percent=music.volume_cap_percent,
                          default_percent=music.default_volume_percent)
    return MusicController.with_engine(playlists, engine, no_audio, post, fades, policy)


def build_room_session(config: Any, room_settings: Any, room: RoomController,
                       post: Any, engine: VlcEngine | None) -> SessionController:
    """The session timer, persisted in the state directory, with its soft end-of-infusion cue."""
    from kiosk.adapters.cues import CuePlayer
    from kiosk.adapters.state_file import SessionStateFile
    from kiosk.core.clock import SystemClock
    from kiosk.core.session import SessionModel
    from kiosk.qt.session import apply_test_hooks, connect_room, core_templates

    store = SessionStateFile(config.state_dir / "sessions" / f"{room_settings.id}.json")
    session = SessionController(SessionModel(SystemClock(), store),
                                core_templates(config.clinic.session_templates))
    cue = CuePlayer(post, engine=engine)
    connect_room(session, room, cue.play)
    _on_quit(cue.release)
    apply_test_hooks(session, os.environ)
    return session


def connect_session_to_music(session: SessionController, music: MusicController) -> None:
    """A suggested playlist the patient accepts starts playing; reset for the next patient
    silences the music."""
    def play_named(name: str) -> None:
        for index, playlist in enumerate(music.property("playlists")):
            if playlist["name"] == name and playlist["available"]:
                music.playPlaylist(index)
                return
        log.warning("suggested playlist not playable name=%s", name)

    session.playlistAccepted.connect(play_named)
    session.patientReset.connect(music.silence)

    # A phase marked fade_music_at_end fades the music out as it ends (the fade-out starts at
    # the phase boundary, which the session reports within its poll interval).
    fade_when_this_ends = {"phase": False}

    def on_phase(info: dict[str, Any]) -> None:
        if fade_when_this_ends["phase"]:
            log.info("music fades out at the end of a phase")
            music.silence()
        fade_when_this_ends["phase"] = bool(info.get("fadeMusicAtEnd"))

    def on_end(_info: dict[str, Any]) -> None:
        if fade_when_this_ends["phase"]:
            music.silence()
        fade_when_this_ends["phase"] = False

    session.phaseChanged.connect(on_phase)
    session.sessionEnded.connect(on_end)


def publish_session_to_station(session: SessionController, link: Any, room_id: str) -> None:
    """The station shows each room's phase and time left: publish on every visible change
    (the minutes-left text changes once a minute while a session runs)."""
    import time

    from kiosk.core.protocol import SessionStatus
    from kiosk.core.session import SessionState

    def publish() -> None:
        view = session.view()
        phase = view.phase
        link.publish_session(SessionStatus(
            room=room_id, running=view.state is SessionState.RUNNING,
            phase=phase.id if phase else "", phase_label=phase.name if phase else "",
            remaining_seconds=int(view.remaining_seconds),
            infusion_complete=view.infusion_complete, at=time.time()))

    for signal_ in (session.sessionStateChanged, session.phaseNameChanged,
                    session.minutesLeftTextChanged, session.infusionCompleteChanged):
        signal_.connect(publish)

    # A status changed while the broker was unreachable is sent when the link comes back.
    calls_on_connection = link.on_connection_change

    def on_connection(up: bool) -> None:
        calls_on_connection(up)
        if up:
            publish()

    link.on_connection_change = on_connection


def _on_quit(fn: Any) -> None:
    app = QGuiApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(fn)


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


def build_room_calls(config: Any, room_settings: Any, post: Any, state_dir: Path,
                     engine: VlcEngine | None) -> tuple[RoomCallController, Any]:
    """The room's call path: MQTT link, SQLite outbox, core machine, the QML controller and the
    gentle not-through tone. The link is started here and stopped when the app quits."""
    from kiosk.adapters.cues import CALL_NOT_THROUGH, CuePlayer
    from kiosk.adapters.mqtt_link import BrokerEndpoint, RoomLink
    from kiosk.adapters.outbox import SqliteOutbox
    from kiosk.core.calls import RoomCalls
    from kiosk.core.clock import SystemClock
    from kiosk.qt.calls import RequestChoice
    from kiosk.qt.calls import apply_test_hooks as apply_call_test_hooks

    clinic = config.clinic
    room_id = room_settings.id
    link = RoomLink(room_id, BrokerEndpoint.from_settings(clinic.broker, room_id), post)
    # One outbox per room, so two rooms sharing a state folder (the demo) never share calls.
    outbox = SqliteOutbox(state_dir / "calls" / room_id)
    calls = RoomCalls(room_id, SystemClock(), outbox, link,
                      receipt_timeout_seconds=clinic.calls.receipt_timeout_seconds,
                      retry_seconds=clinic.calls.retry_seconds)
    link.attach(calls)
    choices = [RequestChoice(r.id, r.label, r.priority) for r in clinic.requests]
    controller = RoomCallController(calls, choices)
    link.on_connection_change = controller.set_link_up
    tone = CuePlayer(post, CALL_NOT_THROUGH, engine=engine)
    controller.notThrough.connect(tone.play)

    def stop() -> None:
        link.stop()
        outbox.close()
        tone.release()

    _on_quit(stop)
    link.start()
    apply_call_test_hooks(controller, os.environ)
    return controller, link
