"""The words the call button shows for each call state: the ones that reach the screen, chosen
once in the Qt layer (core only reports states)."""

from __future__ import annotations

from kiosk.core.calls import MemoryOutbox, RoomCalls
from kiosk.core.clock import FakeClock
from kiosk.core.protocol import CallMessage, Resolved, StationReply
from kiosk.qt.calls import RoomCallController


class _Link:
    def publish_call(self, call: CallMessage) -> bool:
        return True

    def publish_resolved(self, room: str, msg: Resolved) -> bool:
        return True


def _controller(station_online: bool = True) -> tuple[RoomCallController, RoomCalls, FakeClock]:
    clock = FakeClock()
    calls = RoomCalls("room-1", clock, MemoryOutbox(), _Link(), receipt_timeout_seconds=5)
    controller = RoomCallController(calls)
    controller.set_link_up(True)
    calls.on_link_up()
    calls.on_station_presence("desk", station_online)
    return controller, calls, clock


def test_calling_says_so_until_a_station_answers(qtbot) -> None:  # type: ignore[no-untyped-def]
    controller, calls, clock = _controller()
    controller.callNurse()
    clock.advance(4.5)
    calls.tick()
    assert controller.property("callState") == "calling"
    assert "Calling the nurse station" in controller.property("statusText")


def test_a_receipt_says_the_station_has_the_call(qtbot) -> None:  # type: ignore[no-untyped-def]
    controller, calls, clock = _controller()
    call_id = controller.callNurse()
    calls.on_receipt(StationReply(call_id, "desk", clock.wall()))
    assert "station has your call" in controller.property("statusText")


def test_not_through_tells_the_patient_to_call_out(qtbot) -> None:  # type: ignore[no-untyped-def]
    controller, calls, clock = _controller()
    controller.callNurse()
    clock.advance(5)
    calls.tick()
    text = controller.property("statusText")
    assert "did not get through" in text and "call out" in text
    assert "wired call button" in text


def test_on_my_way_says_a_nurse_is_on_the_way(qtbot) -> None:  # type: ignore[no-untyped-def]
    controller, calls, clock = _controller()
    call_id = controller.callNurse()
    calls.on_ack(StationReply(call_id, "desk", clock.wall()))
    assert controller.property("statusText") == "A nurse is on the way"


def test_no_station_online_is_said_before_any_press(qtbot) -> None:  # type: ignore[no-untyped-def]
    controller, _, _ = _controller(station_online=False)
    assert controller.property("callState") == "idle"
    text = controller.property("statusText")
    assert "No nurse station is online" in text and "call out" in text
