"""The music controls QML binds to: playlists, play/pause/next, volume, silence, the nurse's cap.

Translation only: the gentle-audio rules live in kiosk/core/fades.py. A QTimer calls the mixer's
`step()` only while it asks for one (fast during fades, about once a second while music plays,
never when silent).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Property, QCoreApplication, QObject, QTimer, QUrl, Signal, Slot
from PySide6.QtQml import QmlElement

from kiosk.core.clock import Clock, SystemClock
from kiosk.core.fades import Deck, FadeSettings, Mixer, MixerState
from kiosk.core.playlist import Playlist, PlayQueue, ScannedPlaylist, Track, Unplayable
from kiosk.core.volume import VolumePolicy

log = logging.getLogger(__name__)

QML_IMPORT_NAME = "Kiosk.Backend"
QML_IMPORT_MAJOR_VERSION = 1

Post = Callable[[Callable[[], None]], None]
DEFAULT_FADES = FadeSettings()
DEFAULT_POLICY = VolumePolicy()


def _tr(text: str) -> str:
    return QCoreApplication.translate("MusicController", text)


def unplayable_text(problem: Unplayable | None) -> str:
    """Why a playlist card cannot play, in the patient's language; worded when read."""
    if problem is None:
        return ""
    return {
        Unplayable.NOT_SCANNED: _tr("Looking for music..."),
        Unplayable.LIST_UNREADABLE: _tr("The playlist file is missing or unreadable."),
        Unplayable.FOLDER_MISSING: _tr("The music folder is missing."),
        Unplayable.EMPTY: _tr("The playlist is empty."),
        Unplayable.NOTHING_PLAYABLE: _tr("No playable music was found."),
        Unplayable.SCAN_FAILED: _tr("The music could not be read."),
    }[problem]


