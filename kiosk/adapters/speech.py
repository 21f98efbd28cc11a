"""Spoken sentences: espeak-ng renders a sentence to a WAV file, cached in the state folder by
engine, voice, pace and text, and the room's one libVLC engine plays it on a deck of its own.
A clinic's recording of a sentence (speech.narration) is played instead where one is given.

Threads: espeak-ng runs on one worker thread of this module's own, which only renders and then
hands the result to the Qt thread through the injected `post`; the deck's libVLC callbacks only
post too (see vlc_player.py). Every public method runs on the Qt thread and returns at once:
nothing here ever waits for speech, so the call path never does either.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import subprocess
import tempfile
import threading
from collections import deque
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from kiosk.core.listeners import Listeners

log = logging.getLogger(__name__)

Post = Callable[[Callable[[], None]], None]

DEBIAN_PACKAGE = "espeak-ng"
# espeak-ng's own pace at 100 percent, in words a minute.
USUAL_WORDS_PER_MINUTE = 175
RENDER_TIMEOUT_SECONDS = 20


class SpeechEngine(Protocol):
    """Text to a WAV file, offline. espeak-ng ships; a Piper voice that a clinic installs
    (piper-tts and its model file) would be a second engine behind the same three members."""

    name: str
    problem: str  # empty when the engine can speak

    def render(self, text: str, voice: str, pace_percent: int, out: Path) -> None:
        """Write `text` spoken to `out` (a WAV file); raise on failure. Worker thread."""


class EspeakEngine:
    """espeak-ng, Debian's `espeak-ng` package: about 40 ms for a 5-second sentence."""

    name = "espeak-ng"

    def __init__(self, binary: str | None = None) -> None:
        self._binary = binary or shutil.which("espeak-ng") or ""
        self.problem = "" if self._binary else (
            f"espeak-ng is not installed (install the Debian package {DEBIAN_PACKAGE})")

    def render(self, text: str, voice: str, pace_percent: int, out: Path) -> None:
        words_per_minute = round(USUAL_WORDS_PER_MINUTE * pace_percent / 100)
        partial = out.with_name(out.name + ".part")
        subprocess.run([self._binary, "-v", voice, "-s", str(words_per_minute),
                        "-w", str(partial), "--", text],
                       check=True, capture_output=True, timeout=RENDER_TIMEOUT_SECONDS)
        partial.replace(out)


@dataclass(frozen=True)
class Voice:
    """How this room speaks: an engine voice per language, the pace, a recording per sentence,
    and the fixed libVLC volume (already held under the room's cap by the caller)."""

    voices: Mapping[str, str]
    pace_percent: int = 80
    units: int = 60
    narration: Mapping[str, Path] = field(default_factory=dict)

    def voice_for(self, language: str) -> str:
        return self.voices.get(language) or self.voices.get("en") or "en"


