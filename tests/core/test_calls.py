"""The room's call machine: the patient is told the truth about every call, at every step."""

from __future__ import annotations

import itertools

import pytest

from kiosk.core.calls import PRESENCE_GRACE_SECONDS, CallState, MemoryOutbox, RoomCalls, Stored
from kiosk.core.clock import FakeClock
from kiosk.core.protocol import (
    CallMessage,
    Resolved,
    Resolver,
    StationReply,
    encode_call,
    parse_call,
)


class FakeRoomLink:
    """Records what the machine sends; `up` says whether the broker would take it."""

    def __init__(self) -> None:
        self.up = True
        self.calls: list[CallMessage] = []
        self.resolved: list[Resolved] = []

    def publish_call(self, call: CallMessage) -> bool:
        if self.up:
            self.calls.append(call)
        return self.up

    def publish_resolved(self, room: str, msg: Resolved) -> bool:
        if self.up:
            self.resolved.append(msg)
        return self.up


class Room:
    def __init__(self, outbox: MemoryOutbox | None = None) -> None:
        self.clock = FakeClock()
        self.link = FakeRoomLink()
        self.outbox = outbox or MemoryOutbox()
        ids = (f"call-{n}" for n in itertools.count(1))
        self.calls = RoomCalls("room-1", self.clock, self.outbox, self.link,
                               receipt_timeout_seconds=5, retry_seconds=5,
                               new_id=lambda: next(ids))
        self.tones: list[str] = []
        self.calls.not_through.connect(self.tones.append)
        self.calls.on_link_up()
        self.calls.on_station_presence("desk", True)

    def wait(self, seconds: float) -> None:
        for _ in range(int(seconds * 2)):
            self.clock.advance(0.5)
            self.calls.tick()


def reply(call_id: str, station: str = "desk") -> StationReply:
    return StationReply(call_id, station, 0.0)


@pytest.fixture
def room() -> Room:
    return Room()


def test_pressing_call_says_calling_until_a_station_answers(room: Room) -> None:
    call_id = room.calls.call_nurse()
    assert room.calls.urgent_state is CallState.CALLING
    assert room.link.calls[0].call_id == call_id
    assert room.link.calls[0].urgent


def test_broker_acceptance_alone_never_claims_the_station_has_it(room: Room) -> None:
    room.calls.call_nurse()
    room.wait(4.5)
    assert room.calls.urgent_state is CallState.CALLING


def test_a_station_receipt_shows_the_station_has_the_call(room: Room) -> None:
    call_id = room.calls.call_nurse()
    room.calls.on_receipt(reply(call_id))
    assert room.calls.urgent_state is CallState.RECEIVED


def test_no_receipt_in_five_seconds_says_not_through_and_sounds_a_tone(room: Room) -> None:
    call_id = room.calls.call_nurse()
    room.wait(5)
    assert room.calls.urgent_state is CallState.NOT_THROUGH
    assert room.tones == [call_id]


def test_not_through_keeps_retrying_with_the_same_call_id(room: Room) -> None:
    call_id = room.calls.call_nurse()
    room.wait(20)
    assert len(room.link.calls) >= 3
    assert {c.call_id for c in room.link.calls} == {call_id}
    assert [c.attempt for c in room.link.calls] == list(range(1, len(room.link.calls) + 1))
    assert room.tones == [call_id]  # one tone, not one per retry


def test_a_late_receipt_still_moves_a_not_through_call_to_received(room: Room) -> None:
    call_id = room.calls.call_nurse()
    room.wait(12)
    room.calls.on_receipt(reply(call_id))
    sent = len(room.link.calls)
    room.wait(20)
    assert room.calls.urgent_state is CallState.RECEIVED
    assert len(room.link.calls) == sent  # retries stop once a station has it


def test_acknowledge_shows_a_nurse_is_on_the_way(room: Room) -> None:
    call_id = room.calls.call_nurse()
    room.calls.on_receipt(reply(call_id))
    room.calls.on_ack(reply(call_id))
    assert room.calls.urgent_state is CallState.ON_THE_WAY


def test_an_ack_that_overtakes_its_receipt_still_means_on_the_way(room: Room) -> None:
    call_id = room.calls.call_nurse()
    room.calls.on_ack(reply(call_id))
    room.calls.on_receipt(reply(call_id))
    assert room.calls.urgent_state is CallState.ON_THE_WAY


def test_duplicate_receipts_change_nothing(room: Room) -> None:
    call_id = room.calls.call_nurse()
    changes: list[int] = []
    room.calls.changed.connect(lambda: changes.append(1))
    room.calls.on_receipt(reply(call_id))
    room.calls.on_receipt(reply(call_id))
    room.calls.on_receipt(reply(call_id, "desk-2"))
    assert len(changes) == 1
    assert room.calls.urgent_state is CallState.RECEIVED


def test_a_receipt_after_resolution_does_not_bring_the_call_back(room: Room) -> None:
    call_id = room.calls.call_nurse()
    room.calls.on_resolved(Resolved(call_id, Resolver.STATION, 0.0, "desk"))
    room.calls.on_receipt(reply(call_id))
    room.calls.on_ack(reply(call_id))
    assert room.calls.urgent_state is CallState.IDLE
    assert room.calls.items == []


