"""A room and a station exchange calls through a real Mosquitto."""

from __future__ import annotations

import paho.mqtt.client as mqtt
from paho.mqtt.enums import CallbackAPIVersion

from kiosk.core import protocol as p
from kiosk.core.calls import CallState
from tests.calls.conftest import Network


def test_a_call_is_received_acknowledged_and_resolved_end_to_end(network: Network) -> None:
    board, _ = network.station()
    calls, _, outbox = network.room()
    network.loop.wait_for(lambda: not calls.no_station_online, "the room to see the station")

    call_id = calls.call_nurse()
    network.loop.wait_for(lambda: calls.urgent_state is CallState.RECEIVED, "station receipt")
    assert [c.call_id for c in board.calls()] == [call_id]

    board.acknowledge(call_id)
    network.loop.wait_for(lambda: calls.urgent_state is CallState.ON_THE_WAY, "acknowledgement")
    assert board.calls()[0].acknowledged

    board.resolve(call_id)
    network.loop.wait_for(lambda: calls.urgent_state is CallState.IDLE, "resolution")
    assert outbox.open_calls() == []
    assert board.calls() == []


def test_a_request_the_patient_cancels_leaves_the_station_board(network: Network) -> None:
    board, _ = network.station()
    calls, _, _ = network.room()
    network.loop.wait_for(lambda: not calls.no_station_online, "the room to see the station")
    call_id = calls.request("water", "Water", p.REQUEST_PRIORITIES["normal"])
    network.loop.wait_for(lambda: board.calls(), "the request at the station")
    assert board.calls()[0].label == "Water" and not board.calls()[0].urgent
    calls.cancel_request(call_id)
    network.loop.wait_for(lambda: not board.calls(), "the request to leave the board")


def test_the_room_shows_no_station_until_one_comes_online(network: Network) -> None:
    calls, _, _ = network.room()
    network.loop.wait_for(lambda: calls.no_station_online, "the room to be connected")
    _, station_link = network.station()
    network.loop.wait_for(lambda: not calls.no_station_online, "station presence")
    station_link.stop()
    network.loop.wait_for(lambda: calls.no_station_online, "the station to go offline")


def test_a_station_that_starts_late_sees_open_calls_and_answers_them(network: Network) -> None:
    calls, _, _ = network.room()
    network.loop.wait_for(lambda: calls.no_station_online, "the room to be connected")
    water = calls.request("water", "Water", 40)
    urgent = calls.call_nurse()

    board, _ = network.station()
    network.loop.wait_for(lambda: len(board.calls()) == 2, "retained calls at the new station")
    assert [c.call_id for c in board.calls()] == [urgent, water]
    network.loop.wait_for(lambda: calls.urgent_state is CallState.RECEIVED, "late receipt")


def test_malformed_messages_are_ignored_and_the_station_keeps_working(network: Network) -> None:
    board, _ = network.station()
    calls, _, _ = network.room()
    network.loop.wait_for(lambda: not calls.no_station_online, "the room to see the station")

    rogue = mqtt.Client(CallbackAPIVersion.VERSION2, client_id="rogue")
    host, port, _ = network.endpoint().host_port_tls()
    rogue.connect(host, port)
    rogue.loop_start()
    good = p.encode_call(p.CallMessage("x1", "room-9", p.Kind.CALL, "urgent", "Call", 100, 0.0))
    junk = [
        ("kiosk/v1/rooms/room-9/calls/x1", b"{not json"),
        ("kiosk/v1/rooms/room-9/calls/x1", good.replace(b'"v":1', b'"v":9')),
        ("kiosk/v1/rooms/room-9/calls/x1", b"x" * 20_000),
        ("kiosk/v1/rooms/room-9/calls/x2", good),  # payload names another call
        ("kiosk/v1/rooms/room-9/session", b'{"v":1,"room":"room-9"}'),
        ("kiosk/v1/rooms/room-1/calls/abc/ack", b"[]"),
        ("kiosk/v1/stations/desk-9/presence", b"\xff"),
        ("kiosk/v1/rooms/room-9/calls/x1/whatever", b"{}"),
    ]
    for topic, payload in junk:
        rogue.publish(topic, payload, qos=1).wait_for_publish(5)
    rogue.loop_stop()
    rogue.disconnect()

    call_id = calls.call_nurse()
    network.loop.wait_for(lambda: calls.urgent_state is CallState.RECEIVED, "receipt after junk")
    assert [c.call_id for c in board.calls()] == [call_id]
