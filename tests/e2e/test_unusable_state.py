"""A room whose state folder cannot be used still starts, and its call still reaches a station:
the disk never stands between the patient and the nurse."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.adapters.broker import PrivateBroker
from tests.e2e.test_call_e2e import Nurse, nurses, placed_call, stop, wait_line
from tests.support.broker import broker  # noqa: F401 - the fixture
from tests.test_startup import Process, room_env

pytestmark = pytest.mark.slow

__all__ = ["nurses"]  # the fixture, used by name below


def test_a_room_that_cannot_write_its_state_still_gets_a_call_through(
        broker: PrivateBroker, tmp_path: Path, nurses: list[Nurse]) -> None:  # noqa: F811
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    nurses.append(Nurse(broker))
    room = Process(["room", "--windowed"], room_env(
        tmp_path, KIOSK_BROKER=broker.url, KIOSK_ROOM="room-1",
        KIOSK_STATE_DIR=str(blocked / "state"), KIOSK_TEST_CALL_AFTER_START="1",
        KIOSK_TEST_HOOKS="1"))
    try:
        room.wait_for("first frame screen=room")
        room.wait_for("kept in memory only")
        call_id = placed_call(room)
        wait_line(room, f"call state id={call_id} state=received", nurses[0])
        assert nurses[0].call_ids() == [call_id]
    finally:
        stop(room)
