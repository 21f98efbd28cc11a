"""The shipped broker access rules (docs/mosquitto/kiosk.acl) and password sample, tried on a
real Mosquitto: each room writes only its own topics and no station's, a station cannot pose as
a room, and the read-only gateway user cannot write at all.

Mosquitto drops a publish it refuses without telling the sender. So every refused publish is
followed by an allowed one; Mosquitto handles messages one at a time, so once that marker has
reached the listening station, anything refused before it would have arrived first."""

from __future__ import annotations

import queue
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import paho.mqtt.client as mqtt
import pytest
from paho.mqtt.enums import CallbackAPIVersion

from kiosk.adapters.broker import INSTALL_HINT, PrivateBroker
from tests.support import need_binary

DOCS = Path(__file__).resolve().parents[2] / "docs" / "mosquitto"
USERS = {line.split(":", 1)[0]: line.split(":", 1)[1]
         for line in (DOCS / "kiosk.passwd.sample").read_text().split()}
MARKER = "kiosk/v1/stations/station-desk/presence"


class Device:
    def __init__(self, broker: PrivateBroker, user: str) -> None:
        self.client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=f"test-{user}")
        self.client.username_pw_set(user, USERS[user])
        self.heard: queue.Queue[tuple[str, bytes]] = queue.Queue()
        self.client.on_message = lambda _c, _u, m: self.heard.put((m.topic, m.payload))
        self.client.connect(broker.HOST, broker.port)
        self.client.loop_start()

    def publish(self, topic: str, payload: bytes) -> None:
        self.client.publish(topic, payload, qos=1).wait_for_publish(timeout=5)

    def close(self) -> None:
        self.client.loop_stop()
        self.client.disconnect()


class Clinic:
    def __init__(self, broker: PrivateBroker) -> None:
        self.broker = broker
        self.devices: list[Device] = []
        self.listener = self.device("station-desk")
        subscribed = queue.Queue[object]()
        self.listener.client.on_subscribe = lambda *args: subscribed.put(args)
        self.listener.client.subscribe("kiosk/v1/#", qos=1)
        subscribed.get(timeout=5)
        self._markers = 0

    def device(self, user: str) -> Device:
        device = Device(self.broker, user)
        self.devices.append(device)
        return device

    def arrives(self, device: Device, topic: str) -> bool:
        """Whether `device` publishing to `topic` reaches the listening station."""
        self._markers += 1
        payload = f"probe-{self._markers}".encode()
        device.publish(topic, payload)
        marker = f"marker-{self._markers}".encode()
        self.listener.publish(MARKER, marker)
        seen: list[tuple[str, bytes]] = []
        while (MARKER, marker) not in seen:
            seen.append(self.listener.heard.get(timeout=5))
        return (topic, payload) in seen


@pytest.fixture
def clinic(tmp_path: Path) -> Iterator[Clinic]:
    need_binary("mosquitto", INSTALL_HINT.split(": ", 1)[1])
    hasher = need_binary("mosquitto_passwd", "sudo apt-get install mosquitto")
    passwords = tmp_path / "kiosk.passwd"
    shutil.copy(DOCS / "kiosk.passwd.sample", passwords)
    subprocess.run([hasher, "-U", str(passwords)], check=True)
    passwords.chmod(0o644)
    with PrivateBroker(password_file=passwords, acl_file=DOCS / "kiosk.acl") as broker:
        world = Clinic(broker)
        yield world
        for device in world.devices:
            device.close()


def test_a_room_writes_its_own_topics(clinic: Clinic) -> None:
    room = clinic.device("room-1")
    for topic in ("kiosk/v1/rooms/room-1/presence", "kiosk/v1/rooms/room-1/session",
                  "kiosk/v1/rooms/room-1/calls/c1", "kiosk/v1/rooms/room-1/calls/c1/resolved"):
        assert clinic.arrives(room, topic), topic


def test_a_room_cannot_announce_a_station_or_write_for_another_room(clinic: Clinic) -> None:
    room = clinic.device("room-1")
    for topic in ("kiosk/v1/stations/room-1/presence",
                  "kiosk/v1/stations/station-desk/presence",
                  "kiosk/v1/rooms/room-2/presence",
                  "kiosk/v1/rooms/room-2/calls/c1",
                  "kiosk/v1/rooms/room-2/calls/c1/receipt"):
        assert not clinic.arrives(room, topic), topic


def test_a_station_answers_calls_but_cannot_pose_as_a_room(clinic: Clinic) -> None:
    station = clinic.listener
    for topic in ("kiosk/v1/rooms/room-1/calls/c1/receipt",
                  "kiosk/v1/rooms/room-1/calls/c1/ack",
                  "kiosk/v1/rooms/room-1/calls/c1/resolved",
                  "kiosk/v1/rooms/room-1/calls/c1/overdue"):
        assert clinic.arrives(station, topic), topic
    for topic in ("kiosk/v1/rooms/room-1/presence", "kiosk/v1/rooms/room-1/session",
                  "kiosk/v1/rooms/station-desk/presence",
                  "kiosk/v1/stations/station-other/presence"):
        assert not clinic.arrives(station, topic), topic


def test_the_gateway_user_cannot_write_anything(clinic: Clinic) -> None:
    gateway = clinic.device("pager-gateway")
    for topic in ("kiosk/v1/rooms/pager-gateway/presence",
                  "kiosk/v1/stations/pager-gateway/presence",
                  "kiosk/v1/rooms/room-1/calls/c1/overdue",
                  "kiosk/v1/rooms/room-1/calls/c1"):
        assert not clinic.arrives(gateway, topic), topic


def test_the_sample_names_every_device_and_a_wrong_password_is_refused(clinic: Clinic) -> None:
    assert set(USERS) == {"room-1", "room-2", "station-desk", "pager-gateway"}
    client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id="test-intruder")
    client.username_pw_set("room-1", "not-the-password")
    answers: queue.Queue[object] = queue.Queue()
    client.on_connect = lambda _c, _u, _f, reason, _p: answers.put(reason)
    client.connect(clinic.broker.HOST, clinic.broker.port)
    client.loop_start()
    try:
        reason = answers.get(timeout=5)
        assert getattr(reason, "is_failure", False), f"connected with a wrong password: {reason}"
    finally:
        client.loop_stop()
        client.disconnect()
