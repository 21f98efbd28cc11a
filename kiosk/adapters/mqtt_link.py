"""MQTT links for the room and the station (paho-mqtt 2, MQTT 3.1.1).

Threads: paho runs its network loop on its own thread (`loop_start`). Every paho callback here
does one thing: `post` a function to the Qt thread. Parsing, state changes and publishing all
happen in those posted functions, on the Qt thread. paho reconnects by itself with backoff;
each (re)connect re-subscribes, and retained messages then replay the current state.

Sessions are persistent (clean_session false, a fixed client id per room or station), so QoS 1
messages sent while a client was briefly away are queued for it by the broker.
"""

from __future__ import annotations

import logging
import socket
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import paho.mqtt.client as mqtt
from paho.mqtt.enums import CallbackAPIVersion

from kiosk.core import protocol as p
from kiosk.core.failures import FailureLog
from kiosk.core.listeners import Listeners
from kiosk.settings.model import BrokerSettings
from kiosk.settings.validate import parse_broker_url

log = logging.getLogger(__name__)

Post = Callable[[Callable[[], None]], None]

QOS = 1
RECONNECT_MIN_SECONDS = 1
RECONNECT_MAX_SECONDS = 4


@dataclass(frozen=True)
class BrokerEndpoint:
    """Where and how to connect; app.py builds it from the broker settings."""

    url: str = "mqtt://127.0.0.1:1883"
    keepalive_seconds: int = 5
    username: str = ""
    password_file: Path | None = None
    ca_file: Path | None = None

    @classmethod
    def from_settings(cls, broker: BrokerSettings, device_id: str) -> BrokerEndpoint:
        """`device_id` (the room or station id) is the user name when the config names none
        with a password file, so one shared clinic.yaml serves every device (see deploy.md)."""
        username = broker.username or (device_id if broker.password_file else "")
        return cls(url=broker.url, keepalive_seconds=broker.keepalive_seconds,
                   username=username, password_file=broker.password_file,
                   ca_file=broker.ca_file)

    def host_port_tls(self) -> tuple[str, int, bool]:
        """The settings' one parser of broker URLs (the config was checked with it)."""
        parsed = parse_broker_url(self.url)
        if parsed is None:
            raise ValueError(f"broker url must look like mqtt://host:port or mqtts://host:port "
                             f"(got {self.url!r})")
        return parsed


class RoomListener(Protocol):
    """The room's call machine (kiosk.core.calls.RoomCalls) fits this."""

    def on_receipt(self, msg: p.StationReply) -> None: ...

    def on_ack(self, msg: p.StationReply) -> None: ...

    def on_resolved(self, msg: p.Resolved) -> None: ...

    def on_station_presence(self, station: str, online: bool) -> None: ...

    def on_link_up(self) -> None: ...

    def on_link_down(self) -> None: ...


class StationListener(Protocol):
    """The station board (kiosk.core.board.StationBoard) plus link state."""

    def on_room_presence(self, room: str, online: bool) -> None: ...

    def on_session(self, msg: p.SessionStatus) -> None: ...

    def on_call(self, msg: p.CallMessage) -> None: ...

    def on_call_cleared(self, call_id: str) -> None: ...

    def on_receipt(self, msg: p.StationReply) -> None: ...

    def on_ack(self, msg: p.StationReply) -> None: ...

    def on_resolved(self, msg: p.Resolved) -> None: ...

    def on_overdue(self, msg: p.Overdue) -> None: ...

    def on_caught_up(self) -> None: ...

    def on_link_up(self) -> None: ...

    def on_link_down(self) -> None: ...


class BrokerSetupError(Exception):
    """A password or CA file named in the broker settings cannot be used; says which and why."""


