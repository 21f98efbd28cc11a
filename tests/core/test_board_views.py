"""What the station board shows and sounds for each kind of call: urgency, order, the chime."""

from __future__ import annotations

from kiosk.core.board import StationBoard, Urgency
from kiosk.core.clock import FakeClock
from kiosk.core.protocol import REQUEST_PRIORITIES, URGENT_PRIORITY, CallMessage, Kind
from tests.core.test_board import FakeStationLink


def _board() -> tuple[StationBoard, FakeClock]:
    clock = FakeClock()
    board = StationBoard("desk", clock, FakeStationLink(), escalation_minutes=5)
    board.on_link_up()
    board.on_caught_up()
    return board, clock


def _call(board: StationBoard, clock: FakeClock, call_id: str, priority: str | None,
          age: float = 0.0, test: bool = False) -> None:
    kind = Kind.CALL if priority is None else Kind.REQUEST
    value = URGENT_PRIORITY if priority is None else REQUEST_PRIORITIES[priority]
    board.on_call(CallMessage(call_id, "room-1", kind, "urgent" if priority is None else "x",
                              "Label", value, clock.wall() - age, 1, test))


def test_calls_rank_urgent_then_high_then_normal_then_a_test_call_and_oldest_first() -> None:
    board, clock = _board()
    _call(board, clock, "test", None, age=600, test=True)
    _call(board, clock, "water", "low", age=300)
    _call(board, clock, "blanket", "normal", age=10)
    _call(board, clock, "sick-new", "high", age=5)
    _call(board, clock, "sick-old", "high", age=100)
    _call(board, clock, "urgent", None, age=1)
    views = board.calls()
    assert [v.call_id for v in views] == ["urgent", "sick-old", "sick-new", "blanket", "water",
                                          "test"]
    assert [v.urgency for v in views] == [Urgency.URGENT, Urgency.HIGH, Urgency.HIGH,
                                          Urgency.NORMAL, Urgency.NORMAL, Urgency.INFO]
    assert views[1].age_seconds == 100


def test_the_chime_sounds_for_the_most_pressing_call_still_waiting_for_a_nurse() -> None:
    board, clock = _board()
    assert board.chime_urgency() is None
    _call(board, clock, "water", "low")
    assert board.chime_urgency() is Urgency.NORMAL
    _call(board, clock, "sick", "high")
    assert board.chime_urgency() is Urgency.HIGH
    _call(board, clock, "urgent", None)
    assert board.chime_urgency() is Urgency.URGENT
    board.acknowledge("urgent")
    assert board.chime_urgency() is Urgency.HIGH, "an answered call no longer sets the sound"
    board.acknowledge("sick")
    board.acknowledge("water")
    assert board.chime_urgency() is None
