"""The room's broker link, made when it starts rather than when the room is assembled.

Importing paho and building its client costs the first frame about 20 ms, and the link starts
only after that frame anyway (kiosk.app.room.StagedRoom). Until then the link is simply down: a
call placed before it waits in the outbox, and goes out when the link comes up, as any call
placed while the broker is unreachable does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kiosk.core.listeners import Listeners
from kiosk.core.protocol import CallMessage, Resolved, SessionStatus


class LateRoomLink:
    """A RoomLinkPort whose real link (`make()`, kiosk.adapters.mqtt_link.RoomLink) is built
    at `start()`; listeners attached and connected before then are handed on to it."""

    def __init__(self, make: Callable[[], Any]) -> None:
        self._make = make
        self._link: Any = None
        self._listener: Any = None
        # The broker link came up (True) or went down (False), heard on the Qt thread.
        self.connection_changed: Listeners[[bool]] = Listeners()

    @property
    def problem(self) -> str:
        return str(self._link.problem) if self._link is not None else ""

    @property
    def connected(self) -> bool:
        return bool(self._link is not None and self._link.connected)

    def attach(self, listener: Any) -> None:
        self._listener = listener
        if self._link is not None:
            self._link.attach(listener)

    def publish_call(self, call: CallMessage) -> bool:
        return bool(self._link is not None and self._link.publish_call(call))

    def publish_resolved(self, room: str, msg: Resolved) -> bool:
        return bool(self._link is not None and self._link.publish_resolved(room, msg))

    def publish_session(self, msg: SessionStatus) -> bool:
        return bool(self._link is not None and self._link.publish_session(msg))

    def start(self) -> None:
        if self._link is None:
            link = self._make()
            if self._listener is not None:
                link.attach(self._listener)
            link.connection_changed.connect(self.connection_changed.emit)
            self._link = link
        self._link.start()

    def stop(self) -> None:
        if self._link is not None:
            self._link.stop()
