"""The room as a process: it starts offscreen, renders a first frame and stops cleanly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def room_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env.update(QT_QPA_PLATFORM="offscreen", QT_QUICK_BACKEND="software",
               KIOSK_STATE_DIR=str(tmp_path / "state"))
    env.update(extra)
    return env


class Process:
    """A child whose stderr lines are collected on a reader thread, so waits can have deadlines."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        self.proc = subprocess.Popen([sys.executable, "main.py", *args], cwd=ROOT, env=env,
                                     stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.lines: list[str] = []
        self._seen = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            with self._seen:
                self.lines.append(line.rstrip())
                self._seen.notify_all()

    def wait_for(self, text: str, timeout: float = 20) -> str:
        with self._seen:
            found = self._seen.wait_for(
                lambda: next((x for x in self.lines if text in x), None), timeout)
        if not found:
            self.proc.kill()
            pytest.fail(f"no log line with {text!r} within {timeout} s; got: {self.lines}")
        return str(found)

    def stop(self, timeout: float = 10) -> int:
        self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout)


def test_room_renders_a_first_frame_and_stops_cleanly_on_request(tmp_path: Path) -> None:
    room = Process(["room", "--windowed"], room_env(tmp_path))
    line = room.wait_for("first frame")
    assert "screen=room" in line
    assert room.stop() == 0
    room.wait_for("stopped code=0")


def test_room_with_a_broken_config_shows_the_maintenance_screen_not_a_crash(
        tmp_path: Path) -> None:
    config = tmp_path / "config"
    (config / "rooms").mkdir(parents=True)
    (config / "clinic.yaml").write_text("clinic:\n  name: Test clinic\n  langauge: en\n")
    (config / "rooms" / "room-1.yaml").write_text(
        "room:\n  id: room-1\n  display_name: Room 1\nmusic:\n  volume_cap_percent: 150\n")
    room = Process(["room", "--windowed", "--config", str(config)], room_env(tmp_path))
    room.wait_for("first frame screen=maintenance")
    problems = [x for x in room.lines if "config problem" in x]
    assert any("volume_cap_percent" in x and "100 or less" in x for x in problems)
    assert any('did you mean "language"' in x for x in problems)
    assert room.stop() == 0


def test_without_a_display_it_says_so_in_one_line_instead_of_aborting(tmp_path: Path) -> None:
    env = room_env(tmp_path)
    for var in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        env.pop(var, None)
    done = subprocess.run([sys.executable, "main.py", "room"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=30)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "No display found" in lines[0] and "QT_QPA_PLATFORM=offscreen" in lines[0]
