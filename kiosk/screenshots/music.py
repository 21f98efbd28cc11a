"""The music states worth a screenshot, as actions on the real controllers.

Each entry is (name, prepare): `prepare(music, room)` puts the controllers into that state; the
caller renders the room window afterwards (allow a moment for fades to settle).
"""

from __future__ import annotations

from collections.abc import Callable

from kiosk.qt.music import MusicController
from kiosk.qt.room import RoomController

Prepare = Callable[[MusicController, RoomController], None]


def _idle(music: MusicController, room: RoomController) -> None:
    """Nothing chosen yet: a fresh controller on the music screen."""
    room.show("music")


def _playing(music: MusicController, room: RoomController) -> None:
    playlists: list[dict[str, object]] = music.property("playlists")
    first_available = next((i for i, p in enumerate(playlists) if p["available"]), 0)
    music.playPlaylist(first_available)
    room.show("music")


def _silence(music: MusicController, room: RoomController) -> None:
    music.silence()
    room.show("music")


def music_screenshot_states() -> list[tuple[str, Prepare]]:
    return [
        ("music-idle", _idle),
        ("music-playing", _playing),
        ("music-silence", _silence),
    ]