def test_pressing_call_twice_does_not_open_a_second_call(room: Room) -> None:
    assert room.calls.call_nurse() == room.calls.call_nurse()
    assert len(room.calls.items) == 1


def test_a_patient_can_take_back_a_request(room: Room) -> None:
    call_id = room.calls.request("water", "Water", 20)
    assert room.calls.cancel_request(call_id)
    assert room.calls.items == []
    assert room.link.resolved[0].call_id == call_id
    assert room.link.resolved[0].by is Resolver.ROOM
    assert room.outbox.open_calls() == []


def test_a_patient_cannot_cancel_an_urgent_call(room: Room) -> None:
    call_id = room.calls.call_nurse()
    assert not room.calls.cancel_request(call_id)
    assert room.calls.urgent_state is CallState.CALLING


def test_a_nurse_in_the_room_can_clear_an_urgent_call(room: Room) -> None:
    call_id = room.calls.call_nurse()
    assert room.calls.resolve_in_room(call_id)
    assert room.calls.urgent_state is CallState.IDLE


def test_an_urgent_call_and_requests_are_listed_most_urgent_first(room: Room) -> None:
    room.calls.request("water", "Water", 20)
    room.clock.advance(1)
    room.calls.request("sick", "Feeling sick", 60)
    room.clock.advance(1)
    urgent = room.calls.call_nurse()
    assert [i.call.reason for i in room.calls.items] == ["urgent", "sick", "water"]
    assert room.calls.items[0].call.call_id == urgent


def test_asking_for_the_same_thing_twice_keeps_one_request(room: Room) -> None:
    assert room.calls.request("water", "Water", 20) == room.calls.request("water", "Water", 20)


def test_the_button_shows_no_station_online_before_any_press() -> None:
    room = Room()
    room.calls.on_station_presence("desk", False)
    assert room.calls.no_station_online
    room.calls.on_station_presence("desk-2", True)
    assert not room.calls.no_station_online


def test_losing_the_broker_counts_as_no_station_online(room: Room) -> None:
    room.calls.on_link_down()
    assert room.calls.no_station_online


def test_a_call_pressed_while_offline_is_sent_when_the_link_returns(room: Room) -> None:
    room.link.up = False
    room.calls.on_link_down()
    call_id = room.calls.call_nurse()
    room.wait(3)
    assert room.link.calls == []
    room.link.up = True
    room.calls.on_link_up()
    assert [c.call_id for c in room.link.calls] == [call_id]


def test_a_cancel_made_offline_reaches_the_station_after_reconnect(room: Room) -> None:
    call_id = room.calls.request("blanket", "Blanket", 10)
    room.link.up = False
    room.calls.on_link_down()
    room.calls.cancel_request(call_id)
    room.link.up = True
    room.calls.on_link_up()
    assert [r.call_id for r in room.link.resolved] == [call_id]


def test_the_outbox_keeps_the_call_until_resolved_and_records_progress(room: Room) -> None:
    call_id = room.calls.call_nurse()
    assert room.outbox.open_calls()[0].stored is Stored.SENT
    room.calls.on_receipt(reply(call_id))
    assert room.outbox.open_calls()[0].stored is Stored.RECEIVED
    room.calls.on_ack(reply(call_id))
    assert room.outbox.open_calls()[0].stored is Stored.ON_THE_WAY
    room.calls.on_resolved(Resolved(call_id, Resolver.STATION, 0.0, "desk"))
    assert room.outbox.open_calls() == []


def test_after_a_restart_open_calls_come_back_and_unconfirmed_ones_are_resent() -> None:
    first = Room()
    waiting = first.calls.call_nurse()
    received = first.calls.request("water", "Water", 20)
    first.calls.on_receipt(reply(received))

    again = Room(outbox=first.outbox)
    states = {i.call.call_id: i.state for i in again.calls.items}
    assert states == {waiting: CallState.CALLING, received: CallState.RECEIVED}
    assert [c.call_id for c in again.link.calls] == [waiting]
    assert again.link.calls[0].attempt == 2


def test_when_the_only_station_dies_after_its_receipt_the_room_stops_claiming_it_has_the_call(
        room: Room) -> None:
    call_id = room.calls.call_nurse()
    room.calls.on_receipt(reply(call_id))
    assert room.calls.urgent_state is CallState.RECEIVED
    room.calls.on_station_presence("desk", False)  # its last will: the station PC is gone
    room.wait(PRESENCE_GRACE_SECONDS)  # and it does not come back
    assert room.calls.urgent_state is CallState.CALLING
    assert room.outbox.open_calls()[0].stored is Stored.SENT
    assert [c.call_id for c in room.link.calls] == [call_id, call_id], "sent again, same id"
    room.wait(5)
    assert room.calls.urgent_state is CallState.NOT_THROUGH
    assert room.tones == [call_id]
    room.calls.on_station_presence("desk-2", True)
    room.calls.on_receipt(reply(call_id, "desk-2"))
    assert room.calls.urgent_state is CallState.RECEIVED


