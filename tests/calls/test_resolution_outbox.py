"""A call resolved in the room ("nurse is here", a request taken back) reaches the stations
even when the broker was away at that moment and the app restarted before it came back."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.adapters.outbox import SqliteOutbox
from kiosk.core.calls import CallOutbox, MemoryOutbox, RoomCalls
from kiosk.core.clock import FakeClock
from kiosk.core.protocol import CallMessage, Resolved, Resolver


class Link:
    def __init__(self, up: bool) -> None:
        self.up = up
        self.resolved: list[Resolved] = []

    def publish_call(self, call: CallMessage) -> bool:
        return self.up

    def publish_resolved(self, room: str, msg: Resolved) -> bool:
        if self.up:
            self.resolved.append(msg)
        return self.up


def room_calls(outbox: CallOutbox, link: Link) -> RoomCalls:
    ids = (f"call-{n}" for n in itertools.count(1))
    calls = RoomCalls("room-1", FakeClock(), outbox, link, new_id=lambda: next(ids))
    if link.up:
        calls.on_link_up()
    return calls


@pytest.fixture(params=["sqlite", "memory"])
def outbox(request: pytest.FixtureRequest, tmp_path: Path) -> CallOutbox:
    makers: dict[str, Callable[[], CallOutbox]] = {
        "sqlite": lambda: SqliteOutbox(tmp_path / "state"), "memory": MemoryOutbox}
    return makers[request.param]()


def test_a_held_resolution_is_kept_until_dropped(outbox: CallOutbox) -> None:
    msg = Resolved("c1", Resolver.ROOM, 5.0)
    outbox.hold_resolution(msg)
    assert outbox.held_resolutions() == [msg]
    outbox.drop_resolution("c1")
    assert outbox.held_resolutions() == []


def test_nurse_is_here_resolves_every_open_item_by_the_room(outbox: CallOutbox) -> None:
    link = Link(up=True)
    calls = room_calls(outbox, link)
    calls.call_nurse()
    calls.request("water", "Water", 20)
    assert calls.resolve_all_in_room() == 2
    assert calls.items == [] and outbox.open_calls() == []
    assert sorted(m.call_id for m in link.resolved) == ["call-1", "call-2"]
    assert {m.by for m in link.resolved} == {Resolver.ROOM}
    assert outbox.held_resolutions() == [], "nothing waits once the link has it"


def test_a_resolution_made_offline_survives_a_restart_and_goes_out_on_connect(
        tmp_path: Path) -> None:
    state = tmp_path / "state"
    first = SqliteOutbox(state)
    calls = room_calls(first, Link(up=False))
    calls.call_nurse()
    assert calls.resolve_all_in_room() == 1
    first.close()

    link = Link(up=True)
    restarted = room_calls(SqliteOutbox(state), link)
    assert [(m.call_id, m.by) for m in link.resolved] == [("call-1", Resolver.ROOM)]
    assert restarted.items == []
    assert SqliteOutbox(state).held_resolutions() == []
