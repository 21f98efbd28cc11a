"""The nurse station at clinic scale, measured from outside: the station as a process with its
screen (offscreen, software rendering), beside a bare QML window in the same run.

    .venv/bin/python tests/bench/bench_station_scale.py [--rooms 500] [--burst 200]
        [--idle-seconds 10] [--json FILE]

A private Mosquitto; `--rooms` simulated rooms (kiosk.adapters.sim_rooms: one MQTT connection
each, retained presence and session, one in ten with an open request) connect before the
station starts. Measured:
- first frame: from spawning the process to its "first frame" log line;
- memory: peak resident set (VmHWM) and resident set (VmRSS) from /proc;
- idle CPU: user + system time over `--idle-seconds` once every open request is receipted;
- burst: `--burst` rooms press "Call nurse" within one second; time from the first press until
  every call has its receipt back at its room, and until the station has logged every call as
  shown (its list model holds it: what QML draws from); memory after the burst, and again after
  settling, to see it stays flat.
Goals (issue 14): first frame <= 1 s, <= 250 MB with 500 rooms, idle CPU < 2% of a core, all
200 receipted and shown within 1 s, memory flat after the burst.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

from baseline import BARE_QML_WINDOW  # noqa: E402
from figures import Figures  # noqa: E402

from kiosk.adapters.broker import PrivateBroker  # noqa: E402
from kiosk.adapters.sim_rooms import MOST_ROOMS_PER_PROCESS, SimulatedRooms  # noqa: E402

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime


def memory_mb(pid: int, key: str) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {key} for {pid}")


class Child:
    """A process whose stderr lines are timestamped (monotonic) as they arrive."""

    def __init__(self, cmd: list[str], env: dict[str, str]) -> None:
        self.started = time.monotonic()
        self.proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stderr=subprocess.PIPE,
                                     stdout=subprocess.DEVNULL, text=True)
        self.lines: list[tuple[float, str]] = []
        self._cond = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            with self._cond:
                self.lines.append((time.monotonic(), line.rstrip()))
                self._cond.notify_all()

    def wait_for(self, text: str, timeout: float = 60) -> float:
        with self._cond:
            found = self._cond.wait_for(
                lambda: next((t for t, x in self.lines if text in x), None), timeout)
        if found is None:
            raise RuntimeError(f"no {text!r} within {timeout} s; last lines: "
                               f"{[x for _, x in self.lines[-5:]]}")
        return found

    def shown_at(self, call_ids: set[str]) -> dict[str, float]:
        with self._cond:
            return {c: t for t, x in self.lines if "call shown id=" in x
                    for c in [x.split("call shown id=", 1)[1].split()[0]] if c in call_ids}

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()


def _shard(conn: Connection, host: str, port: int, rooms: list[str]) -> None:
    """One process of simulated rooms, driven by commands from the benchmark."""
    sims = SimulatedRooms(host, port, rooms, request_every_seconds=0,
                          resolve_after_seconds=None)
    sims.start(connect_timeout=120)
    conn.send("connected")
    while True:
        command, arg = conn.recv()
        if command == "requests":
            conn.send(sims.request_from_every(arg))
        elif command == "call":
            start_at, count = arg
            time.sleep(max(0.0, start_at - time.monotonic()))
            conn.send(sims.call_all(spread_seconds=1.0, count=count))
        elif command == "receipted":
            conn.send(sims.receipted())
        elif command == "stop":
            sims.stop()
            conn.send("stopped")
            return


class Shards:
    """Simulated rooms spread over processes (paho's select() limits one process), rooms dealt
    round-robin so a burst comes from every process at once. Times are CLOCK_MONOTONIC, which
    every process on the machine shares."""

    def __init__(self, host: str, port: int, rooms: list[str]) -> None:
        count = -(-len(rooms) // MOST_ROOMS_PER_PROCESS)
        context = multiprocessing.get_context("spawn")
        self._conns: list[Connection] = []
        self._procs = []
        for k in range(count):
            mine, theirs = context.Pipe()
            proc = context.Process(target=_shard, args=(theirs, host, port, rooms[k::count]),
                                   daemon=True)
            proc.start()
            self._conns.append(mine)
            self._procs.append(proc)
        for conn in self._conns:
            if not conn.poll(180) or conn.recv() != "connected":
                raise RuntimeError("simulated rooms did not connect")

    def _all(self, command: str, args: list[Any]) -> list[Any]:
        for conn, arg in zip(self._conns, args, strict=True):
            conn.send((command, arg))
        return [conn.recv() for conn in self._conns]

    def request_from_every(self, nth: int) -> set[str]:
        return {c for ids in self._all("requests", [nth] * len(self._conns)) for c in ids}

    def call_all(self, count: int) -> dict[str, float]:
        start_at = time.monotonic() + 0.5
        n = len(self._conns)
        shares = [count // n + (1 if k < count % n else 0) for k in range(n)]
        return {c: t for sent in self._all("call", [(start_at, s) for s in shares])
                for c, t in sent.items()}

    def receipted(self) -> dict[str, float]:
        return {c: t for got in self._all("receipted", [None] * len(self._conns))
                for c, t in got.items()}

    def stop(self) -> None:
        self._all("stop", [None] * len(self._conns))
        for proc in self._procs:
            proc.join(10)


class Observer:
    """One more MQTT client, as a pager gateway would be: when each call and each receipt
    passed the broker. The station's own turnaround, apart from how fast the simulated rooms
    publish and hear."""

    def __init__(self, host: str, port: int) -> None:
        import paho.mqtt.client as mqtt
        from paho.mqtt.enums import CallbackAPIVersion

        self.seen: dict[tuple[str, str], float] = {}
        self._lock = threading.Lock()
        self._client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id="bench-observer")
        subscribed = threading.Event()
        self._client.on_connect = lambda c, *_: c.subscribe(
            [("kiosk/v1/rooms/+/calls/+", 1), ("kiosk/v1/rooms/+/calls/+/receipt", 1)])
        self._client.on_subscribe = lambda *_: subscribed.set()
        self._client.on_message = self._message
        self._client.connect(host, port)
        self._client.loop_start()
        if not subscribed.wait(10):
            raise RuntimeError("the observer did not subscribe")

    def _message(self, client: Any, userdata: Any, msg: Any) -> None:
        now = time.monotonic()
        parts = msg.topic.split("/")
        key = (parts[5], parts[6] if len(parts) > 6 else "call")
        with self._lock:
            self.seen.setdefault(key, now)

    def times(self, kind: str) -> dict[str, float]:
        with self._lock:
            return {c: t for (c, k), t in self.seen.items() if k == kind}

    def stop(self) -> None:
        self._client.loop_stop()
        self._client.disconnect()


def wait(condition: object, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise RuntimeError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.01)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rooms", type=int, default=500)
    parser.add_argument("--burst", type=int, default=200)
    parser.add_argument("--idle-seconds", type=float, default=10)
    parser.add_argument("--json", type=Path, help="write the figures here (make bench)")
    args = parser.parse_args()
    figures = Figures("station scale", 1)
    with tempfile.TemporaryDirectory() as state, PrivateBroker() as broker:
        env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
        env.update(QT_QPA_PLATFORM="offscreen", QT_QUICK_BACKEND="software",
                   QT_QUICK_CONTROLS_STYLE="Basic", KIOSK_STATE_DIR=state,
                   KIOSK_BROKER=broker.url)
        t0 = time.monotonic()
        sims = Shards(PrivateBroker.HOST, broker.port, [f"sim-{i:03d}" for i in range(args.rooms)])
        print(f"{args.rooms} simulated rooms connected in {time.monotonic() - t0:.1f} s",
              flush=True)
        requests = sims.request_from_every(10)
        bare = Child([sys.executable, "-c", BARE_QML_WINDOW], env)
        station = Child([sys.executable, "main.py", "station", "--windowed", "--station",
                         "bench"], env)
        try:
            bare_first = bare.wait_for("first frame") - bare.started
            first = station.wait_for("first frame screen=station") - station.started
            wait(lambda: requests <= set(sims.receipted()), 60, "receipts of the open requests")
            caught_up = time.monotonic() - station.started
            time.sleep(2)  # a benchmark's settling window, not a synchronisation
            procs = {"station": station.proc.pid, "bare": bare.proc.pid}
            before = {k: cpu_seconds(pid) for k, pid in procs.items()}
            t_idle = time.monotonic()
            time.sleep(args.idle_seconds)  # the measuring window
            wall = time.monotonic() - t_idle
            idle = {k: 100 * (cpu_seconds(pid) - before[k]) / wall for k, pid in procs.items()}
            rest_rss = memory_mb(station.proc.pid, "VmRSS")
            rest_peak = memory_mb(station.proc.pid, "VmHWM")
            bare_rss = memory_mb(bare.proc.pid, "VmRSS")
            bare_peak = memory_mb(bare.proc.pid, "VmHWM")

            observer = Observer(PrivateBroker.HOST, broker.port)
            cpu_before_burst = cpu_seconds(station.proc.pid)
            t_burst = time.monotonic()
            sent = sims.call_all(args.burst)
            pressed = min(sent.values())
            ids = set(sent)
            wait(lambda: ids <= set(sims.receipted()), 120, "every burst receipt")
            receipts = sims.receipted()
            all_receipted = max(receipts[c] for c in ids) - pressed
            after_last_press = max(receipts[c] for c in ids) - max(sent.values())
            worst_receipt = max(receipts[c] - sent[c] for c in ids)
            wait(lambda: ids <= set(station.shown_at(ids)), 120, "every burst call shown")
            shown = station.shown_at(ids)
            wait(lambda: ids <= set(observer.times("receipt")), 30, "the observer's receipts")
            calls_seen, receipts_seen = observer.times("call"), observer.times("receipt")
            observer.stop()
            turnaround = max(receipts_seen[c] - calls_seen[c] for c in ids)
            station_all = max(receipts_seen[c] for c in ids) - min(calls_seen[c] for c in ids)
            calls_spread = max(calls_seen[c] for c in ids) - min(calls_seen[c] for c in ids)
            burst_cpu = 100 * (cpu_seconds(station.proc.pid) - cpu_before_burst) / (
                time.monotonic() - t_burst)
            all_shown = max(shown.values()) - pressed
            burst_peak = memory_mb(station.proc.pid, "VmHWM")
            time.sleep(5)  # settling window
            after_rss = memory_mb(station.proc.pid, "VmRSS")
        except RuntimeError:
            print("station's last log lines:", *[x for _, x in station.lines[-8:]], sep="\n  ")
            missing = requests - set(sims.receipted())
            print(f"receipted: {len(requests) - len(missing)} of {len(requests)}")
            print(*[x for _, x in station.lines if any(m in x for m in missing)], sep="\n  ")
            raise
        finally:
            station.stop()
            bare.stop()
            sims.stop()

    n = args.rooms
    rows = [
        (f"first frame, {n} rooms connected", first, "s", "<= 1 s", bare_first),
        (f"all open requests receipted after start, {n} rooms", caught_up, "s", "", None),
        (f"memory (RSS) at rest, {n} rooms", rest_rss, "MB", "<= 250 MB", bare_rss),
        (f"memory peak (VmHWM) at rest, {n} rooms", rest_peak, "MB", "<= 250 MB",
         bare_peak),
        (f"idle CPU over {wall:.0f} s, {n} rooms", idle["station"], "% of a core", "< 2%",
         idle["bare"]),
        (f"{args.burst} calls in 1 s: last receipt after the first press", all_receipted, "s",
         "<= 1 s", None),
        (f"{args.burst} calls in 1 s: last receipt after the last press", after_last_press,
         "s", "", None),
        (f"{args.burst} calls in 1 s: slowest single receipt", worst_receipt, "s", "", None),
        (f"{args.burst} calls in 1 s: last shown after the first press", all_shown, "s",
         "<= 1 s", None),
        (f"{args.burst} calls in 1 s at the broker: slowest station turnaround (call to "
         "receipt)", turnaround, "s", "", None),
        (f"{args.burst} calls over {calls_spread:.2f} s at the broker: last receipt after the "
         "first call", station_all, "s", "<= 1 s", None),
        (f"{args.burst} calls in 1 s: station CPU from the first press until all shown",
         burst_cpu, "% of a core", "", None),
        ("memory peak (VmHWM) after the burst", burst_peak, "MB", "<= 250 MB", None),
        ("memory (RSS) 5 s after the burst", after_rss, "MB", "flat", None),
    ]
    print(f"\n(baseline: a bare QML window in the same run; RSS at rest was {rest_rss:.0f} MB)")
    print(f"{'figure':<62} {'value':>9}  {'goal':<10} baseline")
    for name, value, unit, goal, base in rows:
        base_text = "" if base is None else f"{base:.2f}"
        print(f"{name:<62} {value:>9.2f} {unit:<12} {goal:<10} {base_text}")
        figures.add(name, value, unit, "bare QML window" if base is not None else "", base,
                    goal)
    figures.write(args.json)


if __name__ == "__main__":
    main()
