"""music.default_playlist in a room file: a name from the room's own playlists, or empty."""

from __future__ import annotations

from kiosk.settings import check_config, load_config
from tests.settings.conftest import ROOM_1, WriteConfig

PLAYLISTS = ("  playlists:\n    - {name: Slow waves, path: music}\n"
             "    - {name: Soft pads, path: music}\n")


def test_a_rooms_starting_playlist_is_read(config_dir: WriteConfig) -> None:
    base = config_dir(rooms={"room-1.yaml": ROOM_1 + "music:\n  default_playlist: Soft pads\n"
                             + PLAYLISTS})
    assert load_config(base).rooms[0].music.default_playlist == "Soft pads"
    assert load_config(config_dir(rooms={"room-1.yaml": ROOM_1})).rooms[0].music \
        .default_playlist == "", "no starting playlist: sessions start in silence"


def test_a_starting_playlist_the_room_does_not_have_is_named(config_dir: WriteConfig) -> None:
    base = config_dir(rooms={"room-1.yaml": ROOM_1 + "music:\n  default_playlist: Soft pad\n"
                             + PLAYLISTS})
    errors = [str(p) for p in check_config(base) if not p.is_warning]
    assert errors == ['rooms/room-1.yaml line 5: music.default_playlist: unknown playlist '
                      '"Soft pad"\n  hint: did you mean "Soft pads"?']
