"""The call path under faults (issue 13), with a real Mosquitto: no press absorbed into a call
that is already resolved, no false "did not get through" on a broker restart, no take-back from
a station that no longer exists, and nothing left retained for a closed call.

Rooms and stations are core's machines behind real MQTT links in this process (the room restart
of the first test is a real room process, pressed through its test hook). Each scenario is fixed
(no randomness) and every wait has a deadline; an observation window is part of the scenario
(nothing must happen during it), not a synchronisation.
"""

from __future__ import annotations

import signal
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import paho.mqtt.client as mqtt
import pytest
from paho.mqtt.enums import CallbackAPIVersion

from kiosk.adapters.broker import PrivateBroker
from kiosk.adapters.mqtt_link import RoomLink, StationLink
from kiosk.core import protocol as p
from kiosk.core.calls import CallState, RoomCalls
from tests.calls.conftest import Network
from tests.e2e.test_call_e2e import Nurse, nurses, placed_call, start_room, stop, wait_line
from tests.support import wait_until
from tests.support.broker import broker, persistent_broker  # noqa: F401 - the fixtures

pytestmark = pytest.mark.slow

__all__ = ["nurses"]  # the fixture, used by name below


class Clinic(Network):
    """The call tests' network of rooms and stations on one broker, plus retiring a device and
    watching for a while."""

    def room(self, room: str = "room-1") -> tuple[RoomCalls, RoomLink]:  # type: ignore[override]
        calls, link, _outbox = super().room(room)
        return calls, link

    def retire(self, link: RoomLink | StationLink, tick: Callable[[], None]) -> None:
        """Stop a device for good (its persistent session stays with the broker)."""
        link.stop()
        self._links.remove(link)
        self.loop.ticks.remove(tick)

    def watch(self, seconds: float) -> None:
        """Keep every device running for an observation window."""
        end = time.monotonic() + seconds
        self.loop.wait_for(lambda: time.monotonic() >= end, "the observation window",
                           timeout=seconds + 5)


@pytest.fixture
def clinic(broker: PrivateBroker, tmp_path: Path) -> Iterator[Clinic]:  # noqa: F811
    built = Clinic(broker, tmp_path)
    yield built
    built.close()


@pytest.fixture
def persistent_clinic(persistent_broker: PrivateBroker,  # noqa: F811
                      tmp_path: Path) -> Iterator[Clinic]:
    built = Clinic(persistent_broker, tmp_path)
    yield built
    built.close()


def urgent_states(calls: RoomCalls) -> list[CallState]:
    """Every urgent state the patient is shown from now on, in order, without repeats."""
    seen = [calls.urgent_state]

    def record() -> None:
        if calls.urgent_state is not seen[-1]:
            seen.append(calls.urgent_state)
    calls.changed.connect(record)
    return seen


def outside_client(private_broker: PrivateBroker) -> mqtt.Client:
    client = mqtt.Client(CallbackAPIVersion.VERSION2, protocol=mqtt.MQTTv311)
    client.connect(PrivateBroker.HOST, private_broker.port)
    client.loop_start()
    return client


def retained_under(private_broker: PrivateBroker, pattern: str) -> dict[str, bytes]:
    """What a subscriber that arrives now is handed: the broker's retained messages. A marker
    published after the subscription is acknowledged arrives after all of them."""
    got: dict[str, bytes] = {}
    marker = "kiosk/v1/test-marker/done"
    subscribed: list[int] = []
    client = mqtt.Client(CallbackAPIVersion.VERSION2, protocol=mqtt.MQTTv311)
    client.on_message = lambda c, u, m: got.__setitem__(m.topic, bytes(m.payload))
    client.on_subscribe = lambda *args: subscribed.append(1)
    client.connect(PrivateBroker.HOST, private_broker.port)
    client.loop_start()
    try:
        client.subscribe([(pattern, 1), (marker, 1)])
        wait_until(lambda: subscribed, message="the late subscriber's SUBACK")
        client.publish(marker, b"1", qos=1)
        wait_until(lambda: marker in got, message="the marker after the retained messages")
    finally:
        client.disconnect()
        client.loop_stop()
    del got[marker]
    return {topic: payload for topic, payload in got.items() if payload}


