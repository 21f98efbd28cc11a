"""One size of `python main.py screenshots`: `python -m kiosk.screenshots OUTDIR WxH [CONFIG]`."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject

from kiosk.app.room import Room, assemble_room
from kiosk.app.shell import Screen, create_gui_app, load_window
from kiosk.core.clock import FakeClock
from kiosk.log import setup_logging
from kiosk.qt.dispatch import Dispatcher
from kiosk.qt.music import MusicController
from kiosk.qt.room import Degraded, RoomController
from kiosk.screenshots.calls import CallScenes
from kiosk.screenshots.capture import grab, reduce_motion, settle
from kiosk.screenshots.fakes import offline_parts
from kiosk.screenshots.guide import guide_screenshot_states
from kiosk.screenshots.music import music_screenshot_states
from kiosk.screenshots.night import at_night, by_day
from kiosk.screenshots.nurse import end_lockout, nurse_screenshot_states, panel_pages
from kiosk.screenshots.session import session_screenshot_states
from kiosk.screenshots.station import station_for_screenshots, station_screenshot_states
from kiosk.settings import Problem, load_config, resolve_room


class Shooter:
    def __init__(self, outdir: Path, size: str) -> None:
        self.outdir = outdir
        self.size = size
        self.width, self.height = (int(v) for v in size.split("x"))

    def open(self, module_type: str, backends: dict[str, Any]) -> Screen:
        screen = load_window(module_type, backends)
        reduce_motion(screen.engine)
        screen.window.setGeometry(0, 0, self.width, self.height)
        screen.window.show()
        settle(300)
        return screen

    def shoot(self, screen: Screen, name: str) -> None:
        grab(screen.window, self.outdir / f"{name}-{self.size}.png")


def render_size(outdir: Path, size: str, config_dir: Path | None) -> None:
    app = create_gui_app()
    shooter = Shooter(outdir, size)
    config = load_config(config_dir, os.environ)
    settings = resolve_room(config, None, os.environ)
    dispatcher = Dispatcher()
    clock = FakeClock()
    room = assemble_room(config, settings, offline_parts(dispatcher.post, clock),
                         dispatcher.post)
    room.start()
    # These outlive the first window (load_window would parent them to its engine).
    keeper = QObject()
    for backend in room.backends().values():
        backend.setParent(keeper)
    _render_room(shooter, room, clock)
    _render_station(shooter)
    _render_maintenance(shooter)
    room.stop()
    del app


def _render_room(shooter: Shooter, assembled: Room, clock: FakeClock) -> None:
    room, music, session = assembled.room, assembled.music, assembled.session
    scenes = CallScenes(assembled, clock)
    screen = shooter.open("Main", assembled.backends())

    def home() -> None:
        scenes.reset()
        room.wake()
        room.show("home")

    by_day(room)
    home()
    shooter.shoot(screen, "room-home")
    room.rest()
    shooter.shoot(screen, "room-rest-mode")
    home()
    at_night(room, clock)
    shooter.shoot(screen, "room-night-dimmed")
    by_day(room)

    for name, state in session_screenshot_states():
        state(session, room, clock)
        shooter.shoot(screen, f"room-{name}")
    session.reset()
    home()

    for name, setup in scenes.states():
        room.show(setup())
        shooter.shoot(screen, f"room-{name}")
    home()

    for name, music_state in music_screenshot_states():
        music_state(music, room)
        shooter.shoot(screen, f"room-{name}")
    music.silence()
    home()

    for name, guide_state in guide_screenshot_states():
        guide_state(assembled, clock)
        shooter.shoot(screen, f"room-{name}")
    session.reset()
    home()

    for name, nurse_state in nurse_screenshot_states():
        nurse_state(room, clock)
        shooter.shoot(screen, f"room-{name}")
    end_lockout(room, clock)
    home()
    calls_open = assembled.call_core
    calls_open.request("water", "Water", 20)
    panel_pages(room, screen.window, lambda name: shooter.shoot(screen, f"room-{name}"))
    assembled.desk.nurseIsHere()
    shooter.shoot(screen, "room-nurse-is-here")
    assembled.desk.dismissGreeting()
    scenes.reset()
    home()
    screen.close()

    # A config without a nurse PIN: the pad says so and the panel stays shut.
    no_pin = RoomController(room.property("roomName"), room.property("clinicName"))
    screen = shooter.open("Main", {**assembled.backends(), "room": no_pin})
    no_pin.openNursePanel()
    shooter.shoot(screen, "room-nurse-no-pin")
    screen.close()

    # Without libVLC the Music card says so and offers nothing; everything else still works.
    no_music = MusicController([], None, unavailable="libVLC is missing")
    screen = shooter.open("Main", {**assembled.backends(), "music": no_music})
    shooter.shoot(screen, "room-music-unavailable")
    screen.close()

    # Parts that could not start: one plain line each for staff; the call button stays.
    room.add_degraded(Degraded.CALLS, "the broker password file "
                      "/etc/infusion-kiosk/room-1.password cannot be read (it does not exist)")
    room.add_degraded(Degraded.STORAGE, "/var/lib/infusion-kiosk: [Errno 30] Read-only file "
                      "system")
    screen = shooter.open("Main", assembled.backends())
    shooter.shoot(screen, "room-degraded")
    screen.close()


def _render_station(shooter: Shooter) -> None:
    station = station_for_screenshots()
    screen = shooter.open("Station", {"station": station})
    for name, state in station_screenshot_states():
        state(station)
        shooter.shoot(screen, name)
    screen.close()


def _render_maintenance(shooter: Shooter) -> None:
    sample = [Problem("rooms/room-2.yaml", 14, "music.volume_cap_percent",
                      "must be 100 or less (got 150)"),
              Problem("clinic.yaml", 3, "clinic", 'unknown option "langauge"',
                      'did you mean "language"?')]
    screen = shooter.open("Maintenance", {"problems": [str(p) for p in sample]})
    shooter.shoot(screen, "room-maintenance")
    screen.close()


if __name__ == "__main__":
    setup_logging()
    render_size(Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]) if len(sys.argv) > 3 else None)