def test_a_nurse_on_the_way_stays_on_the_way_when_the_station_goes_offline(room: Room) -> None:
    call_id = room.calls.call_nurse()
    room.calls.on_ack(reply(call_id))
    room.calls.on_station_presence("desk", False)
    assert room.calls.urgent_state is CallState.ON_THE_WAY


def test_a_receipt_stands_while_another_station_is_still_online(room: Room) -> None:
    room.calls.on_station_presence("desk-2", True)
    call_id = room.calls.call_nurse()
    room.calls.on_receipt(reply(call_id))
    room.calls.on_station_presence("desk", False)
    assert room.calls.urgent_state is CallState.RECEIVED


def test_a_broker_shutdown_burst_of_last_wills_keeps_a_received_call_received(room: Room) -> None:
    call_id = room.calls.call_nurse()
    room.calls.on_receipt(reply(call_id))
    room.calls.on_station_presence("desk", False)  # Mosquitto publishes every will as it stops
    room.calls.on_link_down()
    room.wait(30)
    assert room.calls.urgent_state is CallState.RECEIVED
    assert not room.calls.link_up  # the screen says the tablet lost its connection
    assert room.tones == []
    assert [c.call_id for c in room.link.calls] == [call_id]


def test_after_a_reconnect_presence_is_judged_once_the_retained_presences_are_in(
        room: Room) -> None:
    call_id = room.calls.call_nurse()
    room.calls.on_receipt(reply(call_id))
    room.calls.on_link_down()
    room.calls.on_link_up()
    room.calls.on_station_presence("desk-replaced", False)  # a stale retained last will first
    room.wait(0.5)
    room.calls.on_station_presence("desk", True)
    room.wait(30)
    assert room.calls.urgent_state is CallState.RECEIVED
    assert len(room.link.calls) == 1, "not sent again"


def test_a_receipt_is_taken_back_when_no_station_comes_back_after_a_reconnect(
        room: Room) -> None:
    call_id = room.calls.call_nurse()
    room.calls.on_receipt(reply(call_id))
    room.calls.on_link_down()
    room.calls.on_link_up()
    room.calls.on_station_presence("desk", False)
    assert room.calls.needs_tick, "the judgement needs the timer"
    room.wait(PRESENCE_GRACE_SECONDS - 1)
    assert room.calls.urgent_state is CallState.RECEIVED
    room.wait(1)
    assert room.calls.urgent_state is CallState.CALLING
    assert room.link.calls[-1].call_id == call_id


def test_a_press_joined_to_a_call_resolved_before_the_press_raises_a_new_call(room: Room) -> None:
    first = room.calls.call_nurse()
    room.calls.on_receipt(reply(first))
    resolved_at = room.clock.wall()
    room.wait(2)
    assert room.calls.call_nurse() == first  # pressed again before the resolution arrived
    room.calls.on_resolved(Resolved(first, Resolver.STATION, resolved_at, "desk"))
    (second,) = [i.call.call_id for i in room.calls.items]
    assert second != first
    assert room.calls.urgent_state is CallState.CALLING
    assert room.link.calls[-1].call_id == second
    assert [s.call.call_id for s in room.outbox.open_calls()] == [second]


def test_a_resolution_newer_than_every_press_closes_the_call(room: Room) -> None:
    first = room.calls.call_nurse()
    room.wait(2)
    room.calls.call_nurse()
    room.wait(2)
    room.calls.on_resolved(Resolved(first, Resolver.STATION, room.clock.wall(), "desk"))
    assert room.calls.items == []
    assert room.calls.urgent_state is CallState.IDLE


def test_a_request_asked_again_after_its_resolution_was_sent_is_asked_anew(room: Room) -> None:
    first = room.calls.request("water", "Water", 40)
    resolved_at = room.clock.wall()
    room.wait(1)
    room.calls.request("water", "Water", 40)
    room.calls.on_resolved(Resolved(first, Resolver.STATION, resolved_at, "desk"))
    assert [(i.call.reason, i.call.call_id != first) for i in room.calls.items] == [
        ("water", True)]


def test_a_press_while_the_tablet_is_still_connecting_goes_out_once_as_attempt_one() -> None:
    room = Room()
    room.calls.on_link_down()
    room.link.calls.clear()
    call_id = room.calls.call_nurse()
    room.calls.on_link_up()
    assert [(c.call_id, c.attempt) for c in room.link.calls] == [(call_id, 1)]


def test_a_call_pressed_before_the_first_connect_survives_a_restart_and_is_sent() -> None:
    first = Room()
    first.calls.on_link_down()
    call_id = first.calls.call_nurse()
    stored = first.outbox.open_calls()[0].call
    assert parse_call(encode_call(stored)) == stored, "stored as a valid message"
    again = Room(outbox=first.outbox)  # the tablet restarts before it ever connected
    assert [(c.call_id, c.attempt >= 1) for c in again.link.calls] == [(call_id, True)]
