"""What the nurse does at the bedside, without QML: "nurse is here", a test call timed to its
receipt, rest after a quiet spell for this patient, and Reset undoing it."""

from __future__ import annotations

import itertools

from pytestqt.qtbot import QtBot

from kiosk.core.calls import MemoryOutbox, RoomCalls
from kiosk.core.clock import FakeClock
from kiosk.core.protocol import CallMessage, Resolved, Resolver, StationReply
from kiosk.qt.nurse import NurseDesk
from kiosk.qt.room import RoomController


class Link:
    def __init__(self) -> None:
        self.calls: list[CallMessage] = []
        self.resolved: list[Resolved] = []

    def publish_call(self, call: CallMessage) -> bool:
        self.calls.append(call)
        return True

    def publish_resolved(self, room: str, msg: Resolved) -> bool:
        self.resolved.append(msg)
        return True


class Session:
    def __init__(self) -> None:
        self.resets = 0

    def reset(self) -> None:
        self.resets += 1


def desk(receipt_timeout_seconds: float = 5.0
         ) -> tuple[NurseDesk, RoomCalls, RoomController, Link, FakeClock]:
    clock, link = FakeClock(), Link()
    ids = (f"call-{n}" for n in itertools.count(1))
    calls = RoomCalls("room-1", clock, MemoryOutbox(), link, new_id=lambda: next(ids))
    calls.on_link_up()
    calls.on_station_presence("desk", True)
    room = RoomController("Room 1")
    nurse_desk = NurseDesk(calls, room, Session(), clock,
                           receipt_timeout_seconds=receipt_timeout_seconds)
    return nurse_desk, calls, room, link, clock


def test_nurse_is_here_resolves_by_the_room_and_greets_the_patient(qtbot: QtBot) -> None:
    nurse_desk, calls, room, link, _ = desk()
    calls.call_nurse()
    calls.request("water", "Water", 20)
    assert nurse_desk.openCallCount == 2
    nurse_desk.nurseIsHere()
    assert calls.items == [] and nurse_desk.openCallCount == 0
    assert {m.by for m in link.resolved} == {Resolver.ROOM}
    assert nurse_desk.greeting == "Your nurse is here"
    assert room.screen == "home"
    assert nurse_desk.recentCalls[0].endswith("Water: closed")


def test_a_test_call_is_timed_to_the_stations_receipt_and_then_cleared(qtbot: QtBot) -> None:
    nurse_desk, calls, _, link, clock = desk()
    nurse_desk.placeTestCall()
    assert link.calls[-1].test
    clock.advance(0.042)
    calls.on_receipt(StationReply(link.calls[-1].call_id, "desk", clock.wall()))
    assert nurse_desk.testCallText == "A nurse station received the test call in 42 ms."
    assert calls.items == [], "the test call does not stay open"
    assert "Last test call: 42 ms" in nurse_desk.diagnostics
    assert nurse_desk.recentCalls == [], "a test call is not one of the patient's calls"


def test_a_test_call_nobody_receives_says_so(qtbot: QtBot) -> None:
    nurse_desk, calls, _, _, _ = desk(receipt_timeout_seconds=0.05)
    nurse_desk.placeTestCall()
    qtbot.waitUntil(lambda: nurse_desk.testCallText.startswith("No nurse station received"),
                    timeout=3000)
    assert calls.items == []


def test_rest_after_a_quiet_spell_for_this_patient_and_reset_undoes_it(qtbot: QtBot) -> None:
    nurse_desk, _, room, _, _ = desk()
    nurse_desk.set_rest_default(0)
    nurse_desk.setRestAfterIdle(0.3 / 60)
    qtbot.waitUntil(lambda: room.restMode, timeout=3000)
    nurse_desk.resetForNextPatient()
    assert not room.restMode and nurse_desk.restAfterMinutes == 0
