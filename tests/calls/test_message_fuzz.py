"""Whatever arrives over MQTT, the room and the station keep working: random topics under kiosk/v1
and fuzzed payloads go through the real links' message handling (RoomLink / StationLink, not
started: no network) into the real call machine and board. Nothing escapes, only parse errors are
logged, the screen and the outbox agree after every message, and a call still goes through at
the end. Counts of messages tried are printed after the module's tests.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Iterator

import paho.mqtt.client as mqtt
import pytest

from kiosk.adapters.mqtt_link import BrokerEndpoint, RoomLink, StationLink
from kiosk.core import protocol as p
from kiosk.core.board import StationBoard
from kiosk.core.calls import CallState, MemoryOutbox, RoomCalls
from kiosk.core.clock import FakeClock
from tests.support.fuzz import Mutator, Tally, bounded, report

MESSAGES = 20_000
SECONDS = 5.0
TALLIES: list[Tally] = []


@pytest.fixture(scope="module", autouse=True)
def _report_counts(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    report(request, "message fuzz", TALLIES)


def run_now(fn: Callable[[], None]) -> None:
    """The Qt thread stand-in: a posted function runs at once."""
    fn()


class Room:
    def __init__(self) -> None:
        self.clock = FakeClock()
        self.outbox = MemoryOutbox()
        self.link = RoomLink("room-1", BrokerEndpoint(), run_now)
        ids = (f"call-{n}" for n in itertools.count(1))
        self.calls = RoomCalls("room-1", self.clock, self.outbox, self.link,
                               receipt_timeout_seconds=5, retry_seconds=5,
                               new_id=lambda: next(ids))
        self.link.attach(self.calls)

    def consistent(self) -> None:
        """What the patient's screen lists is exactly what the outbox will resend."""
        on_screen = {item.call.call_id for item in self.calls.items}
        assert on_screen == {s.call.call_id for s in self.outbox.open_calls()}
        assert self.calls.urgent_state in CallState


class Station:
    def __init__(self) -> None:
        self.clock = FakeClock()
        self.link = StationLink("desk", BrokerEndpoint(), run_now)
        self.board = StationBoard("desk", self.clock, self.link, escalation_minutes=5)
        self.link.attach(self.board)

    def consistent(self) -> None:
        views = self.board.calls()
        assert len({v.call_id for v in views}) == len(views)
        for view in views:
            assert 0 <= view.priority <= p.LARGEST_PRIORITY and view.age_minutes >= 0
            assert len(view.label) <= p.LABEL_LIMIT
        for room in self.board.rooms():
            assert 0 <= room.remaining_seconds <= p.LONGEST_SESSION_SECONDS


def valid_payload(ref: p.TopicRef, clock: FakeClock, attempt: int) -> bytes:
    """A well-formed message for the topic, as a real participant would send it."""
    now = clock.wall()
    if ref.kind in (p.TopicKind.ROOM_PRESENCE, p.TopicKind.STATION_PRESENCE):
        return p.encode_presence(p.Presence(attempt % 3 != 0, now))
    if ref.kind is p.TopicKind.SESSION:
        return p.encode_session(p.SessionStatus(ref.room, True, "infusion", "Infusion", 1200,
                                                attempt % 5 == 0, now))
    if ref.kind is p.TopicKind.CALL:
        kind = p.Kind.CALL if attempt % 2 else p.Kind.REQUEST
        return p.encode_call(p.CallMessage(ref.call_id, ref.room, kind, "water", "Water", 40,
                                           now - attempt, attempt))
    if ref.kind is p.TopicKind.RESOLVED:
        return p.encode_resolved(p.Resolved(ref.call_id, p.Resolver.STATION, now, "desk-b"))
    if ref.kind is p.TopicKind.OVERDUE:
        return p.encode_overdue(p.Overdue(ref.call_id, ref.room, 6, "desk-b", now))
    return p.encode_reply(p.StationReply(ref.call_id, "desk-b", now, attempt))


