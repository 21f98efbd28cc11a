"""The station's "Today" view: response times per hour, ready to draw.

`hours` is 24 rows, one per hour of today (local time), and `summary` the same keys for the
whole day: {hour, ackMedianSeconds, ackP90Seconds, resolveMedianSeconds, resolveP90Seconds,
calls}. A time is -1 where no call of that hour had that step (no calls, or none acknowledged
yet); `hour` is -1 in the summary. The events come from an injected loader (the response store
in the product), so this class needs no adapter.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import tzinfo
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement

from kiosk.core.clock import Clock, SystemClock
from kiosk.core.response_times import CallEvent, Figures, day_bounds, day_figures, day_of

QML_IMPORT_NAME = "Kiosk.Backend"
QML_IMPORT_MAJOR_VERSION = 1

NO_DATA = -1.0

# Events of calls placed between two times (seconds since the epoch).
EventLoader = Callable[[float, float], Sequence[CallEvent]]


def figures_row(hour: int, f: Figures) -> dict[str, Any]:
    def seconds(value: float | None) -> float:
        return NO_DATA if value is None else round(value, 1)

    return {
        "hour": hour,
        "ackMedianSeconds": seconds(f.acknowledge_median),
        "ackP90Seconds": seconds(f.acknowledge_p90),
        "resolveMedianSeconds": seconds(f.resolve_median),
        "resolveP90Seconds": seconds(f.resolve_p90),
        "calls": f.calls,
    }


_EMPTY = Figures(0, None, None, None, None)


@QmlElement
class ResponseTimesController(QObject):
    hoursChanged = Signal()
    summaryChanged = Signal()

    def __init__(self, load: EventLoader | None = None, clock: Clock | None = None,
                 zone: tzinfo | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._load: EventLoader = load or (lambda since, until: [])
        self._clock: Clock = clock or SystemClock()
        self._zone = zone
        self._hours = [figures_row(h, _EMPTY) for h in range(24)]
        self._summary = figures_row(-1, _EMPTY)

    def _get_hours(self) -> list[dict[str, Any]]:
        return self._hours

    def _get_summary(self) -> dict[str, Any]:
        return self._summary

    hours = Property(list, _get_hours, notify=hoursChanged)
    summary = Property(dict, _get_summary, notify=summaryChanged)

    @Slot()
    def refresh(self) -> None:
        """Reads today's events again (call it when the view opens, and now and then)."""
        day = day_of(self._clock.wall(), self._zone)
        since, until = day_bounds(day, self._zone)
        result = day_figures(self._load(since, until), day, self._zone)
        hours = [figures_row(h, f) for h, f in enumerate(result.hours)]
        summary = figures_row(-1, result.whole_day)
        if hours != self._hours:
            self._hours = hours
            self.hoursChanged.emit()
        if summary != self._summary:
            self._summary = summary
            self.summaryChanged.emit()
