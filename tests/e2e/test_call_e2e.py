"""The call path as processes: a room offscreen, a real Mosquitto, and nurse stations.

The room's call button is pressed from outside through its test hook
(KIOSK_TEST_CALL_AFTER_START=1); the room logs every state change as
"call state id=... state=...", and the tests wait on those lines. A station in the test process
(core's StationBoard behind a real StationLink) plays the nurse who acknowledges and resolves.
Each fault asserts that nothing is lost (the call reaches a station) and nothing is shown twice
(each state is logged once per call, and a station lists the call once).
"""

from __future__ import annotations

import re
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.adapters.broker import PrivateBroker
from kiosk.adapters.mqtt_link import BrokerEndpoint, StationLink
from kiosk.core.board import StationBoard
from kiosk.core.clock import SystemClock
from tests.calls.conftest import QtThreadStandIn
from tests.support import wait_until
from tests.support.broker import broker  # noqa: F401 - the fixture
from tests.test_startup import Process, room_env

pytestmark = pytest.mark.slow

OUTAGE_SECONDS = 10.0
PLACED = re.compile(r"call placed by test hook id=(\w+)")


class Nurse:
    """A station in the test process, standing in for the nurse at the desk."""

    def __init__(self, private_broker: PrivateBroker) -> None:
        self.loop = QtThreadStandIn()
        endpoint = BrokerEndpoint(url=private_broker.url, keepalive_seconds=5)
        self.link = StationLink("test-desk", endpoint, self.loop.post)
        self.board = StationBoard("test-desk", SystemClock(), self.link, escalation_minutes=5)
        self.link.attach(self.board)
        self.loop.ticks.append(self.board.tick)
        self.link.start()

    def call_ids(self) -> list[str]:
        self.loop.run_pending()
        return [c.call_id for c in self.board.calls()]

    def wait_for_call(self, call_id: str) -> None:
        self.loop.wait_for(lambda: call_id in [c.call_id for c in self.board.calls()],
                           f"call {call_id} at the station", timeout=20)

    def acknowledge(self, call_id: str) -> None:
        self.wait_for_call(call_id)
        assert self.board.acknowledge(call_id)

    def resolve(self, call_id: str) -> None:
        assert self.board.resolve(call_id)
        self.loop.wait_for(lambda: not self.board.calls(), "the call to leave the board")


@pytest.fixture
def nurses(broker: PrivateBroker) -> Iterator[list[Nurse]]:  # noqa: F811
    started: list[Nurse] = []
    yield started
    for nurse in started:
        nurse.link.stop()


def start_room(private_broker: PrivateBroker, tmp_path: Path, press: bool = True) -> Process:
    extra = {"KIOSK_BROKER": private_broker.url, "KIOSK_ROOM": "room-1"}
    if press:
        extra["KIOSK_TEST_CALL_AFTER_START"] = extra["KIOSK_TEST_HOOKS"] = "1"
    return Process(["room", "--windowed"], room_env(tmp_path, **extra))


def wait_line(room: Process, text: str, nurse: Nurse | None, timeout: float = 20) -> None:
    """Wait for a room log line while the station in this process keeps answering."""
    def seen() -> bool:
        if nurse is not None:
            nurse.loop.run_pending()
        return any(text in line for line in list(room.lines))
    wait_until(seen, timeout=timeout, message=f"room log line {text!r}")


def placed_call(room: Process) -> str:
    match = PLACED.search(room.wait_for("call placed by test hook"))
    assert match is not None
    return match.group(1)


def states(room: Process, call_id: str) -> list[str]:
    marker = f"call state id={call_id} state="
    return [line.split(marker, 1)[1].split()[0] for line in list(room.lines) if marker in line]


def stop(room: Process) -> None:
    if room.proc.poll() is None:
        assert room.stop() == 0


def test_a_call_goes_calling_received_on_the_way_resolved_between_processes(
        broker: PrivateBroker, tmp_path: Path, nurses: list[Nurse]) -> None:  # noqa: F811
    station = Process(["station", "--windowed", "--station", "desk"],
                      room_env(tmp_path, KIOSK_BROKER=broker.url))
    station.wait_for("first frame")
    nurses.append(Nurse(broker))
    room = start_room(broker, tmp_path)
    try:
        call_id = placed_call(room)
        room.wait_for(f"call state id={call_id} state=received")
        nurses[0].acknowledge(call_id)
        wait_line(room, f"call state id={call_id} state=on_the_way", nurses[0])
        nurses[0].resolve(call_id)
        wait_line(room, f"call state id={call_id} state=closed", nurses[0])
        assert states(room, call_id) == ["calling", "received", "on_the_way", "closed"]
    finally:
        stop(room)
        station.stop()


def test_a_call_in_the_outbox_survives_kill_9_and_reaches_the_station_once(
        broker: PrivateBroker, tmp_path: Path, nurses: list[Nurse]) -> None:  # noqa: F811
    room = start_room(broker, tmp_path)
    call_id = placed_call(room)
    room.wait_for(f"call state id={call_id} state=calling")
    room.proc.send_signal(signal.SIGKILL)
    room.proc.wait(10)

    nurses.append(Nurse(broker))
    # Pressed again after the restart: the open call is the same call, not a second one.
    again = start_room(broker, tmp_path)
    try:
        assert placed_call(again) == call_id
        wait_line(again, f"call state id={call_id} state=received", nurses[0])
        assert nurses[0].call_ids() == [call_id]
        nurses[0].acknowledge(call_id)
        wait_line(again, f"call state id={call_id} state=on_the_way", nurses[0])
        nurses[0].resolve(call_id)
        wait_line(again, f"call state id={call_id} state=closed", nurses[0])
        assert states(again, call_id) == ["calling", "received", "on_the_way", "closed"]
        assert not [line for line in again.lines if "call placed" in line and call_id not in line]
    finally:
        stop(again)


def test_a_call_made_while_the_broker_is_down_for_10_s_arrives_after_it_returns(
        broker: PrivateBroker, tmp_path: Path, nurses: list[Nurse]) -> None:  # noqa: F811
    nurses.append(Nurse(broker))
    nurses[0].loop.wait_for(lambda: nurses[0].link.connected, "the station to connect")
    broker.stop()
    back_at = time.monotonic() + OUTAGE_SECONDS
    # The call is pressed during the outage: the patient reads (and hears) that it did not get
    # through, and the room keeps trying with the same id.
    room = start_room(broker, tmp_path)
    try:
        call_id = placed_call(room)
        room.wait_for(f"call state id={call_id} state=not_through", timeout=15)
        # The length of the outage is the scenario itself, not a synchronisation wait.
        time.sleep(max(0.0, back_at - time.monotonic()))
        broker.start()
        wait_line(room, f"call state id={call_id} state=received", nurses[0])
        assert nurses[0].call_ids() == [call_id]
        nurses[0].acknowledge(call_id)
        wait_line(room, f"call state id={call_id} state=on_the_way", nurses[0])
        assert states(room, call_id) == ["calling", "not_through", "received", "on_the_way"]
        assert sum(f"call not through id={call_id}" in line for line in room.lines) == 1
    finally:
        stop(room)