def configure_security(client: mqtt.Client, endpoint: BrokerEndpoint) -> None:
    """TLS when the URL is mqtts://, and a login when a username is set (password from its
    file, never from the config itself). Raises BrokerSetupError in plain words."""
    _, _, tls = endpoint.host_port_tls()
    if tls:
        try:
            client.tls_set(ca_certs=str(endpoint.ca_file) if endpoint.ca_file else None)
        except (OSError, ssl.SSLError) as error:
            raise BrokerSetupError(f"the broker CA file {endpoint.ca_file} cannot be used "
                                   f"({_reason(error)})") from None
    if endpoint.username:
        password = None
        if endpoint.password_file is not None:
            try:
                password = endpoint.password_file.read_text().strip()
            except (OSError, UnicodeDecodeError) as error:
                raise BrokerSetupError(f"the broker password file {endpoint.password_file} "
                                       f"cannot be read ({_reason(error)})") from None
            if not password:
                raise BrokerSetupError(f"the broker password file {endpoint.password_file} "
                                       "is empty")
        client.username_pw_set(endpoint.username, password)


def _reason(error: Exception) -> str:
    if isinstance(error, FileNotFoundError):
        return "it does not exist"
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, IsADirectoryError):
        return "it is a folder"
    if isinstance(error, ssl.SSLError):
        return "it is not a PEM certificate"
    if isinstance(error, UnicodeDecodeError):
        return "it is not text"
    return getattr(error, "strerror", None) or str(error)


def security_problem(client: mqtt.Client, endpoint: BrokerEndpoint) -> str:
    """configure_security, with a failure returned as its plain reason ("" when all is well)."""
    try:
        configure_security(client, endpoint)
    except BrokerSetupError as error:
        return str(error)
    return ""


