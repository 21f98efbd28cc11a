"""Response times recorded by stations from a real broker: known message times give known
medians and percentiles, and a second station, seeing the same messages, agrees."""

from __future__ import annotations

import time
from pathlib import Path

import paho.mqtt.client as mqtt
from paho.mqtt.enums import CallbackAPIVersion

from kiosk.adapters.response_store import ResponseStore
from kiosk.core import protocol as p
from kiosk.core.response_times import CallStep, day_bounds, day_figures, day_of
from tests.calls.conftest import Network

ACK_SECONDS = [12.0, 20.0, 25.0, 31.0, 40.0, 44.0, 58.0, 61.0, 90.0, 180.0]


def test_two_stations_record_the_same_response_times_from_the_messages(
        network: Network, tmp_path: Path) -> None:
    stores = []
    boards = []
    for name in ("desk-a", "desk-b"):
        board, _ = network.station(name)
        store = ResponseStore(tmp_path / name)
        board.call_events.connect(store.record)
        boards.append(board)
        stores.append(store)
    network.loop.wait_for(lambda: all(b.connected for b in boards), "both stations online")

    other = mqtt.Client(CallbackAPIVersion.VERSION2, client_id="pager-gateway")
    host, port, _ = network.endpoint().host_port_tls()
    other.connect(host, port)
    other.loop_start()

    def send(topic: str, payload: bytes, retain: bool = False) -> None:
        other.publish(topic, payload, qos=1, retain=retain).wait_for_publish(5)

    base = time.time() - 600  # ten minutes ago: the figures are the message times, not now
    ids = [f"call-{i}" for i in range(len(ACK_SECONDS))]
    for i, call_id in enumerate(ids):
        call = p.CallMessage(call_id, f"room-{i % 3 + 1}", p.Kind.CALL, p.URGENT_REASON, "Call",
                             p.URGENT_PRIORITY, base + i)
        send(p.call_topic(call.room, call_id), p.encode_call(call), retain=True)
    network.loop.wait_for(lambda: all(len(b.calls()) == len(ids) for b in boards),
                          "every call on both boards")
    for i, (call_id, ack) in enumerate(zip(ids, ACK_SECONDS, strict=True)):
        room = f"room-{i % 3 + 1}"
        reply = p.StationReply(call_id, "desk-c", base + i + ack)
        send(p.call_subtopic(room, call_id, p.TopicKind.ACK), p.encode_reply(reply))
        done = p.Resolved(call_id, p.Resolver.ROOM, base + i + 3 * ack)
        send(p.call_subtopic(room, call_id, p.TopicKind.RESOLVED), p.encode_resolved(done))
        send(p.call_topic(room, call_id), b"", retain=True)
    network.loop.wait_for(lambda: all(not b.calls() for b in boards), "every call resolved")
    other.loop_stop()
    other.disconnect()

    day = day_of(base)
    results = []
    for store in stores:
        events = store.events(*day_bounds(day))
        results.append(day_figures(events, day))
        steps = {e.step for e in events}
        assert steps == set(CallStep), "placed, received, acknowledged and resolved all kept"
        store.close()
    first, second = results
    assert first == second, "a second station computes the same figures"
    whole = first.whole_day
    assert whole.calls == 10
    assert (whole.acknowledge_median, whole.acknowledge_p90) == (42.0, 90.0)
    assert (whole.resolve_median, whole.resolve_p90) == (126.0, 270.0)

    reopened = ResponseStore(tmp_path / "desk-a", create=False)
    assert day_figures(reopened.events(*day_bounds(day)), day) == first, "kept on disk"
    reopened.close()
