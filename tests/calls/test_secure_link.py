"""mqtts with the clinic's CA and a password file: the deployed set-up, on a private broker."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.adapters.broker import PrivateBroker
from kiosk.adapters.mqtt_link import BrokerEndpoint, RoomLink, StationLink
from kiosk.core.board import StationBoard
from kiosk.core.calls import CallState, MemoryOutbox, RoomCalls
from kiosk.core.clock import SystemClock
from tests.calls.conftest import QtThreadStandIn
from tests.support import need_binary


def _make_ca_and_cert(d: Path) -> tuple[Path, Path, Path]:
    openssl = need_binary("openssl", "sudo apt-get install openssl")
    ca_key, ca, key, csr, cert = (d / n for n in ("ca.key", "ca.crt", "b.key", "b.csr", "b.crt"))
    run = lambda *args: subprocess.run([openssl, *args], check=True, capture_output=True)  # noqa: E731
    run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Clinic CA",
        "-keyout", str(ca_key), "-out", str(ca))
    run("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
        "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(csr))
    ext = d / "ext.cnf"
    ext.write_text("subjectAltName=IP:127.0.0.1\n")
    run("x509", "-req", "-in", str(csr), "-CA", str(ca), "-CAkey", str(ca_key),
        "-CAcreateserial", "-days", "2", "-extfile", str(ext), "-out", str(cert))
    return ca, cert, key


@pytest.fixture
def secure_broker(tmp_path: Path) -> Iterator[tuple[PrivateBroker, Path]]:
    passwd = need_binary("mosquitto_passwd", "sudo apt-get install mosquitto")
    ca, cert, key = _make_ca_and_cert(tmp_path)
    users = tmp_path / "passwd"
    for n, user in enumerate(("room-1", "desk")):
        flags = ["-c"] if n == 0 else []
        subprocess.run([passwd, *flags, "-b", str(users), user, f"secret-{user}"], check=True)
    users.chmod(0o644)
    with PrivateBroker(tls_cert_key=(cert, key), password_file=users) as broker:
        yield broker, ca


def _endpoint(broker: PrivateBroker, ca: Path, tmp: Path, user: str, pw: str) -> BrokerEndpoint:
    secret = tmp / f"{user}.password"
    secret.write_text(pw + "\n")
    return BrokerEndpoint(url=broker.url, keepalive_seconds=5, username=user,
                          password_file=secret, ca_file=ca)


def test_a_call_goes_through_over_tls_with_device_passwords(
        secure_broker: tuple[PrivateBroker, Path], tmp_path: Path) -> None:
    broker, ca = secure_broker
    assert broker.url.startswith("mqtts://")
    loop = QtThreadStandIn()
    station_link = StationLink("desk", _endpoint(broker, ca, tmp_path, "desk", "secret-desk"),
                               loop.post)
    board = StationBoard("desk", SystemClock(), station_link)
    station_link.attach(board)
    room_link = RoomLink("room-1", _endpoint(broker, ca, tmp_path, "room-1", "secret-room-1"),
                         loop.post)
    calls = RoomCalls("room-1", SystemClock(), MemoryOutbox(), room_link)
    room_link.attach(calls)
    links = [station_link, room_link]
    try:
        for link in links:
            link.start()
        loop.wait_for(lambda: not calls.no_station_online, "the room to see the station")
        calls.call_nurse()
        loop.wait_for(lambda: calls.urgent_state is CallState.RECEIVED, "receipt over TLS")
    finally:
        for link in links:
            link.stop()


def test_a_wrong_password_never_shows_a_station_as_reachable(
        secure_broker: tuple[PrivateBroker, Path], tmp_path: Path) -> None:
    broker, ca = secure_broker
    loop = QtThreadStandIn()
    link = RoomLink("room-1", _endpoint(broker, ca, tmp_path, "room-1", "wrong"), loop.post)
    calls = RoomCalls("room-1", SystemClock(), MemoryOutbox(), link)
    link.attach(calls)
    loop.ticks.append(calls.tick)
    connection: list[bool] = []
    link.connection_changed.connect(connection.append)
    link.start()
    try:
        calls.call_nurse()
        loop.wait_for(lambda: calls.urgent_state is CallState.NOT_THROUGH,
                      "the room to admit the call is not through")
        assert calls.no_station_online
        assert connection and True not in connection
    finally:
        link.stop()
