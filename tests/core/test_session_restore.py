"""A session survives a restart: same values to the second, no repeated or missed announcements.

Runs against the in-memory store and the real state file, so the fake stays honest.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from kiosk.adapters.state_file import SessionStateFile
from kiosk.core.clock import FakeClock
from kiosk.core.session import (
    FUTURE_TOLERANCE_SECONDS,
    InfusionComplete,
    MemorySessionStore,
    PhaseChanged,
    SessionEnded,
    SessionModel,
    SessionState,
    SessionStore,
)
from tests.core.test_session import KETAMINE, MIN


@pytest.fixture(params=["memory", "file"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> SessionStore:
    if request.param == "memory":
        return MemorySessionStore()
    return SessionStateFile(tmp_path / "state" / "session.json")


def restart(store: SessionStore, before: FakeClock, off_seconds: float = 0.0,
            ) -> tuple[SessionModel, FakeClock]:
    """A new process: wall time carries on, monotonic time starts from a new origin."""
    clock = FakeClock(wall=before.wall() + off_seconds, monotonic=7.0)
    return SessionModel(clock, store), clock


def test_restart_mid_phase_shows_the_same_time_left(store: SessionStore) -> None:
    clock = FakeClock()
    model = SessionModel(clock, store)
    model.start(KETAMINE)
    clock.advance(17 * MIN + 23)
    model.poll()
    before = model.view()
    restored, _ = restart(store, clock)
    assert restored.view() == before
    assert restored.view().phase_remaining_seconds == 28 * MIN - 23


def test_time_keeps_counting_while_the_room_is_off(store: SessionStore) -> None:
    clock = FakeClock()
    model = SessionModel(clock, store)
    model.start(KETAMINE)
    clock.advance(10 * MIN)
    model.poll()
    restored, new_clock = restart(store, clock, off_seconds=3 * MIN)
    assert restored.view().elapsed_seconds == 13 * MIN
    new_clock.advance(MIN)
    assert restored.view().elapsed_seconds == 14 * MIN


def test_a_paused_session_stays_paused_and_frozen_across_a_restart(store: SessionStore) -> None:
    clock = FakeClock()
    model = SessionModel(clock, store)
    model.start(KETAMINE)
    clock.advance(8 * MIN)
    model.pause()
    restored, new_clock = restart(store, clock, off_seconds=20 * MIN)
    new_clock.advance(MIN)
    assert restored.view().state is SessionState.PAUSED
    assert restored.view().elapsed_seconds == 8 * MIN
    restored.resume()
    new_clock.advance(MIN)
    assert restored.view().elapsed_seconds == 9 * MIN


def test_extension_survives_a_restart(store: SessionStore) -> None:
    clock = FakeClock()
    model = SessionModel(clock, store)
    model.start(KETAMINE, infusion_minutes=30)
    clock.advance(6 * MIN)
    model.extend(15)
    restored, _ = restart(store, clock)
    assert restored.view().remaining_seconds == (5 + 30 + 15 + 20 - 6) * MIN


def test_announced_events_are_not_repeated_after_a_restart(store: SessionStore) -> None:
    clock = FakeClock()
    model = SessionModel(clock, store)
    model.start(KETAMINE)
    clock.advance(46 * MIN)
    assert any(isinstance(e, InfusionComplete) for e in model.poll())
    restored, new_clock = restart(store, clock, off_seconds=30)
    assert restored.poll() == []
    new_clock.advance(20 * MIN)
    assert [type(e) for e in restored.poll()] == [SessionEnded]


def test_infusion_that_ended_while_the_room_was_off_is_announced_once_on_restore(
        store: SessionStore) -> None:
    clock = FakeClock()
    start_wall = clock.wall()
    model = SessionModel(clock, store)
    model.start(KETAMINE)
    clock.advance(40 * MIN)
    model.poll()
    restored, _ = restart(store, clock, off_seconds=10 * MIN)
    events = restored.poll()
    complete = [e for e in events if isinstance(e, InfusionComplete)]
    assert len(complete) == 1 and complete[0].late
    assert complete[0].ended_at == start_wall + 45 * MIN
    assert [e.phase.id for e in events if isinstance(e, PhaseChanged)] == ["rest"]
    again, _ = restart(store, clock, off_seconds=11 * MIN)
    assert again.poll() == []


def test_session_that_ran_out_while_off_shows_ended_dated_when_it_ran_out(
        store: SessionStore) -> None:
    clock = FakeClock()
    start_wall = clock.wall()
    model = SessionModel(clock, store)
    model.start(KETAMINE)
    model.poll()
    restored, _ = restart(store, clock, off_seconds=2 * 3600)
    events = restored.poll()
    assert [type(e) for e in events] == [InfusionComplete, SessionEnded]
    ended = events[1]
    assert isinstance(ended, SessionEnded) and ended.ended_at == start_wall + 65 * MIN
    assert restored.view().state is SessionState.ENDED


def test_reset_survives_a_restart(store: SessionStore) -> None:
    clock = FakeClock()
    model = SessionModel(clock, store)
    model.start(KETAMINE)
    model.reset()
    restored, _ = restart(store, clock)
    assert restored.view().state is SessionState.NONE


def test_wall_step_forward_while_running_is_not_counted_after_a_restart(
        store: SessionStore) -> None:
    clock = FakeClock()
    model = SessionModel(clock, store, checkpoint_seconds=3600)
    model.start(KETAMINE)
    clock.advance(10 * MIN)
    clock.jump_wall(+3600)
    clock.advance(5)
    model.poll()
    restored, _ = restart(store, clock)
    assert restored.view().elapsed_seconds == 10 * MIN + 5


def test_running_session_is_saved_each_checkpoint_interval_without_any_nurse_action(
        store: SessionStore) -> None:
    clock = FakeClock()
    model = SessionModel(clock, store, checkpoint_seconds=60)
    model.start(KETAMINE)
    model.poll()
    clock.advance(59)
    model.poll()
    saved = store.load()
    assert saved is not None and saved["elapsed_seconds"] == 0
    clock.advance(1)
    model.poll()
    saved = store.load()
    assert saved is not None and saved["elapsed_seconds"] == 60


def test_small_backward_step_across_a_restart_counts_the_time_off_as_zero(
        store: SessionStore) -> None:
    clock = FakeClock()
    model = SessionModel(clock, store)
    model.start(KETAMINE)
    clock.advance(10 * MIN)
    model.poll()
    restored, _ = restart(store, clock, off_seconds=-120)
    assert restored.view().state is SessionState.RUNNING
    assert restored.view().elapsed_seconds == 10 * MIN


def test_state_saved_in_the_future_gives_no_session_and_says_why(
        store: SessionStore, caplog: pytest.LogCaptureFixture) -> None:
    clock = FakeClock()
    model = SessionModel(clock, store)
    model.start(KETAMINE)
    with caplog.at_level(logging.WARNING):
        restored, _ = restart(store, clock, off_seconds=-(FUTURE_TOLERANCE_SECONDS + 60))
    assert restored.view().state is SessionState.NONE
    assert "discarded saved session" in caplog.text and "in the future" in caplog.text
    assert store.load() is None


def test_state_from_an_earlier_day_is_not_resumed(
        store: SessionStore, caplog: pytest.LogCaptureFixture) -> None:
    clock = FakeClock()
    SessionModel(clock, store).start(KETAMINE)
    with caplog.at_level(logging.WARNING):
        restored, _ = restart(store, clock, off_seconds=24 * 3600)
    assert restored.view().state is SessionState.NONE
    assert "too old to resume" in caplog.text


@pytest.mark.parametrize("damage", [
    {"version": 99},
    {"elapsed_seconds": "ten"},
    {"elapsed_seconds": -5},
    {"state": "exploded"},
    {"durations_seconds": [60]},
    {"template": "ketamine"},
    {"infusion_announced": "yes"},
])
def test_damaged_state_gives_no_session_and_a_log_line(
        store: SessionStore, caplog: pytest.LogCaptureFixture, damage: dict[str, object]) -> None:
    clock = FakeClock()
    SessionModel(clock, store).start(KETAMINE)
    data = store.load()
    assert data is not None
    store.save({**data, **damage})
    with caplog.at_level(logging.WARNING):
        restored, _ = restart(store, clock)
    assert restored.view().state is SessionState.NONE
    assert restored.poll() == []
    assert "discarded saved session" in caplog.text


def test_state_missing_a_field_gives_no_session(
        store: SessionStore, caplog: pytest.LogCaptureFixture) -> None:
    clock = FakeClock()
    SessionModel(clock, store).start(KETAMINE)
    data = store.load()
    assert data is not None
    del data["announced_phase_index"]
    store.save(data)
    with caplog.at_level(logging.WARNING):
        restored, _ = restart(store, clock)
    assert restored.view().state is SessionState.NONE
    assert "announced_phase_index" in caplog.text


class _BrokenStore(MemorySessionStore):
    def save(self, state: dict[str, object]) -> None:
        raise OSError("disk full")


def test_a_store_that_cannot_save_does_not_stop_the_timer(
        caplog: pytest.LogCaptureFixture) -> None:
    clock = FakeClock()
    model = SessionModel(clock, _BrokenStore())
    with caplog.at_level(logging.WARNING):
        model.start(KETAMINE)
    clock.advance(6 * MIN)
    assert [type(e) for e in model.poll()] == [PhaseChanged]
    assert model.view().phase_index == 1
    assert "could not save session reason=disk full" in caplog.text
