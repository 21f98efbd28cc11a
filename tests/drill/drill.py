"""`make drill`: the call path under random faults, run as processes, seeded and bounded.

A private Mosquitto with persistence; two nurse stations and two rooms as real processes
(offscreen); eight more rooms as outside clients speaking the protocol (the room's own call
machine on a real MQTT link, in this process); a nurse in this process who says "on my way" and
then resolves each call. While calls are placed, one fault at a time hits: kill -9 of a room
(with a call in its outbox) or of a station, the broker stopped and restarted, a room frozen for
15 s, both stations (and the nurse) gone for a while.

Each call is checked end to end: placed, received by a station, shown once on every station
process that was running while it was open, acknowledged, closed on the patient's screen. It
prints calls placed, lost (must be 0), shown twice (must be 0) and the longest recovery after
each kind of fault, and exits 1 when anything was lost or shown twice.

    .venv/bin/python tests/drill/drill.py [--calls 500] [--seed 7] [--minutes 8]
"""

from __future__ import annotations

import argparse
import logging
import random
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from kiosk.adapters.broker import PrivateBroker  # noqa: E402
from kiosk.adapters.mqtt_link import BrokerEndpoint, RoomLink, StationLink  # noqa: E402
from kiosk.adapters.outbox import SqliteOutbox  # noqa: E402
from kiosk.core.board import StationBoard  # noqa: E402
from kiosk.core.calls import CallState, RoomCalls  # noqa: E402
from kiosk.core.clock import SystemClock  # noqa: E402
from tests.calls.conftest import QtThreadStandIn  # noqa: E402

SHOWN = re.compile(r"call shown id=(\w+)")
PLACED = re.compile(r"call placed by test hook id=(\w+)")
STATE = re.compile(r"call state id=(\w+) state=(\w+)")
NURSE_DELAY = 0.4  # seconds before "on my way", and again before "resolved"


