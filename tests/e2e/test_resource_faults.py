"""Whatever a file the config names does, the room and the station come up as processes with
their screens, say which part is degraded, and print no traceback (a crash under a service
manager is a crash loop with no call button)."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.settings.test_check_config_command import ConfigCopy
from tests.test_startup import Process, room_env

pytestmark = pytest.mark.slow

Fault = Callable[[ConfigCopy], None]


def _password_missing(copy: ConfigCopy) -> None:
    copy.broker_option(f"password_file: {copy.tmp / 'no-such-file'}")


def _password_a_folder(copy: ConfigCopy) -> None:
    copy.broker_option(f"password_file: {copy.tmp}")


def _password_empty(copy: ConfigCopy) -> None:
    (copy.tmp / "empty").write_text("\n")
    copy.broker_option(f"password_file: {copy.tmp / 'empty'}")


def _ca_missing(copy: ConfigCopy) -> None:
    copy.edit("clinic.yaml", "url: mqtt://", "url: mqtts://")
    copy.broker_option(f"ca_file: {copy.tmp / 'no-ca.pem'}")


def _ca_not_a_certificate(copy: ConfigCopy) -> None:
    (copy.tmp / "ca.pem").write_text("this is not a certificate\n")
    copy.edit("clinic.yaml", "url: mqtt://", "url: mqtts://")
    copy.broker_option(f"ca_file: {copy.tmp / 'ca.pem'}")


# (fault, what check-config names, what the room says it runs without)
BROKER_FAULTS: dict[str, tuple[Fault, str, str]] = {
    "password file missing": (_password_missing, "does not exist", "does not exist"),
    "password file is a folder": (_password_a_folder, "is a folder", "it is a folder"),
    "password file empty": (_password_empty, "is empty", "is empty"),
    "CA file missing": (_ca_missing, "does not exist", "it does not exist"),
    "CA file not a certificate": (_ca_not_a_certificate, "no certificate",
                                  "not a PEM certificate"),
}


def _no_traceback(process: Process) -> None:
    assert not any("Traceback" in line for line in process.lines), process.lines


@pytest.mark.parametrize("case", list(BROKER_FAULTS))
def test_a_broker_file_that_cannot_be_used_leaves_the_room_up_saying_so(
        tmp_path: Path, case: str) -> None:
    fault, checked, said = BROKER_FAULTS[case]
    copy = ConfigCopy(tmp_path)
    fault(copy)
    code, printed = copy.check()
    assert code == 1
    assert any("clinic.yaml line" in line and checked in line for line in printed), printed

    room = Process(["room", "--windowed", "--config", str(copy.dir)], room_env(tmp_path))
    try:
        room.wait_for("first frame screen=room")  # the patient's screen, call button and all
        degraded = room.wait_for("room runs without a part part=calls")
        assert said in degraded
        room.wait_for("broker link not started")
    finally:
        assert room.stop() == 0
    _no_traceback(room)


@pytest.mark.parametrize("case", ["password file missing", "CA file not a certificate"])
def test_a_broker_file_that_cannot_be_used_leaves_the_station_up_saying_so(
        tmp_path: Path, case: str) -> None:
    fault, _, said = BROKER_FAULTS[case]
    copy = ConfigCopy(tmp_path)
    fault(copy)
    station = Process(["station", "--windowed", "--config", str(copy.dir)], room_env(tmp_path))
    try:
        station.wait_for("first frame screen=station")
        assert said in station.wait_for("broker link not started")
    finally:
        assert station.stop() == 0
    _no_traceback(station)


def test_playlists_missing_or_empty_leave_the_room_up_and_are_named_in_the_log(
        tmp_path: Path) -> None:
    copy = ConfigCopy(tmp_path)
    for name in ("slow-waves", "soft-pads"):
        for track in (copy.music / name).iterdir():
            track.unlink()
    subprocess.run(["rm", "-r", str(copy.music / "evening-tones")], check=True)
    code, printed = copy.check()
    assert code == 0 and sum("warning:" in line for line in printed) >= 3, printed
    room = Process(["room", "--windowed", "--config", str(copy.dir)], room_env(tmp_path))
    try:
        room.wait_for("first frame screen=room")
        assert "no playable music" in room.wait_for("config warning:")
    finally:
        assert room.stop() == 0
    _no_traceback(room)


def test_a_state_folder_that_cannot_be_created_leaves_the_room_up_saying_so(
        tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    room = Process(["room", "--windowed"],
                   room_env(tmp_path, KIOSK_STATE_DIR=str(blocker / "state")))
    try:
        room.wait_for("first frame screen=room")
        room.wait_for("room runs without a part part=storage")
    finally:
        assert room.stop() == 0
    _no_traceback(room)


def test_a_config_that_cannot_run_the_room_shows_maintenance_without_a_traceback(
        tmp_path: Path) -> None:
    copy = ConfigCopy(tmp_path)
    copy.edit("rooms/room-1.yaml", "volume_cap_percent:", "volume_cap_percent: 150\n  x_cap:")
    room = Process(["room", "--windowed", "--config", str(copy.dir)], room_env(tmp_path))
    try:
        room.wait_for("first frame screen=maintenance")
    finally:
        assert room.stop() == 0
    _no_traceback(room)
