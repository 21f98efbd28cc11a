"""The room's side of a nurse call: what was asked, whether a station really has it, what to say.

A call counts as received only when a station's receipt arrives, never because the broker took
the message. Without a receipt in time the call is "not through": the patient is told plainly, a
gentle tone plays (via `not_through`), and the same call id is sent again every retry period
until a receipt comes. Every open call sits in the outbox, so a restart resumes where it stopped.

"My link is down" is not "no station has the call": while only the room's own link is down, a
received call stays received (`link_up` lets the screen say the tablet lost its connection).
Station presence is judged over a grace period, never message by message: Mosquitto publishes
every client's last will when it shuts down, and after a (re)connect retained presences arrive
one by one, including offline ones of stations that no longer exist. A receipt is taken back
only when no station has been online for `presence_grace_seconds` while the link was up.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import Enum
from typing import Protocol

from kiosk.core.clock import Clock
from kiosk.core.listeners import Listeners
from kiosk.core.protocol import (
    URGENT_PRIORITY,
    URGENT_REASON,
    CallMessage,
    Kind,
    Resolved,
    Resolver,
    StationReply,
)

# How long no station may be online, with the room's link up, before a receipt is taken back.
# Longer than the links' longest reconnect delay (4 s), so stations coming back after a broker
# restart are heard first.
PRESENCE_GRACE_SECONDS = 8.0


class CallState(Enum):
    IDLE = "idle"
    CALLING = "calling"
    NOT_THROUGH = "not_through"
    RECEIVED = "received"
    ON_THE_WAY = "on_the_way"


# What the outbox remembers; CALLING and NOT_THROUGH both restart as "sent".
class Stored(Enum):
    SENT = "sent"
    RECEIVED = "received"
    ON_THE_WAY = "on_the_way"


@dataclass(frozen=True)
class StoredCall:
    call: CallMessage
    stored: Stored


class CallOutbox(Protocol):
    """Durable home of every open call (adapters/outbox.py; MemoryOutbox for tests)."""

    # Why calls are kept in memory only ("" while the disk is in use).
    problem: str

    def add(self, call: CallMessage) -> None:
        """Store a new call, or update a stored one's payload (attempt) keeping its state."""

    def mark(self, call_id: str, stored: Stored) -> None: ...

    def open_calls(self) -> list[StoredCall]: ...

    def remove(self, call_id: str) -> None: ...

    def hold_resolution(self, msg: Resolved) -> None:
        """Keep a resolution made in the room until the broker has it."""

    def held_resolutions(self) -> list[Resolved]: ...

    def drop_resolution(self, call_id: str) -> None: ...

    def close(self) -> None: ...


class RoomCallLink(Protocol):
    """What the machine sends. Methods return False when nothing could be sent (link down)."""

    def publish_call(self, call: CallMessage) -> bool: ...

    def publish_resolved(self, room: str, msg: Resolved) -> bool: ...


class MemoryOutbox:
    """An outbox that forgets on exit: for tests and the screenshot tool only."""

    def __init__(self) -> None:
        self._calls: dict[str, StoredCall] = {}
        self._resolutions: dict[str, Resolved] = {}
        self.problem = ""

    def add(self, call: CallMessage) -> None:
        old = self._calls.get(call.call_id)
        self._calls[call.call_id] = StoredCall(call, old.stored if old else Stored.SENT)

    def mark(self, call_id: str, stored: Stored) -> None:
        if call_id in self._calls:
            self._calls[call_id] = replace(self._calls[call_id], stored=stored)

    def open_calls(self) -> list[StoredCall]:
        return sorted(self._calls.values(), key=lambda s: s.call.created_at)

    def remove(self, call_id: str) -> None:
        self._calls.pop(call_id, None)

    def hold_resolution(self, msg: Resolved) -> None:
        self._resolutions[msg.call_id] = msg

    def held_resolutions(self) -> list[Resolved]:
        return sorted(self._resolutions.values(), key=lambda m: m.at)

    def drop_resolution(self, call_id: str) -> None:
        self._resolutions.pop(call_id, None)

    def close(self) -> None:
        """Nothing to close: it lives in memory."""


@dataclass
class OpenCall:
    call: CallMessage
    state: CallState
    last_sent: float  # monotonic time of the last send attempt; receipts are timed from it
    station: str = ""
    # Wall time of the latest press that joined this open call (0: none did).
    joined_at: float = 0.0
    # False until this attempt number went out (a call restored from the outbox may have).
    sent: bool = True


