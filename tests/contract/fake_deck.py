"""A Deck that plays by the clock instead of by ear, for fast core tests.

It reads real WAV headers for a file's length (or takes `lengths` for imaginary files) and
reports end and error through `post`, as the libVLC deck does. `poll()` delivers what the clock
says has happened; the contract tests in this folder keep it honest against the real deck.
"""

from __future__ import annotations

import os
import wave
from collections.abc import Callable, Mapping

from kiosk.core.clock import FakeClock

Post = Callable[[Callable[[], None]], None]


class FakeDeck:
    def __init__(self, clock: FakeClock, post: Post,
                 lengths: Mapping[str, float] | None = None) -> None:
        self._clock = clock
        self._post = post
        self._lengths = dict(lengths or {})
        self._units = 0
        self._path = ""
        self._length: float | None = None
        self._played = 0.0
        self._since: float | None = None
        self._ended_sent = False
        self._on_ended: Callable[[], None] = lambda: None
        self._on_error: Callable[[str], None] = lambda _r: None
        self.volume_log: list[tuple[float, int]] = []

    def set_listener(self, on_ended: Callable[[], None], on_error: Callable[[str], None]) -> None:
        self._on_ended, self._on_error = on_ended, on_error

    def load(self, path: str) -> None:
        self._path, self._played, self._since, self._ended_sent = path, 0.0, None, False
        self._length = self._lengths.get(path)
        if self._length is None:
            self._length = self._read_length(path)

    def _read_length(self, path: str) -> float | None:
        if not os.path.isfile(path):
            self._post(lambda: self._on_error(f"file not found: {os.path.basename(path)}"))
            return None
        try:
            with wave.open(path, "rb") as wav:
                return wav.getnframes() / wav.getframerate()
        except (wave.Error, EOFError, OSError, RuntimeError, ValueError):
            return None

    def play(self) -> None:
        if not self._path or self._since is not None:
            return
        if self._length is None:
            if os.path.isfile(self._path):
                self._post(lambda: self._on_error("cannot decode"))
            return
        self._since = self._clock.monotonic()

    def pause(self) -> None:
        self._played = self._elapsed()
        self._since = None

    def stop(self) -> None:
        self._played, self._since = 0.0, None

    def set_volume(self, units: int) -> None:
        self._units = max(0, min(100, units))
        self.volume_log.append((self._clock.monotonic(), self._units))

    def volume(self) -> int:
        return self._units

    def _elapsed(self) -> float:
        running = 0.0 if self._since is None else self._clock.monotonic() - self._since
        return min(self._played + running, self._length or 0.0)

    def position(self) -> float | None:
        if self._since is None and self._played == 0.0:
            return None
        return self._elapsed()

    def length(self) -> float | None:
        return self._length if self._since is not None or self._played else None

    def is_playing(self) -> bool:
        return self._since is not None and self._elapsed() < (self._length or 0.0)

    def poll(self) -> None:
        """Deliver the end of the track once the clock has passed it."""
        if self._since is None or self._ended_sent or self._length is None:
            return
        if self._elapsed() >= self._length:
            self._ended_sent = True
            self._played, self._since = self._length, None
            self._post(self._on_ended)
