"""Playlists and the play queue: what plays next, with shuffle and repeat.

A playlist is a folder (scanned recursively) or an .m3u/.m3u8 file the clinic owns. Scanning
happens in kiosk/adapters/library.py; this module only orders what the scan found.
"""

from __future__ import annotations

import enum
import random
import re
from dataclasses import dataclass, field

AUDIO_EXTENSIONS = frozenset({".ogg", ".oga", ".opus", ".mp3", ".flac", ".wav", ".m4a"})


@dataclass(frozen=True)
class Playlist:
    name: str
    path: str
    description: str = ""
    cover: str = ""
    phases: tuple[str, ...] = ()
    shuffle: bool = False
    repeat: bool = True


@dataclass(frozen=True)
class Track:
    path: str
    title: str


class Unplayable(enum.Enum):
    """Why a playlist has nothing to play. The screen words each one in the patient's language
    (kiosk/qt/music.py); the log has the file and the error."""

    NOT_SCANNED = "not scanned yet"
    LIST_UNREADABLE = "playlist file missing or unreadable"
    FOLDER_MISSING = "music folder missing"
    EMPTY = "playlist empty"
    NOTHING_PLAYABLE = "no playable music"
    SCAN_FAILED = "scan failed"


@dataclass(frozen=True)
class ScannedPlaylist:
    """A playlist with what its scan found. No tracks means unavailable, and `problem` says
    why."""

    playlist: Playlist
    tracks: tuple[Track, ...] = ()
    problem: Unplayable | None = None
    skipped: int = 0

    @property
    def available(self) -> bool:
        return bool(self.tracks)


def title_from_filename(stem: str) -> str:
    """'03_slow-waves' -> 'Slow waves': drop track numbers, turn separators into spaces."""
    words = re.sub(r"[_\-.]+", " ", re.sub(r"^\d+[\s_\-.]*", "", stem)).strip()
    if not words:
        words = stem
    return words[:1].upper() + words[1:]


@dataclass
class PlayQueue:
    """Order of play for one playlist.

    Shuffle deals every track once per round and never plays the same track twice in a row
    across rounds. Without repeat the queue ends after one round.
    """

    tracks: tuple[Track, ...]
    shuffle: bool = False
    repeat: bool = True
    rng: random.Random = field(default_factory=random.Random)
    _order: list[int] = field(default_factory=list, init=False)
    _position: int = field(default=-1, init=False)
    _last: int | None = field(default=None, init=False)

    @property
    def current(self) -> Track | None:
        if self._last is None:
            return None
        return self.tracks[self._last]

    def next(self) -> Track | None:
        """Advance and return the track to play, or None when the queue has ended."""
        if not self.tracks:
            return None
        self._position += 1
        if self._position >= len(self._order):
            if self._order and not self.repeat:
                return None
            self._order = self._deal()
            self._position = 0
        self._last = self._order[self._position]
        return self.tracks[self._last]

    def _deal(self) -> list[int]:
        order = list(range(len(self.tracks)))
        if not self.shuffle:
            return order
        self.rng.shuffle(order)
        if len(order) > 1 and order[0] == self._last:
            # Swap the repeat away from the front so the seam between rounds is not a repeat.
            swap = self.rng.randrange(1, len(order))
            order[0], order[swap] = order[swap], order[0]
        return order
