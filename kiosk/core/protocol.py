"""The MQTT topic tree and JSON payloads that rooms, stations and outside systems share.

Version 1 lives under `kiosk/v1/`. docs/protocol.md is the public description of this module;
change both together. Parsers are strict: whatever bytes arrive, they either return a message
whose every value is safe to show, sort and compute with, or raise ParseError with a plain
reason (never any other exception). Callers log it and carry on, so one bad publisher cannot take
a station down.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from typing import Any

VERSION = 1
PREFIX = "kiosk/v1"
MAX_PAYLOAD_BYTES = 8 * 1024
MAX_TOPIC_CHARS = 512
LABEL_LIMIT = 200
# Times are seconds since the epoch up to 2100-01-01: a NaN, negative or far-future time would
# make an age, a sort order or an escalation nonsense.
LATEST_TIME = 4_102_444_800.0
# Counts (attempt, minutes) stay well inside what any other participant's integers can hold.
LARGEST_COUNT = 2**31 - 1
LARGEST_PRIORITY = 1000
LONGEST_SESSION_SECONDS = 7 * 24 * 3600
URGENT_REASON = "urgent"
URGENT_PRIORITY = 100
# Config names request priorities in words; the wire carries numbers so others can rank too.
REQUEST_PRIORITIES = {"high": 60, "normal": 40, "low": 20}

_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
# Control characters, line and paragraph separators, bidirectional overrides and lone
# surrogates: text with these could forge log lines, reverse what a nurse reads or fail to encode.
_UNSAFE_TEXT = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


class ParseError(ValueError):
    """A message or topic we will not act on; str() is a plain reason for the log."""


class Kind(Enum):
    CALL = "call"
    REQUEST = "request"


class Resolver(Enum):
    ROOM = "room"
    STATION = "station"


class TopicKind(Enum):
    ROOM_PRESENCE = "room_presence"
    STATION_PRESENCE = "station_presence"
    SESSION = "session"
    CALL = "call"
    RECEIPT = "receipt"
    ACK = "ack"
    RESOLVED = "resolved"
    OVERDUE = "overdue"


_CALL_SUBTOPICS = {
    "receipt": TopicKind.RECEIPT,
    "ack": TopicKind.ACK,
    "resolved": TopicKind.RESOLVED,
    "overdue": TopicKind.OVERDUE,
}


# ---- topics -------------------------------------------------------------------------------

def room_presence_topic(room: str) -> str:
    return f"{PREFIX}/rooms/{_checked_id(room, 'room')}/presence"


def station_presence_topic(station: str) -> str:
    return f"{PREFIX}/stations/{_checked_id(station, 'station')}/presence"


def session_topic(room: str) -> str:
    return f"{PREFIX}/rooms/{_checked_id(room, 'room')}/session"


def call_topic(room: str, call_id: str) -> str:
    return f"{PREFIX}/rooms/{_checked_id(room, 'room')}/calls/{_checked_id(call_id, 'call_id')}"


def call_subtopic(room: str, call_id: str, kind: TopicKind) -> str:
    names = {v: k for k, v in _CALL_SUBTOPICS.items()}
    return f"{call_topic(room, call_id)}/{names[kind]}"


def room_subscriptions(room: str) -> list[str]:
    """What a room listens to: its own calls' follow-ups and every station's presence."""
    return [
        f"{PREFIX}/rooms/{_checked_id(room, 'room')}/calls/+/+",
        f"{PREFIX}/stations/+/presence",
    ]


def station_subscriptions() -> list[str]:
    return [f"{PREFIX}/rooms/#", f"{PREFIX}/stations/+/presence"]


@dataclass(frozen=True)
class TopicRef:
    kind: TopicKind
    room: str = ""
    station: str = ""
    call_id: str = ""


def parse_topic(topic: str | bytes) -> TopicRef:
    """`topic` as paho hands it over (text), or its raw bytes when they are not UTF-8."""
    if isinstance(topic, bytes):
        try:
            topic = topic.decode("utf-8")
        except UnicodeDecodeError:
            raise ParseError(f"topic is not UTF-8: {topic[:120]!r}") from None
    if not isinstance(topic, str):
        raise ParseError(f"topic must be text (got {type(topic).__name__})")
    if len(topic) > MAX_TOPIC_CHARS:
        raise ParseError(f"topic longer than {MAX_TOPIC_CHARS} characters: {topic[:120]!r}")
    parts = topic.split("/")
    if parts[:2] != PREFIX.split("/"):
        raise ParseError(f"topic outside {PREFIX}: {topic[:120]!r}")
    rest = parts[2:]
    if len(rest) == 3 and rest[0] == "stations" and rest[2] == "presence":
        return TopicRef(TopicKind.STATION_PRESENCE, station=_checked_id(rest[1], "station"))
    if len(rest) < 3 or rest[0] != "rooms":
        raise ParseError(f"unknown topic: {topic[:120]!r}")
    room = _checked_id(rest[1], "room")
    if len(rest) == 3 and rest[2] == "presence":
        return TopicRef(TopicKind.ROOM_PRESENCE, room=room)
    if len(rest) == 3 and rest[2] == "session":
        return TopicRef(TopicKind.SESSION, room=room)
    if rest[2] == "calls" and len(rest) == 4:
        return TopicRef(TopicKind.CALL, room=room, call_id=_checked_id(rest[3], "call_id"))
    if rest[2] == "calls" and len(rest) == 5 and rest[4] in _CALL_SUBTOPICS:
        call_id = _checked_id(rest[3], "call_id")
        return TopicRef(_CALL_SUBTOPICS[rest[4]], room=room, call_id=call_id)
    raise ParseError(f"unknown topic: {topic[:120]!r}")


# ---- messages -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Presence:
    online: bool
    at: float = 0.0


@dataclass(frozen=True)
class CallMessage:
    """One call or request. `attempt` grows with each retry; the call id never changes."""

    call_id: str
    room: str
    kind: Kind
    reason: str
    label: str
    priority: int
    created_at: float
    attempt: int = 1
    test: bool = False

    @property
    def urgent(self) -> bool:
        return self.kind is Kind.CALL


@dataclass(frozen=True)
class StationReply:
    """A receipt or an acknowledgement ("on my way") from one station."""

    call_id: str
    station: str
    at: float
    attempt: int = 1


@dataclass(frozen=True)
class Resolved:
    call_id: str
    by: Resolver
    at: float
    station: str = ""


@dataclass(frozen=True)
class Overdue:
    call_id: str
    room: str
    minutes: int
    station: str
    at: float


@dataclass(frozen=True)
class SessionStatus:
    """A room's session as the station shows it. `remaining_seconds` is as of publishing."""

    room: str
    running: bool
    phase: str
    phase_label: str
    remaining_seconds: int
    infusion_complete: bool
    at: float


