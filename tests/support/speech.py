"""A voice that writes down what it would say, for fast tests of eyes-closed mode.

It keeps the speaker's promises (tests/contract/test_speaker_contract.py runs the same tests on it
and on the real espeak-ng + libVLC speaker): `say` never speaks at once, a sentence starts later
through `post`, sentences follow one another, and `speaking` is True from the first sentence to
the end of the last.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

from kiosk.core.listeners import Listeners

Post = Callable[[Callable[[], None]], None]


class RecordingSpeaker:
    def __init__(self, post: Post, available: bool = True) -> None:
        self._post = post
        self.problem = "" if available else "espeak-ng is not installed"
        self.speaking: Listeners[[bool]] = Listeners()
        self.spoken: Listeners[[str]] = Listeners()
        self.said: list[tuple[str, str]] = []
        self._queue: deque[tuple[str, str]] = deque()
        self._busy = False

    @property
    def available(self) -> bool:
        return not self.problem

    def say(self, text: str, language: str = "en") -> None:
        text = text.strip()
        if not text or not self.available or (text, language) in self._queue:
            return
        self._queue.append((text, language))
        if not self._busy:
            self._busy = True
            self._post(self._next)

    def stop(self) -> None:
        self._queue.clear()
        if self._busy:
            self._busy = False
            self.speaking.emit(False)

    def release(self) -> None:
        self._queue.clear()

    def _next(self) -> None:
        if not self._busy:
            return
        if not self._queue:
            self._busy = False
            self.speaking.emit(False)
            return
        text, language = self._queue.popleft()
        self.speaking.emit(True)
        self.said.append((text, language))
        self.spoken.emit(text)
        self._post(self._next)
