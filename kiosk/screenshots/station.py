"""Nurse-station states for screenshots, made by feeding the core board directly (no broker).

`station_for_screenshots()` builds a controller on a fake clock with a link that sends nothing;
each state in `station_screenshot_states()` clears the board and sets up one picture: a small
clinic of 4 chairs in each call state, then 40 and 100 chairs with a busy mix of calls, silent
tablets and infusions ending, and the "Today" view of response times. States only ever add
chairs, so they run in the listed order on one controller.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC

from kiosk.core import protocol as p
from kiosk.core.board import StationBoard
from kiosk.core.clock import FakeClock
from kiosk.core.response_times import CallEvent, CallStep, day_bounds, day_of
from kiosk.qt.response_times import ResponseTimesController
from kiosk.qt.station import StationController
from kiosk.screenshots.fakes import SilentStationLink

MOST_ROOMS = 100
ROOM_NAMES = {f"room-{n}": f"Room {n}" for n in range(1, MOST_ROOMS + 1)}
ESCALATION_MINUTES = 5
_serial = [0]
_PHASES = [("infusion", "Infusion", 1500), ("settle", "Settling in", 240),
           ("rest", "Resting", 2700), ("", "", 0)]
_REQUESTS = [("water", "Water", "low"), ("blanket", "Blanket or feeling cold", "low"),
             ("bathroom", "Bathroom", "normal"), ("sick", "Feeling sick", "high"),
             ("anxious", "Feeling anxious", "high"),
             ("iv_site", "Pain or a problem at the IV", "high")]


def station_for_screenshots(title: str = "Nurse station") -> StationController:
    clock = FakeClock()
    board = StationBoard("desk-1", clock, SilentStationLink(),
                         escalation_minutes=ESCALATION_MINUTES)
    # Only the chairs a state brings show; named as a clinic's config would name them.
    return StationController(board, title=title, room_names=ROOM_NAMES, clock=clock,
                             tick_ms=3_600_000, response_times=_sample_response_times())


def station_screenshot_states() -> list[tuple[str, Callable[[StationController], None]]]:
    return [(name, _shown_at_once(state)) for name, state in _STATES]


def _shown_at_once(state: Callable[[StationController], None]
                   ) -> Callable[[StationController], None]:
    # The controller refreshes after the board's changes on the next turn of the event loop;
    # a picture wants them now.
    def run(ctrl: StationController) -> None:
        state(ctrl)
        ctrl.refresh()
    return run


def _states() -> list[tuple[str, Callable[[StationController], None]]]:
    return [
        ("station-quiet", _quiet),
        ("station-new-call", _new_call),
        ("station-every-call-state", _every_state),
        ("station-resolved-undo", _resolved_undo),
        ("station-room-offline", _room_offline),
        ("station-infusion-complete", _infusion_complete),
        ("station-not-connected", _not_connected),
        ("station-today", _today),
        ("station-40-rooms", _forty_rooms),
        ("station-40-rooms-not-connected", _forty_rooms_not_connected),
        ("station-100-rooms", _hundred_rooms),
    ]


# ---- states ---------------------------------------------------------------------------------

def _quiet(ctrl: StationController) -> None:
    _reset(ctrl)


def _new_call(ctrl: StationController) -> None:
    _reset(ctrl)
    _call(ctrl, "shot-new", "room-2", minutes_ago=0)


def _every_state(ctrl: StationController) -> None:
    _reset(ctrl)
    _call(ctrl, "shot-urgent", "room-1", minutes_ago=0)
    _request(ctrl, "shot-waiting", "room-3", "bathroom", "Bathroom", "normal", minutes_ago=3)
    _request(ctrl, "shot-ontheway", "room-2", "water", "Water", "low", minutes_ago=2)
    ctrl.board.acknowledge(next(v.call_id for v in ctrl.board.calls()
                                if v.call_id.startswith("shot-ontheway")))
    _request(ctrl, "shot-overdue", "room-4", "iv_site", "Pain or a problem at the IV", "high",
             minutes_ago=ESCALATION_MINUTES + 1)
    ctrl.board.tick()  # escalates the old request
    ctrl.refresh()


def _resolved_undo(ctrl: StationController) -> None:
    _reset(ctrl)
    _request(ctrl, "shot-sick", "room-1", "sick", "Feeling sick", "high", minutes_ago=2)
    _request(ctrl, "shot-water", "room-3", "water", "Water", "low", minutes_ago=1)
    ctrl.resolve(next(v.call_id for v in ctrl.board.calls()
                      if v.call_id.startswith("shot-water")))


def _infusion_complete(ctrl: StationController) -> None:
    _reset(ctrl)
    ctrl.board.on_session(p.SessionStatus("room-2", True, "rest", "Resting", 3590, True,
                                          ctrl.clock.wall()))
    _request(ctrl, "shot-water", "room-3", "water", "Water", "low", minutes_ago=1)
    ctrl.refresh()


def _room_offline(ctrl: StationController) -> None:
    _reset(ctrl)
    ctrl.board.on_room_presence("room-3", False)
    ctrl.refresh()
    _advance(ctrl, 12)


def _not_connected(ctrl: StationController) -> None:
    _reset(ctrl)
    _request(ctrl, "shot-held", "room-1", "blanket", "Blanket or feeling cold", "low",
             minutes_ago=1)
    ctrl.board.on_link_down()


def _today(ctrl: StationController) -> None:
    _reset(ctrl)
    ctrl.openToday()


def _forty_rooms(ctrl: StationController) -> None:
    _busy_clinic(ctrl, 40, urgent=7, requests=6, complete=3, silent=3)


def _forty_rooms_not_connected(ctrl: StationController) -> None:
    _busy_clinic(ctrl, 40, urgent=2, requests=3, complete=1, silent=2)
    ctrl.board.on_link_down()


def _hundred_rooms(ctrl: StationController) -> None:
    _busy_clinic(ctrl, MOST_ROOMS, urgent=4, requests=9, complete=3, silent=5)


_STATES = _states()


# ---- helpers --------------------------------------------------------------------------------

def _busy_clinic(ctrl: StationController, rooms: int, urgent: int, requests: int,
                 complete: int, silent: int) -> None:
    """A clinic in the middle of a day: the same picture every run."""
    _reset(ctrl, rooms)
    pick = random.Random(rooms)
    chairs = [f"room-{n}" for n in range(1, rooms + 1)]
    pick.shuffle(chairs)
    wall = ctrl.clock.wall()
    for room in chairs[:complete]:
        ctrl.board.on_session(p.SessionStatus(room, True, "rest", "Resting", 3300, True, wall))
    chairs = chairs[complete:]
    for n, room in enumerate(chairs[:urgent]):
        _call(ctrl, "shot-urgent", room, minutes_ago=n % 4)
    for n, room in enumerate(chairs[urgent:urgent + requests]):
        reason, label, priority = _REQUESTS[n % len(_REQUESTS)]
        _request(ctrl, "shot-request", room, reason, label, priority, minutes_ago=1 + n % 7)
    for view in ctrl.board.calls()[1::3]:
        ctrl.board.acknowledge(view.call_id)
    ctrl.board.tick()  # escalates requests older than the escalation time
    for room in chairs[urgent + requests:urgent + requests + silent]:
        ctrl.board.on_room_presence(room, False)
    ctrl.refresh()
    _advance(ctrl, 40)


def _reset(ctrl: StationController, rooms: int = 4) -> None:
    board = ctrl.board
    ctrl.closeToday()
    for view in board.calls():
        ctrl.undoResolve(view.call_id)
        board.resolve(view.call_id)
    for notice in ctrl.property("notices"):
        ctrl.dismissNotice(notice["roomId"])
    board.on_link_up()
    board.on_caught_up()
    wall = ctrl.clock.wall()
    for n in range(1, rooms + 1):
        room = f"room-{n}"
        phase, label, left = _PHASES[(n - 1) % len(_PHASES)]
        left = max(60, left - 97 * (n // len(_PHASES))) if phase else 0
        board.on_room_presence(room, True)
        board.on_session(p.SessionStatus(room, bool(phase), phase, label, left, False, wall))
    ctrl.refresh()


def _advance(ctrl: StationController, seconds: float) -> None:
    clock = ctrl.clock
    assert isinstance(clock, FakeClock)
    clock.advance(seconds)
    ctrl.refresh()


def _fresh(call_id: str) -> str:
    # The board remembers resolved ids and ignores them; every picture gets new ones.
    _serial[0] += 1
    return f"{call_id}-{_serial[0]}"


def _call(ctrl: StationController, call_id: str, room: str, minutes_ago: int) -> None:
    wall = ctrl.clock.wall() - minutes_ago * 60
    ctrl.board.on_call(p.CallMessage(_fresh(call_id), room, p.Kind.CALL, p.URGENT_REASON, "Call",
                                     p.URGENT_PRIORITY, wall))


def _request(ctrl: StationController, call_id: str, room: str, reason: str, label: str,
             priority: str, minutes_ago: int) -> None:
    wall = ctrl.clock.wall() - minutes_ago * 60
    ctrl.board.on_call(p.CallMessage(_fresh(call_id), room, p.Kind.REQUEST, reason, label,
                                     p.REQUEST_PRIORITIES[priority], wall))


def _sample_response_times() -> ResponseTimesController:
    """A plausible day, 07:00 to 17:00 UTC: busier around midday, answered in about 1 to 4 min,
    resolved in about 3 to 12."""
    now = 1_800_000_000.0 + 9 * 3600  # an afternoon, so the whole morning is in the chart
    day = day_of(now, UTC)
    start, _ = day_bounds(day, UTC)
    pick = random.Random(14)
    events: list[CallEvent] = []
    for hour in range(7, 17):
        for n in range(2 + (4 if 10 <= hour <= 13 else 1) + pick.randrange(3)):
            at = start + hour * 3600 + pick.uniform(0, 3500)
            call_id = f"day-{hour}-{n}"
            ack = at + pick.uniform(30, 150) + (90 if 11 <= hour <= 12 else 0)
            done = ack + pick.uniform(90, 600)
            events += [
                CallEvent(call_id, "room-1", "request", "water", 20, CallStep.PLACED, "", at),
                CallEvent(call_id, "", "", "", 0, CallStep.ACKNOWLEDGED, "desk-1", ack),
                CallEvent(call_id, "", "", "", 0, CallStep.RESOLVED, "desk-1", done),
            ]
    return ResponseTimesController(
        lambda since, until: [e for e in events if since <= e.at < until],
        FakeClock(wall=now), UTC)
