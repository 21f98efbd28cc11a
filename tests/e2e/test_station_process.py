"""The nurse station as a process (offscreen), and `call-test` against it, on a real Mosquitto."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from kiosk.adapters.broker import PrivateBroker
from tests.support.broker import broker  # noqa: F401 - the fixture
from tests.test_startup import ROOT, Process, room_env


def call_test(tmp_path: Path, broker_url: str) -> subprocess.CompletedProcess[str]:
    env = room_env(tmp_path, KIOSK_BROKER=broker_url, KIOSK_ROOM="room-1")
    return subprocess.run([sys.executable, "main.py", "call-test"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=30, check=False)


def test_the_station_starts_draws_a_first_frame_connects_and_stops_cleanly(
        tmp_path: Path, broker: PrivateBroker) -> None:  # noqa: F811
    station = Process(["station", "--windowed", "--station", "desk-e2e"],
                      room_env(tmp_path, KIOSK_BROKER=broker.url))
    assert "screen=station" in station.wait_for("first frame")
    station.wait_for("connected to broker")
    assert station.stop() == 0
    station.wait_for("stopped code=0")


def test_call_test_against_a_running_station_passes_and_prints_the_latency(
        tmp_path: Path, broker: PrivateBroker) -> None:  # noqa: F811
    station = Process(["station", "--windowed", "--station", "desk-e2e"],
                      room_env(tmp_path, KIOSK_BROKER=broker.url))
    station.wait_for("connected to broker")
    result = call_test(tmp_path, broker.url)
    assert station.stop() == 0
    assert result.returncode == 0, result.stdout + result.stderr
    assert "station desk-e2e received the test call from room-1 in" in result.stdout
    millis = float(result.stdout.split(" in ")[-1].split(" ms")[0])
    assert 0 < millis < 5000


def test_call_test_without_a_station_fails_and_says_so(tmp_path: Path,
                                                       broker: PrivateBroker) -> None:  # noqa: F811
    result = call_test(tmp_path, broker.url)
    assert result.returncode == 1
    assert "no nurse station is online" in result.stdout


def test_call_test_without_a_broker_fails_and_says_so(tmp_path: Path) -> None:
    from kiosk.adapters.broker import free_port

    result = call_test(tmp_path, f"mqtt://127.0.0.1:{free_port()}")
    assert result.returncode == 1
    assert "cannot reach the broker" in result.stdout
