"""A session started in a room process reaches a station: phase and time left, as a station
that starts later still sees them (the room's session status is retained)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.adapters.broker import PrivateBroker
from tests.e2e.test_call_e2e import Nurse
from tests.support.broker import broker  # noqa: F401 - the fixture
from tests.test_startup import Process, room_env

pytestmark = pytest.mark.slow


def test_a_started_session_shows_at_a_station_that_starts_later(
        broker: PrivateBroker, tmp_path: Path) -> None:  # noqa: F811
    room = Process(["room", "--windowed"], room_env(
        tmp_path, KIOSK_BROKER=broker.url, KIOSK_ROOM="room-1",
        KIOSK_TEST_START_SESSION="ketamine-40", KIOSK_TEST_HOOKS="1"))
    try:
        room.wait_for("session started by test hook")
        room.wait_for("connected to broker")
        nurse = Nurse(broker)
        try:
            def settling() -> bool:
                return any(r.room == "room-1" and r.session_running and r.phase == "settle"
                           for r in nurse.board.rooms())
            nurse.loop.wait_for(settling, "room-1 settling in at the station", timeout=20)
            view = next(r for r in nurse.board.rooms() if r.room == "room-1")
            # ketamine-40: settle 5 + infusion 40 + rest 60 minutes, just started.
            assert 104 * 60 <= view.remaining_seconds <= 105 * 60
        finally:
            nurse.link.stop()
    finally:
        assert room.stop() == 0
