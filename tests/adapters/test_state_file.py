"""The session state file: same contract as the in-memory store, and atomic, honest about damage."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from kiosk.adapters.state_file import SessionStateFile
from kiosk.core.clock import FakeClock
from kiosk.core.session import MemorySessionStore, SessionModel, SessionState, SessionStore
from tests.core.test_session import KETAMINE

STATE = {"version": 1, "state": "running", "elapsed_seconds": 12.5, "phases": ["a", "b"],
         "nested": {"flag": True}}


@pytest.fixture(params=["memory", "file"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> SessionStore:
    if request.param == "memory":
        return MemorySessionStore()
    return SessionStateFile(tmp_path / "state" / "session.json")


# ---- contract: every SessionStore --------------------------------------------------------------

def test_nothing_saved_loads_as_no_session(store: SessionStore) -> None:
    assert store.load() is None


def test_saved_state_loads_back_equal(store: SessionStore) -> None:
    store.save(STATE)
    assert store.load() == STATE


def test_later_save_replaces_the_earlier_one(store: SessionStore) -> None:
    store.save(STATE)
    store.save({**STATE, "elapsed_seconds": 99.0})
    loaded = store.load()
    assert loaded is not None and loaded["elapsed_seconds"] == 99.0


def test_changing_a_loaded_state_does_not_change_what_is_saved(store: SessionStore) -> None:
    store.save(STATE)
    loaded = store.load()
    assert loaded is not None
    loaded["nested"]["flag"] = False
    assert store.load() == STATE


def test_clear_forgets_and_clearing_twice_is_harmless(store: SessionStore) -> None:
    store.save(STATE)
    store.clear()
    store.clear()
    assert store.load() is None


# ---- the real file ----------------------------------------------------------------------------

def test_save_creates_the_state_directory_and_leaves_no_temp_files(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "state" / "session.json"
    SessionStateFile(path).save(STATE)
    assert json.loads(path.read_text(encoding="utf-8")) == STATE
    assert sorted(p.name for p in path.parent.iterdir()) == ["session.json"]


def test_a_save_that_fails_keeps_the_previous_state(tmp_path: Path) -> None:
    path = tmp_path / "session.json"
    store = SessionStateFile(path)
    store.save(STATE)
    with pytest.raises(ValueError):
        store.save({**STATE, "elapsed_seconds": float("nan")})
    assert store.load() == STATE
    assert sorted(p.name for p in tmp_path.iterdir()) == ["session.json"]


@pytest.mark.parametrize("content", [
    b'{"version": 1, "state": "runn',
    b"",
    b"\xff\xfe not text",
    b"[1, 2, 3]",
])
def test_damaged_file_reads_as_no_session_with_a_log_line_and_is_kept_aside(
        tmp_path: Path, caplog: pytest.LogCaptureFixture, content: bytes) -> None:
    path = tmp_path / "session.json"
    path.write_bytes(content)
    with caplog.at_level(logging.WARNING):
        assert SessionStateFile(path).load() is None
    assert "saved session file is unreadable" in caplog.text
    assert not path.exists()
    assert (tmp_path / "session.json.unreadable").read_bytes() == content


def test_half_written_file_in_the_state_dir_gives_a_clean_room_without_crashing(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "session.json"
    store = SessionStateFile(path)
    SessionModel(FakeClock(), store).start(KETAMINE)
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: len(text) // 2], encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        model = SessionModel(FakeClock(), store)
    assert model.view().state is SessionState.NONE
    assert "unreadable" in caplog.text


def test_temp_file_left_by_a_crash_mid_write_is_ignored_and_removed(tmp_path: Path) -> None:
    path = tmp_path / "session.json"
    store = SessionStateFile(path)
    store.save(STATE)
    leftover = tmp_path / ".tmp-session.json1234abcd"
    leftover.write_text('{"version": 1, "sta', encoding="utf-8")
    assert store.load() == STATE
    assert not leftover.exists()


def test_unwritable_state_dir_raises_oserror_for_the_model_to_report(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(OSError):
        SessionStateFile(blocker / "session.json").save(STATE)
