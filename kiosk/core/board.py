"""The nurse station's picture of every room: presence, session time left, open calls.

Rules taken from wired nurse call: a call stays on the board until someone resolves it; silencing
the chime never clears a call; acknowledging ("on my way") is not resolving; a tablet that stops
reporting is flagged. The chime repeats every 10 s while a call waits for an acknowledgement.
Several stations agree through the broker's retained state and each other's ack/resolve messages.

After a (re)connect the broker hands over, in one burst, the messages queued while this station
was away and the retained open calls. A call seen in that burst is held (not shown, not chimed,
not receipted) until the burst is over, so that a resolution queued behind it drops it first: a
station never chimes for, shows or receipts a call it can know is resolved. The link says when
the burst is over (`on_caught_up`: this station's own presence came back, and the broker sends
it after everything queued and retained); SETTLE_SECONDS is the fallback.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from enum import Enum
from typing import Protocol

from kiosk.core.clock import Clock
from kiosk.core.listeners import Listeners
from kiosk.core.protocol import (
    REQUEST_PRIORITIES,
    CallMessage,
    Kind,
    Overdue,
    Resolved,
    Resolver,
    SessionStatus,
    StationReply,
)
from kiosk.core.response_times import BY_ROOM, CallEvent, CallStep

CHIME_REPEAT_SECONDS = 10.0
_REMEMBERED_RESOLUTIONS = 1000
SETTLE_SECONDS = 3.0


class RoomPresence(Enum):
    NEVER_SEEN = "never_seen"
    ONLINE = "online"
    OFFLINE = "offline"


class Urgency(Enum):
    """How pressing a call is, for its colour, icon, sound and place in the list. Information
    (a commissioning test call) ranks below every request."""

    URGENT = 3
    HIGH = 2
    NORMAL = 1
    INFO = 0


def urgency_of(call: CallMessage) -> Urgency:
    if call.test:
        return Urgency.INFO
    if call.kind is Kind.CALL:
        return Urgency.URGENT
    if call.priority >= REQUEST_PRIORITIES["high"]:
        return Urgency.HIGH
    return Urgency.NORMAL


class StationCallLink(Protocol):
    """What the board sends. Methods return False when nothing could be sent (link down)."""

    def publish_receipt(self, room: str, msg: StationReply) -> bool: ...

    def publish_ack(self, room: str, msg: StationReply) -> bool: ...

    def publish_resolved(self, room: str, msg: Resolved) -> bool: ...

    def publish_overdue(self, room: str, msg: Overdue) -> bool: ...


@dataclass
class _Room:
    presence: RoomPresence = RoomPresence.NEVER_SEEN
    session: SessionStatus | None = None
    session_seen: float = 0.0  # monotonic


@dataclass
class _Call:
    call: CallMessage
    seen: float  # monotonic time this station first saw it
    age_when_seen: float  # seconds, from the room's timestamp, never negative
    acked_by: str = ""
    overdue: bool = False
    receipted: set[int] = field(default_factory=set)
    held: bool = False  # seen in the burst after a (re)connect: waits for the burst to end


@dataclass(frozen=True)
class CallView:
    call_id: str
    room: str
    urgent: bool
    reason: str
    label: str
    priority: int
    age_minutes: int
    acknowledged: bool
    acknowledged_by: str
    overdue: bool
    test: bool
    urgency: Urgency = Urgency.NORMAL
    age_seconds: int = 0


@dataclass(frozen=True)
class RoomView:
    room: str
    presence: RoomPresence
    session_running: bool
    phase: str
    phase_label: str
    remaining_seconds: int
    infusion_complete: bool


class StationBoard:
    """Runs on the Qt thread; `tick()` is driven by a timer (about once a second)."""

    def __init__(self, station: str, clock: Clock, link: StationCallLink, *,
                 escalation_minutes: float = 5.0,
                 chime_repeat_seconds: float = CHIME_REPEAT_SECONDS) -> None:
        self.station = station
        self._clock = clock
        self._link = link
        self._escalate_after = escalation_minutes * 60.0
        self._chime_every = chime_repeat_seconds
        self._rooms: dict[str, _Room] = {}
        self._calls: dict[str, _Call] = {}
        self._resolved: OrderedDict[str, None] = OrderedDict()
        self._silenced = False
        self._next_chime: float | None = None
        self._unsent_resolutions: list[tuple[str, Resolved]] = []
        self._settle_until: float | None = None
        self.connected = False
        # What the screen shows changed; the chime should sound; a room's infusion time ended.
        self.changed: Listeners[[]] = Listeners()
        self.chime: Listeners[[]] = Listeners()
        self.infusion_complete: Listeners[[str]] = Listeners()
        # A call was placed, received, acknowledged or resolved (for response times).
        self.call_events: Listeners[[CallEvent]] = Listeners()

    # ---- what the nurse does ----

    def acknowledge(self, call_id: str) -> bool:
        item = self._calls.get(call_id)
        if item is None:
            return False
        reply = StationReply(call_id, self.station, self._clock.wall(), item.call.attempt)
        self._link.publish_ack(item.call.room, reply)
        self._mark_acked(item, self.station)
        self._record(item, call_id, CallStep.ACKNOWLEDGED, self.station, reply.at)
        return True

    def resolve(self, call_id: str) -> bool:
        item = self._calls.get(call_id)
        if item is None:
            return False
        msg = Resolved(call_id, Resolver.STATION, self._clock.wall(), self.station)
        if not self._link.publish_resolved(item.call.room, msg):
            self._unsent_resolutions.append((item.call.room, msg))
        self._forget(call_id)
        self._record(item, call_id, CallStep.RESOLVED, self.station, msg.at)
        return True

    def silence(self) -> None:
        """Stops the chime until the next new or overdue call. Every call stays on the board."""
        self._silenced = True
        self._next_chime = None
        self.changed.emit()

    # ---- what arrives from the link ----

    def on_link_up(self) -> None:
        """Connected (again): repeat what this station said while the broker was away."""
        self.connected = True
        self._settle_until = self._clock.monotonic() + SETTLE_SECONDS
        pending, self._unsent_resolutions = self._unsent_resolutions, []
        for room, msg in pending:
            if not self._link.publish_resolved(room, msg):
                self._unsent_resolutions.append((room, msg))
        for item in self._calls.values():
            if item.acked_by == self.station:
                reply = StationReply(item.call.call_id, self.station, self._clock.wall(),
                                     item.call.attempt)
                self._link.publish_ack(item.call.room, reply)
        self.changed.emit()

    def on_link_down(self) -> None:
        # Receipts not confirmed by the room are sent again when its retries arrive.
        self.connected = False
        for item in self._calls.values():
            item.receipted.clear()
        self.changed.emit()

    def on_caught_up(self) -> None:
        """Everything the broker held for this station since it connected has arrived."""
        if self._settle_until is not None:
            self._settle_until = None
            self._release_held()

    def on_room_presence(self, room: str, online: bool) -> None:
        state = self._room(room)
        state.presence = RoomPresence.ONLINE if online else RoomPresence.OFFLINE
        self.changed.emit()

    def on_session(self, msg: SessionStatus) -> None:
        state = self._room(msg.room)
        newly_complete = msg.infusion_complete and not (
            state.session is not None and state.session.infusion_complete)
        state.session = msg
        state.session_seen = self._clock.monotonic()
        if newly_complete:
            self.infusion_complete.emit(msg.room)
        self.changed.emit()

    def on_call(self, msg: CallMessage) -> None:
        if msg.call_id in self._resolved:
            return
        item = self._calls.get(msg.call_id)
        new = item is None
        if item is None:
            item = self._add(msg)
        elif msg.attempt > item.call.attempt:
            item.call = msg
        if not item.held:
            self._send_receipt(item, msg.attempt)
        if new:  # after the receipt: nothing stands between a call and its receipt
            self._record(item, msg.call_id, CallStep.PLACED, "", msg.created_at)

    def on_call_cleared(self, call_id: str) -> None:
        """The call's retained message was emptied: someone resolved it."""
        self._forget(call_id)

    def on_receipt(self, msg: StationReply) -> None:
        """A station's receipt (ours too, back from the broker): recorded, nothing else."""
        item = self._calls.get(msg.call_id)
        self._record(item, msg.call_id, CallStep.RECEIVED, msg.station, msg.at)

    def on_ack(self, msg: StationReply) -> None:
        item = self._calls.get(msg.call_id)
        if item is not None:
            self._mark_acked(item, msg.station)
        self._record(item, msg.call_id, CallStep.ACKNOWLEDGED, msg.station, msg.at)

    def on_resolved(self, msg: Resolved) -> None:
        item = self._calls.get(msg.call_id)
        self._forget(msg.call_id)
        by = msg.station if msg.by is Resolver.STATION and msg.station else BY_ROOM
        self._record(item, msg.call_id, CallStep.RESOLVED, by, msg.at)

    def on_overdue(self, msg: Overdue) -> None:
        item = self._calls.get(msg.call_id)
        if item is not None and not item.overdue:
            item.overdue = True  # another station already escalated it: do not page twice
            self.changed.emit()

    def tick(self) -> None:
        now = self._clock.monotonic()
        if self._settle_until is not None and now >= self._settle_until:
            self._settle_until = None
            self._release_held()
        for item in list(self._calls.values()):
            self._escalate_if_due(item, now)
        self._chime_if_due(now)

    # ---- what the screen shows ----

    def calls(self) -> list[CallView]:
        now = self._clock.monotonic()
        views = [self._call_view(item, now) for item in self._calls.values() if not item.held]
        return sorted(views, key=lambda v: (-v.urgency.value, -v.priority,
                                            -self._age(self._calls[v.call_id], now)))

    def chime_urgency(self) -> Urgency | None:
        """The most pressing call still waiting for an "on my way": what the chime is for."""
        waiting = [urgency_of(i.call) for i in self._waiting_calls()]
        return max(waiting, key=lambda u: u.value, default=None)

    def rooms(self) -> list[RoomView]:
        now = self._clock.monotonic()
        return [self._room_view(name, state, now) for name, state in sorted(self._rooms.items())]

    @property
    def chiming(self) -> bool:
        return self._next_chime is not None

    # ---- inside ----

    def _room(self, room: str) -> _Room:
        return self._rooms.setdefault(room, _Room())

    def _add(self, msg: CallMessage) -> _Call:
        self._room(msg.room)
        age = max(0.0, self._clock.wall() - msg.created_at)
        item = _Call(msg, seen=self._clock.monotonic(), age_when_seen=age)
        self._calls[msg.call_id] = item
        item.held = self._settle_until is not None
        if item.held:
            return item
        if not msg.test:
            self._start_chime()
        self.changed.emit()
        return item

    def _release_held(self) -> None:
        """The burst after a (re)connect is over: what is still open is shown and answered."""
        held = [i for i in self._calls.values() if i.held]
        for item in held:
            item.held = False
            self._send_receipt(item, item.call.attempt)
        if any(not i.acked_by and not i.call.test for i in held):
            self._start_chime()
        if held:
            self.changed.emit()

    def _send_receipt(self, item: _Call, attempt: int) -> None:
        # One receipt per attempt: a retry means the room did not hear the last one.
        if attempt in item.receipted:
            return
        reply = StationReply(item.call.call_id, self.station, self._clock.wall(), attempt)
        if self._link.publish_receipt(item.call.room, reply):
            item.receipted.add(attempt)
            self._record(item, item.call.call_id, CallStep.RECEIVED, self.station, reply.at)

    def _mark_acked(self, item: _Call, station: str) -> None:
        if item.acked_by:
            return
        item.acked_by = station
        if not self._waiting_calls():
            self._next_chime = None
        self.changed.emit()

    def _forget(self, call_id: str) -> None:
        self._resolved[call_id] = None
        while len(self._resolved) > _REMEMBERED_RESOLUTIONS:
            self._resolved.popitem(last=False)
        if self._calls.pop(call_id, None) is None:
            return
        if not self._waiting_calls():
            self._next_chime = None
        self.changed.emit()

    def _waiting_calls(self) -> list[_Call]:
        return [i for i in self._calls.values()
                if not i.acked_by and not i.call.test and not i.held]

    def _start_chime(self) -> None:
        self._silenced = False
        self._next_chime = self._clock.monotonic() + self._chime_every
        self.chime.emit()

    def _chime_if_due(self, now: float) -> None:
        if self._next_chime is None or self._silenced or now < self._next_chime:
            return
        if not self._waiting_calls():
            self._next_chime = None
            return
        self._next_chime = now + self._chime_every
        self.chime.emit()

    def _escalate_if_due(self, item: _Call, now: float) -> None:
        if item.acked_by or item.overdue or item.call.test or item.held:
            return
        if self._age(item, now) < self._escalate_after:
            return
        item.overdue = True
        minutes = int(self._age(item, now) // 60)
        msg = Overdue(item.call.call_id, item.call.room, minutes, self.station, self._clock.wall())
        self._link.publish_overdue(item.call.room, msg)
        self._start_chime()
        self.changed.emit()

    def _record(self, item: _Call | None, call_id: str, step: CallStep, by: str,
                at: float) -> None:
        call = item.call if item is not None else None
        if call is not None and call.test:
            return  # commissioning test calls are not response times
        if call is None:
            event = CallEvent(call_id, "", "", "", 0, step, by, at)
        else:
            event = CallEvent(call_id, call.room, call.kind.value, call.reason, call.priority,
                              step, by, at)
        self.call_events.emit(event)

    @staticmethod
    def _age(item: _Call, now: float) -> float:
        # Measured on this station's monotonic clock after first sight, so a wall-clock step
        # here cannot make a call look older or younger.
        return item.age_when_seen + (now - item.seen)

    def _call_view(self, item: _Call, now: float) -> CallView:
        c = item.call
        age = self._age(item, now)
        return CallView(
            call_id=c.call_id, room=c.room, urgent=c.kind is Kind.CALL, reason=c.reason,
            label=c.label, priority=c.priority, age_minutes=int(age // 60),
            acknowledged=bool(item.acked_by), acknowledged_by=item.acked_by,
            overdue=item.overdue, test=c.test, urgency=urgency_of(c), age_seconds=int(age))

    @staticmethod
    def _room_view(name: str, state: _Room, now: float) -> RoomView:
        s = state.session
        if s is None:
            return RoomView(name, state.presence, False, "", "", 0, False)
        remaining = s.remaining_seconds
        if s.running:
            remaining = max(0, int(s.remaining_seconds - (now - state.session_seen)))
        return RoomView(name, state.presence, s.running, s.phase, s.phase_label, remaining,
                        s.infusion_complete)
