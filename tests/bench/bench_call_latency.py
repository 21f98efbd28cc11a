"""Call latency through a private Mosquitto, beside raw paho QoS 1 round trips in the same run.

    .venv/bin/python tests/bench/bench_call_latency.py [--calls 500] [--burst 100]

- raw: one paho client publishes (QoS 1), a second answers on another topic; time to the answer.
- call: RoomCalls.call_nurse() to the StationBoard having it (what the station screen shows),
  and on to the room holding the station's receipt (what lets the patient's screen say so).
- burst: that many rooms call at once; time until the station has them all, and every receipt.

Every paho callback is posted to one queue that this thread drains, the way the Qt thread
drains the Dispatcher; room and station share that thread here, unlike in the clinic.
"""

from __future__ import annotations

import argparse
import queue
import socket
import statistics
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import paho.mqtt.client as mqtt
from paho.mqtt.enums import CallbackAPIVersion

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from figures import Figures  # noqa: E402

from kiosk.adapters.broker import PrivateBroker  # noqa: E402
from kiosk.adapters.mqtt_link import BrokerEndpoint, RoomLink, StationLink  # noqa: E402
from kiosk.core import protocol as p  # noqa: E402
from kiosk.core.board import StationBoard  # noqa: E402
from kiosk.core.calls import CallState, MemoryOutbox, RoomCalls  # noqa: E402
from kiosk.core.clock import SystemClock  # noqa: E402


class Loop:
    def __init__(self) -> None:
        self.inbox: queue.Queue[Callable[[], None]] = queue.Queue()

    def until(self, done: Callable[[], object], timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while not done():
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("benchmark step timed out")
            try:
                posted = self.inbox.get(timeout=left)
            except queue.Empty:
                continue
            posted()


class TimedBoard(StationBoard):
    """The real board, noting when each call is first seen."""

    seen_at: dict[str, float]

    def on_call(self, msg: p.CallMessage) -> None:
        self.seen_at.setdefault(msg.call_id, time.perf_counter())
        super().on_call(msg)


def percentile(values: list[float], q: int) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def ms(values: list[float]) -> str:
    ordered = sorted(values)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return (f"p50 {statistics.median(ordered) * 1000:7.2f} ms   p99 {p99 * 1000:7.2f} ms   "
            f"max {ordered[-1] * 1000:7.2f} ms   (n={len(ordered)})")


def raw_round_trips(url: str, count: int) -> list[float]:
    endpoint = BrokerEndpoint(url=url)
    host, port, _ = endpoint.host_port_tls()
    answers: queue.Queue[float] = queue.Queue()

    def client(name: str) -> mqtt.Client:
        c = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=name)
        c.connect(host, port)
        # As the kiosk's links do: Nagle off.
        c.socket().setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return c

    echo, pinger = client("bench-echo"), client("bench-ping")
    echo.on_message = lambda c, u, m: c.publish("bench/pong", m.payload, qos=1)
    pinger.on_message = lambda c, u, m: answers.put(time.perf_counter())
    subscribed = threading.Semaphore(0)
    for c in (echo, pinger):
        c.on_subscribe = lambda *args: subscribed.release()
    echo.subscribe("bench/ping", qos=1)
    pinger.subscribe("bench/pong", qos=1)
    echo.loop_start()
    pinger.loop_start()
    for _ in range(2):
        if not subscribed.acquire(timeout=5):
            raise TimeoutError("the raw clients were not subscribed")
    results = []
    for _ in range(count):
        started = time.perf_counter()
        pinger.publish("bench/ping", b"x" * 200, qos=1)
        results.append(answers.get(timeout=5) - started)
    for c in (echo, pinger):
        c.disconnect()
        c.loop_stop()
    return results


