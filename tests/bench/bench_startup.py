"""Start-up to first frame: the room beside a bare QML window, in the same run.

    .venv/bin/python tests/bench/bench_startup.py [--runs 7]

Each run spawns a fresh process (offscreen, software rendering) and stops the clock when the
process reports its first rendered frame; RSS is read from /proc at that moment.
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from baseline import BARE_QML_WINDOW
from figures import Figures

ROOT = Path(__file__).resolve().parents[2]



def measure(cmd: list[str], env: dict[str, str]) -> tuple[float, int]:
    start = time.monotonic()
    proc = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                            text=True, cwd=ROOT)
    assert proc.stderr is not None
    try:
        for line in proc.stderr:
            if "first frame" in line:
                elapsed = time.monotonic() - start
                rss = rss_kib(proc.pid)
                return elapsed * 1000, rss
        raise RuntimeError(f"no first frame from {cmd}")
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", type=Path, help="write the figures here (make bench)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as state:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_QUICK_BACKEND="software",
                   QT_QUICK_CONTROLS_STYLE="Basic", KIOSK_STATE_DIR=state)
        cases = {
            "bare QML window": [sys.executable, "-c", BARE_QML_WINDOW],
            "room (home screen)": [sys.executable, "main.py", "room", "--windowed"],
        }
        results: dict[str, list[tuple[float, int]]] = {name: [] for name in cases}
        for _ in range(args.runs):
            for name, cmd in cases.items():
                results[name].append(measure(cmd, env))
    print(f"start-up to first frame, median of {args.runs} runs (offscreen, software)")
    medians = {}
    for name, runs in results.items():
        ms = statistics.median(r[0] for r in runs)
        rss = statistics.median(r[1] for r in runs) / 1024
        medians[name] = (ms, rss)
        print(f"  {name:<22} {ms:7.0f} ms   {rss:6.1f} MiB RSS")
    figures = Figures("start-up", args.runs)
    (bare_ms, bare_rss), (room_ms, room_rss) = medians.values()
    figures.add("room: first frame", room_ms, "ms", "bare QML window", bare_ms, "<= 1.6x")
    figures.add("room: peak memory at first frame", room_rss, "MiB", "bare QML window",
                bare_rss)
    figures.write(args.json)


if __name__ == "__main__":
    main()
