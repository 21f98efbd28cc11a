"""Logs a failure once per (source, kind of error), then only counts its repeats.

One bad retained message replays on every reconnect; a misbehaving publisher can send the same
garbage a thousand times a second. Each distinct failure gets one warning line naming its source
(the MQTT topic, or the function posted to the Qt thread); repeats are summed into one "repeated
N times" line at most once a minute; the traceback of every occurrence goes to debug level.

Thread-safe: the Qt thread and foreign threads (paho, libVLC) may report into one log.
"""

from __future__ import annotations

import logging
import threading
import time
import traceback
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

SUMMARY_EVERY_SECONDS = 60.0
# Sources are often topics a publisher chooses; remembering a bounded number keeps a flood of
# made-up topics from growing memory without end (the oldest is forgotten first).
REMEMBERED_FAILURES = 256


@dataclass
class _Seen:
    since: float  # monotonic time of the last line logged for this failure
    repeats: int = 0  # occurrences since that line


class FailureLog:
    def __init__(self, logger: logging.Logger, what: str, *,
                 clock: Callable[[], float] = time.monotonic,
                 summary_every_seconds: float = SUMMARY_EVERY_SECONDS,
                 remembered: int = REMEMBERED_FAILURES) -> None:
        """`what` starts every line, for example "ignored message" or "posted function failed"."""
        self._log = logger
        self._what = what
        self._clock = clock
        self._summary_every = summary_every_seconds
        self._remembered = remembered
        self._seen: OrderedDict[tuple[str, str], _Seen] = OrderedDict()
        self._lock = threading.Lock()

    def report(self, source: str, error: BaseException) -> None:
        kind = type(error).__name__
        now = self._clock()
        with self._lock:
            first, repeats = self._count((source, kind), now)
        if first:
            self._log.warning("%s source=%s error=%s: %s", self._what, source, kind, error)
        elif repeats:
            self._log.warning("%s source=%s error=%s repeated %d times in the last %d s",
                              self._what, source, kind, repeats, round(self._summary_every))
        if self._log.isEnabledFor(logging.DEBUG):
            self._log.debug("%s source=%s traceback: %s", self._what, source,
                            "".join(traceback.format_exception(error)).strip())

    def _count(self, key: tuple[str, str], now: float) -> tuple[bool, int]:
        """(first time seen, repeats to log now: 0 while the summary is not due)."""
        seen = self._seen.get(key)
        if seen is None:
            self._seen[key] = _Seen(since=now)
            while len(self._seen) > self._remembered:
                self._seen.popitem(last=False)
            return True, 0
        seen.repeats += 1
        if now - seen.since < self._summary_every:
            return False, 0
        repeats, seen.repeats, seen.since = seen.repeats, 0, now
        return False, repeats
