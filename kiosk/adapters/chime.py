"""The nurse station's chime: one short WAV played through libVLC at a fixed, moderate level.

Every method runs on the Qt thread. The deck's libVLC callbacks only post (see vlc_player.py);
the chime does not listen to them, it simply restarts the sound on each `play()`.
A missing file or a missing libVLC leaves the station silent but working, and says why once.
"""

from __future__ import annotations

import logging
from pathlib import Path

from kiosk.adapters.vlc_player import Post, VlcDeck, VlcEngine, probe_libvlc

log = logging.getLogger(__name__)

DEFAULT_CHIME = Path(__file__).resolve().parents[2] / "assets" / "sounds" / "station-chime.wav"
# Soft but unmistakable: clearly audible on a desk speaker without sounding like an alarm.
CHIME_VOLUME_PERCENT = 70


class StationChime:
    def __init__(self, post: Post, path: Path = DEFAULT_CHIME,
                 volume_percent: int = CHIME_VOLUME_PERCENT) -> None:
        self.path = path
        self.problem: str | None = None
        self.played = 0
        self._engine: VlcEngine | None = None
        self._deck: VlcDeck | None = None
        if not path.is_file():
            self.problem = (f"the station chime file is missing: {path} "
                            "(make it with: python scripts/synth_audio.py)")
            log.error("station chime unavailable reason=%s", self.problem)
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
        """Start the chime from its beginning (a repeat restarts it, never stacks it)."""
        self.played += 1
        if self._deck is None:
            log.info("station chime due but silent reason=%s", self.problem)
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
        log.warning("station chime could not play reason=%s", reason)
