"""The nurse station (`python main.py station`), assembled in one place: the board, its MQTT
link, the chime and the Station window, in the same window shell as the room."""

from __future__ import annotations

import logging
import os
import re
import socket
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.app.shell import (
    QuitOnSignal,
    Screen,
    create_gui_app,
    display_problem,
    load_window,
    quit_on_signal,
    run_window,
    show_maintenance,
)

if TYPE_CHECKING:
    from kiosk.adapters.vlc_player import Post

log = logging.getLogger(__name__)

# Response-time events are written to disk together, this often (and when the station stops).
RECORD_FLUSH_MS = 2000

_NOT_ID = re.compile(r"[^A-Za-z0-9_-]+")


def station_id_for(given: str | None, env: Mapping[str, str] = os.environ) -> str:
    """--station, else KIOSK_STATION, else "station-" and this computer's short host name."""
    if given:
        return given
    if env.get("KIOSK_STATION"):
        return env["KIOSK_STATION"]
    host = socket.gethostname().split(".")[0]
    return ("station-" + _NOT_ID.sub("-", host).strip("-"))[:64] or "station"


def run_station(config_dir: Path | None, windowed: bool, station_id: str | None = None) -> int:
    from kiosk.core.protocol import ParseError, station_presence_topic
    from kiosk.settings import ConfigError, load_config

    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    station = station_id_for(station_id)
    try:
        station_presence_topic(station)
    except ParseError as error:
        print(f"Cannot start the station: {error}", file=sys.stderr)
        return 2
    app = create_gui_app()
    quitter = quit_on_signal(app)
    parts: _StationParts | None = None
    try:
        config = load_config(config_dir, os.environ)
        parts = _StationParts(config, station)
        screen = load_window("Station", {"station": parts.controller})
    except ConfigError as error:
        screen = show_maintenance([str(p) for p in error.problems])
        parts = None
    except Exception as error:  # noqa: BLE001 - the last line of defence: never a crash loop
        log.debug("station could not be assembled", exc_info=True)
        screen = show_maintenance([f"The station could not start: {error}"])
        parts = None
    return _run(app, screen, parts, windowed, quitter)


def _run(app: object, screen: Screen, parts: _StationParts | None, windowed: bool,
         quitter: QuitOnSignal) -> int:
    from PySide6.QtGui import QGuiApplication

    assert isinstance(app, QGuiApplication)
    if parts is None:
        return run_window(app, screen, "maintenance", windowed, quitter=quitter)
    parts.start()
    try:
        return run_window(app, screen, "station", windowed, quitter=quitter)
    finally:
        parts.stop()


class _StationParts:
    """Everything the station screen binds to, built from the configuration."""

    def __init__(self, config: object, station: str) -> None:
        from kiosk.adapters.mqtt_link import BrokerEndpoint, StationLink
        from kiosk.adapters.response_store import ResponseStore
        from kiosk.core.board import StationBoard
        from kiosk.core.clock import SystemClock
        from kiosk.qt.dispatch import Dispatcher
        from kiosk.qt.response_times import ResponseTimesController
        from kiosk.qt.station import StationController
        from kiosk.settings import Config

        assert isinstance(config, Config)
        calls = config.clinic.calls
        self.dispatcher = Dispatcher()
        endpoint = BrokerEndpoint.from_settings(config.clinic.broker, station)
        self.link = StationLink(station, endpoint, self.dispatcher.post)
        clock = SystemClock()
        board = StationBoard(station, clock, self.link,
                             escalation_minutes=calls.escalation_minutes,
                             chime_repeat_seconds=calls.station_chime_repeat_seconds)
        self.link.attach(board)
        self.record = ResponseStore(config.state_dir)
        board.call_events.connect(self.record.record)
        self.response_times = ResponseTimesController(self.record.events, clock)
        self.chime = StationChimes(self.dispatcher.post)
        self.controller = StationController(
            board, title=config.clinic.station_title,
            room_names={r.id: r.display_name for r in config.rooms},
            known_rooms=[r.id for r in config.rooms], play_chime=self.chime.play,
            chime_problem=self.chime.problem or "", clock=clock,
            response_times=self.response_times)
        self.controller.set_link_problem(self.link.problem)
        self.station = station
        self.broker_url = endpoint.url

    def start(self) -> None:
        from PySide6.QtCore import QTimer

        log.info("station starting station=%s broker=%s", self.station, self.broker_url)
        self._flush = QTimer()
        self._flush.setInterval(RECORD_FLUSH_MS)
        self._flush.timeout.connect(self.record.flush)
        self._flush.start()
        self.link.start()

    def stop(self) -> None:
        # A "Resolved" still within its undo time is meant: it goes out before the link closes.
        self.controller.send_pending_resolutions()
        # Says goodbye on the presence topic, so rooms stop counting on this station at once.
        self.link.stop()
        self.chime.release()
        self._flush.stop()
        self.record.close()


class StationChimes:
    """One soft chime per urgency (see scripts/synth_audio.py), on one libVLC instance: the
    urgent call, a request that means something is wrong, a routine request, information. A
    sound that cannot play falls back to another that can, so a call is never silent because
    one file is missing; `problem` says why nothing at all can sound."""

    SOUNDS = {
        "urgent": ("station chime (urgent call)", "station-urgent.wav", 72),
        "high": ("station chime (high-priority request)", "station-high.wav", 66),
        "normal": ("station chime (request)", "station-chime.wav", 60),
        "info": ("station chime (information)", "station-info.wav", 50),
    }

    def __init__(self, post: Post) -> None:
        from kiosk.adapters.cues import SOUNDS, Cue, CuePlayer
        from kiosk.adapters.vlc_player import open_engine

        self._engine, engine_problem = open_engine(post)
        self.players = {
            key: CuePlayer(post, Cue(name, SOUNDS / file, volume), engine=self._engine)
            for key, (name, file, volume) in self.SOUNDS.items()}
        if self._engine is None:
            for player in self.players.values():
                player.problem = player.problem or engine_problem
        usable = [p for p in self.players.values() if p.available]
        self.problem = None if usable else next(
            (p.problem for p in self.players.values() if p.problem), engine_problem)

    def play(self, sound: str) -> None:
        order = [sound, "normal", "high", "urgent", "info"]
        player = next((self.players[k] for k in order
                       if k in self.players and self.players[k].available),
                      self.players.get(sound))
        if player is not None:
            player.play()

    def release(self) -> None:
        for player in self.players.values():
            player.release()
        if self._engine is not None:
            self._engine.release()
            self._engine = None