def encode_presence(msg: Presence) -> bytes:
    return _dump({"online": msg.online, "at": msg.at})


def offline_will() -> bytes:
    return _dump({"online": False})


def encode_call(msg: CallMessage) -> bytes:
    return _dump({
        "call_id": msg.call_id, "room": msg.room, "kind": msg.kind.value, "reason": msg.reason,
        "label": msg.label, "priority": msg.priority, "created_at": msg.created_at,
        "attempt": msg.attempt, "test": msg.test,
    })


def encode_reply(msg: StationReply) -> bytes:
    return _dump({"call_id": msg.call_id, "station": msg.station, "at": msg.at,
                  "attempt": msg.attempt})


def encode_resolved(msg: Resolved) -> bytes:
    return _dump({"call_id": msg.call_id, "by": msg.by.value, "station": msg.station,
                  "at": msg.at})


def encode_overdue(msg: Overdue) -> bytes:
    return _dump({"call_id": msg.call_id, "room": msg.room, "minutes": msg.minutes,
                  "station": msg.station, "at": msg.at})


def encode_session(msg: SessionStatus) -> bytes:
    return _dump({
        "room": msg.room, "running": msg.running, "phase": msg.phase,
        "phase_label": msg.phase_label, "remaining_seconds": msg.remaining_seconds,
        "infusion_complete": msg.infusion_complete, "at": msg.at,
    })


