"""`python main.py call-test`: commissioning for one tablet's room.

Sends a call marked as a test from this room, waits for a nurse station's receipt (the same
proof the patient's screen waits for), prints the round trip in milliseconds, and clears the
test call again. Exit 0 when a station answered; 1 with one plain reason when not.
"""

from __future__ import annotations

import os
import queue
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

CONNECT_SECONDS = 5.0
# Retained station presence follows the subscription within milliseconds; this is generous.
PRESENCE_GRACE_SECONDS = 1.0


class CallTestFailed(Exception):
    """str() is the plain reason shown to the person commissioning the tablet."""


@dataclass
class _Seen:
    connected: bool = False
    refused: str = ""
    subscribed: bool = False
    stations: dict[str, bool] = field(default_factory=dict)
    receipt_station: str = ""

    def online(self) -> list[str]:
        return sorted(s for s, up in self.stations.items() if up)


def run_call_test(config_dir: Path | None, room_id: str | None = None) -> int:
    from kiosk.settings import ConfigError, load_config, resolve_room

    try:
        config = load_config(config_dir, os.environ)
        room = resolve_room(config, room_id, os.environ)
    except ConfigError as error:
        print("\n".join(str(p) for p in error.problems), file=sys.stderr)
        print("Call test failed: the configuration has problems (listed above).")
        return 1
    try:
        station, millis = call_test(config.clinic.broker, room.id,
                                    config.clinic.calls.receipt_timeout_seconds)
    except CallTestFailed as failure:
        print(f"Call test failed: {failure}")
        return 1
    print(f"Call test passed: station {station} received the test call from {room.id} "
          f"in {millis:.1f} ms.")
    return 0


def call_test(broker: object, room: str, timeout_seconds: float) -> tuple[str, float]:
    """(station, round trip in ms), or CallTestFailed with the reason."""
    from kiosk.adapters.call_probe import CallProbe
    from kiosk.adapters.mqtt_link import BrokerEndpoint, BrokerSetupError
    from kiosk.settings.model import BrokerSettings

    assert isinstance(broker, BrokerSettings)
    endpoint = BrokerEndpoint.from_settings(broker, room)
    inbox: queue.Queue[Callable[[], None]] = queue.Queue()
    try:
        probe = CallProbe(room, endpoint, inbox.put)
    except BrokerSetupError as error:
        raise CallTestFailed(f"{error}. Check the broker section of clinic.yaml "
                             "(python main.py check-config).") from None
    seen = _Seen()
    probe.on_connected = lambda ok, reason: _connected(seen, ok, reason)
    probe.on_subscribed = lambda: setattr(seen, "subscribed", True)
    probe.on_station_presence = seen.stations.__setitem__
    try:
        probe.start()
    except OSError as error:
        raise CallTestFailed(f"cannot reach the broker at {endpoint.url} ({error}). "
                             "Check the network and the broker settings.") from None
    try:
        return _exchange(probe, inbox, seen, endpoint.url, timeout_seconds)
    finally:
        probe.stop()


def _connected(seen: _Seen, ok: bool, reason: str) -> None:
    seen.connected = ok
    seen.refused = "" if ok else reason


def _exchange(probe: object, inbox: queue.Queue[Callable[[], None]], seen: _Seen, url: str,
              timeout_seconds: float) -> tuple[str, float]:
    from kiosk.adapters.call_probe import CallProbe
    from kiosk.core import protocol as p

    assert isinstance(probe, CallProbe)
    if not _drain_until(inbox, lambda: seen.subscribed or seen.refused, CONNECT_SECONDS):
        raise CallTestFailed(f"the broker at {url} did not answer within {CONNECT_SECONDS:.0f} s.")
    if seen.refused:
        raise CallTestFailed(f"the broker at {url} refused this tablet ({seen.refused}). "
                             "Check the user name and password file.")
    if not _drain_until(inbox, seen.online, PRESENCE_GRACE_SECONDS):
        raise CallTestFailed("no nurse station is online. Start one (python main.py station) "
                             "and try again.")
    call_id = uuid.uuid4().hex
    probe.on_receipt = lambda msg: _receipt(seen, call_id, msg)
    call = p.CallMessage(call_id, probe.room, p.Kind.REQUEST, "test", "Test call", 0,
                         time.time(), test=True)
    started = time.perf_counter()
    if not probe.send_test_call(call):
        raise CallTestFailed("the test call could not be sent: the broker connection dropped.")
    got = _drain_until(inbox, lambda: seen.receipt_station, timeout_seconds)
    millis = (time.perf_counter() - started) * 1000
    probe.finish_test_call(call_id, time.time())
    if not got:
        raise CallTestFailed(
            f"no station receipt within {timeout_seconds:g} s "
            f"(stations online: {', '.join(seen.online()) or 'none'}). A patient's call from "
            "this room would show as not through.")
    return seen.receipt_station, millis


def _receipt(seen: _Seen, call_id: str, msg: object) -> None:
    from kiosk.core.protocol import StationReply

    if isinstance(msg, StationReply) and msg.call_id == call_id and not seen.receipt_station:
        seen.receipt_station = msg.station


def _drain_until(inbox: queue.Queue[Callable[[], None]], done: Callable[[], object],
                 timeout: float) -> bool:
    """Run posted functions until `done()` is true or the deadline passes."""
    deadline = time.monotonic() + timeout
    while not done():
        left = deadline - time.monotonic()
        if left <= 0:
            return False
        try:
            inbox.get(timeout=left)()
        except queue.Empty:
            return bool(done())
    return True
