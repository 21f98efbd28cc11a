"""What the patient reads while only the tablet's own link is down: the call is saved, never
"did not get through" for a call a station has (issue 13)."""

from __future__ import annotations

from kiosk.core.calls import PRESENCE_GRACE_SECONDS
from kiosk.core.protocol import StationReply
from tests.qt.test_call_words import _controller


def test_a_received_call_while_the_tablet_is_offline_says_it_is_saved(  # type: ignore[no-untyped-def]
        qtbot) -> None:
    controller, calls, clock = _controller()
    call_id = controller.callNurse()
    calls.on_receipt(StationReply(call_id, "desk", clock.wall()))
    calls.on_station_presence("desk", False)  # the broker shutting down publishes every will
    controller.set_link_up(False)
    calls.on_link_down()
    clock.advance(PRESENCE_GRACE_SECONDS * 3)
    calls.tick()

    text = controller.property("statusText")
    assert controller.property("callState") == "received"
    assert "lost its connection" in text and "saved" in text and "call out" in text
    assert "did not get through" not in text
    rows = {row["id"]: row["stateText"] for row in controller.property("requests")}
    assert "lost its connection" in rows[call_id]

    controller.set_link_up(True)
    calls.on_link_up()
    calls.on_station_presence("desk", True)
    assert controller.property("statusText") == "The nurse station has your call"
