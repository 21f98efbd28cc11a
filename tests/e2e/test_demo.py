"""`python main.py demo`: one command brings up a private broker, a station and the demo rooms,
a test call goes through, and Ctrl-C stops every part."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import need_binary, wait_until
from tests.test_startup import ROOT, Process, room_env

pytestmark = pytest.mark.slow


def test_the_demo_starts_everything_passes_a_call_test_and_stops_on_ctrl_c(
        tmp_path: Path) -> None:
    need_binary("mosquitto", "sudo apt-get install mosquitto")
    demo = Process(["demo"], room_env(tmp_path))
    try:
        def seen(text: str, count: int) -> bool:
            return sum(text in line for line in demo.lines) >= count

        wait_until(lambda: seen("first frame screen=station", 1) and
                   seen("first frame screen=room", 2), timeout=30, message="three windows")
        wait_until(lambda: seen("connected to broker", 3), timeout=30,
                   message="station and rooms on the broker")
        assert sum("demo started what=room" in line for line in demo.lines) == 2
        url = re.search(r"private broker started port=(\d+)", demo.wait_for("private broker"))
        assert url is not None
        probe = subprocess.run(
            [sys.executable, "main.py", "call-test", "--room", "room-2"], cwd=ROOT,
            env=room_env(tmp_path, KIOSK_BROKER=f"mqtt://127.0.0.1:{url.group(1)}"),
            capture_output=True, text=True, timeout=60)
        assert probe.returncode == 0, probe.stdout + probe.stderr
        assert "Call test passed" in probe.stdout
    finally:
        demo.proc.send_signal(signal.SIGINT)
        code = demo.proc.wait(20)
    assert code == 0
    demo.wait_for("private broker stopped")
    assert sum("stopped code=0" in line for line in demo.lines) == 3
