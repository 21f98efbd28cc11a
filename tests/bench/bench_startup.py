"""Start-up to first frame: the room beside a bare QML window, in the same run.

    .venv/bin/python tests/bench/bench_startup.py [--runs 7]

Each run spawns a fresh process (offscreen, software rendering) and stops the clock when the
process reports its first rendered frame; RSS is read from /proc at that moment. The room's own
"startup step=NAME ms=N" log lines (milliseconds since its process started) give the breakdown:
the median time each step ended, and the median time it took since the step before.
"""

from __future__ import annotations

import argparse
import os
import re
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
STEP = re.compile(r"startup step=(\S+) ms=(\d+)")
FIRST_FRAME = "first frame"


def measure(cmd: list[str], env: dict[str, str],
            steps: dict[str, list[int]] | None = None) -> tuple[float, int]:
    """Milliseconds to the first frame and RSS (KiB) then; the steps logged on the way are
    appended to `steps` (name -> ms since the process started, one entry per run)."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                            text=True, cwd=ROOT)
    assert proc.stderr is not None
    try:
        for line in proc.stderr:
            found = STEP.search(line)
            if found and steps is not None:
                steps.setdefault(found[1], []).append(int(found[2]))
            if FIRST_FRAME in line:
                elapsed = time.monotonic() - start
                rss = rss_kib(proc.pid)
                if steps is not None:
                    steps.setdefault(FIRST_FRAME, []).append(int(elapsed * 1000))
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
    # As deployed (scripts/setup.sh): the app's modules byte-compiled, whatever
    # PYTHONDONTWRITEBYTECODE says; the bare window's PySide6 is compiled by pip already.
    subprocess.run([sys.executable, "-m", "compileall", "-q", "main.py", "kiosk"], cwd=ROOT,
                   check=True)
    with tempfile.TemporaryDirectory() as state:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_QUICK_BACKEND="software",
                   QT_QUICK_CONTROLS_STYLE="Basic", KIOSK_STATE_DIR=state)
        cases = {
            "bare QML window": [sys.executable, "-c", BARE_QML_WINDOW],
            "room (home screen)": [sys.executable, "main.py", "room", "--windowed"],
        }
        results: dict[str, list[tuple[float, int]]] = {name: [] for name in cases}
        steps: dict[str, list[int]] = {}
        for _ in range(args.runs):
            for name, cmd in cases.items():
                results[name].append(measure(cmd, env, steps if name.startswith("room") else None))
    print(f"start-up to first frame, median of {args.runs} runs (offscreen, software)")
    medians = {}
    for name, runs in results.items():
        ms = statistics.median(r[0] for r in runs)
        rss = statistics.median(r[1] for r in runs) / 1024
        medians[name] = (ms, rss)
        print(f"  {name:<22} {ms:7.0f} ms   {rss:6.1f} MiB RSS")
    print_steps(steps)
    figures = Figures("start-up", args.runs)
    (bare_ms, bare_rss), (room_ms, room_rss) = medians.values()
    figures.add("room: first frame", room_ms, "ms", "bare QML window", bare_ms, "<= 1.6x")
    figures.add("room: peak memory at first frame", room_rss, "MiB", "bare QML window",
                bare_rss)
    figures.write(args.json)


def print_steps(steps: dict[str, list[int]]) -> None:
    """The room's steps in the order they happen: when each ended, and how long it took."""
    print("  room, step by step (ms since its process started; first frame timed from outside)")
    before = 0.0
    for name, ends in sorted(steps.items(), key=lambda item: statistics.median(item[1])):
        end = statistics.median(ends)
        print(f"    {name:<20} {end:7.0f} ms   +{end - before:4.0f}")
        before = end


if __name__ == "__main__":
    main()
