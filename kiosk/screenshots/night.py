"""Night dimming for screenshots: the home screen in the night window, whatever the local time
zone makes of the fake clock; every other scene is shot by day."""

from __future__ import annotations

import time

from kiosk.core.clock import FakeClock
from kiosk.core.night import NightSchedule
from kiosk.qt.room import RoomController

NEVER = NightSchedule(0, 0, 100)


def by_day(room: RoomController) -> None:
    """No night dimming, so that the other scenes look the same in every time zone."""
    room.set_night(NEVER)


def at_night(room: RoomController, clock: FakeClock) -> None:
    """The clinic's default brightness (40 %) in a window around the fake clock's local time."""
    local = time.localtime(clock.wall())
    minute = local.tm_hour * 60 + local.tm_min
    room.set_night(NightSchedule(minute - 60, minute + 60, 40).shifted())
