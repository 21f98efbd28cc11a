"""The shipped systemd units keep the kiosk up: restarted always, and by the watchdog when the
screen freezes; `systemd-analyze verify` finds nothing to say about them."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.support import need_binary

UNITS = Path(__file__).resolve().parents[1] / "config" / "systemd"
ROOM = UNITS / "infusion-kiosk-room.service"
STATION = UNITS / "infusion-kiosk-station.service"
# The programs the units start exist on a deployed tablet, not here: stand-ins take their place.
PROGRAMS = ("/usr/bin/cage", "/opt/infusion-kiosk/.venv/bin/python")


def directives(unit: Path) -> dict[str, str]:
    pairs = (line.split("=", 1) for line in unit.read_text().splitlines()
             if "=" in line and not line.startswith("#"))
    return {key.strip(): value.strip() for key, value in pairs}


@pytest.mark.parametrize("unit", [ROOM, STATION], ids=["room", "station"])
def test_the_unit_restarts_always_and_watches_the_screen(unit: Path) -> None:
    found = directives(unit)
    assert found["Restart"] == "always"
    assert found["Type"] == "notify"
    assert int(found["WatchdogSec"]) > 0
    assert found["StartLimitIntervalSec"] == "0", "systemd never gives up restarting it"


def test_the_room_runs_in_cage_as_its_own_user_with_its_state_folder() -> None:
    found = directives(ROOM)
    assert found["ExecStart"].startswith("/usr/bin/cage -d -- ")
    assert found["ExecStart"].endswith("main.py room")
    assert found["NotifyAccess"] == "all", "the app is cage's child"
    assert found["User"] == "kiosk"
    assert "KIOSK_STATE_DIR=/var/lib/infusion-kiosk" in ROOM.read_text()


@pytest.mark.parametrize("unit, mode", [(ROOM, "--system"), (STATION, "--user")],
                         ids=["room", "station"])
def test_systemd_analyze_verify_finds_nothing(unit: Path, mode: str, tmp_path: Path) -> None:
    need_binary("systemd-analyze", "systemd (Debian package systemd)")
    text = unit.read_text()
    for program in PROGRAMS:
        stand_in = tmp_path / Path(program).name
        stand_in.write_text("#!/bin/sh\n")
        stand_in.chmod(0o755)
        text = text.replace(program, str(stand_in))
    copy = tmp_path / unit.name
    copy.write_text(text)
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    result = subprocess.run(["systemd-analyze", mode, "verify", str(copy)], cwd=tmp_path,
                            capture_output=True, text=True, timeout=60,
                            env={"PATH": "/usr/bin:/bin", "XDG_RUNTIME_DIR": str(runtime)})
    said = [line for line in (result.stdout + result.stderr).splitlines() if unit.name in line]
    assert result.returncode == 0 and said == [], result.stdout + result.stderr
