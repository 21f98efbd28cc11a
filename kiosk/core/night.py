"""Night dimming: in the clinic's night window the patient's screen is dimmed.

Times are minutes after midnight; a window may cross midnight (21:00 to 07:00). A window whose
start and end are the same, or a brightness of 100 %, never dims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MINUTES_PER_DAY = 24 * 60
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def parse_time_of_day(text: str) -> int | None:
    """Minutes after midnight for "HH:MM" (00:00 to 23:59); None for anything else."""
    found = _TIME.match(text.strip())
    if found is None:
        return None
    return int(found.group(1)) * 60 + int(found.group(2))


def time_of_day_text(minute: int) -> str:
    minute %= MINUTES_PER_DAY
    return f"{minute // 60:02d}:{minute % 60:02d}"


@dataclass(frozen=True)
class NightSchedule:
    start_minute: int = 21 * 60
    end_minute: int = 7 * 60
    brightness_percent: int = 40

    @property
    def dims(self) -> bool:
        """False when this schedule never dims anything."""
        return self.start_minute != self.end_minute and self.brightness_percent < 100

    def dims_at(self, minute_of_day: int) -> bool:
        if not self.dims:
            return False
        minute = minute_of_day % MINUTES_PER_DAY
        if self.start_minute < self.end_minute:
            return self.start_minute <= minute < self.end_minute
        return minute >= self.start_minute or minute < self.end_minute

    def shifted(self, start_minutes: int = 0, end_minutes: int = 0,
                brightness_percent: int = 0) -> NightSchedule:
        """The same schedule moved by the nurse's steps (brightness kept within 10 to 100)."""
        return NightSchedule(
            (self.start_minute + start_minutes) % MINUTES_PER_DAY,
            (self.end_minute + end_minutes) % MINUTES_PER_DAY,
            max(10, min(100, self.brightness_percent + brightness_percent)))