class RoomCalls:
    """Open calls of one room. Runs on the Qt thread; `tick()` is driven by a timer (~0.5 s)."""

    def __init__(self, room: str, clock: Clock, outbox: CallOutbox, link: RoomCallLink, *,
                 receipt_timeout_seconds: float = 5.0, retry_seconds: float = 5.0,
                 presence_grace_seconds: float = PRESENCE_GRACE_SECONDS,
                 new_id: Callable[[], str] | None = None) -> None:
        self.room = room
        self._clock = clock
        self._outbox = outbox
        self._link = link
        self._receipt_timeout = receipt_timeout_seconds
        self._retry = retry_seconds
        self._presence_grace = presence_grace_seconds
        self._new_id = new_id or _random_id
        self._open: dict[str, OpenCall] = {}
        self._stations: dict[str, bool] = {}
        self._link_up = False
        # Monotonic time since when no station is known online with the link up (None: one is,
        # or the link is down, or the absence was already acted on).
        self._no_station_since: float | None = None
        # Something the screen shows changed; a call did not reach a station in time.
        self.changed: Listeners[[]] = Listeners()
        self.not_through: Listeners[[str]] = Listeners()
        self._restore()

    # ---- what the patient and the nurse do ----

    def call_nurse(self, test: bool = False) -> str:
        """The big button. Pressing again while a call is open re-uses it."""
        urgent = self._open_urgent()
        if urgent is not None:
            urgent.joined_at = self._clock.wall()
            return urgent.call.call_id
        return self._open_new(Kind.CALL, URGENT_REASON, "Call", URGENT_PRIORITY, test)

    def request(self, reason: str, label: str, priority: int) -> str:
        """A comfort request (water, blanket...). One open request per reason."""
        for item in self._open.values():
            if item.call.kind is Kind.REQUEST and item.call.reason == reason:
                item.joined_at = self._clock.wall()
                return item.call.call_id
        return self._open_new(Kind.REQUEST, reason, label, priority, False)

    def cancel_request(self, call_id: str) -> bool:
        """The patient takes a request back. Urgent calls cannot be cancelled this way."""
        item = self._open.get(call_id)
        if item is None or item.call.urgent:
            return False
        self._close(call_id, Resolved(call_id, Resolver.ROOM, self._clock.wall()))
        return True

    def resolve_in_room(self, call_id: str) -> bool:
        """A nurse, present in the room (PIN checked by the caller), closes any open item."""
        if call_id not in self._open:
            return False
        self._close(call_id, Resolved(call_id, Resolver.ROOM, self._clock.wall()))
        return True

    def resolve_all_in_room(self) -> int:
        """"Nurse is here" (or reset for the next patient): every open call and request is
        resolved by the room. Returns how many were open."""
        ids = [item.call.call_id for item in self.items]
        for call_id in ids:
            self.resolve_in_room(call_id)
        return len(ids)

    # ---- what arrives from the link ----

    def on_receipt(self, msg: StationReply) -> None:
        item = self._open.get(msg.call_id)
        if item is None or item.state in (CallState.RECEIVED, CallState.ON_THE_WAY):
            return
        self._advance(item, CallState.RECEIVED, Stored.RECEIVED, msg.station)

    def on_ack(self, msg: StationReply) -> None:
        # An ack may overtake its receipt; it implies the station has the call.
        item = self._open.get(msg.call_id)
        if item is None or item.state is CallState.ON_THE_WAY:
            return
        self._advance(item, CallState.ON_THE_WAY, Stored.ON_THE_WAY, msg.station)

    def on_resolved(self, msg: Resolved) -> None:
        """A resolution older than a press that joined the call did not answer that press (a
        nurse resolved it while this tablet was away): the press becomes a new call at once."""
        item = self._open.pop(msg.call_id, None)
        if item is None:
            return
        self._outbox.remove(msg.call_id)
        if item.joined_at > msg.at:
            c = item.call
            self._open_new(c.kind, c.reason, c.label, c.priority, c.test)
        self.changed.emit()

    def on_station_presence(self, station: str, online: bool) -> None:
        if self._stations.get(station) == online:
            return
        self._stations[station] = online
        if any(self._stations.values()):
            self._no_station_since = None
        elif self._link_up and self._no_station_since is None:
            self._no_station_since = self._clock.monotonic()
        self.changed.emit()

    def _every_station_gone(self) -> None:
        """No station has been online for the grace period, with the link up, before a nurse
        said "on my way": no screen shows the call any more, so "the station has your call"
        would no longer be true. Such calls are sent again and must be confirmed again, or the
        patient is told the call did not get through. A nurse already on the way stays on the
        way."""
        now = self._clock.monotonic()
        for item in self._open.values():
            if item.state is CallState.RECEIVED:
                item.state = CallState.CALLING
                self._outbox.mark(item.call.call_id, Stored.SENT)
                self._send(item, now)

    def on_link_up(self) -> None:
        """Connected (again): send every call no station has confirmed yet."""
        self._link_up = True
        # Judged after the grace period, once the retained presences have arrived.
        self._no_station_since = self._clock.monotonic()
        for msg in self._outbox.held_resolutions():
            if self._link.publish_resolved(self.room, msg):
                self._outbox.drop_resolution(msg.call_id)
        now = self._clock.monotonic()
        for item in self._open.values():
            if item.state in (CallState.CALLING, CallState.NOT_THROUGH):
                self._send(item, now)
        self.changed.emit()

    def on_link_down(self) -> None:
        self._link_up = False
        self._stations.clear()
        self._no_station_since = None
        self.changed.emit()

    def tick(self) -> None:
        now = self._clock.monotonic()
        self._judge_presence(now)
        for item in list(self._open.values()):
            if item.state is CallState.CALLING and now - item.last_sent >= self._receipt_timeout:
                item.state = CallState.NOT_THROUGH
                self.not_through.emit(item.call.call_id)
                self.changed.emit()
            if item.state is CallState.NOT_THROUGH and now - item.last_sent >= self._retry:
                self._send(item, now)

    def _judge_presence(self, now: float) -> None:
        since = self._no_station_since
        if since is None or now - since < self._presence_grace:
            return
        self._no_station_since = None
        if self._link_up and not any(self._stations.values()):
            self._every_station_gone()
            self.changed.emit()

    # ---- what the screen shows ----

    @property
    def link_up(self) -> bool:
        """False while this tablet cannot reach the broker: open calls are saved and resent."""
        return self._link_up

    @property
    def needs_tick(self) -> bool:
        """True while time matters: a call waits for its receipt, or station absence is being
        judged with a received call open."""
        if any(i.state in (CallState.CALLING, CallState.NOT_THROUGH) for i in self._open.values()):
            return True
        return self._no_station_since is not None and any(
            i.state is CallState.RECEIVED for i in self._open.values())

    @property
    def no_station_online(self) -> bool:
        """True when no station could hear a call right now (shown before anyone presses)."""
        return not self._link_up or not any(self._stations.values())

    @property
    def items(self) -> list[OpenCall]:
        return sorted(self._open.values(), key=lambda i: (-i.call.priority, i.call.created_at))

    @property
    def urgent_state(self) -> CallState:
        item = self._open_urgent()
        return CallState.IDLE if item is None else item.state

    # ---- inside ----

    def _open_new(self, kind: Kind, reason: str, label: str, priority: int, test: bool) -> str:
        call = CallMessage(call_id=self._new_id(), room=self.room, kind=kind, reason=reason,
                           label=label, priority=priority, created_at=self._clock.wall(),
                           attempt=1, test=test)
        self._outbox.add(call)  # durable before anything is sent
        now = self._clock.monotonic()
        item = OpenCall(call, CallState.CALLING, last_sent=now, sent=False)
        self._open[call.call_id] = item
        self._send(item, now)
        self.changed.emit()
        return call.call_id

    def _send(self, item: OpenCall, now: float) -> None:
        item.last_sent = now
        if not self._link_up:
            return  # one press is one attempt: on_link_up sends it, numbered once
        if item.sent:
            item.call = replace(item.call, attempt=item.call.attempt + 1)
        item.sent = True
        # Attempts must keep counting across restarts: stations answer each new one.
        self._outbox.add(item.call)
        self._link.publish_call(item.call)

    def _advance(self, item: OpenCall, state: CallState, stored: Stored, station: str) -> None:
        item.state = state
        item.station = station
        self._outbox.mark(item.call.call_id, stored)
        self.changed.emit()

    def _close(self, call_id: str, msg: Resolved) -> None:
        self._publish_resolved(msg)
        self._outbox.remove(call_id)
        del self._open[call_id]
        self.changed.emit()

    def _publish_resolved(self, msg: Resolved) -> None:
        # Held in the outbox like a call until the link has sent it, across restarts too.
        self._outbox.hold_resolution(msg)
        if self._link.publish_resolved(self.room, msg):
            self._outbox.drop_resolution(msg.call_id)

    def _open_urgent(self) -> OpenCall | None:
        return next((i for i in self._open.values() if i.call.urgent), None)

    def _restore(self) -> None:
        now = self._clock.monotonic()
        states = {Stored.SENT: CallState.CALLING, Stored.RECEIVED: CallState.RECEIVED,
                  Stored.ON_THE_WAY: CallState.ON_THE_WAY}
        for stored in self._outbox.open_calls():
            self._open[stored.call.call_id] = OpenCall(
                stored.call, states[stored.stored], last_sent=now)


def _random_id() -> str:
    """A call's id: a random UUID in hex. uuid is imported at the first call, not before the
    room's first frame (about 4 ms)."""
    import uuid

    return uuid.uuid4().hex
