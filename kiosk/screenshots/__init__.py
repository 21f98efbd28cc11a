"""`python main.py screenshots OUTDIR`: every screen and state, at 1280x800 and 1920x1080.

Part of the composition layer (with app.py): each size renders in a child process, because the
offscreen screen's size is fixed when Qt starts. The room is built as the app builds it, except
that the session and the call path run on fake clocks and a link with no broker, so each picture
shows one exact state.
"""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

SIZES = [(1280, 800), (1920, 1080)]


def render_all(outdir: Path, config_dir: Path | None) -> int:
    from kiosk.qt.capture import offscreen_platform

    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kiosk-shots-") as tmp:
        for width, height in SIZES:
            env = dict(os.environ, QT_QPA_PLATFORM=offscreen_platform(width, height, Path(tmp)),
                       QT_QUICK_BACKEND="software", KIOSK_STATE_DIR=str(Path(tmp) / "state"),
                       KIOSK_BROKER=f"mqtt://127.0.0.1:{_closed_port()}")
            cmd = [sys.executable, "-m", "kiosk.screenshots", str(outdir), f"{width}x{height}"]
            if config_dir:
                cmd.append(str(config_dir))
            if subprocess.run(cmd, env=env).returncode != 0:
                log.error("screenshots failed size=%dx%d", width, height)
                return 1
    print("\n".join(sorted(p.name for p in outdir.glob("*.png"))))
    return 0


def _closed_port() -> int:
    """A loopback port nobody listens on: the pictures never depend on a broker."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Shooter:
    def __init__(self, outdir: Path, size: str) -> None:
        self.outdir = outdir
        self.size = size
        self.width, self.height = (int(v) for v in size.split("x"))

    def open(self, module_type: str, backends: dict[str, Any]) -> Any:
        from kiosk.app import load_window
        from kiosk.qt.capture import reduce_motion, settle

        screen = load_window(module_type, backends)
        reduce_motion(screen.engine)
        screen.window.setGeometry(0, 0, self.width, self.height)
        screen.window.show()
        settle(300)
        return screen

    def shoot(self, screen: Any, name: str) -> None:
        from kiosk.qt.capture import grab

        grab(screen.window, self.outdir / f"{name}-{self.size}.png")


def _render_size(outdir: Path, size: str, config_dir: Path | None) -> None:
    from PySide6.QtCore import QObject

    from kiosk.adapters.vlc_player import DEFAULT_OPTIONS, open_engine
    from kiosk.app import build_music, create_gui_app
    from kiosk.qt.call_shots import CallScenes
    from kiosk.qt.calls import RequestChoice
    from kiosk.qt.dispatch import Dispatcher
    from kiosk.qt.music import MusicController
    from kiosk.qt.room import RoomController
    from kiosk.qt.session import core_templates
    from kiosk.qt.session_shots import session_for_screenshots, session_screenshot_states
    from kiosk.settings import load_config, resolve_room

    app = create_gui_app()
    shooter = Shooter(outdir, size)
    config = load_config(config_dir, os.environ)
    settings = resolve_room(config, None, os.environ)
    room = RoomController(settings.display_name, config.clinic.name)
    dispatcher = Dispatcher(room)
    # Pictures need no sound: music plays to libVLC's silent output.
    engine, no_audio = open_engine(dispatcher.post, (*DEFAULT_OPTIONS, "--aout=dummy"))
    music = build_music(config, settings, dispatcher.post, engine, no_audio)
    session, clock = session_for_screenshots(core_templates(config.clinic.session_templates))
    scenes = CallScenes(settings.id, [RequestChoice(r.id, r.label, r.priority)
                                      for r in config.clinic.requests])
    # These outlive the first window (load_window would parent them to its engine).
    keeper = QObject()
    for backend in (room, music, session, scenes.controller):
        backend.setParent(keeper)
    screen = shooter.open("Main", {"room": room, "music": music, "session": session,
                                   "calls": scenes.controller})

    def home() -> None:
        scenes.reset()
        room.wake()
        room.show("home")

    home()
    shooter.shoot(screen, "room-home")
    room.rest()
    shooter.shoot(screen, "room-rest-mode")
    home()

    for name, state in session_screenshot_states():
        state(session, room, clock)
        shooter.shoot(screen, f"room-{name}")
    session.reset()
    home()

    for name, setup in scenes.states():
        room.show(setup())
        shooter.shoot(screen, f"room-{name}")
    home()

    for name, music_state in _music_states():
        music_state(music, room)
        shooter.shoot(screen, f"room-{name}")
    music.silence()
    home()
    screen.close()

    # Without libVLC the Music card says so and offers nothing; everything else still works.
    no_music = MusicController([], None, unavailable="libVLC is missing")
    screen = shooter.open("Main", {"room": room, "music": no_music, "session": session,
                                   "calls": scenes.controller})
    shooter.shoot(screen, "room-music-unavailable")
    screen.close()

    _render_station(shooter)
    _render_maintenance(shooter)
    del app


def _music_states() -> list[tuple[str, Callable[[Any, Any], None]]]:
    try:
        from kiosk.qt.music_shots import music_screenshot_states
    except ImportError:
        return []
    return list(music_screenshot_states())


def _render_station(shooter: Shooter) -> None:
    from kiosk.qt.station_shots import station_for_screenshots, station_screenshot_states

    station = station_for_screenshots()
    screen = shooter.open("Station", {"station": station})
    for name, state in station_screenshot_states():
        state(station)
        shooter.shoot(screen, name)
    screen.close()


def _render_maintenance(shooter: Shooter) -> None:
    from kiosk.settings import Problem

    sample = [Problem("rooms/room-2.yaml", 14, "music.volume_cap_percent",
                      "must be 100 or less (got 150)"),
              Problem("clinic.yaml", 3, "clinic", 'unknown option "langauge"',
                      'did you mean "language"?')]
    screen = shooter.open("Maintenance", {"problems": [str(p) for p in sample]})
    shooter.shoot(screen, "room-maintenance")
    screen.close()


if __name__ == "__main__":
    from kiosk.log import setup_logging

    setup_logging()
    _render_size(Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]) if len(sys.argv) > 3 else None)
