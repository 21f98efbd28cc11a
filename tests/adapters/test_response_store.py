"""The station's record of call events: kept once per step and station, on disk, and still
counted for this run when the state folder cannot be used."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.adapters.response_store import NoRecord, ResponseStore
from kiosk.core.response_times import CallEvent, CallStep

T = 1_800_000_000.0


def event(step: CallStep, at: float, by: str = "desk", call_id: str = "c1") -> CallEvent:
    return CallEvent(call_id, "room-1", "request", "water", 40, step, by, at)


def test_a_message_heard_twice_is_one_event_and_the_first_time_counts(tmp_path: Path) -> None:
    store = ResponseStore(tmp_path)
    store.record(event(CallStep.PLACED, T, by=""))
    store.record(event(CallStep.ACKNOWLEDGED, T + 30))
    store.record(event(CallStep.ACKNOWLEDGED, T + 20))  # the same station's ack, repeated
    store.record(event(CallStep.ACKNOWLEDGED, T + 25, by="desk-2"))
    store.close()
    events = ResponseStore(tmp_path, create=False).events(T - 1, T + 1)
    acks = sorted((e.by, e.at) for e in events if e.step is CallStep.ACKNOWLEDGED)
    assert acks == [("desk", T + 20), ("desk-2", T + 25)]


def test_only_calls_placed_in_the_range_come_back_with_all_their_steps(tmp_path: Path) -> None:
    store = ResponseStore(tmp_path)
    store.record(event(CallStep.PLACED, T - 100, by="", call_id="yesterday"))
    store.record(event(CallStep.PLACED, T + 5, by=""))
    store.record(event(CallStep.RESOLVED, T + 5000))  # resolved after the range ends
    assert {(e.call_id, e.step) for e in store.events(T, T + 60)} == {
        ("c1", CallStep.PLACED), ("c1", CallStep.RESOLVED)}
    store.close()


def test_an_unusable_state_folder_keeps_the_figures_for_this_run(tmp_path: Path) -> None:
    blocked = tmp_path / "state"
    blocked.write_text("a file where the folder should be")
    store = ResponseStore(blocked)
    assert "cannot be saved" in store.problem
    store.record(event(CallStep.PLACED, T, by=""))
    assert [e.step for e in store.events(T - 1, T + 1)] == [CallStep.PLACED]


def test_reading_a_folder_without_records_says_so(tmp_path: Path) -> None:
    with pytest.raises(NoRecord, match="no response times recorded"):
        ResponseStore(tmp_path, create=False)
