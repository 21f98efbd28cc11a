"""Start-up steps in the log, in milliseconds since the process started (not since Python got
here): `startup step=config ms=212`. The benchmark (tests/bench/bench_startup.py) reads them to
show where the time to the first frame goes."""

from __future__ import annotations

import logging
import os
import time

log = logging.getLogger(__name__)


def _process_start() -> float:
    """The process's start on the monotonic clock. Linux counts it in clock ticks since boot
    (10 ms steps); elsewhere, or if /proc cannot be read, this module's import stands in."""
    try:
        with open("/proc/self/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        started_since_boot = int(fields[19]) / os.sysconf("SC_CLK_TCK")
        age = time.clock_gettime(time.CLOCK_BOOTTIME) - started_since_boot
    except (OSError, ValueError, IndexError, AttributeError):
        return time.monotonic()
    return time.monotonic() - max(0.0, age)


PROCESS_START = _process_start()


def since_start_ms() -> int:
    return int((time.monotonic() - PROCESS_START) * 1000)


def step(name: str) -> None:
    """Log that a start-up step is done."""
    log.info("startup step=%s ms=%d", name, since_start_ms())
