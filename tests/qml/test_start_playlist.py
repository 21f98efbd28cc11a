"""The room's starting playlist on the real room screen: a nurse picks it on the Patient page
(kept in the overrides file, "changed on this tablet", with a way back), and the next session a
nurse starts begins with it, fading in; music already playing is left alone.

The room is assembled from the shipped config (no starting playlist: silence) with music on
libVLC's silent output, its broker unreachable.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.adapters.state_file import SessionStateFile
from kiosk.app.room import Room, assemble_room
from kiosk.app.shell import Screen, create_gui_app
from kiosk.qt.dispatch import Dispatcher
from kiosk.screenshots.fakes import offline_parts
from kiosk.settings import load_config, resolve_room
from tests.qml.helpers import find, open_room_window, tap


class Panel:
    def __init__(self, screen: Screen, room: Room, overrides: Path) -> None:
        self.screen, self.room, self.overrides = screen, room, overrides
        self.window = screen.window

    def tap(self, name: str, qtbot: QtBot) -> None:
        tap(self.window, name, qtbot)

    def text(self, name: str) -> str:
        return str(find(self.window, name).property("text"))


@pytest.fixture
def panel(qtbot, monkeypatch, tmp_path) -> Iterator[Panel]:  # type: ignore[no-untyped-def]
    create_gui_app()
    monkeypatch.setenv("KIOSK_BROKER", "mqtt://127.0.0.1:9")
    config = load_config(None)
    settings = resolve_room(config)
    dispatcher = Dispatcher()
    parts = offline_parts(dispatcher.post)
    overrides = tmp_path / "overrides" / "room-1.json"
    parts.room_overrides = SessionStateFile(overrides)
    room = assemble_room(config, settings, parts, dispatcher.post)
    screen = open_room_window(room.backends(), qtbot)
    qtbot.waitUntil(lambda: all(p["available"] for p in room.music.property("playlists")),
                    timeout=10000)
    room.room.openNursePanel()
    opened = Panel(screen, room, overrides)
    for digit in "2468":
        opened.tap(f"nursePinKey{digit}", qtbot)
    with qtbot.waitSignal(room.room.nurse.granted, timeout=5000):
        opened.tap("nursePinOk", qtbot)
    yield opened
    screen.close()
    room.stop()


def test_a_session_starts_with_the_rooms_playlist_chosen_on_the_tablet(
        panel: Panel, qtbot: QtBot) -> None:
    music = panel.room.music
    panel.tap("nursePage1", qtbot)
    assert panel.text("nurseStartPlaylistText") == (
        "Music when a session starts in this room: silence (the clinic's setting).")
    panel.tap("nurseStartWith1", qtbot)  # Soft pads
    assert panel.text("nurseStartPlaylistText") == (
        "Music when a session starts in this room: Soft pads. Changed on this tablet; the "
        "clinic's setting is silence.")
    assert json.loads(panel.overrides.read_text()) == {"default_playlist": "Soft pads"}
    assert not music.property("playing"), "choosing it plays nothing yet"

    panel.tap("nursePage0", qtbot)
    panel.tap("nurseStartButton", qtbot)
    assert panel.room.session.property("sessionState") == "running"
    qtbot.waitUntil(lambda: music.property("nowPlayingPlaylist") == "Soft pads", timeout=5000)
    assert music.property("playing")
    assert music.property("volumePercent") == 35, "at the room's quiet starting level"


def test_music_already_playing_is_left_alone_and_the_clinic_setting_is_a_tap_away(
        panel: Panel, qtbot: QtBot) -> None:
    music = panel.room.music
    panel.tap("nursePage1", qtbot)
    panel.tap("nurseStartWith1", qtbot)  # Soft pads for every session
    panel.tap("nursePlaylist2", qtbot)  # this patient asked for Evening tones already
    qtbot.waitUntil(lambda: music.property("nowPlayingPlaylist") == "Evening tones",
                    timeout=5000)
    panel.tap("nursePage0", qtbot)
    panel.tap("nurseStartButton", qtbot)
    assert panel.room.session.property("sessionState") == "running"
    assert music.property("nowPlayingPlaylist") == "Evening tones"

    panel.tap("nursePage1", qtbot)
    panel.tap("nurseStartPlaylistClinic", qtbot)
    assert json.loads(panel.overrides.read_text()) == {}
    assert panel.text("nurseStartPlaylistText").endswith("silence (the clinic's setting).")
