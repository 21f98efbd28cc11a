"""A music controller on real libVLC, built from the same adapters the room's assembly uses."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from kiosk.adapters.library import LibraryScanner
from kiosk.adapters.vlc_player import open_engine
from kiosk.core.fades import FadeSettings
from kiosk.core.playlist import Playlist
from kiosk.core.volume import VolumePolicy
from kiosk.qt.music import MusicController

Post = Callable[[Callable[[], None]], None]


def music_on_libvlc(playlists: Sequence[Playlist], post: Post, fades: FadeSettings,
                    policy: VolumePolicy, options: Sequence[str]) -> MusicController:
    engine, reason = open_engine(post, tuple(options))
    decks = (engine.deck(), engine.deck()) if engine is not None else None
    music = MusicController(playlists, decks, fades, policy, unavailable=reason or "")
    LibraryScanner(post).scan(playlists, music.apply_scan)
    return music
