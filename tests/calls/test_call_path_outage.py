"""Broker outages and silent tablets: nothing lost, nothing doubled, silence noticed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from kiosk.core.board import RoomPresence
from kiosk.core.calls import CallState
from tests.calls.conftest import Network

OUTAGE_SECONDS = 10.0
ROOT = Path(__file__).resolve().parents[2]


def test_a_call_pressed_during_an_outage_arrives_once_after_the_broker_returns(
        network: Network) -> None:
    board, _ = network.station()
    calls, _, outbox = network.room()
    network.loop.wait_for(lambda: not calls.no_station_online, "the room to see the station")
    chimes: list[int] = []
    board.chime.connect(lambda: chimes.append(1))

    network.broker.stop()
    network.loop.wait_for(lambda: calls.no_station_online, "the room to notice the outage")
    call_id = calls.call_nurse()
    network.loop.wait_for(lambda: calls.urgent_state is CallState.NOT_THROUGH,
                          "the room to admit the call is not through")
    assert outbox.open_calls()[0].call.call_id == call_id
    back_at = time.monotonic() + OUTAGE_SECONDS
    network.loop.wait_for(lambda: time.monotonic() >= back_at, "the outage", OUTAGE_SECONDS + 5)
    assert calls.urgent_state is CallState.NOT_THROUGH
    network.broker.start()

    network.loop.wait_for(lambda: calls.urgent_state is CallState.RECEIVED,
                          "the receipt after the broker returned", timeout=15)
    assert [c.call_id for c in board.calls()] == [call_id]
    assert len(chimes) == 1


def test_an_acknowledgement_given_during_an_outage_reaches_the_room(network: Network) -> None:
    board, _ = network.station()
    calls, _, _ = network.room()
    network.loop.wait_for(lambda: not calls.no_station_online, "the room to see the station")
    call_id = calls.call_nurse()
    network.loop.wait_for(lambda: calls.urgent_state is CallState.RECEIVED, "receipt")

    network.broker.stop()
    network.loop.wait_for(lambda: not board.connected, "the station to notice the outage")
    board.acknowledge(call_id)
    network.broker.start()

    network.loop.wait_for(lambda: calls.urgent_state is CallState.ON_THE_WAY,
                          "the acknowledgement after the broker returned", timeout=15)
    assert len(board.calls()) == 1


_SILENT_ROOM = """
import sys, time
from kiosk.adapters.mqtt_link import BrokerEndpoint, RoomLink
link = RoomLink("room-7", BrokerEndpoint(url=sys.argv[1], keepalive_seconds=5), lambda fn: fn())
link.start()
while not link.connected:
    time.sleep(0.02)
print("connected", flush=True)
time.sleep(600)
"""


def test_a_frozen_tablet_shows_as_silent_at_the_station_within_about_eleven_seconds(
        network: Network) -> None:
    board, _ = network.station()
    child = subprocess.Popen([sys.executable, "-c", _SILENT_ROOM, network.broker.url],
                             cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "connected"
        network.loop.wait_for(lambda: board.rooms() and
                              board.rooms()[0].presence is RoomPresence.ONLINE, "room online")
        # SIGSTOP: the socket stays open but nothing is said, like a frozen tablet.
        os.kill(child.pid, signal.SIGSTOP)
        stopped_at = time.monotonic()
        network.loop.wait_for(lambda: board.rooms()[0].presence is RoomPresence.OFFLINE,
                              "the last will", timeout=12)
        silent_after = time.monotonic() - stopped_at
        print(f"silent tablet flagged after {silent_after:.1f} s")
        assert silent_after <= 12.5  # 1.5 x keepalive 5 s, plus the broker's check interval
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