class _Link:
    """What both sides share: connect, will, presence, subscriptions, posting to the Qt thread."""

    def __init__(self, endpoint: BrokerEndpoint, post: Post, client_id: str,
                 presence_topic: str, subscriptions: list[str]) -> None:
        self._endpoint = endpoint
        self._post = post
        self._presence_topic = presence_topic
        self._subscriptions = subscriptions
        # The broker link came up (True) or went down (False), heard on the Qt thread.
        self.connection_changed: Listeners[[bool]] = Listeners()
        self._failures = FailureLog(log, "message not handled")
        self._client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=client_id,
                                   clean_session=False, protocol=mqtt.MQTTv311)
        self._client.on_connect = self._paho_connected
        self._client.on_disconnect = self._paho_disconnected
        self._client.on_message = self._paho_message
        self._client.will_set(presence_topic, p.offline_will(), qos=QOS, retain=True)
        self._client.reconnect_delay_set(RECONNECT_MIN_SECONDS, RECONNECT_MAX_SECONDS)
        # A password or CA file that cannot be used leaves the link unstarted with a reason
        # (the screen shows it; the call button says no station can hear a call): never a crash.
        self.problem = security_problem(self._client, self._endpoint)

    @property
    def connected(self) -> bool:
        return self._client.is_connected()

    def start(self) -> None:
        if self.problem:
            log.error("broker link not started reason=%s", self.problem)
            return
        host, port, _ = self._endpoint.host_port_tls()
        self._client.connect_async(host, port, keepalive=self._endpoint.keepalive_seconds)
        self._client.loop_start()

    def stop(self) -> None:
        """Say goodbye properly (an orderly disconnect does not fire the last will)."""
        if self.connected:
            goodbye = p.encode_presence(p.Presence(False, time.time()))
            info = self._publish(self._presence_topic, goodbye, True)
            if info is not None:
                info.wait_for_publish(timeout=2.0)
        self._client.disconnect()
        self._client.loop_stop()

    # paho thread: post only, and never raise: paho re-raises a callback's exception out of its
    # network loop, which ends the loop thread and leaves a link that silently hears nothing.
    def _paho_connected(self, client: mqtt.Client, userdata: Any, flags: Any, reason: Any,
                        properties: Any) -> None:
        self._hand_over(lambda: self._connected(reason), "mqtt connect")

    def _paho_disconnected(self, client: mqtt.Client, userdata: Any, flags: Any, reason: Any,
                           properties: Any) -> None:
        self._hand_over(lambda: self._disconnected(reason), "mqtt disconnect")

    def _paho_message(self, client: mqtt.Client, userdata: Any, message: mqtt.MQTTMessage) -> None:
        try:
            topic: str | bytes = message.topic
        except UnicodeDecodeError as e:  # parse_topic refuses the raw bytes on the Qt thread
            topic = e.object
        payload = bytes(message.payload)
        self._hand_over(lambda: self._received(topic, payload), "mqtt message")

    def _hand_over(self, fn: Callable[[], None], source: str) -> None:
        try:
            self._post(fn)
        except Exception as e:  # for example the Qt side already gone at shutdown
            self._failures.report(source, e)

    # Qt thread from here on.
    def _connected(self, reason: Any) -> None:
        if getattr(reason, "is_failure", False):
            log.warning("broker refused connection reason=%s", reason)
            return
        self._disable_nagle()
        for topic in self._subscriptions:
            self._client.subscribe(topic, qos=QOS)
        self._publish(self._presence_topic, p.encode_presence(p.Presence(True, time.time())),
                      True)
        log.info("connected to broker url=%s", self._endpoint.url)
        self.connection_changed.emit(True)
        self._link_up()

    def _disconnected(self, reason: Any) -> None:
        log.warning("lost broker connection reason=%s", reason)
        self.connection_changed.emit(False)
        self._link_down()

    def _disable_nagle(self) -> None:
        # paho leaves Nagle on; with delayed ACKs that added about 85 ms to every
        # call -> receipt round trip on loopback.
        sock = self._client.socket()
        if isinstance(sock, socket.socket):
            try:
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            except OSError as e:
                log.warning("could not set TCP_NODELAY reason=%s", e)

    def _received(self, topic: str | bytes, payload: bytes) -> None:
        """Never raises. A message that does not parse (ParseError), or that a handler fails on
        (any other error), is logged once per topic and kind of error, repeats counted, and the
        next message is handled as usual."""
        try:
            self._dispatch(p.parse_topic(topic), payload)
        except Exception as e:
            self._failures.report(repr(topic[:160]), e)

    def _publish(self, topic: str, payload: bytes, retain: bool) -> mqtt.MQTTMessageInfo | None:
        if not self.connected:
            return None
        info = self._client.publish(topic, payload, qos=QOS, retain=retain)
        return info if info.rc == mqtt.MQTT_ERR_SUCCESS else None

    def publish_resolved(self, room: str, msg: p.Resolved) -> bool:
        """Send a resolution and empty the call's retained topics (both sides resolve)."""
        sent = self._publish(p.call_subtopic(room, msg.call_id, p.TopicKind.RESOLVED),
                             p.encode_resolved(msg), False)
        if sent is None:
            return False
        self._clear_call(room, msg.call_id)
        return True

    def _clear_call(self, room: str, call_id: str) -> None:
        """Empty the retained messages of a finished call so late stations do not see it."""
        for kind in (p.TopicKind.RECEIPT, p.TopicKind.ACK):
            self._publish(p.call_subtopic(room, call_id, kind), b"", True)
        self._publish(p.call_topic(room, call_id), b"", True)

    def _dispatch(self, ref: p.TopicRef, payload: bytes) -> None:
        raise NotImplementedError

    # The listener (RoomListener or StationListener) hears the link come and go.
    _listener: RoomListener | StationListener | None = None

    def _link_up(self) -> None:
        if self._listener is not None:
            self._listener.on_link_up()

    def _link_down(self) -> None:
        if self._listener is not None:
            self._listener.on_link_down()


class RoomLink(_Link):
    """The room tablet's connection. Implements kiosk.core.calls.RoomCallLink."""

    def __init__(self, room: str, endpoint: BrokerEndpoint, post: Post) -> None:
        self.room = room
        self._listener: RoomListener | None = None
        super().__init__(endpoint, post, f"kiosk-room-{room}", p.room_presence_topic(room),
                         p.room_subscriptions(room))

    def attach(self, listener: RoomListener) -> None:
        self._listener = listener

    def publish_call(self, call: p.CallMessage) -> bool:
        return self._publish(p.call_topic(call.room, call.call_id), p.encode_call(call),
                             True) is not None

    def publish_session(self, msg: p.SessionStatus) -> bool:
        return self._publish(p.session_topic(self.room), p.encode_session(msg), True) is not None

    def _dispatch(self, ref: p.TopicRef, payload: bytes) -> None:
        listener = self._listener
        if listener is None or not payload:
            return  # empty payloads are our own retained clean-ups coming back
        if ref.kind is p.TopicKind.STATION_PRESENCE:
            listener.on_station_presence(ref.station, p.parse_presence(payload).online)
        elif ref.kind is p.TopicKind.RECEIPT:
            listener.on_receipt(p.parse_reply(payload, ref))
        elif ref.kind is p.TopicKind.ACK:
            listener.on_ack(p.parse_reply(payload, ref))
        elif ref.kind is p.TopicKind.RESOLVED:
            self._resolved_elsewhere(listener, p.parse_resolved(payload, ref))

    def _resolved_elsewhere(self, listener: RoomListener, msg: p.Resolved) -> None:
        listener.on_resolved(msg)
        self._clear_call(self.room, msg.call_id)


