"""Simulated rooms for the demo and the scale benchmark: outside MQTT clients that speak the
protocol in docs/protocol.md (presence with a last will, session status, calls and requests,
resolving them after a nurse's acknowledgement), one connection per room, no Qt.

Threads: each room's paho client runs its own network thread; the timed behaviour (sessions
moving on, the odd request) runs on one driver thread of this module. Nothing here touches Qt.
"""

from __future__ import annotations

import logging
import random
import threading
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import paho.mqtt.client as mqtt
from paho.mqtt.enums import CallbackAPIVersion

from kiosk.core import protocol as p

log = logging.getLogger(__name__)

QOS = 1
KEEPALIVE_SECONDS = 5
# How often the driver looks at every room (seconds).
STEP_SECONDS = 1.0
# paho waits with select(), which cannot watch a file descriptor above 1023, and each client
# holds three (its socket and a wake-up pair): more rooms need more processes.
MOST_ROOMS_PER_PROCESS = 250


@dataclass(frozen=True)
class SimRequest:
    reason: str
    label: str
    priority: int


@dataclass(frozen=True)
class SimPhase:
    id: str
    label: str
    minutes: int


DEMO_REQUESTS = (SimRequest("water", "Water", 40), SimRequest("blanket", "Blanket", 40),
                 SimRequest("bathroom", "Bathroom", 60), SimRequest("sick", "Feeling sick", 60),
                 SimRequest("anxious", "Anxious", 60))
DEMO_PHASES = (SimPhase("settle", "Settling in", 5), SimPhase("infusion", "Infusion", 40),
               SimPhase("rest", "Rest", 20))


@dataclass
class _SimRoom:
    room: str
    client: mqtt.Client
    session_start: float | None = None  # wall time; None: no session in this chair
    open_calls: dict[str, p.CallMessage] = field(default_factory=dict)
    receipts: dict[str, float] = field(default_factory=dict)  # call_id -> monotonic time
    resolve_due: dict[str, float] = field(default_factory=dict)  # call_id -> monotonic time
    next_request: float = 0.0


