"""The call outbox: the SQLite one and the in-memory double keep the same promises, and the real
one keeps a call through kill -9."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.adapters.outbox import SqliteOutbox
from kiosk.core.calls import CallOutbox, MemoryOutbox, Stored
from kiosk.core.protocol import CallMessage, Kind

ROOT = Path(__file__).resolve().parents[2]


def call(call_id: str, created_at: float = 1.0, attempt: int = 1) -> CallMessage:
    return CallMessage(call_id, "room-1", Kind.CALL, "urgent", "Call", 100, created_at, attempt)


@pytest.fixture(params=["sqlite", "memory"])
def outbox(request: pytest.FixtureRequest, tmp_path: Path) -> CallOutbox:
    makers: dict[str, Callable[[], CallOutbox]] = {
        "sqlite": lambda: SqliteOutbox(tmp_path / "state"), "memory": MemoryOutbox}
    return makers[request.param]()


def test_an_added_call_is_open_until_removed(outbox: CallOutbox) -> None:
    outbox.add(call("c1"))
    assert [(s.call, s.stored) for s in outbox.open_calls()] == [(call("c1"), Stored.SENT)]
    outbox.remove("c1")
    assert outbox.open_calls() == []


def test_progress_marks_are_kept(outbox: CallOutbox) -> None:
    outbox.add(call("c1"))
    outbox.mark("c1", Stored.ON_THE_WAY)
    assert outbox.open_calls()[0].stored is Stored.ON_THE_WAY


def test_adding_again_updates_the_attempt_and_keeps_the_progress(outbox: CallOutbox) -> None:
    outbox.add(call("c1"))
    outbox.mark("c1", Stored.RECEIVED)
    outbox.add(call("c1", attempt=4))
    [stored] = outbox.open_calls()
    assert (stored.call.attempt, stored.stored) == (4, Stored.RECEIVED)


def test_open_calls_come_back_oldest_first(outbox: CallOutbox) -> None:
    outbox.add(call("late", created_at=20.0))
    outbox.add(call("early", created_at=10.0))
    assert [s.call.call_id for s in outbox.open_calls()] == ["early", "late"]


def test_removing_or_marking_an_unknown_call_is_harmless(outbox: CallOutbox) -> None:
    outbox.mark("nope", Stored.RECEIVED)
    outbox.remove("nope")
    assert outbox.open_calls() == []


_WRITER = """
import sys, time
from pathlib import Path
from kiosk.adapters.outbox import SqliteOutbox
from kiosk.core.protocol import CallMessage, Kind
box = SqliteOutbox(Path(sys.argv[1]))
box.add(CallMessage("c-kill", "room-1", Kind.CALL, "urgent", "Call", 100, 5.0))
print("written", flush=True)
time.sleep(600)
"""


def test_a_call_survives_the_room_app_being_killed(tmp_path: Path) -> None:
    child = subprocess.Popen([sys.executable, "-c", _WRITER, str(tmp_path)], cwd=ROOT,
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "written"
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    assert [s.call.call_id for s in SqliteOutbox(tmp_path).open_calls()] == ["c-kill"]


def test_an_unusable_state_folder_keeps_calls_in_memory_and_says_so(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("")
    box = SqliteOutbox(not_a_folder / "state")
    box.add(call("c-1"))
    assert [s.call.call_id for s in box.open_calls()] == ["c-1"]
    assert not box.durable
    assert "kept in memory only" in caplog.text


def test_a_damaged_database_is_kept_aside_and_a_new_one_keeps_calls(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / SqliteOutbox.FILE_NAME).write_bytes(b"\x00junk" * 500)
    box = SqliteOutbox(tmp_path)
    box.add(call("c-1"))
    box.close()
    assert (tmp_path / (SqliteOutbox.FILE_NAME + ".unreadable")).read_bytes().startswith(b"\x00")
    assert [s.call.call_id for s in SqliteOutbox(tmp_path).open_calls()] == ["c-1"]
    assert "kept aside" in caplog.text


def test_a_failing_disk_write_never_loses_the_call_in_this_run(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    box = SqliteOutbox(tmp_path)
    box.add(call("c-1"))
    # A disk that stops taking writes (full, or gone read-only) from here on.
    box._db = sqlite3.connect(f"file:{box.path}?mode=ro", uri=True, isolation_level=None)
    box.add(call("c-2", created_at=2.0))
    box.mark("c-1", Stored.RECEIVED)
    assert [(s.call.call_id, s.stored) for s in box.open_calls()] == [
        ("c-1", Stored.RECEIVED), ("c-2", Stored.SENT)]
    assert not box.durable
    assert "kept in memory only" in caplog.text
