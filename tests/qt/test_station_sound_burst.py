"""A burst of calls sounds the station's chime a few times, not once per call: 50 calls in a
moment are one sound (and do not hold the Qt thread, which must send their receipts), while a
more pressing call and an ended infusion are still heard at once."""

from __future__ import annotations

from kiosk.core import protocol as p
from kiosk.core.board import StationBoard
from kiosk.core.clock import SystemClock
from kiosk.qt.station import StationController
from kiosk.screenshots.fakes import SilentStationLink


class SentLink(SilentStationLink):
    """Keeps the receipts it is asked to send."""

    def __init__(self) -> None:
        self.receipts: list[str] = []

    def publish_receipt(self, room: str, msg: p.StationReply) -> bool:
        self.receipts.append(msg.call_id)
        return True


def call(i: int, kind: p.Kind, priority: int) -> p.CallMessage:
    reason = p.URGENT_REASON if kind is p.Kind.CALL else "water"
    return p.CallMessage(f"c{i}", f"room-{i}", kind, reason, "Water", priority, 1_800_000_000.0)


def test_fifty_requests_at_once_sound_once_but_an_urgent_call_and_an_ended_infusion_sound(
        qapp: object) -> None:
    link = SentLink()
    board = StationBoard("desk", SystemClock(), link)
    sounds: list[str] = []
    ctrl = StationController(board, play_chime=sounds.append, tick_ms=60_000)
    board.on_link_up()
    board.on_caught_up()
    for i in range(50):
        board.on_call(call(i, p.Kind.REQUEST, p.REQUEST_PRIORITIES["normal"]))
    assert len(link.receipts) == 50, "every call receipted"
    assert sounds == ["normal"]
    board.on_call(call(99, p.Kind.CALL, p.URGENT_PRIORITY))
    assert sounds == ["normal", "urgent"], "a more pressing call is heard at once"
    board.on_session(p.SessionStatus("room-1", True, "rest", "Rest", 600, True, 0.0))
    board.on_session(p.SessionStatus("room-2", True, "rest", "Rest", 600, True, 0.0))
    assert sounds == ["normal", "urgent", "info"], "two ended infusions at once: one sound"
    ctrl.deleteLater()
