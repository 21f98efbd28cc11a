"""The music controls as QML uses them, over real libVLC decks (silent output)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.core.fades import FadeSettings
from kiosk.core.playlist import Playlist
from kiosk.core.volume import VolumePolicy, amplitude_for_units
from kiosk.qt.dispatch import Dispatcher
from kiosk.qt.music import MusicController
from tests.contract.conftest import write_tone
from tests.support import need
from tests.support.music import music_on_libvlc

OPTIONS = ("--no-video", "--quiet", "--aout=dummy")
FAST = FadeSettings(fade_in_seconds=0.5, fade_out_seconds=0.3, crossfade_seconds=0.5,
                    ramp_seconds=0.2)


@pytest.fixture
def controller(qtbot: QtBot, tmp_path: Path) -> Iterator[MusicController]:
    from kiosk.adapters.vlc_player import probe_libvlc

    need(probe_libvlc(OPTIONS) is None, "libVLC",
         "apt-get install libvlc5 vlc-plugin-base libvlc-bin")
    folder = tmp_path / "slow-waves"
    folder.mkdir()
    write_tone(folder / "01-first.wav", 8.0)
    write_tone(folder / "02-second.wav", 8.0)
    playlists = [Playlist("Slow waves", str(folder), "Soft and slow"),
                 Playlist("Nothing here", str(tmp_path / "missing"))]
    dispatcher = Dispatcher()
    music = music_on_libvlc(playlists, dispatcher.post, FAST,
                            VolumePolicy(cap_percent=20, default_percent=60), OPTIONS)
    qtbot.waitUntil(lambda: music.playlists[0]["trackCount"] == 2, timeout=5000)
    yield music
    music.silence()


def test_choosing_a_playlist_starts_the_music_and_says_so(
        qtbot: QtBot, controller: MusicController) -> None:
    spoken: list[str] = []
    controller.confirm.connect(spoken.append)
    with qtbot.waitSignal(controller.playingChanged):
        controller.playPlaylist(0)
    qtbot.waitUntil(lambda: max(controller._mixer.deck_units()) > 0, timeout=3000)  # type: ignore[union-attr]
    assert controller.playing
    assert controller.nowPlayingTitle == "First"
    assert controller.nowPlayingPlaylist == "Slow waves"
    assert controller.confirmation == "Playing Slow waves" == spoken[-1]


def test_an_unavailable_playlist_says_why_and_plays_nothing(controller: MusicController) -> None:
    missing = controller.playlists[1]
    assert not missing["available"] and missing["reason"] == "The music folder is missing."
    controller.playPlaylist(1)
    assert not controller.playing
    assert controller.confirmation == "This music is not available"


def test_volume_up_never_passes_the_cap(qtbot: QtBot, controller: MusicController) -> None:
    controller.playPlaylist(0)
    for _ in range(15):
        controller.volumeUp()
    assert controller.volumePercent <= controller.volumeMaxPercent
    assert controller.confirmation == "Volume is at the limit"
    qtbot.wait(400)
    units = controller._mixer.deck_units()  # type: ignore[union-attr]
    assert max(units) > 0
    assert max(amplitude_for_units(u) for u in units) <= 0.20


def test_silence_fades_out_and_stops(qtbot: QtBot, controller: MusicController) -> None:
    controller.playPlaylist(0)
    controller.silence()
    assert not controller.playing and controller.confirmation == "Silence"
    qtbot.waitUntil(lambda: controller._mixer.deck_units() == (-1, -1),  # type: ignore[union-attr]
                    timeout=3000)


def test_pause_then_play_again_confirms_each_step(controller: MusicController) -> None:
    controller.playPlaylist(0)
    controller.togglePause()
    assert controller.confirmation == "Music paused" and not controller.playing
    controller.togglePause()
    assert controller.confirmation == "Music playing" and controller.playing
