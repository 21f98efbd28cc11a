"""Call-button states for screenshots, driven through the assembled room's call path on a fake
clock and a link that accepts every message (no broker): each state is what a real station's
messages make."""

from __future__ import annotations

from collections.abc import Callable

from kiosk.app.room import Room
from kiosk.core.clock import FakeClock
from kiosk.core.protocol import Resolved, Resolver, StationReply

STATION = "station-1"


class CallScenes:
    """One room's call path for pictures; `reset()` clears it between states."""

    def __init__(self, room: Room, clock: FakeClock) -> None:
        self.clock = clock
        self.core = room.call_core
        self.controller = room.calls
        self.speech = room.speech

    def reset(self, station_online: bool = True) -> None:
        for item in list(self.core.items):
            self.core.on_resolved(Resolved(item.call.call_id, Resolver.STATION,
                                           self.clock.wall(), STATION))
        self.controller.set_link_up(True)
        self.core.on_link_up()
        self.core.on_station_presence(STATION, station_online)
        self.speech.setSpeakToMe(False)

    def states(self) -> list[tuple[str, Callable[[], str]]]:
        """(name, setup) pairs; setup returns the room screen to show."""
        return [
            ("call-no-station-online", lambda: self._idle(False)),
            ("call-calling", self._calling),
            ("call-not-through", self._not_through),
            ("call-received", self._received),
            ("call-nurse-on-the-way", self._on_the_way),
            ("call-saved-tablet-offline", self._saved_offline),
            ("call-received-speaking-to-you", self._speaking),
            ("requests-open", self._requests),
        ]

    def _idle(self, online: bool) -> str:
        self.reset(station_online=online)
        return "home"

    def _calling(self) -> str:
        self.reset()
        self.controller.callNurse()
        return "home"

    def _not_through(self) -> str:
        self._calling()
        self.clock.advance(6)
        self.core.tick()
        return "home"

    def _received(self) -> str:
        self.reset()
        call_id = self.controller.callNurse()
        self.core.on_receipt(StationReply(call_id, STATION, self.clock.wall()))
        return "home"

    def _on_the_way(self) -> str:
        self.reset()
        call_id = self.controller.callNurse()
        self.core.on_ack(StationReply(call_id, STATION, self.clock.wall()))
        return "home"

    def _saved_offline(self) -> str:
        """A station has the call, then this tablet loses its broker."""
        self._received()
        self.controller.set_link_up(False)
        self.core.on_link_down()
        return "home"

    def _speaking(self) -> str:
        """Eyes-closed mode on, with a call the station has."""
        self._received()
        self.speech.setSpeakToMe(True)
        return "home"

    def _requests(self) -> str:
        self.reset()
        water = self.controller.request("water")
        self.core.on_receipt(StationReply(water, STATION, self.clock.wall()))
        self.controller.request("blanket")
        self.controller.request("sick")
        return "requests"

