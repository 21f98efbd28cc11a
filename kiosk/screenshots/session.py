"""Session states for screenshots, driven through the controller's own slots on a fake clock.

Each state in `session_screenshot_states()` resets the room and sets up one picture. The clock is
the fake one the room was assembled with (the third argument), so pictures never depend on real
time.
"""

from __future__ import annotations

from collections.abc import Callable

from kiosk.core.clock import FakeClock
from kiosk.qt.room import RoomController
from kiosk.qt.session import SessionController
from kiosk.screenshots.nurse import unlock_nurse_panel

TEMPLATE_ID = "ketamine-40"
MIN = 60.0

State = Callable[[SessionController, RoomController, FakeClock], None]


def session_screenshot_states() -> list[tuple[str, State]]:
    return [
        ("session-none", _none),
        ("session-settle", _settle),
        ("session-infusion", _infusion),
        ("session-next-phase-note", _next_phase_note),
        ("session-rest", _rest),
        ("session-infusion-complete", _infusion_complete),
        ("session-clock-hidden", _clock_hidden),
        ("session-paused", _paused),
        ("nurse-panel-new-session", _nurse_new),
        ("nurse-panel-running", _nurse_running),
    ]


# ---- states (ketamine-40: settle 5, infusion 40, rest 60 minutes) ---------------------------

def _none(s: SessionController, room: RoomController, clock: FakeClock) -> None:
    _fresh(s, room)


def _settle(s: SessionController, room: RoomController, clock: FakeClock) -> None:
    _started(s, room, clock, 1 * MIN)  # keeps the playlist offer of the settling phase


def _infusion(s: SessionController, room: RoomController, clock: FakeClock) -> None:
    _started(s, room, clock, 20 * MIN)
    s.declinePlaylist()


def _next_phase_note(s: SessionController, room: RoomController, clock: FakeClock) -> None:
    _started(s, room, clock, 43 * MIN + 30)
    s.declinePlaylist()


def _rest(s: SessionController, room: RoomController, clock: FakeClock) -> None:
    _started(s, room, clock, 70 * MIN)
    room.wake()  # the rest phase dims the room; this picture shows the card


def _infusion_complete(s: SessionController, room: RoomController, clock: FakeClock) -> None:
    _started(s, room, clock, 45 * MIN + 10)
    room.wake()


def _clock_hidden(s: SessionController, room: RoomController, clock: FakeClock) -> None:
    _started(s, room, clock, 20 * MIN)
    s.declinePlaylist()
    s.setClockHidden(True)


def _paused(s: SessionController, room: RoomController, clock: FakeClock) -> None:
    _started(s, room, clock, 12 * MIN)
    s.declinePlaylist()
    s.pause()


def _nurse_new(s: SessionController, room: RoomController, clock: FakeClock) -> None:
    _fresh(s, room)
    s.chooseTemplate("iv-infusion")
    unlock_nurse_panel(room)


def _nurse_running(s: SessionController, room: RoomController, clock: FakeClock) -> None:
    _started(s, room, clock, 20 * MIN)
    unlock_nurse_panel(room)


# ---- helpers --------------------------------------------------------------------------------

def _fresh(s: SessionController, room: RoomController) -> None:
    s.reset()
    room.wake()
    room.show("home")


def _started(s: SessionController, room: RoomController, clock: FakeClock,
             seconds: float) -> None:
    _fresh(s, room)
    s.start(TEMPLATE_ID, 0)
    clock.advance(seconds)
    s.refresh()
