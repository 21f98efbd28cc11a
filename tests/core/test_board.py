"""The station board: every call stays visible, in the right order, and the chime nags politely."""

from __future__ import annotations

import pytest

from kiosk.core.board import SETTLE_SECONDS, RoomPresence, StationBoard
from kiosk.core.clock import FakeClock
from kiosk.core.protocol import (
    CallMessage,
    Kind,
    Overdue,
    Resolved,
    Resolver,
    SessionStatus,
    StationReply,
)


class FakeStationLink:
    def __init__(self) -> None:
        self.receipts: list[StationReply] = []
        self.acks: list[StationReply] = []
        self.resolved: list[Resolved] = []
        self.overdue: list[Overdue] = []

    def publish_receipt(self, room: str, msg: StationReply) -> bool:
        self.receipts.append(msg)
        return True

    def publish_ack(self, room: str, msg: StationReply) -> bool:
        self.acks.append(msg)
        return True

    def publish_resolved(self, room: str, msg: Resolved) -> bool:
        self.resolved.append(msg)
        return True

    def publish_overdue(self, room: str, msg: Overdue) -> bool:
        self.overdue.append(msg)
        return True


class Desk:
    def __init__(self) -> None:
        self.clock = FakeClock()
        self.link = FakeStationLink()
        self.board = StationBoard("desk", self.clock, self.link, escalation_minutes=5)
        self.chimes = 0
        self.board.chime.connect(self._chime)

    def _chime(self) -> None:
        self.chimes += 1

    def call(self, call_id: str, room: str = "room-1", priority: int = 100,
             age: float = 0.0, attempt: int = 1, test: bool = False) -> CallMessage:
        kind = Kind.CALL if priority == 100 else Kind.REQUEST
        msg = CallMessage(call_id, room, kind, "urgent" if kind is Kind.CALL else "water",
                          "Call", priority, self.clock.wall() - age, attempt, test)
        self.board.on_call(msg)
        return msg

    def wait(self, seconds: float) -> None:
        for _ in range(int(seconds)):
            self.clock.advance(1)
            self.board.tick()


@pytest.fixture
def desk() -> Desk:
    return Desk()


def test_a_new_call_gets_one_receipt_even_if_delivered_twice(desk: Desk) -> None:
    desk.call("c1")
    desk.call("c1")
    assert [(r.call_id, r.attempt) for r in desk.link.receipts] == [("c1", 1)]


def test_a_retry_from_the_room_gets_a_fresh_receipt(desk: Desk) -> None:
    desk.call("c1")
    desk.call("c1", attempt=2)
    assert [r.attempt for r in desk.link.receipts] == [1, 2]
    assert len(desk.board.calls()) == 1


def test_calls_are_sorted_by_priority_then_oldest_first(desk: Desk) -> None:
    desk.call("water-new", priority=20, age=60)
    desk.call("water-old", priority=20, age=600)
    desk.call("urgent", priority=100, age=10)
    desk.call("sick", priority=60, age=30)
    assert [c.call_id for c in desk.board.calls()] == ["urgent", "sick", "water-old", "water-new"]


def test_ages_show_in_whole_minutes_and_grow(desk: Desk) -> None:
    desk.call("c1", age=119)
    assert desk.board.calls()[0].age_minutes == 1
    desk.wait(1)
    assert desk.board.calls()[0].age_minutes == 2


def test_a_wall_clock_step_on_the_station_does_not_change_ages(desk: Desk) -> None:
    desk.call("c1", age=60)
    desk.clock.jump_wall(3600)
    assert desk.board.calls()[0].age_minutes == 1


def test_a_new_call_chimes_and_repeats_every_ten_seconds_until_acknowledged(desk: Desk) -> None:
    desk.call("c1")
    assert desk.chimes == 1
    desk.wait(9)
    assert desk.chimes == 1
    desk.wait(1)
    assert desk.chimes == 2
    desk.wait(20)
    assert desk.chimes == 4
    desk.board.acknowledge("c1")
    desk.wait(30)
    assert desk.chimes == 4


def test_silencing_stops_the_chime_but_never_clears_the_call(desk: Desk) -> None:
    desk.call("c1")
    desk.board.silence()
    desk.wait(60)
    assert desk.chimes == 1
    assert [c.call_id for c in desk.board.calls()] == ["c1"]


def test_a_new_call_after_silencing_chimes_again(desk: Desk) -> None:
    desk.call("c1")
    desk.board.silence()
    desk.call("c2", priority=20)
    assert desk.chimes == 2
    assert desk.board.chiming


def test_acknowledging_is_not_clearing(desk: Desk) -> None:
    desk.call("c1")
    desk.board.acknowledge("c1")
    view = desk.board.calls()[0]
    assert view.acknowledged and view.acknowledged_by == "desk"
    assert desk.link.acks[0].call_id == "c1"


def test_resolving_removes_the_call_and_tells_the_room(desk: Desk) -> None:
    desk.call("c1")
    desk.board.resolve("c1")
    assert desk.board.calls() == []
    assert desk.link.resolved[0].by is Resolver.STATION
    assert not desk.board.chiming


def test_a_late_copy_of_a_resolved_call_does_not_reappear(desk: Desk) -> None:
    desk.call("c1")
    desk.board.on_resolved(Resolved("c1", Resolver.ROOM, 0.0))
    desk.call("c1", attempt=3)
    assert desk.board.calls() == []


def test_an_ack_from_another_station_stops_this_chime(desk: Desk) -> None:
    desk.call("c1")
    desk.board.on_ack(StationReply("c1", "desk-2", 0.0))
    desk.wait(30)
    assert desk.chimes == 1
    assert desk.board.calls()[0].acknowledged_by == "desk-2"