def parse_presence(payload: bytes) -> Presence:
    d = _load(payload)
    return Presence(online=_bool(d, "online"), at=_time(d, "at", default=0.0))


def parse_call(payload: bytes, ref: TopicRef | None = None) -> CallMessage:
    d = _load(payload)
    kind_text = _str(d, "kind")
    try:
        kind = Kind(kind_text)
    except ValueError:
        raise ParseError(f"kind must be call or request (got {kind_text!r})") from None
    msg = CallMessage(
        call_id=_id(d, "call_id"), room=_id(d, "room"), kind=kind, reason=_id(d, "reason"),
        label=_str(d, "label", limit=LABEL_LIMIT),
        priority=_int(d, "priority", 0, LARGEST_PRIORITY), created_at=_time(d, "created_at"),
        attempt=_int(d, "attempt", 1, LARGEST_COUNT, default=1),
        test=_bool(d, "test", default=False),
    )
    if ref is not None and (ref.room, ref.call_id) != (msg.room, msg.call_id):
        raise ParseError("room or call_id in the payload does not match the topic")
    return msg


def parse_reply(payload: bytes, ref: TopicRef | None = None) -> StationReply:
    d = _load(payload)
    msg = StationReply(call_id=_id(d, "call_id"), station=_id(d, "station"),
                       at=_time(d, "at"), attempt=_int(d, "attempt", 1, LARGEST_COUNT, default=1))
    _match_call(ref, msg.call_id)
    return msg


def parse_resolved(payload: bytes, ref: TopicRef | None = None) -> Resolved:
    d = _load(payload)
    by_text = _str(d, "by")
    try:
        by = Resolver(by_text)
    except ValueError:
        raise ParseError(f"by must be room or station (got {by_text!r})") from None
    station = _str(d, "station", default="")
    if station:
        _checked_id(station, "station")
    msg = Resolved(call_id=_id(d, "call_id"), by=by, at=_time(d, "at"), station=station)
    _match_call(ref, msg.call_id)
    return msg


def parse_overdue(payload: bytes, ref: TopicRef | None = None) -> Overdue:
    d = _load(payload)
    msg = Overdue(call_id=_id(d, "call_id"), room=_id(d, "room"),
                  minutes=_int(d, "minutes", 0, LARGEST_COUNT), station=_id(d, "station"),
                  at=_time(d, "at"))
    _match_call(ref, msg.call_id)
    return msg


def parse_session(payload: bytes, ref: TopicRef | None = None) -> SessionStatus:
    d = _load(payload)
    msg = SessionStatus(
        room=_id(d, "room"), running=_bool(d, "running"), phase=_str(d, "phase", limit=64),
        phase_label=_str(d, "phase_label", limit=LABEL_LIMIT),
        remaining_seconds=_int(d, "remaining_seconds", 0, LONGEST_SESSION_SECONDS),
        infusion_complete=_bool(d, "infusion_complete"), at=_time(d, "at"),
    )
    if ref is not None and ref.room != msg.room:
        raise ParseError("room in the payload does not match the topic")
    return msg


# ---- strict field readers -----------------------------------------------------------------

_MISSING: Any = object()


def _dump(fields: dict[str, object]) -> bytes:
    import json  # here and in _load: the room's first frame does without it (about 2 ms)

    return json.dumps({"v": VERSION, **fields}, separators=(",", ":")).encode()


