"""Response-time figures: medians and 90th percentiles by the hour a call was placed."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from kiosk.core.response_times import (
    BY_ROOM,
    CallEvent,
    CallStep,
    call_times,
    day_figures,
    percentile,
)

DAY = date(2026, 3, 4)


def at(hour: int, minute: int = 0, second: float = 0.0) -> float:
    return datetime(2026, 3, 4, hour, minute, tzinfo=UTC).timestamp() + second


def call(call_id: str, placed: float, ack: float | None = None,
         resolved: float | None = None, by: str = "station-a") -> list[CallEvent]:
    def ev(step: CallStep, when: float, who: str) -> CallEvent:
        return CallEvent(call_id, "room-1", "call", "urgent", 100, step, who, when)

    events = [ev(CallStep.PLACED, placed, "")]
    if ack is not None:
        events.append(ev(CallStep.ACKNOWLEDGED, placed + ack, by))
    if resolved is not None:
        events.append(ev(CallStep.RESOLVED, placed + resolved, by))
    return events


def test_the_90th_percentile_is_a_time_nine_calls_in_ten_did_not_exceed() -> None:
    assert percentile([float(s) for s in range(1, 11)], 0.9) == 9.0
    assert percentile([30.0, 10.0, 20.0], 0.9) == 30.0
    assert percentile([], 0.9) is None
    with pytest.raises(ValueError, match="at most 1"):
        percentile([1.0], 1.5)


def test_the_first_acknowledgement_by_any_station_counts() -> None:
    events = call("c1", at(9), ack=40.0, resolved=300.0)
    events.append(CallEvent("c1", "", "", "", 0, CallStep.ACKNOWLEDGED, "station-b",
                            at(9) + 25.0))
    (times,) = call_times(events)
    assert times.seconds_to_acknowledge == 25.0
    assert times.seconds_to_resolve == 300.0


def test_hours_hold_their_own_calls_and_the_day_holds_all() -> None:
    events = []
    for i, ack in enumerate([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]):
        events += call(f"m{i}", at(9, i), ack=float(ack), resolved=float(ack * 3))
    events += call("n1", at(14, 5), ack=15.0)  # not resolved yet
    events += call("n2", at(14, 30), resolved=120.0, by=BY_ROOM)  # resolved in the room
    events += call("other-day", at(9) - 86400, ack=5.0, resolved=6.0)
    result = day_figures(events, DAY, UTC)
    nine = result.hours[9]
    assert (nine.calls, nine.acknowledge_median, nine.acknowledge_p90) == (10, 55.0, 90.0)
    assert (nine.resolve_median, nine.resolve_p90) == (165.0, 270.0)
    two = result.hours[14]
    assert (two.calls, two.acknowledge_median, two.resolve_median) == (2, 15.0, 120.0)
    assert result.hours[10].calls == 0 and result.hours[10].acknowledge_median is None
    assert result.whole_day.calls == 12
    assert result.whole_day.acknowledge_p90 == 90.0


def test_a_room_clock_ahead_of_the_station_never_gives_a_negative_time() -> None:
    (times,) = call_times(call("c1", at(9), ack=-3.0))
    assert times.seconds_to_acknowledge == 0.0
