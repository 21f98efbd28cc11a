"""The room as a process keeps a running session through kill -9.

The session is started through the nurse's own start slot (the KIOSK_TEST_START_SESSION hook in
kiosk.app.room.apply_test_hooks), the process is killed without warning, and a fresh process
without the hook must come back in the same phase with the right minutes left.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from tests.test_startup import Process, room_env

pytestmark = pytest.mark.slow

# ketamine-40 in the shipped config: settle 5 + infusion 40 + rest 60 minutes.
TOTAL_MINUTES = 105
SETTLE_MINUTES = 5


def field(line: str, key: str) -> str:
    match = re.search(rf"\b{key}=(\S+)", line)
    assert match, f"no {key}= in {line!r}"
    return match.group(1)


def test_a_session_started_by_the_nurse_survives_kill_9_in_the_same_phase(
        tmp_path: Path) -> None:
    first = Process(["room", "--windowed"],
                    room_env(tmp_path, KIOSK_TEST_START_SESSION="ketamine-40",
                             KIOSK_TEST_HOOKS="1"))
    started = first.wait_for("session started by test hook")
    assert "template=ketamine-40" in started and "started=True" in started
    started_at = time.monotonic()
    first.wait_for("first frame screen=room")
    first.proc.kill()
    first.proc.wait(10)
    killed_after = time.monotonic() - started_at

    second = Process(["room", "--windowed"], room_env(tmp_path))
    try:
        restored = second.wait_for("session restored phase=")
        core = second.wait_for("session restored template=ketamine-40")
        assert not any("session started by test hook" in x for x in second.lines)
        assert field(restored, "phase") == "settle"
        assert field(restored, "state") == "running"
        assert int(field(restored, "minutes_left")) == TOTAL_MINUTES
        assert int(field(restored, "phase_minutes_left")) == SETTLE_MINUTES
        # The time the first room ran still counts, and the restart adds no made-up time.
        elapsed = float(field(core, "elapsed_seconds"))
        assert killed_after - 1 <= elapsed <= time.monotonic() - started_at + 1
    finally:
        assert second.stop() == 0
