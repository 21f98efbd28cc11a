"""A short-lived MQTT client that speaks for one room during commissioning (`call-test`).

It is not the room's own link: another client id, a clean session and no last will, so a running
room tablet keeps its connection and its presence while the test runs.

Threads: paho calls back on its network thread; each callback only `post`s a function, and the
caller runs those functions on its own thread (call-test drains a queue on the main thread).
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Callable
from typing import Any

import paho.mqtt.client as mqtt
from paho.mqtt.enums import CallbackAPIVersion

from kiosk.adapters.mqtt_link import QOS, BrokerEndpoint, Post, configure_security
from kiosk.core import protocol as p

log = logging.getLogger(__name__)


class CallProbe:
    def __init__(self, room: str, endpoint: BrokerEndpoint, post: Post) -> None:
        self.room = room
        self._endpoint = endpoint
        self._post = post
        self.on_connected: Callable[[bool, str], None] = lambda ok, reason: None
        self.on_subscribed: Callable[[], None] = lambda: None
        self.on_station_presence: Callable[[str, bool], None] = lambda station, online: None
        self.on_receipt: Callable[[p.StationReply], None] = lambda msg: None
        self._client = mqtt.Client(CallbackAPIVersion.VERSION2,
                                   client_id=f"kiosk-calltest-{room}-{os.getpid()}",
                                   clean_session=True, protocol=mqtt.MQTTv311)
        self._client.on_connect = self._paho_connected
        self._client.on_subscribe = self._paho_subscribed
        self._client.on_message = self._paho_message
        configure_security(self._client, self._endpoint)

    def start(self) -> None:
        """Connects at once; raises OSError when the broker cannot be reached at all."""
        host, port, _ = self._endpoint.host_port_tls()
        self._client.connect(host, port, keepalive=self._endpoint.keepalive_seconds)
        self._client.loop_start()

    def stop(self) -> None:
        self._client.disconnect()
        self._client.loop_stop()

    def send_test_call(self, call: p.CallMessage) -> bool:
        # Not retained: a station that starts later has no business showing a finished test.
        info = self._client.publish(p.call_topic(call.room, call.call_id), p.encode_call(call),
                                    qos=QOS, retain=False)
        return info.rc == mqtt.MQTT_ERR_SUCCESS

    def finish_test_call(self, call_id: str, at: float, timeout: float = 2.0) -> None:
        """Clears the test call from every station and empties the station's retained replies."""
        msg = p.Resolved(call_id, p.Resolver.ROOM, at)
        infos = [self._client.publish(
            p.call_subtopic(self.room, call_id, p.TopicKind.RESOLVED), p.encode_resolved(msg),
            qos=QOS, retain=False)]
        for kind in (p.TopicKind.RECEIPT, p.TopicKind.ACK):
            infos.append(self._client.publish(p.call_subtopic(self.room, call_id, kind), b"",
                                              qos=QOS, retain=True))
        for info in infos:
            info.wait_for_publish(timeout=timeout)

    # paho thread: post only.
    def _paho_connected(self, client: mqtt.Client, userdata: Any, flags: Any, reason: Any,
                        properties: Any) -> None:
        self._post(lambda: self._connected(reason))

    def _paho_subscribed(self, client: mqtt.Client, userdata: Any, mid: Any, reasons: Any,
                         properties: Any) -> None:
        self._post(self.on_subscribed)

    def _paho_message(self, client: mqtt.Client, userdata: Any, message: mqtt.MQTTMessage) -> None:
        topic, payload = message.topic, bytes(message.payload)
        self._post(lambda: self._received(topic, payload))

    # The caller's thread from here on.
    def _connected(self, reason: Any) -> None:
        if getattr(reason, "is_failure", False):
            self.on_connected(False, str(reason))
            return
        sock = self._client.socket()
        if isinstance(sock, socket.socket):
            # Nagle with delayed ACKs would add tens of ms to the round trip being measured.
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._client.subscribe([(t, QOS) for t in p.room_subscriptions(self.room)])
        self.on_connected(True, "")

    def _received(self, topic: str, payload: bytes) -> None:
        if not payload:
            return
        try:
            ref = p.parse_topic(topic)
            if ref.kind is p.TopicKind.STATION_PRESENCE:
                self.on_station_presence(ref.station, p.parse_presence(payload).online)
            elif ref.kind is p.TopicKind.RECEIPT:
                self.on_receipt(p.parse_reply(payload, ref))
        except p.ParseError as e:
            log.warning("ignored message topic=%s reason=%s", topic[:120], e)