def station(loop: Loop, endpoint: BrokerEndpoint) -> tuple[TimedBoard, StationLink]:
    link = StationLink("bench-desk", endpoint, loop.inbox.put)
    board = TimedBoard("bench-desk", SystemClock(), link, escalation_minutes=60)
    board.seen_at = {}
    link.attach(board)
    link.start()
    return board, link


def room(loop: Loop, endpoint: BrokerEndpoint, name: str) -> tuple[RoomCalls, RoomLink]:
    link = RoomLink(name, endpoint, loop.inbox.put)
    calls = RoomCalls(name, SystemClock(), MemoryOutbox(), link, receipt_timeout_seconds=30,
                      retry_seconds=30)
    link.attach(calls)
    link.start()
    return calls, link


def call_latencies(url: str, count: int) -> tuple[list[float], list[float]]:
    loop, endpoint = Loop(), BrokerEndpoint(url=url)
    board, station_link = station(loop, endpoint)
    calls, room_link = room(loop, endpoint, "bench-room")
    loop.until(lambda: not calls.no_station_online)
    to_board, to_receipt = [], []
    for _ in range(count):
        started = time.perf_counter()
        call_id = calls.call_nurse()
        loop.until(lambda c=call_id: c in board.seen_at)
        to_board.append(board.seen_at[call_id] - started)
        loop.until(lambda: calls.urgent_state is CallState.RECEIVED)
        to_receipt.append(time.perf_counter() - started)
        board.resolve(call_id)
        loop.until(lambda: calls.urgent_state is CallState.IDLE)
    room_link.stop()
    station_link.stop()
    return to_board, to_receipt


def burst(url: str, rooms: int) -> tuple[float, float, list[float]]:
    loop, endpoint = Loop(), BrokerEndpoint(url=url)
    board, station_link = station(loop, endpoint)
    members = [room(loop, endpoint, f"burst-{i:03d}") for i in range(rooms)]
    loop.until(lambda: all(not c.no_station_online for c, _ in members), timeout=60)
    started = time.perf_counter()
    ids = [c.call_nurse() for c, _ in members]
    loop.until(lambda: all(i in board.seen_at for i in ids), timeout=60)
    all_seen = max(board.seen_at[i] for i in ids) - started
    loop.until(lambda: all(c.urgent_state is CallState.RECEIVED for c, _ in members),
               timeout=60)
    all_received = time.perf_counter() - started
    each = [board.seen_at[i] - started for i in ids]
    for _, link in members:
        link.stop()
    station_link.stop()
    return all_seen, all_received, each


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=500)
    parser.add_argument("--burst", type=int, default=100)
    parser.add_argument("--json", type=Path, help="write the figures here (make bench)")
    args = parser.parse_args()
    with PrivateBroker() as broker:
        raw = raw_round_trips(broker.url, args.calls)
        to_board, to_receipt = call_latencies(broker.url, args.calls)
        all_seen, all_received, each = burst(broker.url, args.burst)
    print(f"raw paho QoS 1 round trip       {ms(raw)}")
    print(f"call_nurse() -> station board   {ms(to_board)}")
    print(f"call_nurse() -> room receipt    {ms(to_receipt)}")
    print(f"burst of {args.burst} rooms: station has every call after {all_seen * 1000:.1f} ms, "
          f"every room has its receipt after {all_received * 1000:.1f} ms; "
          f"per call to the board {ms(each)}")
    figures = Figures("call latency", args.calls)
    for q in (50, 99):
        raw_q = percentile(raw, q) * 1000
        figures.add(f"call_nurse() -> station board p{q}", percentile(to_board, q) * 1000,
                    "ms", f"raw paho QoS 1 round trip p{q}", raw_q)
        figures.add(f"call_nurse() -> room holds the receipt p{q}",
                    percentile(to_receipt, q) * 1000, "ms",
                    f"raw paho QoS 1 round trip p{q}", raw_q)
    figures.add(f"burst of {args.burst} rooms: every receipt", all_received * 1000, "ms")
    figures.write(args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