def _load(payload: bytes) -> dict[str, Any]:
    if isinstance(payload, bytearray | memoryview):
        payload = bytes(payload)
    if not isinstance(payload, bytes):
        raise ParseError(f"payload must be bytes (got {type(payload).__name__})")
    if len(payload) > MAX_PAYLOAD_BYTES:
        raise ParseError(f"payload too large ({len(payload)} bytes, limit {MAX_PAYLOAD_BYTES})")
    import json

    try:
        data = json.loads(payload.decode("utf-8"), parse_constant=_refuse_constant)
    except ParseError:
        raise
    except RecursionError:
        raise ParseError("not valid JSON: nested too deeply") from None
    except ValueError as e:  # bad UTF-8, bad JSON, or an integer too long for int()
        raise ParseError(f"not valid JSON: {e}") from None
    if not isinstance(data, dict):
        raise ParseError("payload must be a JSON object")
    version = data.get("v")
    if type(version) is not int or version != VERSION:
        raise ParseError(f"unsupported version v={_short(version)} (this kiosk speaks v={VERSION})")
    return data


def _refuse_constant(name: str) -> Any:
    raise ParseError(f"not valid JSON: {name} is not a number in JSON")


def _field(d: dict[str, Any], key: str, default: Any) -> Any:
    if key in d:
        return d[key]
    if default is _MISSING:
        raise ParseError(f"missing field {key}")
    return default


def _str(d: dict[str, Any], key: str, default: Any = _MISSING, limit: int = 64) -> str:
    value = _field(d, key, default)
    if not isinstance(value, str):
        raise ParseError(f"{key} must be text")
    if len(value) > limit:
        raise ParseError(f"{key} is longer than {limit} characters")
    if _UNSAFE_TEXT.search(value):
        raise ParseError(f"{key} must not hold control characters")
    return value


def _id(d: dict[str, Any], key: str) -> str:
    return _checked_id(_str(d, key), key)


def _int(d: dict[str, Any], key: str, lowest: int, highest: int, default: Any = _MISSING) -> int:
    value = _field(d, key, default)
    if type(value) is not int:  # bool is an int in Python: refused here too
        raise ParseError(f"{key} must be a whole number")
    if not lowest <= value <= highest:
        raise ParseError(f"{key} must be {lowest} to {highest} (got {_short(value)})")
    return value


def _time(d: dict[str, Any], key: str, default: Any = _MISSING) -> float:
    """Seconds since the epoch, from 0 to LATEST_TIME. NaN and Infinity never get this far:
    JSON has no such numbers and _load refuses Python's extension that reads them."""
    value = _field(d, key, default)
    if type(value) not in (int, float):
        raise ParseError(f"{key} must be a number")
    if not 0 <= value <= LATEST_TIME:  # exact for huge integers too, no float overflow
        raise ParseError(f"{key} must be a time from 1970 to 2100 in seconds "
                         f"(got {_short(value)})")
    return float(value)


def _bool(d: dict[str, Any], key: str, default: Any = _MISSING) -> bool:
    value = _field(d, key, default)
    if type(value) is not bool:
        raise ParseError(f"{key} must be true or false")
    return bool(value)


def _checked_id(value: object, what: str) -> str:
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise ParseError(f"{what} must be 1 to 64 letters, digits, '-' or '_' "
                         f"(got {_short(value)})")
    return value


def _short(value: object) -> str:
    """A bounded, printable rendering of an offending value for an error message (repr of a
    deep list or a 5000-digit integer would itself raise)."""
    if isinstance(value, str):
        return repr(value[:60])
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**40:
        return "a number too large"
    if value is None or isinstance(value, bool | int | float):
        return repr(value)
    return "a JSON array" if isinstance(value, list) else "a JSON object"


def _match_call(ref: TopicRef | None, call_id: str) -> None:
    if ref is not None and ref.call_id != call_id:
        raise ParseError("call_id in the payload does not match the topic")
