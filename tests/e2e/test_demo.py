"""`python main.py demo`: one command brings up a private broker, a station and the demo rooms,
a test call goes through, and Ctrl-C stops every part."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
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


def test_ctrl_c_twice_on_the_whole_demo_still_stops_it_cleanly(tmp_path: Path) -> None:
    """Ctrl-C in a terminal reaches the demo and its windows at once; an impatient second one
    arrives while they close."""
    need_binary("mosquitto", "sudo apt-get install mosquitto")
    demo = subprocess.Popen([sys.executable, "main.py", "demo"], cwd=ROOT,
                            env=room_env(tmp_path), stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    lines: list[str] = []
    assert demo.stderr is not None
    reader = threading.Thread(target=lambda: lines.extend(demo.stderr or ()), daemon=True)
    reader.start()
    try:
        wait_until(lambda: sum("first frame screen=" in x for x in lines) == 3, timeout=30,
                   message="the demo's three windows")
        os.killpg(demo.pid, signal.SIGINT)
        time.sleep(0.2)
        os.killpg(demo.pid, signal.SIGINT)
        code = demo.wait(30)
    finally:
        if demo.poll() is None:
            os.killpg(demo.pid, signal.SIGKILL)
    reader.join(10)
    assert code == 0
    assert not any("Traceback" in line for line in lines), "".join(lines[-30:])
    assert any("private broker stopped" in line for line in lines)