class SimulatedRooms:
    """`rooms` room ids, all connected to one broker. `request_every_seconds` is the mean time
    between requests of one room (0: never on its own; `call_all()` places calls on demand).
    `resolve_after_seconds`: a nurse "arrives" this long after an acknowledgement and the room
    resolves the call (None: never)."""

    def __init__(self, host: str, port: int, rooms: Sequence[str], *,
                 requests: Sequence[SimRequest] = DEMO_REQUESTS,
                 phases: Sequence[SimPhase] = DEMO_PHASES, request_every_seconds: float = 240.0,
                 resolve_after_seconds: tuple[float, float] | None = (15.0, 45.0),
                 seed: int = 14, sessions: bool = True) -> None:
        if len(rooms) > MOST_ROOMS_PER_PROCESS:
            raise ValueError(f"one process can simulate at most {MOST_ROOMS_PER_PROCESS} rooms "
                             f"(got {len(rooms)}); start more processes for more")
        self._host, self._port = host, port
        self._requests = list(requests)
        self._phases = list(phases)
        self._request_every = request_every_seconds
        self._resolve_after = resolve_after_seconds
        self._random = random.Random(seed)
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._driver: threading.Thread | None = None
        self.on_receipt: Callable[[str, str], None] = lambda room, call_id: None
        self._rooms = [self._make(room, sessions) for room in rooms]

    # ---- life ----

    def start(self, connect_timeout: float = 30.0) -> None:
        for sim in self._rooms:
            sim.client.connect_async(self._host, self._port, KEEPALIVE_SECONDS)
            sim.client.loop_start()
        deadline = time.monotonic() + connect_timeout
        while not all(s.client.is_connected() for s in self._rooms):
            if time.monotonic() > deadline:
                missing = sum(1 for s in self._rooms if not s.client.is_connected())
                raise TimeoutError(f"{missing} simulated rooms did not connect to "
                                   f"{self._host}:{self._port} within {connect_timeout:.0f} s")
            time.sleep(0.05)
        for sim in self._rooms:
            self._publish_session(sim)
        if self._request_every > 0 or self._resolve_after is not None:
            self._driver = threading.Thread(target=self._drive, name="sim-rooms", daemon=True)
            self._driver.start()

    def stop(self) -> None:
        """Orderly goodbye: offline presence, open calls taken back, sessions cleared."""
        self._stop.set()
        if self._driver is not None:
            self._driver.join(5)
        for sim in self._rooms:
            with self._lock:
                calls = list(sim.open_calls)
            for call_id in calls:
                self._resolve(sim, call_id)
            self._send(sim, p.session_topic(sim.room), b"", retain=True)
            self._send(sim, p.room_presence_topic(sim.room),
                       p.encode_presence(p.Presence(False, time.time())), retain=True)
        for sim in self._rooms:
            sim.client.disconnect()
            sim.client.loop_stop()

    # ---- what the benchmark and tests do ----

    @property
    def rooms(self) -> list[str]:
        return [s.room for s in self._rooms]

    def call_all(self, spread_seconds: float = 1.0, count: int | None = None) -> dict[str, float]:
        """Every room (or the first `count`) presses its call button once, spread evenly over
        `spread_seconds`. Returns call_id -> monotonic time it was published."""
        sent: dict[str, float] = {}
        start = time.monotonic()
        calling = self._rooms[:count]
        for i, sim in enumerate(calling):
            due = start + spread_seconds * i / max(1, len(calling))
            delay = due - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            call = self._place(sim, urgent=True)
            sent[call.call_id] = time.monotonic()
        return sent

    def request_from_every(self, nth: int) -> list[str]:
        """Every `nth` room asks for something (a request of any kind). Returns the call ids."""
        return [self._place(sim, urgent=False).call_id for sim in self._rooms[::nth]]

    def receipted(self) -> dict[str, float]:
        """call_id -> monotonic time its first receipt arrived, for every room."""
        with self._lock:
            return {c: t for s in self._rooms for c, t in s.receipts.items()}

    # ---- inside ----

    def _make(self, room: str, sessions: bool) -> _SimRoom:
        client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=f"kiosk-sim-{room}")
        client.will_set(p.room_presence_topic(room), p.offline_will(), qos=QOS, retain=True)
        sim = _SimRoom(room, client)
        if sessions:
            roll = self._random.random()
            total = sum(ph.minutes for ph in self._phases) * 60
            if roll < 0.7:  # most chairs are in a session, at any point of it
                sim.session_start = time.time() - self._random.uniform(0, total * 0.95)
            elif roll < 0.8:  # a few have finished their infusion and are resting out
                sim.session_start = time.time() - total + 60
        sim.next_request = time.monotonic() + self._next_gap()

        def connected(c: mqtt.Client, userdata: Any, flags: Any, reason: Any,
                      properties: Any = None) -> None:
            c.subscribe(f"{p.PREFIX}/rooms/{room}/calls/+/+", qos=QOS)
            c.publish(p.room_presence_topic(room),
                      p.encode_presence(p.Presence(True, time.time())), qos=QOS, retain=True)

        def message(c: mqtt.Client, userdata: Any, msg: mqtt.MQTTMessage) -> None:
            if msg.payload:
                self._heard(sim, msg.topic, bytes(msg.payload))

        client.on_connect = connected
        client.on_message = message
        return sim

    def _next_gap(self) -> float:
        if self._request_every <= 0:
            return float("inf")
        return self._random.expovariate(1.0 / self._request_every)

    def _heard(self, sim: _SimRoom, topic: str, payload: bytes) -> None:
        try:
            ref = p.parse_topic(topic)
        except p.ParseError:
            return
        now = time.monotonic()
        with self._lock:
            if ref.call_id not in sim.open_calls:
                return
            if ref.kind is p.TopicKind.RECEIPT and ref.call_id not in sim.receipts:
                sim.receipts[ref.call_id] = now
                first = True
            else:
                first = False
            if ref.kind is p.TopicKind.ACK and self._resolve_after is not None:
                # The nurse is on the way: she arrives and closes the call in the room.
                sim.resolve_due.setdefault(ref.call_id,
                                           now + self._random.uniform(*self._resolve_after))
        if first:
            self.on_receipt(sim.room, ref.call_id)

    def _place(self, sim: _SimRoom, urgent: bool) -> p.CallMessage:
        if urgent or not self._requests:
            kind, reason, label, priority = (p.Kind.CALL, p.URGENT_REASON, "Call",
                                             p.URGENT_PRIORITY)
        else:
            r = self._random.choice(self._requests)
            kind, reason, label, priority = p.Kind.REQUEST, r.reason, r.label, r.priority
        call = p.CallMessage(uuid.uuid4().hex, sim.room, kind, reason, label, priority,
                             time.time())
        with self._lock:
            sim.open_calls[call.call_id] = call
        self._send(sim, p.call_topic(sim.room, call.call_id), p.encode_call(call), retain=True)
        return call

    def _resolve(self, sim: _SimRoom, call_id: str) -> None:
        with self._lock:
            sim.open_calls.pop(call_id, None)
            sim.resolve_due.pop(call_id, None)
        msg = p.Resolved(call_id, p.Resolver.ROOM, time.time())
        self._send(sim, p.call_subtopic(sim.room, call_id, p.TopicKind.RESOLVED),
                   p.encode_resolved(msg), retain=False)
        for kind in (p.TopicKind.RECEIPT, p.TopicKind.ACK):
            self._send(sim, p.call_subtopic(sim.room, call_id, kind), b"", retain=True)
        self._send(sim, p.call_topic(sim.room, call_id), b"", retain=True)

    def _publish_session(self, sim: _SimRoom) -> None:
        self._send(sim, p.session_topic(sim.room), p.encode_session(self._session(sim)),
                   retain=True)

    def _session(self, sim: _SimRoom) -> p.SessionStatus:
        now = time.time()
        if sim.session_start is None:
            return p.SessionStatus(sim.room, False, "", "", 0, False, now)
        elapsed = now - sim.session_start
        infusion_end = 0.0
        start = 0.0
        for phase in self._phases:
            end = start + phase.minutes * 60
            if phase.id == "infusion":
                infusion_end = end
            if elapsed < end:
                return p.SessionStatus(sim.room, True, phase.id, phase.label,
                                       int(end - elapsed), elapsed >= infusion_end > 0, now)
            start = end
        return p.SessionStatus(sim.room, False, "", "", 0, infusion_end > 0, now)

    def _send(self, sim: _SimRoom, topic: str, payload: bytes, retain: bool) -> None:
        sim.client.publish(topic, payload, qos=QOS, retain=retain)

    def _drive(self) -> None:
        last_session = time.monotonic()
        while not self._stop.wait(STEP_SECONDS):
            now = time.monotonic()
            republish = now - last_session >= 60.0
            if republish:
                last_session = now
            for sim in self._rooms:
                self._step(sim, now, republish)

    def _step(self, sim: _SimRoom, now: float, republish: bool) -> None:
        if republish:
            self._publish_session(sim)
        with self._lock:
            due = [c for c, at in sim.resolve_due.items() if now >= at]
        for call_id in due:
            self._resolve(sim, call_id)
        if now >= sim.next_request:
            sim.next_request = now + self._next_gap()
            with self._lock:
                busy = bool(sim.open_calls)
            if not busy:
                self._place(sim, urgent=self._random.random() < 0.1)
