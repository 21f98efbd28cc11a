"""Idle CPU of the room with a running session, beside a bare QML window with a 1 Hz clock (a
Text updated by a 1 s Timer), in the same run.

    /tmp/probe-venv/bin/python tests/bench/bench_idle_cpu.py [--seconds 60] [--warmup 5]

Both processes run at the same time (offscreen, software rendering). The room starts a session
through the nurse slot (KIOSK_TEST_START_SESSION); after the warm-up, CPU time (user + system,
from /proc) is sampled over the measuring window and printed as a percentage of one core.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from baseline import BARE_QML_WINDOW_WITH_CLOCK
from figures import Figures

ROOT = Path(__file__).resolve().parents[2]
TICKS = os.sysconf("SC_CLK_TCK")



def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime


def start(cmd: list[str], env: dict[str, str], ready: str) -> subprocess.Popen[str]:
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stderr=subprocess.PIPE,
                            stdout=subprocess.DEVNULL, text=True)
    seen = threading.Event()

    def read() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            if ready in line:
                seen.set()
    threading.Thread(target=read, daemon=True).start()
    if not seen.wait(30):
        proc.kill()
        raise RuntimeError(f"no {ready!r} from {cmd}")
    return proc


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--warmup", type=float, default=5)
    parser.add_argument("--json", type=Path, help="write the figures here (make bench)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as state:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_QUICK_BACKEND="software",
                   QT_QUICK_CONTROLS_STYLE="Basic", KIOSK_STATE_DIR=state)
        procs = {
            "bare QML window, 1 Hz clock": start(
                [sys.executable, "-c", BARE_QML_WINDOW_WITH_CLOCK], env, "first frame"),
            "room, session running": start(
                [sys.executable, "main.py", "room", "--windowed"],
                dict(env, KIOSK_TEST_START_SESSION="ketamine-40",
                     KIOSK_TEST_HOOKS="1"), "first frame"),
        }
        try:
            time.sleep(args.warmup)  # a benchmark's measuring window, not a synchronisation
            before = {name: cpu_seconds(p.pid) for name, p in procs.items()}
            t0 = time.monotonic()
            time.sleep(args.seconds)
            wall = time.monotonic() - t0
            after = {name: cpu_seconds(p.pid) for name, p in procs.items()}
        finally:
            for p in procs.values():
                p.send_signal(signal.SIGTERM)
                try:
                    p.wait(5)
                except subprocess.TimeoutExpired:
                    p.kill()
    print(f"idle CPU over {wall:.0f} s, both running side by side (% of one core):")
    percent = {}
    for name in procs:
        used = after[name] - before[name]
        percent[name] = 100 * used / wall
        print(f"  {name:28s} {percent[name]:5.2f}%  ({used:.2f} s CPU)")
    figures = Figures("idle CPU", 1)
    figures.add(f"room, session running: idle CPU over {wall:.0f} s",
                percent["room, session running"], "% of a core", "bare QML window, 1 Hz clock",
                percent["bare QML window, 1 Hz clock"])
    figures.write(args.json)


if __name__ == "__main__":
    main()