class Speaker:
    """Says one sentence at a time on its own deck. `speaking` tells listeners True when a
    sentence starts and False when the last queued one has finished (the music ducks in
    between); `spoken` names each sentence as it starts playing."""

    def __init__(self, post: Post, deck: Any | None, engine: SpeechEngine, voice: Voice,
                 cache_dir: Path, deck_problem: str = "", lead_seconds: float = 0.0) -> None:
        self._post = post
        # From quiet, the first sentence waits this long after `speaking` turns True, so the
        # music has ducked before the voice sounds (the two together stay under the cap).
        self._lead_seconds = lead_seconds
        self._voiced = False
        self._deck = deck
        self._engine = engine
        self._voice = voice
        self._cache_dir = _usable_folder(cache_dir)
        self._queue: deque[tuple[str, str]] = deque()
        self._busy = False
        # Bumped by stop(): a sentence rendered for an earlier generation is dropped.
        self._generation = 0
        self._worker: ThreadPoolExecutor | None = None
        self.renders = 0
        self.problem = engine.problem or deck_problem or ("" if deck is not None
                                                           else "no audio output")
        self.speaking: Listeners[[bool]] = Listeners()
        self.spoken: Listeners[[str]] = Listeners()
        if self.problem:
            log.warning("speech unavailable reason=%s", self.problem)
        if deck is not None:
            deck.set_listener(self._finished, self._failed)
            deck.set_volume(voice.units)

    @property
    def available(self) -> bool:
        return not self.problem

    def say(self, text: str, language: str = "en") -> None:
        """Queue `text`; a sentence already waiting is not queued twice. Never blocks."""
        text = text.strip()
        if not text or not self.available:
            return
        if (text, language) in self._queue:
            return
        self._queue.append((text, language))
        if not self._busy:
            self._next()

    def stop(self) -> None:
        """Forget what is queued and stop the sentence playing now."""
        self._queue.clear()
        self._generation += 1
        if self._deck is not None and self._busy:
            self._deck.stop()
        self._done()

    def release(self) -> None:
        self._queue.clear()
        if self._worker is not None:
            self._worker.shutdown(wait=True, cancel_futures=True)
            self._worker = None
        if self._deck is not None:
            self._deck.release()
            self._deck = None
        self._busy = False

    # ---- inside (Qt thread unless said otherwise) ----

    def _next(self) -> None:
        if not self._queue or self._deck is None:
            self._done()
            return
        self._busy = True
        text, language = self._queue.popleft()
        recorded = self._voice.narration.get(text)
        if recorded is not None and recorded.is_file():
            self._play(text, recorded)
            return
        if recorded is not None:
            log.warning("narration file missing path=%s (the synthetic voice speaks)", recorded)
        voice = self._voice.voice_for(language)
        path = self._cache_path(text, voice)
        if path.is_file():
            self._play(text, path)
            return
        if self._worker is None:
            self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="speech")
        future = self._worker.submit(self._engine.render, text, voice, self._voice.pace_percent,
                                     path)
        self.renders += 1
        generation = self._generation
        future.add_done_callback(lambda done: self._post(
            lambda: self._rendered(done, text, path, generation)))

    def _rendered(self, done: Future[None], text: str, path: Path, generation: int) -> None:
        if done.cancelled() or self._deck is None or generation != self._generation:
            return
        error = done.exception()
        if error is not None:
            log.warning("speech could not be rendered text=%r reason=%s", text, error)
            self._next()
            return
        self._play(text, path)

    def _play(self, text: str, path: Path) -> None:
        assert self._deck is not None
        if not self._voiced:
            self._voiced = True
            self.speaking.emit(True)
            if self._lead_seconds > 0:
                generation = self._generation
                # A timer thread whose only action is to hand the start to the Qt thread.
                timer = threading.Timer(self._lead_seconds, lambda: self._post(
                    lambda: self._start(text, path, generation)))
                timer.daemon = True
                timer.start()
                return
        self._start(text, path, self._generation)

    def _start(self, text: str, path: Path, generation: int) -> None:
        if self._deck is None or generation != self._generation:
            return
        log.info("speaking text=%r file=%s", text, path.name)
        self._deck.stop()
        self._deck.load(str(path))
        self._deck.set_volume(self._voice.units)
        self._deck.play()
        self.spoken.emit(text)

    def _finished(self) -> None:
        self._next()

    def _failed(self, reason: str) -> None:
        log.warning("speech could not play reason=%s", reason)
        self._next()

    def _done(self) -> None:
        self._busy = False
        if self._voiced:
            self._voiced = False
            self.speaking.emit(False)

    def _cache_path(self, text: str, voice: str) -> Path:
        key = f"{self._engine.name}|{voice}|{self._voice.pace_percent}|{text}"
        return self._cache_dir / f"{hashlib.sha256(key.encode()).hexdigest()[:32]}.wav"


def _usable_folder(folder: Path) -> Path:
    """The cache folder, or a private temporary one when it cannot be made (then the cache only
    lasts until a restart; speech still works)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".write-test"
        probe.write_bytes(b"")
        probe.unlink()
        return folder
    except OSError as error:
        fallback = Path(tempfile.mkdtemp(prefix="kiosk-speech-"))
        log.warning("speech cache folder unusable path=%s reason=%s using=%s", folder, error,
                    fallback)
        return fallback