def test_an_unacknowledged_call_goes_overdue_once_and_chimes_again(desk: Desk) -> None:
    desk.call("c1")
    desk.board.silence()
    desk.wait(299)
    assert desk.link.overdue == []
    desk.wait(1)
    assert [(o.call_id, o.minutes) for o in desk.link.overdue] == [("c1", 5)]
    assert desk.board.calls()[0].overdue
    assert desk.chimes == 2
    desk.wait(120)
    assert len(desk.link.overdue) == 1


def test_an_acknowledged_call_never_goes_overdue(desk: Desk) -> None:
    desk.call("c1")
    desk.board.acknowledge("c1")
    desk.wait(600)
    assert desk.link.overdue == []


def test_a_call_another_station_escalated_is_not_escalated_twice(desk: Desk) -> None:
    desk.call("c1")
    desk.board.on_overdue(Overdue("c1", "room-1", 5, "desk-2", 0.0))
    desk.wait(400)
    assert desk.link.overdue == []
    assert desk.board.calls()[0].overdue


def test_a_test_call_gets_a_receipt_but_no_chime_or_escalation(desk: Desk) -> None:
    desk.call("t1", test=True)
    desk.wait(600)
    assert desk.chimes == 0
    assert desk.link.overdue == []
    assert [r.call_id for r in desk.link.receipts] == ["t1"]


def test_rooms_show_never_seen_online_and_silent(desk: Desk) -> None:
    desk.call("c1", room="room-2")
    assert desk.board.rooms()[0].presence is RoomPresence.NEVER_SEEN
    desk.board.on_room_presence("room-2", True)
    assert desk.board.rooms()[0].presence is RoomPresence.ONLINE
    desk.board.on_room_presence("room-2", False)
    assert desk.board.rooms()[0].presence is RoomPresence.OFFLINE
    assert [c.call_id for c in desk.board.calls()] == ["c1"]  # a silent room keeps its calls


def test_session_time_left_counts_down_between_updates(desk: Desk) -> None:
    desk.board.on_session(SessionStatus("room-1", True, "infusion", "Infusion", 600, False, 0.0))
    desk.wait(60)
    room = desk.board.rooms()[0]
    assert (room.phase_label, room.remaining_seconds) == ("Infusion", 540)


def test_infusion_complete_is_announced_once(desk: Desk) -> None:
    done: list[str] = []
    desk.board.infusion_complete.connect(done.append)
    status = SessionStatus("room-1", True, "rest", "Rest", 1200, True, 0.0)
    desk.board.on_session(status)
    desk.board.on_session(status)
    assert done == ["room-1"]


def test_an_emptied_retained_call_disappears_from_the_board(desk: Desk) -> None:
    desk.call("c1")
    desk.board.on_call_cleared("c1")
    assert desk.board.calls() == []


class OfflineStationLink(FakeStationLink):
    up = False

    def publish_resolved(self, room: str, msg: Resolved) -> bool:
        return super().publish_resolved(room, msg) if self.up else False


def test_a_resolve_made_while_offline_is_sent_when_the_link_returns() -> None:
    desk = Desk()
    link = OfflineStationLink()
    desk.board = StationBoard("desk", desk.clock, link)
    desk.call("c1")
    desk.board.on_link_down()
    desk.board.resolve("c1")
    assert link.resolved == []
    link.up = True
    desk.board.on_link_up()
    assert [r.call_id for r in link.resolved] == ["c1"]


def test_after_reconnecting_the_station_repeats_its_ack_and_answers_the_room_again(
        desk: Desk) -> None:
    desk.call("c1")
    desk.board.acknowledge("c1")
    desk.board.on_link_down()
    desk.board.on_link_up()
    assert [a.call_id for a in desk.link.acks] == ["c1", "c1"]
    desk.call("c1")  # the retained call replayed after re-subscribing
    desk.wait(SETTLE_SECONDS)
    assert [r.attempt for r in desk.link.receipts] == [1, 1]


def test_after_a_restart_a_queued_call_resolved_meanwhile_never_chimes_shows_or_receipts(
        desk: Desk) -> None:
    desk.board.on_link_up()
    desk.call("c1")  # queued while the station was off...
    desk.board.on_resolved(Resolved("c1", Resolver.STATION, 0.0, "desk-b"))  # ...and resolved
    desk.board.on_caught_up()
    desk.wait(SETTLE_SECONDS + 1)
    assert desk.board.calls() == []
    assert desk.chimes == 0
    assert desk.link.receipts == []


def test_after_a_restart_a_call_still_open_is_shown_and_answered_once_the_burst_is_over(
        desk: Desk) -> None:
    desk.board.on_link_up()
    desk.call("c1", attempt=3)
    desk.call("c2")
    desk.board.on_ack(StationReply("c2", "desk-b", 0.0))
    assert desk.board.calls() == [] and desk.chimes == 0
    desk.board.on_caught_up()
    assert sorted(c.call_id for c in desk.board.calls()) == ["c1", "c2"]
    assert sorted((r.call_id, r.attempt) for r in desk.link.receipts) == [("c1", 3), ("c2", 1)]
    assert desk.chimes == 1
    assert [c.acknowledged_by for c in desk.board.calls() if c.call_id == "c2"] == ["desk-b"]


def test_without_word_that_the_burst_is_over_held_calls_show_after_a_few_seconds(
        desk: Desk) -> None:
    desk.board.on_link_up()
    desk.call("c1")
    desk.wait(SETTLE_SECONDS - 1)
    assert desk.board.calls() == []
    desk.wait(1)
    assert [c.call_id for c in desk.board.calls()] == ["c1"]
    assert desk.chimes == 1 and [r.call_id for r in desk.link.receipts] == ["c1"]