class StationLink(_Link):
    """A nurse station's connection. Implements kiosk.core.board.StationCallLink."""

    def __init__(self, station: str, endpoint: BrokerEndpoint, post: Post) -> None:
        self.station = station
        self._listener: StationListener | None = None
        # Calls this station published a retained receipt or ack for, by (room, call_id).
        self._replied: set[tuple[str, str]] = set()
        super().__init__(endpoint, post, f"kiosk-station-{station}",
                         p.station_presence_topic(station), p.station_subscriptions())

    def attach(self, listener: StationListener) -> None:
        self._listener = listener

    def publish_receipt(self, room: str, msg: p.StationReply) -> bool:
        return self._reply(room, msg, p.TopicKind.RECEIPT)

    def publish_ack(self, room: str, msg: p.StationReply) -> bool:
        return self._reply(room, msg, p.TopicKind.ACK)

    def publish_overdue(self, room: str, msg: p.Overdue) -> bool:
        topic = p.call_subtopic(room, msg.call_id, p.TopicKind.OVERDUE)
        return self._publish(topic, p.encode_overdue(msg), False) is not None

    def _reply(self, room: str, msg: p.StationReply, kind: p.TopicKind) -> bool:
        topic = p.call_subtopic(room, msg.call_id, kind)
        sent = self._publish(topic, p.encode_reply(msg), True) is not None
        if sent:
            self._replied.add((room, msg.call_id))
        return sent

    def _finished(self, room: str, call_id: str) -> None:
        """A call this station answered is finished. Our receipt may have reached the broker
        after whoever resolved the call had cleared its topics (a retry crossing the
        resolution): clear our replies again, so nothing stays retained for a closed call."""
        if (room, call_id) not in self._replied:
            return
        self._replied.discard((room, call_id))
        for kind in (p.TopicKind.RECEIPT, p.TopicKind.ACK):
            self._publish(p.call_subtopic(room, call_id, kind), b"", True)

    def _dispatch(self, ref: p.TopicRef, payload: bytes) -> None:
        listener = self._listener
        if listener is None:
            return
        if not payload:
            if ref.kind is p.TopicKind.CALL:
                listener.on_call_cleared(ref.call_id)
                self._finished(ref.room, ref.call_id)
            return
        if ref.kind is p.TopicKind.RESOLVED:
            listener.on_resolved(p.parse_resolved(payload, ref))
            self._finished(ref.room, ref.call_id)
            return
        if ref.kind is p.TopicKind.STATION_PRESENCE:
            # Our own presence, published after subscribing, comes back after every queued and
            # retained message: the burst after connecting is over.
            if ref.station == self.station and p.parse_presence(payload).online:
                listener.on_caught_up()
            return
        handlers: dict[p.TopicKind, Callable[[], None]] = {
            p.TopicKind.ROOM_PRESENCE:
                lambda: listener.on_room_presence(ref.room, p.parse_presence(payload).online),
            p.TopicKind.SESSION: lambda: listener.on_session(p.parse_session(payload, ref)),
            p.TopicKind.CALL: lambda: listener.on_call(p.parse_call(payload, ref)),
            p.TopicKind.RECEIPT: lambda: listener.on_receipt(p.parse_reply(payload, ref)),
            p.TopicKind.ACK: lambda: listener.on_ack(p.parse_reply(payload, ref)),
            p.TopicKind.OVERDUE: lambda: listener.on_overdue(p.parse_overdue(payload, ref)),
        }
        handler = handlers.get(ref.kind)
        if handler is not None:
            handler()
