"""Stations as processes under faults: a station killed with a call open, a new one started
in its place, and two stations at once. Nothing is lost and no station shows a call twice; the
patient is told the truth when no station is left to show the call."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from kiosk.adapters.broker import PrivateBroker
from tests.e2e.test_call_e2e import Nurse, nurses, placed_call, start_room, states, stop, wait_line
from tests.support import wait_until
from tests.support.broker import broker  # noqa: F401 - the fixture
from tests.test_startup import Process, room_env

pytestmark = pytest.mark.slow

__all__ = ["nurses"]  # the fixture, used by name below


def start_station(private_broker: PrivateBroker, tmp_path: Path, station_id: str) -> Process:
    station = Process(["station", "--windowed", "--station", station_id],
                      room_env(tmp_path / station_id, KIOSK_BROKER=private_broker.url))
    station.wait_for("connected to broker")
    return station


def test_a_killed_station_loses_no_call_and_a_new_station_answers_it(
        broker: PrivateBroker, tmp_path: Path, nurses: list[Nurse]) -> None:  # noqa: F811
    desk = start_station(broker, tmp_path, "desk-a")
    room = start_room(broker, tmp_path)
    try:
        call_id = placed_call(room)
        wait_line(room, f"call state id={call_id} state=received", None)
        desk.proc.send_signal(signal.SIGKILL)
        desk.proc.wait(10)
        # No station shows the call now: the room stops saying "the station has your call".
        wait_until(lambda: states(room, call_id) == ["calling", "received", "calling"],
                   timeout=15, message="the room to call again once no station is online")

        # The replacement starts after the call: it must still see it, once.
        nurses.append(Nurse(broker))
        nurses[0].wait_for_call(call_id)
        assert nurses[0].call_ids() == [call_id]
        nurses[0].acknowledge(call_id)
        wait_line(room, f"call state id={call_id} state=on_the_way", nurses[0])
        nurses[0].resolve(call_id)
        wait_line(room, f"call state id={call_id} state=closed", nurses[0])
        assert states(room, call_id) == ["calling", "received", "calling", "received",
                                         "on_the_way", "closed"]
    finally:
        stop(room)


def test_two_stations_at_once_each_show_the_call_and_one_answer_reaches_the_room_once(
        broker: PrivateBroker, tmp_path: Path, nurses: list[Nurse]) -> None:  # noqa: F811
    desk = start_station(broker, tmp_path, "desk-a")
    nurses.append(Nurse(broker))
    room = start_room(broker, tmp_path)
    try:
        call_id = placed_call(room)
        nurses[0].wait_for_call(call_id)
        wait_line(room, f"call state id={call_id} state=received", nurses[0])
        nurses[0].acknowledge(call_id)
        wait_line(room, f"call state id={call_id} state=on_the_way", nurses[0])
        nurses[0].resolve(call_id)
        wait_line(room, f"call state id={call_id} state=closed", nurses[0])
        # Two stations sent receipts; the patient saw each state once.
        assert states(room, call_id) == ["calling", "received", "on_the_way", "closed"]
        # The other station showed the call once, saw the answer, and cleared it.
        desk.wait_for(f"call cleared id={call_id}")
        events = [line.split(" id=")[0].split()[-1] for line in desk.lines
                  if f"id={call_id}" in line and "kiosk.qt.station" in line]
        assert events == ["shown", "acknowledged", "cleared"], events
    finally:
        stop(room)
        assert desk.stop() == 0
