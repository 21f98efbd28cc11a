"""Simulated rooms speak the protocol as real rooms do: a station sees them online with their
sessions, receipts their calls, and a nurse's acknowledgement leads to the call being closed."""

from __future__ import annotations

from kiosk.adapters.sim_rooms import SimulatedRooms
from kiosk.core.board import RoomPresence
from tests.calls.conftest import Network


def test_simulated_rooms_appear_call_and_close_their_calls_after_an_acknowledgement(
        network: Network) -> None:
    board, _ = network.station("desk")
    network.loop.wait_for(lambda: board.connected, "the station online")
    host, port, _ = network.endpoint().host_port_tls()
    names = [f"sim-{i:02d}" for i in range(12)]
    sims = SimulatedRooms(host, port, names, request_every_seconds=0,
                          resolve_after_seconds=(0.1, 0.3))
    sims.start()
    try:
        network.loop.wait_for(
            lambda: sum(r.presence is RoomPresence.ONLINE for r in board.rooms()) == 12,
            "twelve rooms online")
        network.loop.wait_for(lambda: sum(r.session_running for r in board.rooms()) >= 5,
                              "most chairs in a session")
        sent = sims.call_all(spread_seconds=0.2)
        network.loop.wait_for(lambda: set(sims.receipted()) == set(sent), "every receipt")
        assert {c.room for c in board.calls()} == set(names)
        for call in board.calls():
            board.acknowledge(call.call_id)
        network.loop.wait_for(lambda: not board.calls(), "the nurses closed every call")
    finally:
        sims.stop()
    network.loop.wait_for(
        lambda: all(r.presence is RoomPresence.OFFLINE for r in board.rooms()),
        "the simulated rooms said goodbye")
