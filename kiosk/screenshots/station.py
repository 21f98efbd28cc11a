"""Nurse-station states for screenshots, made by feeding the core board directly (no broker).

`station_for_screenshots()` builds a controller on a fake clock with a link that sends nothing;
each state in `station_screenshot_states()` clears the board and sets up one picture.
"""

from __future__ import annotations

from collections.abc import Callable

from kiosk.core import protocol as p
from kiosk.core.board import StationBoard
from kiosk.core.clock import FakeClock
from kiosk.qt.station import StationController
from kiosk.screenshots.fakes import SilentStationLink

ROOM_NAMES = {"room-1": "Room 1", "room-2": "Room 2", "room-3": "Room 3", "room-4": "Room 4"}
ESCALATION_MINUTES = 5
_serial = [0]


def station_for_screenshots(title: str = "Nurse station") -> StationController:
    clock = FakeClock()
    board = StationBoard("desk-1", clock, SilentStationLink(),
                         escalation_minutes=ESCALATION_MINUTES)
    return StationController(board, title=title, room_names=ROOM_NAMES,
                             known_rooms=list(ROOM_NAMES), clock=clock, tick_ms=3_600_000)


def station_screenshot_states() -> list[tuple[str, Callable[[StationController], None]]]:
    return [
        ("station-quiet", _quiet),
        ("station-new-call", _new_call),
        ("station-every-call-state", _every_state),
        ("station-room-offline", _room_offline),
        ("station-infusion-complete", _infusion_complete),
        ("station-not-connected", _not_connected),
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
    ctrl.clock.advance(12)  # type: ignore[attr-defined]
    ctrl.refresh()


def _not_connected(ctrl: StationController) -> None:
    _reset(ctrl)
    _request(ctrl, "shot-held", "room-1", "blanket", "Blanket or feeling cold", "low",
             minutes_ago=1)
    ctrl.board.on_link_down()


# ---- helpers --------------------------------------------------------------------------------

def _reset(ctrl: StationController) -> None:
    board = ctrl.board
    for view in board.calls():
        board.resolve(view.call_id)
    for notice in ctrl.property("notices"):
        ctrl.dismissNotice(notice["roomId"])
    board.on_link_up()
    board.on_caught_up()
    phases = [("infusion", "Infusion", 1500), ("settle", "Settling in", 240),
              ("rest", "Resting", 2700), ("", "", 0)]
    wall = ctrl.clock.wall()
    for (room, (phase, label, left)) in zip(ROOM_NAMES, phases, strict=True):
        board.on_room_presence(room, True)
        board.on_session(p.SessionStatus(room, bool(phase), phase, label, left, False, wall))
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