def fuzz_messages(mutator: Mutator, clock: FakeClock,
                  call_ids: Callable[[], list[str]]) -> Iterator[tuple[str, bytes]]:
    """Topics that are often right and sometimes subtly wrong, with payloads that are valid,
    empty (a retained clean-up), or mutated at the byte or field level."""
    rng = mutator.rng
    for n in bounded(MESSAGES, SECONDS):
        topic = mutator.topic("room-1", [*call_ids(), "c-other"])
        try:
            valid = valid_payload(p.parse_topic(topic), clock, 1 + n % 7)
        except p.ParseError:
            valid = p.encode_presence(p.Presence(True, clock.wall()))
        roll = rng.random()
        if roll < 0.4:
            yield topic, valid
        elif roll < 0.5:
            yield topic, b""
        else:
            yield topic, mutator.payload([valid])


def feed(link: RoomLink | StationLink, messages: Iterator[tuple[str, bytes]], tally: Tally,
         after_each: Callable[[int], None]) -> None:
    logged = link._failures.report

    def counted(source: str, error: BaseException) -> None:
        tally.refused += 1
        logged(source, error)

    link._failures.report = counted  # type: ignore[method-assign]
    for n, (topic, payload) in enumerate(messages):
        tally.tried += 1
        link._received(topic, payload)  # raises nothing, or this test fails
        after_each(n)
    tally.accepted = tally.tried - tally.refused


def handler_failures(caplog: pytest.LogCaptureFixture) -> list[str]:
    """Every logged failure that was not a plain refusal of a bad message."""
    return [r.getMessage() for r in caplog.records
            if r.levelno >= logging.WARNING and "error=ParseError" not in r.getMessage()]


def test_the_room_survives_random_messages_and_a_call_still_goes_through(
        caplog: pytest.LogCaptureFixture) -> None:
    room = Room()
    room.calls.on_station_presence("desk-b", True)
    room.calls.call_nurse()
    room.calls.request("water", "Water", 40)
    mutator = Mutator(seed=11)
    tally = Tally("room (RoomLink._received -> RoomCalls)")
    TALLIES.append(tally)

    states_seen: set[CallState] = set()

    def after_each(n: int) -> None:
        room.consistent()
        states_seen.update(item.state for item in room.calls.items)
        if n % 50 == 0:
            room.clock.advance(3)
            room.calls.tick()
        if n % 400 == 0:  # the patient keeps pressing, so there are open calls to answer
            room.calls.call_nurse()
            room.calls.request("blanket", "Blanket", 40)

    ids = lambda: [item.call.call_id for item in room.calls.items]  # noqa: E731
    feed(room.link, fuzz_messages(mutator, room.clock, ids), tally, after_each)

    assert tally.tried >= 1000, tally.line()
    assert tally.refused > 0 and tally.accepted > 0, tally.line()
    assert {CallState.RECEIVED, CallState.ON_THE_WAY} <= states_seen  # the fuzz reached them
    assert handler_failures(caplog) == []
    # A station clears what the fuzz left open, and a new call goes through from start to end.
    for item in room.calls.items:
        done = p.Resolved(item.call.call_id, p.Resolver.STATION, room.clock.wall(), "desk")
        room.link._received(f"kiosk/v1/rooms/room-1/calls/{item.call.call_id}/resolved",
                            p.encode_resolved(done))
    assert room.calls.items == [] and room.outbox.open_calls() == []
    room.link._received("kiosk/v1/stations/desk/presence", p.encode_presence(p.Presence(True)))
    call_id = room.calls.call_nurse()
    assert room.calls.urgent_state is CallState.CALLING
    for step, expected in (("receipt", CallState.RECEIVED), ("ack", CallState.ON_THE_WAY)):
        reply = p.StationReply(call_id, "desk", room.clock.wall(), 99)
        room.link._received(f"kiosk/v1/rooms/room-1/calls/{call_id}/{step}",
                            p.encode_reply(reply))
        assert room.calls.urgent_state is expected
    resolved = p.Resolved(call_id, p.Resolver.STATION, room.clock.wall(), "desk")
    room.link._received(f"kiosk/v1/rooms/room-1/calls/{call_id}/resolved",
                        p.encode_resolved(resolved))
    assert room.calls.urgent_state is CallState.IDLE
    assert call_id not in {s.call.call_id for s in room.outbox.open_calls()}


