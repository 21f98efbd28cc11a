"""The music screen and the home screen's Music card, offscreen, over a real MusicController
with real libVLC decks (silent output) and generated tracks."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, Qt, QUrl
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.app.shell import QML_DIR, create_gui_app
from kiosk.core.fades import FadeSettings
from kiosk.core.playlist import Playlist
from kiosk.core.volume import VolumePolicy, amplitude_for_units
from kiosk.qt.dispatch import Dispatcher
from kiosk.qt.music import MusicController
from kiosk.qt.room import RoomController
from tests.contract.conftest import write_tone
from tests.qml.helpers import (
    accessible_name,
    background_behind,
    centre,
    contrast,
    find,
    items,
    scene_rect,
    shown,
    targets,
)
from tests.support import need
from tests.support.music import music_on_libvlc

OPTIONS = ("--no-video", "--quiet", "--aout=dummy")
FAST = FadeSettings(fade_in_seconds=0.4, fade_out_seconds=0.3, crossfade_seconds=0.5,
                    ramp_seconds=0.2)
CAP = 30

WRAPPER = """
import QtQuick
import Kiosk
Window {
    id: win
    required property var music
    required property var room
    width: 920; height: 800; color: Theme.background
    %s { anchors.fill: parent; music: win.music; room: win.room }
}
"""


@dataclass
class Loaded:
    engine: QQmlApplicationEngine
    window: QQuickWindow
    music: MusicController
    room: RoomController

    def find(self, name: str) -> QQuickItem:
        return find(self.window, name)


def real_music(tmp_path: Path) -> MusicController:
    from kiosk.adapters.vlc_player import probe_libvlc

    need(probe_libvlc(OPTIONS) is None, "libVLC",
         "apt-get install libvlc5 vlc-plugin-base libvlc-bin")
    folder = tmp_path / "slow-waves"
    folder.mkdir()
    write_tone(folder / "01-first-light.wav", 6.0)
    write_tone(folder / "02-evening.wav", 6.0)
    playlists = [Playlist("Slow waves", str(folder), "Soft and slow, no words"),
                 Playlist("Ocean", str(tmp_path / "missing"), "Waves on a shore")]
    return music_on_libvlc(playlists, Dispatcher().post, FAST,
                           VolumePolicy(cap_percent=CAP, default_percent=60), OPTIONS)


def load(qtbot: QtBot, component: str, music: MusicController) -> Loaded:
    create_gui_app()
    room = RoomController("Room 1", "Demo clinic")
    engine = QQmlApplicationEngine()
    engine.addImportPath(str(QML_DIR))
    music.setParent(engine)
    room.setParent(engine)
    engine.setInitialProperties({"music": music, "room": room})
    # A file URL: loadData with a non-file scheme waits forever on a network fetch.
    url = QUrl.fromLocalFile(str(QML_DIR / "Kiosk" / "_music_test_wrapper.qml"))
    engine.loadData(QByteArray((WRAPPER % component).encode()), url)
    window = engine.rootObjects()[0]
    assert isinstance(window, QQuickWindow)
    engine.singletonInstance("Kiosk", "Theme").setProperty("reducedMotion", True)
    window.setGeometry(0, 0, 920, 800)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.contentItem().width() > 0, timeout=2000)
    return Loaded(engine, window, music, room)


@pytest.fixture
def screen(qtbot: QtBot, tmp_path: Path) -> Iterator[Loaded]:
    music = real_music(tmp_path)
    qtbot.waitUntil(lambda: music.playlists[0]["trackCount"] == 2, timeout=5000)
    loaded = load(qtbot, "MusicScreen", music)
    yield loaded
    music.silence()
    loaded.window.hide()


def tap(qtbot: QtBot, loaded: Loaded, name: str) -> None:
    # Lay out what just changed (a button that just appeared) before finding where to tap.
    for each in items(loaded.window.contentItem()):
        each.ensurePolished()
    item = loaded.find(name)
    assert shown(item) and item.isEnabled(), f"{name} cannot be tapped"
    QTest.mouseClick(loaded.window, Qt.MouseButton.LeftButton, pos=centre(item).toPoint())


def test_tapping_a_playlist_card_starts_it_and_shows_what_plays(
        qtbot: QtBot, screen: Loaded) -> None:
    qtbot.waitUntil(lambda: shown(screen.find("playlistCard0")), timeout=2000)
    tap(qtbot, screen, "playlistCard0")
    qtbot.waitUntil(lambda: screen.music.playing, timeout=2000)
    assert screen.music.nowPlayingPlaylist == "Slow waves"
    title = screen.music.nowPlayingTitle
    assert title
    qtbot.waitUntil(lambda: title in screen.find("musicScreenNowPlaying").property("text"),
                    timeout=2000)
    assert "Slow waves" in screen.find("musicConfirmation").property("text")
    assert screen.find("musicPlayPause").property("text") == "Pause"


def test_an_unavailable_playlist_shows_its_plain_reason_and_does_not_start(
        qtbot: QtBot, screen: Loaded) -> None:
    reason = screen.music.playlists[1]["reason"]
    assert reason and not screen.music.playlists[1]["available"]
    card = screen.find("playlistCard1")
    texts = [i.property("text") for i in items(card) if i.inherits("QQuickText") and shown(i)]
    assert reason in texts
    tap(qtbot, screen, "playlistCard1")
    assert not screen.music.playing
    assert screen.find("musicConfirmation").property("text") == "This music is not available"


def test_pressing_louder_many_times_never_passes_the_cap(qtbot: QtBot, screen: Loaded) -> None:
    tap(qtbot, screen, "playlistCard0")
    qtbot.waitUntil(lambda: screen.music.playing, timeout=2000)
    for _ in range(15):
        tap(qtbot, screen, "volumeUp")
    mixer = screen.music._mixer
    assert mixer is not None
    qtbot.waitUntil(lambda: max(mixer.deck_units()) > 0, timeout=2000)
    qtbot.wait(600)  # the ramp's length plus a tick: the level has settled
    loudest = max(amplitude_for_units(u) for u in mixer.deck_units())
    assert loudest <= CAP / 100
    assert screen.music.volumePercent == screen.music.volumeMaxPercent
    assert screen.find("musicConfirmation").property("text") == "Volume is at the limit"
    level = screen.find("volumeLevel").property("text")  # "N of N": the top of the scale
    assert level.split()[0] == level.split()[2], level


def test_silence_stops_the_music(qtbot: QtBot, screen: Loaded) -> None:
    tap(qtbot, screen, "playlistCard0")
    qtbot.waitUntil(lambda: screen.music.playing, timeout=2000)
    tap(qtbot, screen, "musicSilence")
    assert not screen.music.playing
    mixer = screen.music._mixer
    assert mixer is not None
    # The fade-out runs its course, then both decks stop.
    qtbot.waitUntil(lambda: not any(c.deck.is_playing() for c in mixer._channels), timeout=3000)
    assert screen.find("musicConfirmation").property("text") == "Silence"
    assert screen.find("musicScreenNowPlaying").property("text") == "No music playing"


def test_back_returns_to_the_home_screen(qtbot: QtBot, screen: Loaded) -> None:
    screen.room.show("music")
    tap(qtbot, screen, "musicBackButton")
    assert screen.room.screen == "home"


def test_every_target_is_named_at_least_110_px_and_text_is_big_and_clear(
        qtbot: QtBot, screen: Loaded) -> None:
    tap(qtbot, screen, "playlistCard0")
    qtbot.waitUntil(lambda: screen.music.playing, timeout=2000)
    found = targets(screen.window)
    assert len(found) >= 8
    for item in found:
        _, _, width, height = scene_rect(item)
        assert item.objectName() and accessible_name(item), item
        assert min(width, height) >= 110, f"{item.objectName()} is {width}x{height}"
    for text in (i for i in items(screen.window.contentItem())
                 if i.inherits("QQuickText") and shown(i) and i.property("text")):
        assert text.property("font").pixelSize() >= 24, text.property("text")
        ratio = contrast(text.property("color"), background_behind(text, screen.window))
        assert ratio >= 7, f"{text.property('text')!r} at {ratio:.1f}:1"


def test_home_card_plays_pauses_and_opens_the_music_screen(
        qtbot: QtBot, tmp_path: Path) -> None:
    music = real_music(tmp_path)
    qtbot.waitUntil(lambda: music.playlists[0]["trackCount"] == 2, timeout=5000)
    loaded = load(qtbot, "MusicArea", music)
    try:
        assert loaded.find("musicNowPlaying").property("text") == "No music playing"
        assert not shown(loaded.find("musicAreaPlayPause"))
        music.playPlaylist(0)
        qtbot.waitUntil(lambda: shown(loaded.find("musicAreaPlayPause")), timeout=2000)
        assert loaded.find("musicNowPlaying").property("text") == music.nowPlayingTitle
        tap(qtbot, loaded, "musicAreaPlayPause")
        assert not music.playing
        tap(qtbot, loaded, "chooseMusicButton")
        assert loaded.room.screen == "music"
    finally:
        music.silence()
        loaded.window.hide()


def test_without_libvlc_the_card_says_ask_staff_and_offers_nothing(qtbot: QtBot) -> None:
    music = MusicController([Playlist("Slow waves", "/nowhere")], None,
                            unavailable="the libVLC library was not found")
    loaded = load(qtbot, "MusicArea", music)
    try:
        texts = [i.property("text") for i in items(loaded.window.contentItem())
                 if i.inherits("QQuickText") and shown(i)]
        assert texts == ["Music is unavailable: ask staff"]
        assert not targets(loaded.window)
    finally:
        loaded.window.hide()