class Child:
    """A room or station process whose stderr lines are kept with the time they arrived."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        self.args = args
        self.proc = subprocess.Popen([sys.executable, "main.py", *args], cwd=ROOT, env=env,
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE, text=True)
        self.lines: list[tuple[float, str]] = []
        self.started = time.monotonic()
        self.ended: float | None = None
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.lines.append((time.monotonic(), line.rstrip()))

    def kill9(self) -> None:
        self.proc.kill()
        self.proc.wait()
        self.ended = time.monotonic()

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGCONT)
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.ended = self.ended or time.monotonic()

    def matches(self, pattern: re.Pattern[str]) -> list[tuple[float, tuple[str, ...]]]:
        return [(t, m.groups()) for t, line in list(self.lines) if (m := pattern.search(line))]


@dataclass
class Call:
    call_id: str
    room: str
    placed: float
    received: float | None = None
    acknowledged: float | None = None
    closed: float | None = None


@dataclass
class Drill:
    broker: PrivateBroker
    tmp: Path
    rng: random.Random
    loop: QtThreadStandIn = field(default_factory=QtThreadStandIn)
    calls: dict[str, Call] = field(default_factory=dict)
    stations: dict[str, Child] = field(default_factory=dict)
    old_stations: list[Child] = field(default_factory=list)
    rooms: dict[str, Child] = field(default_factory=dict)
    old_rooms: list[Child] = field(default_factory=list)
    sims: dict[str, RoomCalls] = field(default_factory=dict)
    recovery: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    nurse_seen: dict[str, float] = field(default_factory=dict)
    target: int = 0  # calls to place in all; idle rooms keep calling until then, faults or not

    def endpoint(self) -> BrokerEndpoint:
        return BrokerEndpoint(url=self.broker.url, keepalive_seconds=5)

    def env(self, **extra: str) -> dict[str, str]:
        import os

        env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
        env.update(QT_QPA_PLATFORM="offscreen", QT_QUICK_BACKEND="software",
                   KIOSK_BROKER=self.broker.url, **extra)
        return env

    # ---- participants ----

    def start_station(self, name: str) -> None:
        self.stations[name] = Child(["station", "--windowed", "--station", name],
                                    self.env(KIOSK_STATE_DIR=str(self.tmp / name)))

    def start_room(self, name: str) -> None:
        self.rooms[name] = Child(["room", "--windowed", "--room", name], self.env(
            KIOSK_STATE_DIR=str(self.tmp / name), KIOSK_TEST_HOOKS="1",
            KIOSK_TEST_CALL_AFTER_START="1"))

    def start_sim(self, name: str) -> None:
        link = RoomLink(name, self.endpoint(), self.loop.post)
        calls = RoomCalls(name, SystemClock(), SqliteOutbox(self.tmp / name), link,
                          receipt_timeout_seconds=5, retry_seconds=3)
        link.attach(calls)
        calls.changed.connect(lambda: self._sim_changed(calls))
        self.loop.ticks.append(calls.tick)
        self.sims[name] = calls
        link.start()

    def start_nurse(self) -> None:
        self.nurse_link = StationLink("drill-nurse", self.endpoint(), self.loop.post)
        self.nurse = StationBoard("drill-nurse", SystemClock(), self.nurse_link,
                                  escalation_minutes=60)
        self.nurse_link.attach(self.nurse)
        self.loop.ticks.append(self.nurse.tick)
        self.nurse_link.start()

    # ---- bookkeeping ----

    def _sim_changed(self, calls: RoomCalls) -> None:
        now = time.monotonic()
        open_ids = set()
        for item in calls.items:
            open_ids.add(item.call.call_id)
            call = self.calls.setdefault(item.call.call_id,
                                         Call(item.call.call_id, calls.room, now))
            if item.state in (CallState.RECEIVED, CallState.ON_THE_WAY):
                call.received = call.received or now
            if item.state is CallState.ON_THE_WAY:
                call.acknowledged = call.acknowledged or now
        for call in self.calls.values():
            if call.room == calls.room and call.closed is None and call.call_id not in open_ids:
                call.closed = now

    def _room_process_calls(self) -> None:
        for child in [*self.old_rooms, *self.rooms.values()]:
            room = child.args[-1]
            for t, (call_id,) in child.matches(PLACED):
                self.calls.setdefault(call_id, Call(call_id, room, t))
            for t, (call_id, state) in child.matches(STATE):
                call = self.calls.setdefault(call_id, Call(call_id, room, t))
                if state in ("received", "on_the_way"):
                    call.received = call.received or t
                if state == "on_the_way":
                    call.acknowledged = call.acknowledged or t
                if state == "closed":
                    call.closed = call.closed or t

    def nurse_rounds(self) -> None:
        """On my way after a moment, then resolved after another."""
        if not getattr(self, "nurse_link", None) or not self.nurse_link.connected:
            return
        now = time.monotonic()
        for view in self.nurse.calls():
            first = self.nurse_seen.setdefault(view.call_id, now)
            if now - first < NURSE_DELAY:
                continue
            if not view.acknowledged:
                self.nurse.acknowledge(view.call_id)
            elif now - first >= 2 * NURSE_DELAY:
                self.nurse.resolve(view.call_id)

    def pump(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.loop.run_pending()
            self.nurse_rounds()
            self.press()
            time.sleep(0.02)

    def press(self) -> None:
        """Idle outside rooms call (an urgent call or a request) until the target is reached."""
        placed = len(self.calls)
        for calls in self.sims.values():
            if placed >= self.target:
                return
            if not calls.items and self.rng.random() < 0.02:
                if self.rng.random() < 0.5:
                    calls.call_nurse()
                else:
                    calls.request(self.rng.choice(["water", "blanket", "sick"]), "Drill", 40)
                placed += 1

    def all_open_received(self) -> bool:
        self._room_process_calls()
        return all(c.received is not None for c in self.calls.values() if c.closed is None)

    # ---- faults ----

    def fault(self, kind: str) -> float:
        """Apply one fault; return the time it ended (recovery is measured from there)."""
        print(f"fault: {kind}", flush=True)
        if kind == "kill -9 room":
            name = self.rng.choice(list(self.rooms))
            self.rooms[name].kill9()
            self.old_rooms.append(self.rooms.pop(name))
            self.pump(self.rng.uniform(1, 3))
            self.start_room(name)
        elif kind == "kill -9 station":
            name = self.rng.choice(list(self.stations))
            self.stations[name].kill9()
            self.old_stations.append(self.stations.pop(name))
            self.pump(self.rng.uniform(1, 3))
            self.start_station(name)
        elif kind == "broker restart":
            self.broker.stop()
            self.pump(self.rng.uniform(2, 6))
            self.broker.start()
        elif kind == "frozen room":
            child = self.rng.choice(list(self.rooms.values()))
            child.proc.send_signal(signal.SIGSTOP)
            self.pump(15)
            child.proc.send_signal(signal.SIGCONT)
        elif kind == "both stations gone":
            for name in list(self.stations):
                self.stations[name].stop()
                self.old_stations.append(self.stations.pop(name))
            self.nurse_link.stop()
            self.loop.ticks.remove(self.nurse.tick)
            self.pump(self.rng.uniform(6, 12))
            for name in ("desk-a", "desk-b"):
                self.start_station(name)
            self.start_nurse()
        return time.monotonic()

    def restart_room_process(self) -> None:
        """A room restarted in the ordinary way; its test hook presses the call button again."""
        name = self.rng.choice(list(self.rooms))
        self.rooms[name].stop()
        self.old_rooms.append(self.rooms.pop(name))
        self.start_room(name)

    def recover(self, kind: str, ended: float, limit: float = 90) -> None:
        """Time from the end of a fault until every open call (and a fresh one placed at that
        moment) is with a station again."""
        idle = [c for c in self.sims.values() if not c.items]
        if idle:
            self.rng.choice(idle).call_nurse()
        while time.monotonic() - ended < limit:
            self.pump(0.25)
            if self.all_open_received():
                self.recovery[kind].append(time.monotonic() - ended)
                return
        self.recovery[kind].append(float("inf"))


def shown_counts(children: list[Child]) -> tuple[int, list[str]]:
    """(calls shown twice by one station process, details)."""
    twice: list[str] = []
    for child in children:
        counts = Counter(call_id for _, (call_id,) in child.matches(SHOWN))
        twice += [f"{child.args[-1]} pid {child.proc.pid}: {call_id} x{n}"
                  for call_id, n in counts.items() if n > 1]
    return len(twice), twice


def missed_by_stations(drill: Drill) -> list[str]:
    """Calls open the whole life of a running station process that it never showed."""
    missed = []
    for child in [*drill.old_stations, *drill.stations.values()]:
        shown = {call_id for _, (call_id,) in child.matches(SHOWN)}
        ended = child.ended or time.monotonic()
        # Only calls placed well after it started (it had time to connect) and closed before it
        # ended, so the station surely could have seen them.
        for call in drill.calls.values():
            if (call.placed > child.started + 15 and call.closed is not None
                    and call.closed < ended - 1 and call.call_id not in shown):
                missed.append(f"{child.args[-1]} pid {child.proc.pid} never showed {call.call_id}")
    return missed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=500)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--minutes", type=float, default=8.0, help="give up after this long")
    parser.add_argument("--fault-every", type=float, default=8.0, help="seconds between faults")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    logging.basicConfig(level=logging.ERROR)
    kinds = ["kill -9 room", "kill -9 station", "broker restart", "frozen room",
             "both stations gone"]
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="kiosk-drill-") as tmp_name:
        tmp = Path(tmp_name)
        (tmp / "broker").mkdir()
        broker = PrivateBroker(persistence=True, work_dir=tmp / "broker")
        broker.start()
        drill = Drill(broker, tmp, rng)
        try:
            for name in ("desk-a", "desk-b"):
                drill.start_station(name)
            for name in ("room-1", "room-2"):
                drill.start_room(name)
            for n in range(1, 9):
                drill.start_sim(f"sim-{n}")
            drill.start_nurse()
            drill.pump(8)  # everyone connects and draws a first frame
            drill.target = args.calls
            next_fault = time.monotonic() + args.fault_every
            next_restart = time.monotonic() + args.fault_every / 2
            while len(drill.calls) < args.calls:
                if time.monotonic() - started > args.minutes * 60:
                    print("time limit reached before every call was placed", flush=True)
                    break
                drill.pump(0.2)
                drill._room_process_calls()
                if time.monotonic() >= next_restart:
                    drill.restart_room_process()
                    next_restart = time.monotonic() + args.fault_every
                if time.monotonic() >= next_fault:
                    kind = kinds[rng.randrange(len(kinds))]
                    drill.recover(kind, drill.fault(kind))
                    next_fault = time.monotonic() + args.fault_every
            # Drain: every call is answered and resolved.
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                drill.pump(0.5)
                drill._room_process_calls()
                if all(c.closed is not None for c in drill.calls.values()):
                    break
        finally:
            for child in [*drill.rooms.values(), *drill.stations.values()]:
                child.stop()
            if getattr(drill, "nurse_link", None):
                drill.nurse_link.stop()
            broker.close()
    drill._room_process_calls()
    lost = [c for c in drill.calls.values() if c.received is None or c.closed is None]
    twice, twice_lines = shown_counts([*drill.old_stations, *drill.stations.values()])
    missed = missed_by_stations(drill)
    unacked = [c for c in drill.calls.values() if c.acknowledged is None]
    print()
    print(f"seed {args.seed}, {time.monotonic() - started:.0f} s")
    print(f"calls placed:  {len(drill.calls)} "
          f"({sum(c.room.startswith('room-') for c in drill.calls.values())} by room processes)")
    print(f"lost:          {len(lost)}")
    print(f"shown twice:   {twice}")
    print(f"not shown by a station that was running: {len(missed)}")
    print(f"closed without 'on my way' (the patient or a restart closed them): {len(unacked)}")
    print("longest recovery after each kind of fault (all open calls received again):")
    for kind in kinds:
        times = drill.recovery.get(kind, [])
        longest = f"{max(times):.1f} s" if times else "-"
        print(f"  {kind:<20} {len(times):3d} times, longest {longest}")
    for line in (twice_lines + missed)[:10] + [f"lost {c}" for c in lost[:10]]:
        print("  " + line)
    return 1 if lost or twice or missed else 0


if __name__ == "__main__":
    sys.exit(main())