def test_the_station_survives_random_messages_and_still_shows_a_new_call(
        caplog: pytest.LogCaptureFixture) -> None:
    station = Station()
    mutator = Mutator(seed=12)
    tally = Tally("station (StationLink._received -> StationBoard)")
    TALLIES.append(tally)
    call_ids = [f"c{n}" for n in range(6)]

    seen = {"calls": 0, "acknowledged": 0, "overdue": 0}

    def after_each(n: int) -> None:
        station.consistent()
        for view in station.board.calls():
            seen["calls"] += 1
            seen["acknowledged"] += view.acknowledged
            seen["overdue"] += view.overdue
        if n % 50 == 0:
            station.clock.advance(45)
            station.board.tick()

    feed(station.link, fuzz_messages(mutator, station.clock, lambda: call_ids), tally,
         after_each)

    assert tally.tried >= 1000, tally.line()
    assert tally.refused > 0 and tally.accepted > 0, tally.line()
    assert all(seen.values()), seen  # the fuzz reached the board's calls, acks and escalation
    assert handler_failures(caplog) == []
    call = p.CallMessage("fresh-call", "room-1", p.Kind.CALL, "urgent", "Call", 100,
                         station.clock.wall())
    station.link._received("kiosk/v1/rooms/room-1/calls/fresh-call", p.encode_call(call))
    assert [(v.call_id, v.urgent, v.acknowledged) for v in station.board.calls()
            if v.call_id == "fresh-call"] == [("fresh-call", True, False)]
    ack = p.StationReply("fresh-call", "desk-b", station.clock.wall(), 1)
    station.link._received("kiosk/v1/rooms/room-1/calls/fresh-call/ack", p.encode_reply(ack))
    assert [v.acknowledged_by for v in station.board.calls()
            if v.call_id == "fresh-call"] == ["desk-b"]
    station.link._received("kiosk/v1/rooms/room-1/calls/fresh-call", b"")
    assert "fresh-call" not in {v.call_id for v in station.board.calls()}


class BrokenBoard(StationBoard):
    """A board whose call handler has a bug."""

    def on_call(self, msg: p.CallMessage) -> None:
        raise KeyError(msg.call_id)


def test_a_handler_that_raises_is_logged_once_with_its_topic_and_the_next_message_is_handled(
        caplog: pytest.LogCaptureFixture) -> None:
    clock = FakeClock()
    link = StationLink("desk", BrokerEndpoint(), run_now)
    board = BrokenBoard("desk", clock, link)
    link.attach(board)
    topic = "kiosk/v1/rooms/room-1/calls/c1"
    call = p.encode_call(p.CallMessage("c1", "room-1", p.Kind.CALL, "urgent", "Call", 100,
                                       clock.wall()))
    for _ in range(20):
        link._received(topic, call)
    link._received("kiosk/v1/rooms/room-1/presence", p.encode_presence(p.Presence(True)))

    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == [
        f"message not handled source='{topic}' error=KeyError: 'c1'"]
    assert [r.presence.value for r in board.rooms()] == ["online"]


def test_a_topic_that_is_not_utf8_is_refused_without_stopping_pahos_loop(
        caplog: pytest.LogCaptureFixture) -> None:
    room = Room()
    message = mqtt.MQTTMessage(topic=b"kiosk/v1/stations/d\xffsk/presence")
    message.payload = p.encode_presence(p.Presence(True))
    room.link._paho_message(room.link._client, None, message)  # paho would re-raise anything
    assert room.calls.no_station_online
    assert "not UTF-8" in caplog.text


def test_a_post_that_fails_at_shutdown_does_not_raise_into_paho(
        caplog: pytest.LogCaptureFixture) -> None:
    def gone(fn: Callable[[], None]) -> None:
        raise RuntimeError("Internal C++ object (Dispatcher) already deleted.")

    link = RoomLink("room-1", BrokerEndpoint(), gone)
    message = mqtt.MQTTMessage(topic=b"kiosk/v1/stations/desk/presence")
    link._paho_message(link._client, None, message)
    link._paho_disconnected(link._client, None, None, None, None)
    assert "source=mqtt message error=RuntimeError" in caplog.text
    assert "source=mqtt disconnect error=RuntimeError" in caplog.text
