"""The "Today" view's backend: 24 hourly rows and a summary, -1 where there is no figure."""

from __future__ import annotations

from datetime import UTC, datetime

from kiosk.core.clock import FakeClock
from kiosk.core.response_times import CallEvent, CallStep
from kiosk.qt.response_times import ResponseTimesController

NOON = datetime(2026, 3, 4, 12, 0, tzinfo=UTC).timestamp()


def test_today_shows_the_hour_of_each_call_and_nothing_for_empty_hours(qapp: object) -> None:
    events = [
        CallEvent("c1", "room-1", "call", "urgent", 100, CallStep.PLACED, "", NOON - 3600),
        CallEvent("c1", "room-1", "call", "urgent", 100, CallStep.ACKNOWLEDGED, "s1",
                  NOON - 3600 + 42),
    ]
    asked: list[tuple[float, float]] = []

    def load(since: float, until: float) -> list[CallEvent]:
        asked.append((since, until))
        return events

    controller = ResponseTimesController(load, FakeClock(wall=NOON), UTC)
    changed: list[str] = []
    controller.hoursChanged.connect(lambda: changed.append("hours"))
    controller.refresh()
    assert asked == [(NOON - 12 * 3600, NOON + 12 * 3600)]
    hours = controller.property("hours")
    assert len(hours) == 24
    assert hours[11] == {"hour": 11, "ackMedianSeconds": 42.0, "ackP90Seconds": 42.0,
                         "resolveMedianSeconds": -1.0, "resolveP90Seconds": -1.0, "calls": 1}
    assert hours[12]["calls"] == 0 and hours[12]["ackMedianSeconds"] == -1.0
    assert controller.property("summary")["calls"] == 1
    assert changed == ["hours"]
    controller.refresh()
    assert changed == ["hours"], "an unchanged day does not redraw"
