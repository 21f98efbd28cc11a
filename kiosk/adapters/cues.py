"""Short UI sounds through libVLC at a fixed level: the end-of-infusion cue, the room's tone for
a call that did not get through, and the station's chime (see scripts/synth_audio.py).

None of them may sound like a medical alarm. Every method runs on the Qt thread; the deck's
libVLC callbacks only post (see vlc_player.py). A missing file or a missing libVLC leaves the
room or station silent but working, and says why once in the log.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from kiosk.adapters.vlc_player import Post, VlcDeck, VlcEngine, open_engine

log = logging.getLogger(__name__)

SOUNDS = Path(__file__).resolve().parents[2] / "assets" / "sounds"


@dataclass(frozen=True)
class Cue:
    """One sound, named in log lines, and its fixed libVLC volume."""

    name: str
    path: Path
    volume_percent: int


# The patient is beside the speaker and may be sound sensitive: the end cue is the softest.
SESSION_END = Cue("session cue", SOUNDS / "session-end.wav", 35)
CALL_NOT_THROUGH = Cue("call tone", SOUNDS / "call-not-through.wav", 45)
# The call button's press: the softest sound in the room, so an eyes-closed patient knows it took.
CALL_PRESS = Cue("press tone", SOUNDS / "call-press.wav", 30)
# Soft but unmistakable: clearly audible on a desk speaker without sounding like an alarm.
STATION_CHIME = Cue("station chime", SOUNDS / "station-chime.wav", 70)
SESSION_END_CUE = SESSION_END.path


class CuePlayer:
    """One cue on a deck of its own. It shares the room's libVLC `engine` when given one (and
    leaves releasing it to its owner), else opens its own."""

    def __init__(self, post: Post, cue: Cue = SESSION_END, path: Path | None = None,
                 engine: VlcEngine | None = None) -> None:
        self.cue = cue
        self.path = path or cue.path
        self.problem: str | None = None
        self.played = 0
        self._own_engine: VlcEngine | None = None
        self._deck: VlcDeck | None = None
        if not self.path.is_file():
            self.problem = (f"the {cue.name} file is missing: {self.path} "
                            "(make it with: python scripts/synth_audio.py)")
            log.error("%s unavailable reason=%s", cue.name, self.problem)
            return
        if engine is None:
            engine, self.problem = open_engine(post)
            self._own_engine = engine
        if engine is None:
            return
        self._deck = engine.deck()
        self._deck.set_listener(self._finished, self._failed)
        self._deck.set_volume(cue.volume_percent)

    @property
    def available(self) -> bool:
        return self._deck is not None

    def play(self) -> None:
        """Play from the start; a second call restarts the sound rather than layering it."""
        self.played += 1
        if self._deck is None:
            log.info("%s due but silent reason=%s", self.cue.name, self.problem)
            return
        log.info("%s playing path=%s", self.cue.name, self.path.name)
        self._deck.stop()
        self._deck.load(str(self.path))
        self._deck.play()

    def is_playing(self) -> bool:
        return self._deck is not None and self._deck.is_playing()

    def release(self) -> None:
        if self._deck is not None:
            self._deck.release()
            self._deck = None
        if self._own_engine is not None:
            self._own_engine.release()
            self._own_engine = None

    def _finished(self) -> None:
        log.info("%s finished", self.cue.name)

    def _failed(self, reason: str) -> None:
        log.warning("%s could not play reason=%s", self.cue.name, reason)
