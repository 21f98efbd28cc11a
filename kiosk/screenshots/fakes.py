"""The parts a screenshot room is built with: a fake clock, a link that accepts every message
and never touches a broker, memory for calls and the session, and libVLC's silent output.
Tests that need a room without a broker use the same parts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kiosk.app.room import Post, RoomParts
from kiosk.core import protocol as p
from kiosk.core.calls import MemoryOutbox
from kiosk.core.clock import FakeClock
from kiosk.core.listeners import Listeners
from kiosk.core.session import MemorySessionStore


class AcceptingRoomLink:
    """Takes every message as sent, sends nothing, and is "up" once started."""

    def __init__(self) -> None:
        self.connection_changed: Listeners[[bool]] = Listeners()
        self.problem = ""
        self.calls: list[p.CallMessage] = []
        self.listener: Any = None

    def attach(self, listener: Any) -> None:
        self.listener = listener

    def publish_call(self, call: p.CallMessage) -> bool:
        self.calls.append(call)
        return True

    def publish_resolved(self, room: str, msg: p.Resolved) -> bool:
        return True

    def publish_session(self, msg: p.SessionStatus) -> bool:
        return True

    def start(self) -> None:
        self.connection_changed.emit(True)
        if self.listener is not None:
            self.listener.on_link_up()

    def stop(self) -> None:
        """Nothing to close."""


class SilentStationLink:
    """Accepts everything and sends nothing: the station's pictures need no broker."""

    def publish_receipt(self, room: str, msg: p.StationReply) -> bool:
        return True

    def publish_ack(self, room: str, msg: p.StationReply) -> bool:
        return True

    def publish_resolved(self, room: str, msg: p.Resolved) -> bool:
        return True

    def publish_overdue(self, room: str, msg: p.Overdue) -> bool:
        return True


class SilentSpeaker:
    """A voice that is there (so "Speak to me" shows) but says nothing: pictures are silent."""

    problem = ""
    available = True

    def __init__(self) -> None:
        self.speaking: Listeners[[bool]] = Listeners()
        self.spoken: Listeners[[str]] = Listeners()

    def say(self, text: str, language: str = "en") -> None:
        """Nothing to hear in a picture."""

    def stop(self) -> None:
        """Nothing is playing."""

    def release(self) -> None:
        """Nothing to free."""


def offline_parts(post: Post, clock: FakeClock | None = None, with_audio: bool = True,
                  scan: Callable[[Any, Any], None] | None = None) -> RoomParts:
    """A room that runs on a fake clock with no broker; music plays to libVLC's silent output
    (scanned for real) when `with_audio`."""
    from kiosk.adapters.library import LibraryScanner
    from kiosk.adapters.vlc_player import DEFAULT_OPTIONS, open_engine

    engine, problem = (open_engine(post, (*DEFAULT_OPTIONS, "--aout=dummy")) if with_audio
                       else (None, "libVLC is missing"))

    def real_scan(playlists: Any, music: Any) -> None:
        LibraryScanner(post).scan(playlists, music.apply_scan)

    return RoomParts(clock=clock or FakeClock(), link=AcceptingRoomLink(), outbox=MemoryOutbox(),
                     session_store=MemorySessionStore(), audio=engine,
                     audio_problem=problem or "", scan=scan or real_scan,
                     speech=SilentSpeaker())
