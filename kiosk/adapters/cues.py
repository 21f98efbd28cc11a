"""The soft cue at the end of the infusion: one short WAV through libVLC at a low, fixed level.

It tells a patient with closed eyes that the medicine has stopped, and must never sound like a
medical alarm: a slow chord (see scripts/synth_audio.py), quieter than the call tone. Every method
runs on the Qt thread; the deck's libVLC callbacks only post (see vlc_player.py). A missing file
or a missing libVLC leaves the room silent but working, and says why once in the log.
"""

from __future__ import annotations

import logging
from pathlib import Path

from kiosk.adapters.vlc_player import Post, VlcDeck, VlcEngine, probe_libvlc

log = logging.getLogger(__name__)

SESSION_END_CUE = Path(__file__).resolve().parents[2] / "assets" / "sounds" / "session-end.wav"
# The patient is beside the speaker and may be sound sensitive: softer than the call tone (45).
CUE_VOLUME_PERCENT = 35


class CuePlayer:
    def __init__(self, post: Post, path: Path = SESSION_END_CUE,
                 volume_percent: int = CUE_VOLUME_PERCENT) -> None:
        self.path = path
        self.problem: str | None = None
        self.played = 0
        self._engine: VlcEngine | None = None
        self._deck: VlcDeck | None = None
        if not path.is_file():
            self.problem = (f"the session cue file is missing: {path} "
                            "(make it with: python scripts/synth_audio.py)")
            log.error("session cue unavailable reason=%s", self.problem)
            return
        reason = probe_libvlc()
        if reason is not None:
            self.problem = reason
            return
        self._engine = VlcEngine(post)
        self._deck = self._engine.deck()
        self._deck.set_listener(self._finished, self._failed)
        self._deck.set_volume(volume_percent)

    @property
    def available(self) -> bool:
        return self._deck is not None

    def play(self) -> None:
        """Play the cue from its start; a second call restarts it rather than layering it."""
        self.played += 1
        if self._deck is None:
            log.info("session cue due but silent reason=%s", self.problem)
            return
        log.info("session cue playing path=%s", self.path.name)
        self._deck.stop()
        self._deck.load(str(self.path))
        self._deck.play()

    def is_playing(self) -> bool:
        return self._deck is not None and self._deck.is_playing()

    def release(self) -> None:
        if self._deck is not None:
            self._deck.release()
            self._deck = None
        if self._engine is not None:
            self._engine.release()
            self._engine = None

    def _finished(self) -> None:
        log.info("session cue finished")

    def _failed(self, reason: str) -> None:
        log.warning("session cue could not play reason=%s", reason)
