"""The room's volume limit changed on the tablet outlives the patient and a restart, is kept in
the state folder's overrides file (never the clinic's YAML), and has a way back; the limit for
one patient ends with Reset."""

from __future__ import annotations

import json
from pathlib import Path

from kiosk.adapters.state_file import SessionStateFile
from kiosk.qt.nurse import RoomOnTablet


class Music:
    def __init__(self) -> None:
        self.cap = -1
        self.volume_resets = 0

    def setVolumeCap(self, percent: int) -> None:  # noqa: N802 (QML names)
        self.cap = percent

    def reset_volume(self) -> None:
        self.volume_resets += 1

    def start_if_silent(self, name: str) -> bool:
        self.started = name
        return bool(name)


def test_the_rooms_limit_is_written_atomically_and_read_back_after_a_restart(
        tmp_path: Path) -> None:
    path = tmp_path / "overrides" / "room-1.json"
    music = Music()
    first = RoomOnTablet(SessionStateFile(path), music, 70)
    assert music.cap == 70 and not first.roomCapChangedHere
    first.changeRoomCap(-20)
    assert json.loads(path.read_text()) == {"volume_cap_percent": 50}
    assert music.cap == 50 and first.roomCapChangedHere
    assert [p.name for p in path.parent.iterdir()] == ["room-1.json"], "no temporary left"

    restarted_music = Music()
    restarted = RoomOnTablet(SessionStateFile(path), restarted_music, 70)
    assert restarted.roomCapPercent == 50 and restarted_music.cap == 50


def test_a_patients_limit_ends_with_reset_and_the_clinic_setting_is_a_tap_away(
        tmp_path: Path) -> None:
    path = tmp_path / "room-1.json"
    music = Music()
    on_tablet = RoomOnTablet(SessionStateFile(path), music, 70)
    on_tablet.changeRoomCap(-10)
    on_tablet.changePatientCap(-30)
    assert music.cap == 30
    on_tablet.patient_reset()
    assert music.cap == 60 and on_tablet.patientCapPercent == 60
    assert music.volume_resets == 1, "the music's level goes back to the room's start too"
    on_tablet.useClinicRoomCap()
    assert music.cap == 70 and not on_tablet.roomCapChangedHere
    assert json.loads(path.read_text()) == {}


def test_a_damaged_overrides_value_falls_back_to_the_clinic_setting(tmp_path: Path) -> None:
    path = tmp_path / "room-1.json"
    path.write_text(json.dumps({"volume_cap_percent": 400}))
    music = Music()
    assert RoomOnTablet(SessionStateFile(path), music, 70).roomCapPercent == 70
    assert music.cap == 70


def test_the_rooms_starting_playlist_is_kept_on_the_tablet_with_a_way_back(
        tmp_path: Path) -> None:
    path = tmp_path / "overrides" / "room-1.json"
    music = Music()
    on_tablet = RoomOnTablet(SessionStateFile(path), music, 70, clinic_playlist="Slow waves")
    assert on_tablet.startPlaylist == "Slow waves" and not on_tablet.startPlaylistChangedHere
    assert on_tablet.startPlaylistText == ("Music when a session starts in this room: Slow "
                                           "waves (the clinic's setting).")
    on_tablet.chooseStartPlaylist("Soft pads")
    assert json.loads(path.read_text()) == {"default_playlist": "Soft pads"}
    on_tablet.session_started()
    assert music.started == "Soft pads"
    on_tablet.patient_reset()
    restarted = RoomOnTablet(SessionStateFile(path), Music(), 70, clinic_playlist="Slow waves")
    assert restarted.startPlaylist == "Soft pads", "it outlives Reset and a restart"
    assert restarted.startPlaylistText == (
        "Music when a session starts in this room: Soft pads. Changed on this tablet; the "
        "clinic's setting is Slow waves.")
    restarted.useClinicStartPlaylist()
    assert restarted.startPlaylist == "Slow waves" and json.loads(path.read_text()) == {}


def test_a_starting_playlist_chosen_here_that_a_reload_removed_falls_back(
        tmp_path: Path) -> None:
    on_tablet = RoomOnTablet(SessionStateFile(tmp_path / "room-1.json"), Music(), 70)
    on_tablet.chooseStartPlaylist("Soft pads")
    on_tablet.set_clinic_playlist("Slow waves", ["Slow waves", "Evening tones"])
    assert on_tablet.startPlaylist == "Slow waves" and not on_tablet.startPlaylistChangedHere
