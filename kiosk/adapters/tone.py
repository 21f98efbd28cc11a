"""A gentle local tone in the room when a call did not reach a nurse station.

One short WAV through libVLC at a low, fixed level: it tells a patient with closed eyes that the
call needs a voice or the wired button, without sounding like an alarm. Every method runs on the
Qt thread; the deck's libVLC callbacks only post (see vlc_player.py). A missing file or a missing
libVLC leaves the room silent but working, and says why once in the log.
"""

from __future__ import annotations

import logging
from pathlib import Path

from kiosk.adapters.vlc_player import Post, VlcDeck, VlcEngine, probe_libvlc

log = logging.getLogger(__name__)

DEFAULT_TONE = Path(__file__).resolve().parents[2] / "assets" / "sounds" / "call-not-through.wav"
# Quieter than the station chime: the patient is beside the speaker and may be sound sensitive.
TONE_VOLUME_PERCENT = 45


class LocalTone:
    def __init__(self, post: Post, path: Path = DEFAULT_TONE,
                 volume_percent: int = TONE_VOLUME_PERCENT) -> None:
        self.path = path
        self.problem: str | None = None
        self.played = 0
        self._engine: VlcEngine | None = None
        self._deck: VlcDeck | None = None
        if not path.is_file():
            self.problem = (f"the call tone file is missing: {path} "
                            "(make it with: python scripts/synth_audio.py)")
            log.error("call tone unavailable reason=%s", self.problem)
            return
        reason = probe_libvlc()
        if reason is not None:
            self.problem = reason
            return
        self._engine = VlcEngine(post)
        self._deck = self._engine.deck()
        self._deck.set_listener(lambda: None, self._failed)
        self._deck.set_volume(volume_percent)

    @property
    def available(self) -> bool:
        return self._deck is not None

    def play(self) -> None:
        """Play the tone from its start; a second call restarts it rather than layering it."""
        self.played += 1
        if self._deck is None:
            log.info("call tone due but silent reason=%s", self.problem)
            return
        self._deck.stop()
        self._deck.load(str(self.path))
        self._deck.play()

    def release(self) -> None:
        if self._deck is not None:
            self._deck.release()
            self._deck = None
        if self._engine is not None:
            self._engine.release()
            self._engine = None

    def _failed(self, reason: str) -> None:
        log.warning("call tone could not play reason=%s", reason)
