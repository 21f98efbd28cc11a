"""The v1 wire format: what we send parses back, and what we must not trust is refused."""

from __future__ import annotations

import json

import pytest

from kiosk.core import protocol as p

CALL = p.CallMessage(call_id="c1", room="room-1", kind=p.Kind.REQUEST, reason="water",
                     label="Water", priority=20, created_at=1_800_000_000.5, attempt=2)


def test_a_call_survives_the_trip_over_the_wire_unchanged() -> None:
    ref = p.parse_topic(p.call_topic("room-1", "c1"))
    assert p.parse_call(p.encode_call(CALL), ref) == CALL


@pytest.mark.parametrize("msg, encode, parse", [
    (p.StationReply("c1", "desk", 1.0, 3), p.encode_reply, p.parse_reply),
    (p.Resolved("c1", p.Resolver.STATION, 2.0, "desk"), p.encode_resolved, p.parse_resolved),
    (p.Overdue("c1", "room-1", 5, "desk", 3.0), p.encode_overdue, p.parse_overdue),
    (p.SessionStatus("room-1", True, "infusion", "Infusion", 600, False, 4.0),
     p.encode_session, p.parse_session),
    (p.Presence(True, 5.0), p.encode_presence, p.parse_presence),
])
def test_every_station_and_room_message_round_trips(msg: object, encode: object,
                                                     parse: object) -> None:
    assert parse(encode(msg)) == msg  # type: ignore[operator]


def test_the_last_will_reads_as_offline() -> None:
    assert p.parse_presence(p.offline_will()).online is False


@pytest.mark.parametrize("topic, kind", [
    ("kiosk/v1/rooms/room-1/presence", p.TopicKind.ROOM_PRESENCE),
    ("kiosk/v1/stations/desk/presence", p.TopicKind.STATION_PRESENCE),
    ("kiosk/v1/rooms/room-1/session", p.TopicKind.SESSION),
    ("kiosk/v1/rooms/room-1/calls/c1", p.TopicKind.CALL),
    ("kiosk/v1/rooms/room-1/calls/c1/receipt", p.TopicKind.RECEIPT),
    ("kiosk/v1/rooms/room-1/calls/c1/ack", p.TopicKind.ACK),
    ("kiosk/v1/rooms/room-1/calls/c1/resolved", p.TopicKind.RESOLVED),
    ("kiosk/v1/rooms/room-1/calls/c1/overdue", p.TopicKind.OVERDUE),
])
def test_each_documented_topic_is_recognised(topic: str, kind: p.TopicKind) -> None:
    assert p.parse_topic(topic).kind is kind


@pytest.mark.parametrize("topic", [
    "kiosk/v2/rooms/room-1/presence", "kiosk/v1/rooms/room-1/calls/c1/other",
    "kiosk/v1/rooms/room 1/presence", "kiosk/v1/rooms", "other/thing",
])
def test_unknown_topics_are_refused(topic: str) -> None:
    with pytest.raises(p.ParseError):
        p.parse_topic(topic)


def _call_dict(**changes: object) -> bytes:
    d = json.loads(p.encode_call(CALL))
    d.update(changes)
    return json.dumps({k: v for k, v in d.items() if v is not None}).encode()


@pytest.mark.parametrize("payload, reason", [
    (b"{not json", "not valid JSON"),
    (b"\xff\xfe", "not valid JSON"),
    (b"[1, 2]", "JSON object"),
    (b"x" * (8 * 1024 + 1), "too large"),
    (_call_dict(v=2), "unsupported version"),
    (_call_dict(v="1"), "unsupported version"),
    (_call_dict(priority="high"), "priority must be a whole number"),
    (_call_dict(priority=True), "priority must be a whole number"),
    (_call_dict(kind="alarm"), "kind must be call or request"),
    (_call_dict(call_id="a/b"), "call_id must be"),
    (_call_dict(created_at=None), "missing field created_at"),
    (_call_dict(test="yes"), "test must be true or false"),
    (_call_dict(label="x" * 201), "label is longer"),
])
def test_bad_payloads_give_a_plain_reason(payload: bytes, reason: str) -> None:
    with pytest.raises(p.ParseError, match=reason):
        p.parse_call(payload)


def test_a_call_whose_payload_disagrees_with_its_topic_is_refused() -> None:
    ref = p.parse_topic(p.call_topic("room-2", "c1"))
    with pytest.raises(p.ParseError, match="does not match"):
        p.parse_call(p.encode_call(CALL), ref)


def test_room_ids_that_would_break_the_topic_tree_are_refused() -> None:
    for bad in ("a/b", "+", "#", ""):
        with pytest.raises(p.ParseError):
            p.call_topic(bad, "c1")
