"""How many wrong nurse PINs the pad takes before it locks, and for how long.

The count and the end of a lockout are kept as wall time in a small store, so a restart (or
pulling the power) neither clears a lockout nor resets the count. A store that cannot be read
or written (an unusable state folder) is logged; the pad keeps counting in memory. Wall time
can step backwards (NTP): a lockout never lasts longer than its configured length from "now",
however the clock jumped.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Protocol

from kiosk.core.clock import Clock

log = logging.getLogger(__name__)


class LockoutStore(Protocol):
    """Keeps the lockout's state (adapters: a JSON file in the state folder)."""

    def load(self) -> dict[str, Any] | None: ...

    def save(self, state: dict[str, Any]) -> None: ...


class MemoryLockoutStore:
    """Forgets on exit: for tests and the screenshot tool."""

    def __init__(self) -> None:
        self.state: dict[str, Any] | None = None

    def load(self) -> dict[str, Any] | None:
        return self.state

    def save(self, state: dict[str, Any]) -> None:
        self.state = dict(state)


@dataclass(frozen=True)
class LockoutView:
    locked: bool
    seconds_left: int
    tries_left: int


class PinLockout:
    """Counts wrong PINs; `max_tries` of them in a row lock the pad for `lock_minutes`."""

    def __init__(self, clock: Clock, store: LockoutStore, *, max_tries: int,
                 lock_minutes: float) -> None:
        if max_tries < 1:
            raise ValueError("max_tries must be 1 or more")
        self._clock = clock
        self._store = store
        self._max_tries = max_tries
        self._lock_seconds = lock_minutes * 60.0
        self._failures = 0
        self._locked_until = 0.0
        self._restore()

    def view(self) -> LockoutView:
        left = self._seconds_left()
        failures = 0 if self._locked_until and not left else self._failures
        return LockoutView(locked=left > 0, seconds_left=int(-(-left // 1)),
                           tries_left=max(0, self._max_tries - failures))

    def wrong_pin(self) -> LockoutView:
        """A wrong PIN was typed. The try that reaches `max_tries` starts the lockout."""
        if self._seconds_left() > 0:
            return self.view()
        if self._locked_until:  # a lockout ran out: a fresh set of tries
            self._failures, self._locked_until = 0, 0.0
        self._failures += 1
        if self._failures >= self._max_tries:
            self._locked_until = self._clock.wall() + self._lock_seconds
        self._save()
        return self.view()

    def right_pin(self) -> None:
        if self._failures or self._locked_until:
            self._failures, self._locked_until = 0, 0.0
            self._save()

    def _seconds_left(self) -> float:
        if not self._locked_until:
            return 0.0
        return max(0.0, min(self._locked_until - self._clock.wall(), self._lock_seconds))

    def _restore(self) -> None:
        try:
            state = self._store.load() or {}
        except OSError as error:
            # The pad still works and still counts; only a restart would forget the count.
            log.warning("PIN lockout state unreadable, counting from zero reason=%s", error)
            return
        failures = state.get("failures", 0)
        until = state.get("locked_until", 0.0)
        if isinstance(failures, int) and failures >= 0:
            self._failures = failures
        if isinstance(until, (int, float)) and until >= 0:
            self._locked_until = float(until)

    def _save(self) -> None:
        try:
            self._store.save({"failures": self._failures, "locked_until": self._locked_until})
        except OSError as error:
            log.warning("PIN lockout state not saved reason=%s", error)
