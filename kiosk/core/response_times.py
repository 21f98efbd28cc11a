"""Response times: how long calls waited for "on my way" and for being resolved.

Every time here comes from a message every station sees (the call's `created_at`, the `at` of
receipts, acknowledgements and resolutions), never from when one station happened to hear it,
so two stations that saw the same messages compute the same figures. No patient data: a call
is its id, room id, kind, reason id and priority.

Percentiles use the nearest-rank method (the 90th percentile is a time that at least 90% of
calls did not exceed); the median is the middle value, or the mean of the two middle values.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from enum import Enum

HOURS_IN_DAY = 24


class CallStep(Enum):
    PLACED = "placed"
    RECEIVED = "received"
    ACKNOWLEDGED = "acknowledged"
    RESOLVED = "resolved"


# Who resolved a call when it was resolved in the room (staff pressed it there).
BY_ROOM = "room"


@dataclass(frozen=True)
class CallEvent:
    """One step of one call. `by` is the station that received or acknowledged it, the station
    that resolved it or BY_ROOM; empty for PLACED. `at` is seconds since the epoch, from the
    message. Room, kind, reason and priority may be empty for a step whose call this station
    never saw placed; the PLACED event carries them."""

    call_id: str
    room: str
    kind: str
    reason: str
    priority: int
    step: CallStep
    by: str
    at: float


@dataclass(frozen=True)
class CallTimes:
    call_id: str
    room: str
    kind: str
    reason: str
    placed_at: float
    seconds_to_acknowledge: float | None
    seconds_to_resolve: float | None


@dataclass(frozen=True)
class Figures:
    """Medians and 90th percentiles in seconds; None where no call had that step."""

    calls: int
    acknowledge_median: float | None
    acknowledge_p90: float | None
    resolve_median: float | None
    resolve_p90: float | None


@dataclass(frozen=True)
class DayFigures:
    day: date
    hours: list[Figures]  # index = hour of the day, 0 to 23, local time
    whole_day: Figures


def percentile(values: Sequence[float], fraction: float) -> float | None:
    """Nearest rank: the smallest value that at least `fraction` of the values do not exceed."""
    if not 0.0 < fraction <= 1.0:
        raise ValueError(f"fraction must be above 0 and at most 1 (got {fraction})")
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def median(values: Sequence[float]) -> float | None:
    return statistics.median(values) if values else None


def call_times(events: Iterable[CallEvent]) -> list[CallTimes]:
    """One entry per placed call, oldest first: the first acknowledgement and the first
    resolution by anyone, measured from the call's creation (never negative)."""
    placed: dict[str, CallEvent] = {}
    first: dict[tuple[str, CallStep], float] = {}
    for event in events:
        if event.step is CallStep.PLACED:
            placed.setdefault(event.call_id, event)
            continue
        key = (event.call_id, event.step)
        first[key] = min(first.get(key, event.at), event.at)
    result = []
    for call_id, call in placed.items():
        ack = first.get((call_id, CallStep.ACKNOWLEDGED))
        done = first.get((call_id, CallStep.RESOLVED))
        result.append(CallTimes(
            call_id, call.room, call.kind, call.reason, call.at,
            None if ack is None else max(0.0, ack - call.at),
            None if done is None else max(0.0, done - call.at)))
    return sorted(result, key=lambda c: (c.placed_at, c.call_id))


def figures(calls: Sequence[CallTimes]) -> Figures:
    acks = [c.seconds_to_acknowledge for c in calls if c.seconds_to_acknowledge is not None]
    done = [c.seconds_to_resolve for c in calls if c.seconds_to_resolve is not None]
    return Figures(len(calls), median(acks), percentile(acks, 0.9), median(done),
                   percentile(done, 0.9))


def day_bounds(day: date, zone: tzinfo | None = None) -> tuple[float, float]:
    """The day's start and end as seconds since the epoch (local time unless `zone`)."""
    start = datetime.combine(day, time(0), zone)
    end = datetime.combine(day + timedelta(days=1), time(0), zone)
    return start.timestamp(), end.timestamp()


def day_figures(events: Iterable[CallEvent], day: date,
                zone: tzinfo | None = None) -> DayFigures:
    """Figures per hour (by the hour each call was placed, local time unless `zone`) and for
    the whole day. Calls placed on other days are left out."""
    hours, whole_day = hour_of_day_figures(events, day, day, zone)
    return DayFigures(day, hours, whole_day)


def hour_of_day_figures(events: Iterable[CallEvent], first_day: date, last_day: date,
                        zone: tzinfo | None = None) -> tuple[list[Figures], Figures]:
    """Figures per hour of the day (calls from every day between the two, inclusive, pooled
    by the hour they were placed) and for the whole period."""
    by_hour: list[list[CallTimes]] = [[] for _ in range(HOURS_IN_DAY)]
    for call in call_times(events):
        placed = datetime.fromtimestamp(call.placed_at, zone)
        if first_day <= placed.date() <= last_day:
            by_hour[placed.hour].append(call)
    everything = [c for hour in by_hour for c in hour]
    return [figures(hour) for hour in by_hour], figures(everything)


def day_of(moment: float, zone: tzinfo | None = None) -> date:
    return datetime.fromtimestamp(moment, zone).date()
