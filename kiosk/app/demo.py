"""`python main.py demo`: the whole system on one computer, with one command.

Starts a private Mosquitto on a free loopback port, then a nurse station and every room of the
configuration as windowed child processes, each with its own state folder. When any of them
exits (a window was closed) or on Ctrl-C / SIGTERM, it stops all of them and the broker.
Part of the composition layer, so it may start processes itself.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import FrameType

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]
STOP_SECONDS = 5.0
# Supervision only: how often to look whether a child has exited.
POLL_SECONDS = 0.2


class _StopRequested(Exception):
    pass


def run_demo() -> int:
    from kiosk.adapters.broker import BrokerError, PrivateBroker

    problem = _display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    rooms = _demo_rooms()
    if rooms is None:
        return 1
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
            return _supervise(broker.url, rooms, Path(state))
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


def _raise_stop(signum: int, frame: FrameType | None) -> None:
    raise _StopRequested


def _supervise(broker_url: str, rooms: list[str], state: Path) -> int:
    children: list[subprocess.Popen[bytes]] = []
    try:
        children.append(_start(["station", "--windowed", "--station", "demo-station"],
                               broker_url, state / "station"))
        for room in rooms:
            children.append(_start(["room", "--windowed", "--room", room], broker_url,
                                   state / room))
        exited = _wait_for_any(children)
        log.info("demo stopping reason=child exited pid=%s code=%s", exited.pid,
                 exited.returncode)
    except (KeyboardInterrupt, _StopRequested):
        log.info("demo stopping reason=stop requested")
    finally:
        _stop_all(children)
    return 0


def _start(args: list[str], broker_url: str, state_dir: Path) -> subprocess.Popen[bytes]:
    state_dir.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k not in ("KIOSK_ROOM", "KIOSK_STATION")}
    env.update(KIOSK_BROKER=broker_url, KIOSK_STATE_DIR=str(state_dir))
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
