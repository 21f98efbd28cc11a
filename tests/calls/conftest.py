"""Rooms and stations wired to a real Mosquitto; paho's callbacks are posted to a queue that the
test thread drains, the way the Qt thread drains the Dispatcher."""

from __future__ import annotations

import queue
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kiosk.adapters.broker import PrivateBroker
from kiosk.adapters.mqtt_link import BrokerEndpoint, RoomLink, StationLink
from kiosk.adapters.outbox import SqliteOutbox
from kiosk.core.board import StationBoard
from kiosk.core.calls import RoomCalls
from kiosk.core.clock import SystemClock
from tests.support import wait_until
from tests.support.broker import broker  # noqa: F401 - the fixture


class QtThreadStandIn:
    """Runs posted functions on the test thread, plus each machine's timer tick."""

    def __init__(self) -> None:
        self._queue: queue.Queue[Callable[[], None]] = queue.Queue()
        self.ticks: list[Callable[[], None]] = []

    def post(self, fn: Callable[[], None]) -> None:
        self._queue.put(fn)

    def run_pending(self) -> None:
        while True:
            try:
                fn = self._queue.get_nowait()
            except queue.Empty:
                break
            fn()
        for tick in self.ticks:
            tick()

    def wait_for(self, condition: Callable[[], object], what: str, timeout: float = 10.0) -> None:
        def check() -> object:
            self.run_pending()
            return condition()
        wait_until(check, timeout=timeout, message=what)


class Network:
    """Builds rooms and stations on one broker and stops them all at the end."""

    def __init__(self, private_broker: PrivateBroker, tmp_path: Path) -> None:
        self.broker = private_broker
        self.loop = QtThreadStandIn()
        self._tmp = tmp_path
        self._links: list[RoomLink | StationLink] = []

    def endpoint(self) -> BrokerEndpoint:
        return BrokerEndpoint(url=self.broker.url, keepalive_seconds=5)

    def room(self, room: str = "room-1") -> tuple[RoomCalls, RoomLink, SqliteOutbox]:
        link = RoomLink(room, self.endpoint(), self.loop.post)
        outbox = SqliteOutbox(self._tmp / room)
        calls = RoomCalls(room, SystemClock(), outbox, link, receipt_timeout_seconds=5,
                          retry_seconds=1)
        link.attach(calls)
        self.loop.ticks.append(calls.tick)
        self._start(link)
        return calls, link, outbox

    def station(self, station: str = "desk") -> tuple[StationBoard, StationLink]:
        link = StationLink(station, self.endpoint(), self.loop.post)
        board = StationBoard(station, SystemClock(), link, escalation_minutes=5)
        link.attach(board)
        self.loop.ticks.append(board.tick)
        self._start(link)
        return board, link

    def _start(self, link: RoomLink | StationLink) -> None:
        link.start()
        self._links.append(link)

    def close(self) -> None:
        for link in self._links:
            link.stop()


@pytest.fixture
def network(broker: PrivateBroker, tmp_path: Path) -> Iterator[Network]:  # noqa: F811
    net = Network(broker, tmp_path)
    yield net
    net.close()