# ---- 1. a press is never absorbed into a resolved call ---------------------------------------

def test_a_press_after_a_restart_reaches_a_station_although_the_open_call_was_resolved_meanwhile(
        broker: PrivateBroker, tmp_path: Path, nurses: list[Nurse]) -> None:  # noqa: F811
    nurses.append(Nurse(broker))
    nurse = nurses[0]
    room = start_room(broker, tmp_path)
    first = placed_call(room)
    wait_line(room, f"call state id={first} state=received", nurse)
    room.proc.send_signal(signal.SIGKILL)
    room.proc.wait(10)
    # The nurse resolves the call while the tablet is away; the resolution waits in the broker.
    nurse.resolve(first)

    # The restarted tablet is pressed while it is still connecting.
    again = start_room(broker, tmp_path)
    try:
        placed_call(again)
        nurse.loop.wait_for(lambda: any(c.call_id != first for c in nurse.board.calls()),
                            "the new press at the station", timeout=15)
        (second,) = [c.call_id for c in nurse.board.calls()]
        wait_line(again, f"call state id={second} state=received", nurse)
    finally:
        stop(again)


# ---- 2. a broker restart is the tablet's outage, not "no station has your call" ---------------

def test_a_broker_restart_keeps_a_received_call_received_and_sounds_no_not_through(
        persistent_clinic: Clinic) -> None:
    clinic = persistent_clinic
    board, station_link = clinic.station("desk")
    calls, room_link = clinic.room()
    clinic.loop.wait_for(lambda: not calls.no_station_online, "the room to see the station")
    call_id = calls.call_nurse()
    clinic.loop.wait_for(lambda: calls.urgent_state is CallState.RECEIVED, "the receipt")
    shown = urgent_states(calls)
    tones: list[str] = []
    calls.not_through.connect(tones.append)

    clinic.broker.restart()
    clinic.loop.wait_for(lambda: room_link.connected and station_link.connected,
                         "both links back after the restart", timeout=15)
    clinic.watch(12)  # longer than the receipt timeout plus any grace the room allows

    assert [c.call_id for c in board.calls()] == [call_id]
    assert tones == []
    assert CallState.CALLING not in shown and CallState.NOT_THROUGH not in shown, shown
    assert calls.urgent_state is CallState.RECEIVED


# ---- 3. a station gone for good leaves an offline presence that counts for nothing -----------

def test_a_stale_offline_presence_of_a_replaced_station_causes_no_take_back(
        clinic: Clinic) -> None:
    outside = outside_client(clinic.broker)
    for n in range(5):  # stations replaced under new ids: their last wills stay retained
        info = outside.publish(p.station_presence_topic(f"desk-old-{n}"), p.offline_will(),
                               qos=1, retain=True)
        info.wait_for_publish(5)
    outside.disconnect()
    outside.loop_stop()
    board, _ = clinic.station("desk")
    calls, link = clinic.room()
    clinic.loop.wait_for(lambda: not calls.no_station_online, "the room to see the station")
    call_id = calls.call_nurse()
    clinic.loop.wait_for(lambda: calls.urgent_state is CallState.RECEIVED, "the receipt")
    attempts = board.calls()[0]

    # The tablet app restarts with the received call in its outbox and reads every presence.
    clinic.retire(link, calls.tick)
    again, again_link = clinic.room()
    shown = urgent_states(again)
    clinic.loop.wait_for(lambda: again_link.connected, "the restarted room to connect")
    clinic.watch(8)

    assert CallState.CALLING not in shown and CallState.NOT_THROUGH not in shown, shown
    assert again.urgent_state is CallState.RECEIVED
    # The same call, as it was (its age counts on): no new attempt, no state taken back.
    assert [c.call_id for c in board.calls()] == [call_id]
    assert replace(board.calls()[0], age_seconds=0, age_minutes=0) == replace(
        attempts, age_seconds=0, age_minutes=0)


