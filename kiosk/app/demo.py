"""`python main.py demo [--rooms N]`: the whole system on one computer, with one command.

Starts a private Mosquitto on a free loopback port, then a nurse station and every room of the
configuration as windowed child processes, each with its own state folder, laid out side by
side to fit the screen (the station on the left half, the rooms on the right; each child is
told its place through KIOSK_WINDOW_GEOMETRY, so this works without a window manager too).
`--rooms N` adds N simulated rooms (outside MQTT clients, not windows) with a plausible mix of
sessions and the odd request, to show the station full. When any child exits (a window was
closed) or on Ctrl-C / SIGTERM, it stops all of them, the simulated rooms and the broker.
Part of the composition layer, so it may start processes itself.
"""

from __future__ import annotations

import logging
import math
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from kiosk.app.placement import VARIABLE as GEOMETRY_VARIABLE
from kiosk.app.placement import Placement

if TYPE_CHECKING:
    from kiosk.adapters.sim_rooms import SimulatedRooms

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]
STOP_SECONDS = 5.0
# Supervision only: how often to look whether a child has exited.
POLL_SECONDS = 0.2
MOST_SIMULATED_ROOMS = 250  # one process of simulated rooms (kiosk.adapters.sim_rooms)


class _StopRequested(Exception):
    pass


def run_demo(simulated_rooms: int = 0) -> int:
    from kiosk.adapters.broker import BrokerError, PrivateBroker

    if not 0 <= simulated_rooms <= MOST_SIMULATED_ROOMS:
        print(f"--rooms must be between 0 and {MOST_SIMULATED_ROOMS} (got {simulated_rooms}).",
              file=sys.stderr)
        return 2
    problem = _display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    rooms = _demo_rooms()
    if rooms is None:
        return 1
    places = demo_layout(_screen(), len(rooms))
    try:
        broker = PrivateBroker()
    except BrokerError as error:
        print(f"The demo needs a private MQTT broker. {error}", file=sys.stderr)
        return 1
    previous = signal.signal(signal.SIGTERM, _raise_stop)
    try:
        broker.start()
        print(f"Demo broker on {broker.url}. Close any window or press Ctrl-C to stop.")
        with tempfile.TemporaryDirectory(prefix="kiosk-demo-") as state:
            sims = _simulate(broker.port, simulated_rooms)
            try:
                return _supervise(broker.url, rooms, places, Path(state))
            finally:
                if sims is not None:
                    sims.stop()
    except BrokerError as error:
        print(f"The demo broker did not start: {error}", file=sys.stderr)
        return 1
    finally:
        signal.signal(signal.SIGTERM, previous)
        broker.close()


def _display_problem() -> str | None:
    from kiosk.app.shell import display_problem

    return display_problem()


def _demo_rooms() -> list[str] | None:
    from kiosk.settings import ConfigError, load_config

    try:
        config = load_config(None, os.environ)
    except ConfigError as error:
        print("\n".join(str(p) for p in error.problems), file=sys.stderr)
        print("The demo cannot start: the configuration has problems (listed above).",
              file=sys.stderr)
        return None
    return [r.id for r in config.rooms]


def demo_layout(screen: Placement, rooms: int) -> list[Placement]:
    """The station's place first, then each room's: the station on the left half of the
    screen, the rooms in a grid on the right half (landscape cells), none overlapping."""
    if rooms == 0:
        return [screen]
    half = screen.width // 2
    station = Placement(screen.x, screen.y, half, screen.height)

    def cell(cols: int) -> tuple[int, int]:
        # The room screen is made for 1280x800: cells keep that shape, as large as they fit.
        width = (screen.width - half) // cols
        return width, min(screen.height // math.ceil(rooms / cols), width * 10 // 16)

    cols = max(range(1, rooms + 1), key=lambda c: cell(c)[0] * cell(c)[1])
    rows = math.ceil(rooms / cols)
    width, height = cell(cols)
    cells = [Placement(screen.x + half + c * width, screen.y + r * height, width, height)
             for r in range(rows) for c in range(cols)]
    return [station, *cells[:rooms]]


def _screen() -> Placement:
    """The primary screen's free area (without panels), from Qt."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    assert isinstance(app, QGuiApplication)
    area = app.primaryScreen().availableGeometry()
    return Placement(area.x(), area.y(), area.width(), area.height())


def _simulate(port: int, count: int) -> SimulatedRooms | None:
    """Starts `count` simulated rooms; None when there are none."""
    if count == 0:
        return None
    from kiosk.adapters.broker import PrivateBroker
    from kiosk.adapters.sim_rooms import SimulatedRooms

    sims = SimulatedRooms(PrivateBroker.HOST, port,
                          [f"sim-{i:03d}" for i in range(1, count + 1)])
    sims.start()
    log.info("demo simulated rooms connected count=%d", count)
    print(f"{count} simulated rooms connected.")
    return sims


def _raise_stop(signum: int, frame: FrameType | None) -> None:
    raise _StopRequested


def _supervise(broker_url: str, rooms: list[str], places: list[Placement],
               state: Path) -> int:
    children: list[subprocess.Popen[bytes]] = []
    try:
        children.append(_start(["station", "--windowed", "--station", "demo-station"],
                               broker_url, state / "station", places[0]))
        for room, place in zip(rooms, places[1:], strict=True):
            children.append(_start(["room", "--windowed", "--room", room], broker_url,
                                   state / room, place))
        exited = _wait_for_any(children)
        log.info("demo stopping reason=child exited pid=%s code=%s", exited.pid,
                 exited.returncode)
    except (KeyboardInterrupt, _StopRequested):
        log.info("demo stopping reason=stop requested")
    finally:
        # Ctrl-C again, or a stop sent to the whole process group (as Ctrl-C is), while the
        # windows close must not cut that short: _stop_all kills what is left after a while.
        for stop in (signal.SIGTERM, signal.SIGINT):
            signal.signal(stop, signal.SIG_IGN)
        _stop_all(children)
    return 0


DESIGN_WIDTH, DESIGN_HEIGHT = 1280, 800


def window_env(place: Placement) -> dict[str, str]:
    """Where a demo window goes; one smaller than the 1280x800 the screens are designed for is
    drawn as that design, scaled down, rather than with its text and buttons crowded or cut."""
    env = {GEOMETRY_VARIABLE: place.text()}
    shrink = min(place.width / DESIGN_WIDTH, place.height / DESIGN_HEIGHT)
    if shrink < 1:
        env["QT_SCALE_FACTOR"] = f"{shrink:.4f}"
    return env


def _start(args: list[str], broker_url: str, state_dir: Path,
           place: Placement) -> subprocess.Popen[bytes]:
    state_dir.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k not in ("KIOSK_ROOM", "KIOSK_STATION")}
    env.update(KIOSK_BROKER=broker_url, KIOSK_STATE_DIR=str(state_dir))
    env.update(window_env(place))
    child = subprocess.Popen([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, env=env,
                             stdin=subprocess.DEVNULL)
    log.info("demo started what=%s pid=%s", " ".join(args[:1] + args[2:]), child.pid)
    return child


def _wait_for_any(children: list[subprocess.Popen[bytes]]) -> subprocess.Popen[bytes]:
    while True:
        for child in children:
            if child.poll() is not None:
                return child
        time.sleep(POLL_SECONDS)


def _stop_all(children: list[subprocess.Popen[bytes]]) -> None:
    for child in children:
        if child.poll() is None:
            child.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + STOP_SECONDS
    for child in children:
        try:
            child.wait(max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            log.warning("demo child did not stop, killing pid=%s", child.pid)
            child.kill()
            child.wait()
