"""The room's broker link made only when it starts (kiosk.app.late_link), as the product's room
does after its first frame: a call placed before then is not lost, it waits in the outbox and
reaches the station once the link is up."""

from __future__ import annotations

from pathlib import Path

from kiosk.adapters.mqtt_link import RoomLink
from kiosk.adapters.outbox import SqliteOutbox
from kiosk.app.late_link import LateRoomLink
from kiosk.core.calls import CallState, RoomCalls
from kiosk.core.clock import SystemClock
from tests.calls.conftest import Network


def test_a_call_placed_before_the_link_exists_reaches_the_station_once_it_starts(
        network: Network, tmp_path: Path) -> None:
    board, _ = network.station()
    made: list[RoomLink] = []

    def make() -> RoomLink:
        made.append(RoomLink("room-1", network.endpoint(), network.loop.post))
        return made[-1]

    link = LateRoomLink(make)
    outbox = SqliteOutbox(tmp_path / "room-1")
    calls = RoomCalls("room-1", SystemClock(), outbox, link, receipt_timeout_seconds=5,
                      retry_seconds=1)
    link.attach(calls)
    ups: list[bool] = []
    link.connection_changed.connect(ups.append)
    network.loop.ticks.append(calls.tick)

    call_id = calls.call_nurse()
    assert made == [] and not link.connected, "no link, and no paho, before it starts"
    assert [c.call.call_id for c in outbox.open_calls()] == [call_id]

    link.start()
    try:
        network.loop.wait_for(lambda: calls.urgent_state is CallState.RECEIVED,
                              "the station's receipt of the early call")
        assert [c.call_id for c in board.calls()] == [call_id]
        assert ups == [True] and link.connected and link.problem == ""
    finally:
        link.stop()
        outbox.close()