# ---- 4. nothing retained for a closed call, after a station restart with resolutions queued ---

def test_after_a_station_restart_with_resolutions_queued_nothing_is_retained_for_closed_calls(
        clinic: Clinic) -> None:
    desk_a, link_a = clinic.station("desk-a")
    desk_b, _ = clinic.station("desk-b")
    calls, _ = clinic.room()
    clinic.loop.wait_for(lambda: link_a.connected and not calls.no_station_online,
                         "both stations and the room online")
    clinic.retire(link_a, desk_a.tick)  # desk-a is switched off; its session stays queued

    opened = [calls.call_nurse(), calls.request("water", "Water", 40),
              calls.request("blanket", "Blanket", 20)]
    clinic.loop.wait_for(lambda: len(desk_b.calls()) == 3 and all(
        i.state is CallState.RECEIVED for i in calls.items), "desk-b to receive every call")
    for call_id in opened:
        assert desk_b.resolve(call_id)
    clinic.loop.wait_for(lambda: not calls.items, "the room to hear every resolution")

    restarted, link_again = clinic.station("desk-a")
    chimes: list[int] = []
    restarted.chime.connect(lambda: chimes.append(1))
    most_shown = [0]
    restarted.changed.connect(
        lambda: most_shown.__setitem__(0, max(most_shown[0], len(restarted.calls()))))
    clinic.loop.wait_for(lambda: link_again.connected, "desk-a back")
    clinic.watch(4)

    left = retained_under(clinic.broker, "kiosk/v1/rooms/+/calls/#")
    assert not [t for t in left if any(call_id in t for call_id in opened)], sorted(left)
    assert chimes == [] and most_shown == [0]


def test_a_receipt_that_crosses_the_resolution_is_cleared_by_the_station_that_sent_it(
        clinic: Clinic) -> None:
    board, link = clinic.station("desk")
    clinic.loop.wait_for(lambda: link.connected, "the station online")
    clinic.watch(1.5)  # past the burst after connecting
    call = p.CallMessage("crossing", "room-9", p.Kind.CALL, "urgent", "Call", 100, time.time())
    resolved = p.Resolved("crossing", p.Resolver.ROOM, time.time())
    outside = outside_client(clinic.broker)
    # An outside room sends a call and resolves it at once, clearing its topics, while the
    # station's thread is busy: the station handles the call (and receipts it) only afterwards.
    for topic, payload, retain in [
            (p.call_topic("room-9", "crossing"), p.encode_call(call), True),
            (p.call_subtopic("room-9", "crossing", p.TopicKind.RESOLVED),
             p.encode_resolved(resolved), False),
            (p.call_subtopic("room-9", "crossing", p.TopicKind.RECEIPT), b"", True),
            (p.call_subtopic("room-9", "crossing", p.TopicKind.ACK), b"", True),
            (p.call_topic("room-9", "crossing"), b"", True)]:
        outside.publish(topic, payload, qos=1, retain=retain).wait_for_publish(5)
    outside.disconnect()
    outside.loop_stop()
    clinic.watch(1)

    assert board.calls() == []
    left = retained_under(clinic.broker, "kiosk/v1/rooms/+/calls/#")
    assert not [t for t in left if "crossing" in t], sorted(left)


# ---- 5. presence tells the time it was said ---------------------------------------------------

def test_presence_carries_the_time_it_was_published(clinic: Clinic) -> None:
    before = time.time()
    _, link = clinic.station("desk")
    calls, _ = clinic.room()
    clinic.loop.wait_for(lambda: link.connected and not calls.no_station_online, "both online")
    left = retained_under(clinic.broker, "kiosk/v1/+/+/presence")
    times = {topic: p.parse_presence(payload).at for topic, payload in left.items()}
    assert sorted(times) == [p.room_presence_topic("room-1"), p.station_presence_topic("desk")]
    assert all(before - 1 <= at <= time.time() + 1 for at in times.values()), times
