"""Config reload on the real room screen: a valid change to the config folder is applied live,
without a restart; an invalid one leaves the room on its last good settings and the nurse
panel's "For IT" page shows the problems.

The room is assembled as the app does it from a copy of the shipped config (real files, a real
QFileSystemWatcher, libVLC with a silent output), its broker unreachable.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.app.reload import ConfigReloader
from kiosk.app.room import Room, assemble_room
from kiosk.app.shell import Screen, create_gui_app
from kiosk.qt.dispatch import Dispatcher
from kiosk.screenshots.fakes import offline_parts
from kiosk.settings import default_config_dir, load_config, resolve_room
from tests.qml.helpers import find, items, open_room_window, shown, tap

RELOAD_MS = 10_000


class Reloading:
    def __init__(self, screen: Screen, room: Room, config: Path,
                 reloader: ConfigReloader) -> None:
        self.screen, self.room, self.config, self.reloader = screen, room, config, reloader
        self.window = screen.window

    def tap(self, name: str, qtbot: QtBot) -> None:
        tap(self.window, name, qtbot)

    def edit(self, name: str, old: str, new: str, replace_file: bool = False) -> None:
        """Change a config file in place, or as many editors save: a new file renamed over it."""
        path = self.config / name
        text = path.read_text()
        assert old in text, f"{old!r} is not in {name}"
        if replace_file:
            spare = path.with_suffix(".yaml.tmp")
            spare.write_text(text.replace(old, new))
            os.replace(spare, path)
        else:
            path.write_text(text.replace(old, new))

    def it_page(self, qtbot: QtBot) -> list[str]:
        if not self.room.room.nurse.grantedAccess:
            self.room.room.openNursePanel()
            for digit in "2468":
                self.tap(f"nursePinKey{digit}", qtbot)
            with qtbot.waitSignal(self.room.room.nurse.granted, timeout=5000):
                self.tap("nursePinOk", qtbot)
        self.tap("nursePage3", qtbot)
        return [str(i.property("text")) for i in items(self.window.contentItem())
                if i.objectName() == "nurseDiagnostic" and shown(i)]


@pytest.fixture
def reloading(qtbot, monkeypatch, tmp_path) -> Iterator[Reloading]:  # type: ignore[no-untyped-def]
    create_gui_app()
    config_dir = tmp_path / "config"
    shutil.copytree(default_config_dir(), config_dir, ignore=shutil.ignore_patterns("systemd"))
    for room_file in (config_dir / "rooms").glob("*.yaml"):  # the copy names the shipped music
        room_file.write_text(room_file.read_text().replace(
            "../../assets/", str(default_config_dir().parent / "assets") + "/"))
    monkeypatch.setenv("KIOSK_BROKER", "mqtt://127.0.0.1:9")
    config = load_config(config_dir)
    settings = resolve_room(config)
    dispatcher = Dispatcher()
    room = assemble_room(config, settings, offline_parts(dispatcher.post), dispatcher.post)
    screen = open_room_window(room.backends(), qtbot)
    reloader = ConfigReloader(room, os.environ, debounce_ms=500)
    yield Reloading(screen, room, config_dir, reloader)
    screen.close()
    room.stop()


def test_a_valid_change_is_used_at_once_and_said_on_the_it_page(
        reloading: Reloading, qtbot: QtBot) -> None:
    room = reloading.room
    qtbot.waitUntil(lambda: room.music.property("playlists")[0]["available"], timeout=RELOAD_MS)
    room.music.playPlaylist(0)  # Slow waves
    assert room.music.property("playing")
    room.session.start("ketamine-40", 0)
    with qtbot.waitSignal(reloading.reloader.reloaded, timeout=RELOAD_MS) as first:
        reloading.edit("rooms/room-1.yaml", "display_name: Room 1", "display_name: Chair 7",
                       replace_file=True)
        reloading.edit("rooms/room-1.yaml", "volume_cap_percent: 70", "volume_cap_percent: 50")
        reloading.edit("rooms/room-1.yaml", "    - name: Evening tones",
                       "    - name: Evening bells")
        reloading.edit("clinic.yaml", "name: Ketamine infusion, 40 min",
                       "name: Ketamine infusion, forty minutes")
        reloading.edit("clinic.yaml", "{id: water, label: Water, priority: low}",
                       "{id: water, label: Water, priority: normal}")
        reloading.edit("content/en.yaml", "  - {id: water, label: Water}",
                       "  - {id: water, label: A glass of water}")
    assert {p.value for p in first.args[0]} >= {"room name", "music", "session templates",
                                                 "requests", "guide"}
    assert str(find(reloading.window, "roomName").property("text")) == "Chair 7"
    assert room.desk.property("onTablet").property("patientCapPercent") == 50
    assert room.music.property("volumeCapPercent") == 50
    assert room.music.property("playing"), "its playlist is still there: the music plays on"
    names = [p["name"] for p in room.music.property("playlists")]
    assert names == ["Slow waves", "Soft pads", "Evening bells"]
    assert [t["name"] for t in room.session.property("templates")][0] == (
        "Ketamine infusion, forty minutes")
    assert room.session.property("templateName") == "Ketamine infusion, 40 min", (
        "the running session keeps the template it started with")
    water = {c["id"]: c for c in room.calls.property("choices")}["water"]
    assert (water["priority"], water["label"]) == ("normal", "A glass of water")
    lines = reloading.it_page(qtbot)
    assert any(line.startswith("Config reloaded at ") and "room name" in line
               and "volume limit and playlists" in line for line in lines), lines

    # The room file was replaced by a rename above: it is still watched.
    with qtbot.waitSignal(reloading.reloader.reloaded, timeout=RELOAD_MS):
        reloading.edit("rooms/room-1.yaml", "    - name: Slow waves", "    - name: Slow tides")
    qtbot.waitUntil(lambda: not room.music.property("playing"), timeout=RELOAD_MS)
    assert room.music.property("nowPlayingPlaylist") == "", "its playlist is gone: it stopped"


def test_an_invalid_change_keeps_the_last_good_settings_and_shows_the_problems(
        reloading: Reloading, qtbot: QtBot) -> None:
    room = reloading.room
    with qtbot.waitSignal(reloading.reloader.refused, timeout=RELOAD_MS) as refused:
        reloading.edit("rooms/room-1.yaml", "display_name: Room 1", "display_name: Chair 7")
        reloading.edit("rooms/room-1.yaml", "volume_cap_percent: 70", "volume_cap_percent: 150")
    assert any("music.volume_cap_percent: must be 100 or less (got 150)" in line
               for line in refused.args[0])
    assert str(find(reloading.window, "roomName").property("text")) == "Room 1"
    assert room.desk.property("onTablet").property("patientCapPercent") == 70
    lines = reloading.it_page(qtbot)
    assert any(line.startswith("Config changed at ") and "last good settings" in line
               for line in lines), lines
    assert any("rooms/room-1.yaml line" in line and "must be 100 or less (got 150)" in line
               for line in lines), lines

    with qtbot.waitSignal(reloading.reloader.reloaded, timeout=RELOAD_MS):
        reloading.edit("rooms/room-1.yaml", "volume_cap_percent: 150", "volume_cap_percent: 60")
    assert str(find(reloading.window, "roomName").property("text")) == "Chair 7"
    lines = reloading.it_page(qtbot)
    assert not any("must be 100 or less" in line for line in lines), "fixed: the problem goes"