@QmlElement
class MusicController(QObject):
    playlistsChanged = Signal()
    availableChanged = Signal()
    playingChanged = Signal()
    nowPlayingChanged = Signal()
    volumeChanged = Signal()
    confirmationChanged = Signal()
    confirm = Signal(str)

    def __init__(self, playlists: Sequence[Playlist], decks: tuple[Deck, Deck] | None,
                 fades: FadeSettings = DEFAULT_FADES, policy: VolumePolicy = DEFAULT_POLICY,
                 clock: Clock | None = None, unavailable: str = "",
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._scanned = [ScannedPlaylist(p, problem=Unplayable.NOT_SCANNED) for p in playlists]
        self._detail = unavailable if decks is None else ""
        self._queue: PlayQueue | None = None
        self._playing_index = -1
        self._confirmation = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._step)
        self._mixer: Mixer | None = None
        if decks is not None:
            self._mixer = Mixer(decks, clock or SystemClock(), fades, policy, self._next_track,
                                self._mixer_changed)

    def apply_scan(self, results: Sequence[ScannedPlaylist]) -> None:
        """Take the library scan's results (on the Qt thread). A scan of playlists that a
        reload has since replaced is dropped: a newer scan is on its way."""
        if [r.playlist for r in results] != [s.playlist for s in self._scanned]:
            log.info("music scan of replaced playlists dropped")
            return
        self._scanned = list(results)
        self.playlistsChanged.emit()

    def apply_settings(self, playlists: Sequence[Playlist], default_volume_percent: int) -> bool:
        """A reloaded room file: its playlists and its starting level (the cap comes through
        setVolumeCap). The music keeps playing unless its playlist is gone. Returns whether the
        playlists changed, so the caller scans them again."""
        if self._mixer is not None:
            self._mixer.set_policy(replace(self._mixer.policy,
                                           default_percent=default_volume_percent))
        if list(playlists) == [s.playlist for s in self._scanned]:
            return False
        playing = (self._scanned[self._playing_index].playlist.name
                   if self._playing_index >= 0 else "")
        names = [p.name for p in playlists]
        old = {s.playlist: s for s in self._scanned}
        self._scanned = [old.get(p) or ScannedPlaylist(p, problem=Unplayable.NOT_SCANNED)
                         for p in playlists]
        if playing and playing not in names:
            log.info("music stopped: its playlist left the room's settings name=%s", playing)
            self._playing_index = -1
            self._queue = None
            if self._mixer is not None and self._mixer.state is not MixerState.STOPPED:
                self._mixer.stop()
                self._step()
        elif playing:
            self._playing_index = names.index(playing)
        self.playlistsChanged.emit()
        self.nowPlayingChanged.emit()
        return True

    # Properties.

    def _playlists(self) -> list[dict[str, Any]]:
        return [{
            "name": s.playlist.name,
            "description": s.playlist.description,
            "cover": QUrl.fromLocalFile(s.playlist.cover).toString() if s.playlist.cover else "",
            "available": s.available and self._mixer is not None,
            "reason": unplayable_text(s.problem),
            "trackCount": len(s.tracks),
        } for s in self._scanned]

    playlists = Property(list, _playlists, notify=playlistsChanged)

    def _available(self) -> bool:
        return self._mixer is not None

    available = Property(bool, _available, notify=availableChanged)

    def _unavailable_reason(self) -> str:
        return "" if self._mixer is not None else _tr("Music is unavailable: ask staff")

    unavailableReason = Property(str, _unavailable_reason, notify=availableChanged)

    def _unavailable_detail(self) -> str:
        """What is missing, for the nurse panel (the patient only sees 'ask staff')."""
        return self._detail

    unavailableDetail = Property(str, _unavailable_detail, notify=availableChanged)

    def _playing(self) -> bool:
        return self._mixer is not None and self._mixer.state is MixerState.PLAYING

    playing = Property(bool, _playing, notify=playingChanged)

    def _now_playing_title(self) -> str:
        track = self._mixer.now_playing if self._mixer else None
        return track.title if track else ""

    nowPlayingTitle = Property(str, _now_playing_title, notify=nowPlayingChanged)

    def _now_playing_playlist(self) -> str:
        if self._playing_index < 0 or not self._now_playing_title():
            return ""
        return self._scanned[self._playing_index].playlist.name

    nowPlayingPlaylist = Property(str, _now_playing_playlist, notify=nowPlayingChanged)

    def _volume_percent(self) -> int:
        return round(self._mixer.volume_percent) if self._mixer else 0

    volumePercent = Property(int, _volume_percent, notify=volumeChanged)

    def _policy(self) -> VolumePolicy:
        return self._mixer.policy if self._mixer else DEFAULT_POLICY

    def _volume_cap_percent(self) -> int:
        return round(self._policy().cap_percent)

    volumeCapPercent = Property(int, _volume_cap_percent, notify=volumeChanged)

    def _volume_max_percent(self) -> int:
        """The cap on the patient's scale: where the slider stops."""
        return int(self._policy().patient_max_percent)

    volumeMaxPercent = Property(int, _volume_max_percent, notify=volumeChanged)

    def _confirmation_text(self) -> str:
        return self._confirmation

    confirmation = Property(str, _confirmation_text, notify=confirmationChanged)

    # Patient actions.

    @Slot(int)
    def playPlaylist(self, index: int) -> None:
        if self._mixer is None or not 0 <= index < len(self._scanned):
            self._say(_tr("Music is unavailable: ask staff"))
            return
        scanned = self._scanned[index]
        if not scanned.available:
            self._say(_tr("This music is not available"))
            return
        self._queue = PlayQueue(scanned.tracks, scanned.playlist.shuffle, scanned.playlist.repeat)
        self._playing_index = index
        first = self._queue.next()
        assert first is not None
        self._mixer.play(first)
        self._say(_tr("Playing %1").replace("%1", scanned.playlist.name))
        self._step()

    @Slot()
    def togglePause(self) -> None:
        if self._mixer is None:
            return
        if self._mixer.state is MixerState.STOPPED:
            if self._playing_index >= 0:
                self.playPlaylist(self._playing_index)
            return
        self._mixer.toggle_pause()
        playing = self._mixer.state is MixerState.PLAYING
        self._say(_tr("Music playing") if playing else _tr("Music paused"))
        self._step()

    @Slot()
    def next(self) -> None:
        if self._mixer is None or self._mixer.state is MixerState.STOPPED:
            return
        self._mixer.skip()
        track = self._mixer.now_playing
        self._say(_tr("Next: %1").replace("%1", track.title) if track else _tr("Silence"))
        self._step()

    @Slot()
    def volumeUp(self) -> None:
        self._change_volume(+1)

    @Slot()
    def volumeDown(self) -> None:
        self._change_volume(-1)

    @Slot()
    def silence(self) -> None:
        """Fade out and stop: silence is a real choice."""
        if self._mixer is not None:
            self._mixer.stop()
            self._step()
        self._say(_tr("Silence"))

    def duck(self, on: bool) -> None:
        """Lower the music under a spoken sentence, or bring it back; both ramp (see Mixer)."""
        if self._mixer is None:
            return
        self._mixer.duck(on)
        self._step()

    # Nurse action.

    @Slot(int)
    def setVolumeCap(self, percent: int) -> None:
        if self._mixer is None:
            return
        cap = max(0, min(100, percent))
        self._mixer.set_policy(replace(self._mixer.policy, cap_percent=cap))
        log.info("volume cap changed cap_percent=%d", cap)
        self._step()

    def start_if_silent(self, name: str) -> bool:
        """A session starts: play this playlist (fading in at the room's quiet level) unless
        music already plays or it has nothing playable. Returns whether it started."""
        if self._mixer is None or self._mixer.state is not MixerState.STOPPED or not name:
            return False
        for index, scanned in enumerate(self._scanned):
            if scanned.playlist.name == name and scanned.available:
                self.playPlaylist(index)
                return True
        log.warning("starting playlist not playable name=%s", name)
        return False

    def reset_volume(self) -> None:
        """Reset for the next patient: the room's quiet starting level (default_volume_percent)."""
        if self._mixer is None:
            return
        self._mixer.set_volume_percent(self._mixer.policy.default_percent)
        self._step()

    # Internals.

    def _change_volume(self, direction: int) -> None:
        if self._mixer is None:
            return
        policy = self._mixer.policy
        before = self._mixer.volume_percent
        after = policy.step_up(before) if direction > 0 else policy.step_down(before)
        self._mixer.set_volume_percent(after)
        if direction > 0 and after <= before:
            self._say(_tr("Volume is at the limit"))
        else:
            self._say(_tr("Volume %1").replace("%1", str(round(after))))
        self._step()

    def _next_track(self) -> Track | None:
        return self._queue.next() if self._queue else None

    def _say(self, text: str) -> None:
        self._confirmation = text
        self.confirmationChanged.emit()
        self.confirm.emit(text)

    def _mixer_changed(self) -> None:
        self.playingChanged.emit()
        self.nowPlayingChanged.emit()
        self.volumeChanged.emit()

    @Slot()
    def _step(self) -> None:
        if self._mixer is None:
            return
        delay = self._mixer.step()
        if delay is None:
            self._timer.stop()
            return
        self._timer.start(max(1, round(delay * 1000)))
