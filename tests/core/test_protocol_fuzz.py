"""Untrusted bytes never escape the protocol parsers: whatever arrives over MQTT, a parser either
returns a message the room and station can use as it is, or raises ParseError. Nothing else.

Two fuzzers: a seeded byte-level mutator (tests/support/fuzz.py) starting from every example in
docs/protocol.md, and Hypothesis generating arbitrary bytes, JSON shapes and topics. Each run
prints how many inputs it tried (shown at the end of the module's tests, or with -s).
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
from collections.abc import Callable, Iterator
from enum import Enum

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.core import protocol as p
from tests.support.fuzz import Mutator, Tally, bounded, documented_payloads, report, run

INPUTS_PER_PARSER = 20_000
SECONDS_PER_PARSER = 4.0
HYPOTHESIS = settings(max_examples=250, deadline=None, derandomize=True, database=None,
                      suppress_health_check=[HealthCheck.too_slow])

ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
UNSAFE_TEXT = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
ID_FIELDS = {"call_id", "room", "reason"}


def _kind_of(example: dict[str, object]) -> str:
    for key, kind in (("online", "presence"), ("kind", "call"), ("by", "resolved"),
                      ("minutes", "overdue"), ("phase", "session")):
        if key in example:
            return kind
    return "reply"


def _seeds() -> dict[str, list[bytes]]:
    seeds: dict[str, list[bytes]] = {}
    for example in documented_payloads():
        seeds.setdefault(_kind_of(example), []).append(json.dumps(example).encode())
    return seeds


SEEDS = _seeds()
PARSERS: dict[str, Callable[[bytes], object]] = {
    "presence": p.parse_presence, "call": p.parse_call, "reply": p.parse_reply,
    "resolved": p.parse_resolved, "overdue": p.parse_overdue, "session": p.parse_session,
}
TALLIES: list[Tally] = []


@pytest.fixture(scope="module", autouse=True)
def _report_counts(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    report(request, "protocol fuzz", TALLIES)


def _tally(name: str) -> Tally:
    tally = Tally(name)
    TALLIES.append(tally)
    return tally


def usable(msg: object) -> None:
    """What a parser accepts can go straight to the board, the screen and the log."""
    if isinstance(msg, p.TopicRef):
        for value in (msg.room, msg.station, msg.call_id):
            assert value == "" or ID.fullmatch(value), msg
        return
    assert dataclasses.is_dataclass(msg)
    for field in dataclasses.fields(msg):
        value = getattr(msg, field.name)
        if isinstance(value, bool | Enum):
            continue
        if isinstance(value, float):
            assert math.isfinite(value) and 0 <= value <= p.LATEST_TIME, (field.name, value)
        elif isinstance(value, int):
            assert 0 <= value <= p.LARGEST_COUNT, (field.name, value)
        elif isinstance(value, str):
            assert len(value) <= p.LABEL_LIMIT and not UNSAFE_TEXT.search(value), field.name
            if field.name in ID_FIELDS or (field.name == "station" and value):
                assert ID.fullmatch(value), (field.name, value)


def test_every_example_in_the_protocol_document_parses() -> None:
    """The fuzz starts from the documented payloads, so they must be valid to begin with."""
    assert set(SEEDS) == set(PARSERS)
    for kind, payloads in SEEDS.items():
        for payload in payloads:
            usable(PARSERS[kind](payload))


@pytest.mark.parametrize("kind", sorted(PARSERS))
def test_mutated_payloads_are_refused_with_a_parse_error_or_parsed_into_usable_messages(
        kind: str) -> None:
    mutator = Mutator(seed=sorted(PARSERS).index(kind))
    seeds = SEEDS[kind]
    tally = _tally(f"parse_{kind} (seeded mutations of docs/protocol.md)")
    inputs = (mutator.payload(seeds) for _ in bounded(INPUTS_PER_PARSER, SECONDS_PER_PARSER))
    escaped = run(tally, inputs, PARSERS[kind], p.ParseError, usable)  # type: ignore[arg-type]
    assert escaped == [], f"{len(escaped)} inputs escaped as other errors:\n" + "\n".join(
        escaped[:20])
    assert tally.tried >= 1000, tally.line()
    assert tally.refused > 0 and tally.accepted > 0, tally.line()


@pytest.mark.parametrize("kind", ["call", "reply", "resolved", "overdue", "session"])
def test_mutated_payloads_checked_against_their_topic_raise_only_parse_errors(kind: str) -> None:
    mutator = Mutator(seed=100 + sorted(PARSERS).index(kind))
    seed = json.loads(SEEDS[kind][0])
    ref = p.TopicRef(p.TopicKind.CALL, room=seed.get("room", "room-1"),
                     call_id=seed.get("call_id", ""))
    parse = PARSERS[kind]
    tally = _tally(f"parse_{kind} against its topic")
    inputs = (mutator.payload(SEEDS[kind]) for _ in bounded(INPUTS_PER_PARSER // 4, 2.0))
    escaped = run(tally, inputs, lambda b: parse(b, ref), p.ParseError, usable)  # type: ignore
    assert escaped == [], "\n".join(escaped[:20])
    assert tally.refused > 0 and tally.accepted > 0, tally.line()


def test_random_topics_under_kiosk_v1_raise_only_parse_errors() -> None:
    mutator = Mutator(seed=7)
    call_ids = ["3f2a9c1e7b5d4e0f8a6b2c4d1e3f5a7b", "c1"]
    tally = _tally("parse_topic (random topics)")
    inputs = (mutator.topic("room-1", call_ids)
              for _ in bounded(INPUTS_PER_PARSER, SECONDS_PER_PARSER))
    escaped = run(tally, inputs, p.parse_topic, p.ParseError, usable)  # type: ignore[arg-type]
    assert escaped == [], "\n".join(escaped[:20])
    assert tally.refused > 0 and tally.accepted > 0, tally.line()


def test_topic_bytes_that_are_not_utf8_are_refused_plainly() -> None:
    with pytest.raises(p.ParseError, match="not UTF-8"):
        p.parse_topic(b"kiosk/v1/rooms/\xff/presence")


@pytest.mark.parametrize("topic", [
    "kiosk/v1/rooms/room-1\n/presence", "kiosk/v1/rooms/room-1/calls/c1\n",
    "kiosk/v1/rooms/room-1/presence/", "kiosk/v1//rooms/room-1/presence",
    "kiosk/v1/rooms/" + "r" * 65 + "/presence", "kiosk/v1/" + "a/" * 40_000,
])
def test_topics_with_odd_segments_are_refused(topic: str) -> None:
    with pytest.raises(p.ParseError):
        p.parse_topic(topic)


def _call(**changes: object) -> bytes:
    d = json.loads(p.encode_call(p.CallMessage(
        call_id="c1", room="room-1", kind=p.Kind.REQUEST, reason="water", label="Water",
        priority=40, created_at=1_800_000_000.0)))
    d.update(changes)
    return json.dumps(d).encode()


@pytest.mark.parametrize("payload, reason", [
    (b"", "not valid JSON"),
    (_call()[:-1] + b',"x":' + b"[" * 3000 + b"]" * 3000 + b"}", "nested too deeply"),
    (_call()[:-1] + b',"x":' + b"9" * 5000 + b"}", "not valid JSON"),
    (_call(created_at=float("nan")), "NaN"),
    (_call(created_at=float("inf")), "Infinity"),
    (_call(created_at=10**400), "created_at must be a time"),
    (_call(created_at=-5), "created_at must be a time"),
    (_call(created_at=1e12), "created_at must be a time"),
    (_call(priority=10**30), "priority must be"),
    (_call(attempt=0), "attempt must be"),
    (_call(attempt=False), "attempt must be a whole number"),
    (_call(label="Water\nFAKE LOG LINE"), "label must not hold control characters"),
    (_call(label="\u202eretaW"), "label must not hold control characters"),
    (_call(label="\ud800"), "label must not hold control characters"),
    (_call(room="room-1\n"), "room must not hold control characters"),
    (_call(room="room-1 "), "room must be 1 to 64 letters"),
    (b'{"v":1,' + b'"online":true}' + b" " * (9 * 1024), "too large"),
])
def test_hostile_payloads_are_refused_with_a_plain_reason(payload: bytes, reason: str) -> None:
    with pytest.raises(p.ParseError, match=reason):
        p.parse_call(payload)


@pytest.mark.parametrize("payload", [bytearray(b'{"v":1,"online":true}'),
                                     memoryview(b'{"v":1,"online":true}')])
def test_a_payload_handed_over_as_a_buffer_reads_like_bytes(payload: bytes) -> None:
    assert p.parse_presence(payload).online is True


@pytest.mark.parametrize("payload", ["{\"v\":1,\"online\":true}", None, 7])
def test_a_payload_that_is_not_bytes_is_refused(payload: object) -> None:
    with pytest.raises(p.ParseError, match="payload must be bytes"):
        p.parse_presence(payload)  # type: ignore[arg-type]


# ---- Hypothesis: arbitrary bytes, JSON of any shape, and any text as a topic --------------

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=300),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8),
                                                                     children, max_size=4),
    max_leaves=12)
HYPOTHESIS_TALLIES = {kind: _tally(f"parse_{kind} (Hypothesis)") for kind in sorted(PARSERS)}
HYPOTHESIS_TOPICS = _tally("parse_topic (Hypothesis)")


def _hypothesis_payloads(kind: str) -> st.SearchStrategy[bytes]:
    keys = sorted({k for seed in SEEDS[kind] for k in json.loads(seed)})
    seed = json.loads(SEEDS[kind][0])
    documents = st.dictionaries(st.sampled_from(keys), JSON_VALUES, max_size=2).map(
        lambda changes: json.dumps({**seed, **changes}).encode())
    return st.binary(max_size=400) | documents | JSON_VALUES.map(
        lambda value: json.dumps(value).encode())


@pytest.mark.parametrize("kind", sorted(PARSERS))
def test_any_bytes_or_json_shape_raise_only_parse_errors(kind: str) -> None:
    tally = HYPOTHESIS_TALLIES[kind]

    @HYPOTHESIS
    @given(_hypothesis_payloads(kind))
    def check(payload: bytes) -> None:
        escaped = run(tally, iter([payload]), PARSERS[kind], p.ParseError, usable)  # type: ignore
        assert escaped == []

    check()


@HYPOTHESIS
@given(st.lists(st.sampled_from(["rooms", "stations", "calls", "room-1", "desk", "c1",
                                 "presence", "session", "receipt", "ack", "resolved", "overdue"])
                | st.text(max_size=70), min_size=2, max_size=6)
       | st.binary(max_size=200))
def test_any_topic_raises_only_parse_errors(segments: list[str] | bytes) -> None:
    topic: str | bytes = segments if isinstance(segments, bytes) else "/".join(
        ["kiosk", "v1", *segments])
    escaped = run(HYPOTHESIS_TOPICS, iter([topic]), p.parse_topic, p.ParseError,  # type: ignore
                  usable)
    assert escaped == []
