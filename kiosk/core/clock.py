"""Time as the rest of core sees it.

Two clocks meet here. `wall()` is seconds since the epoch: it survives a reboot, so it is what we
persist, but NTP may step it. `monotonic()` never steps, but restarts from an arbitrary origin with
each process. Code measures durations within one run with `monotonic()` and converts to and from
wall time only when it saves or restores state.
"""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    def monotonic(self) -> float: ...

    def wall(self) -> float: ...


class SystemClock:
    def monotonic(self) -> float:
        return time.monotonic()

    def wall(self) -> float:
        return time.time()


class FakeClock:
    """A clock the tests move by hand. `jump_wall` models an NTP step: wall moves, monotonic not."""

    def __init__(self, wall: float = 1_800_000_000.0, monotonic: float = 1000.0) -> None:
        self._wall = wall
        self._mono = monotonic

    def monotonic(self) -> float:
        return self._mono

    def wall(self) -> float:
        return self._wall

    def advance(self, seconds: float) -> None:
        self._wall += seconds
        self._mono += seconds

    def jump_wall(self, seconds: float) -> None:
        self._wall += seconds
