"""Music through libVLC: one instance, two players (decks) so tracks can crossfade.

Threads: libVLC calls the end and error handlers attached in `VlcDeck._new_player` on its own
event thread. They do nothing but hand a function to the Qt thread through the injected `post`;
libVLC is never called from inside its own callback (stop() or set_media() there deadlocks).
Every other method runs on the Qt thread.

Every player's events go through one C callback that lives as long as the process (`_Routes`):
a callback freed while libVLC could still call it crashes the process, and a callback per player
kept for ever is memory that grows with every track.
"""

from __future__ import annotations

import ctypes
import itertools
import logging
import os
from collections.abc import Callable, Sequence
from typing import Any

log = logging.getLogger(__name__)

Post = Callable[[Callable[[], None]], None]

DEBIAN_PACKAGES = "libvlc5 vlc-plugin-base libvlc-bin"
# A short input cache: with libVLC's default (300 ms) the PulseAudio output drops about 0.5 s of
# sound soon after each start while it resynchronises (measured on a null sink); 100 ms does not.
# No Lua: libVLC otherwise runs some 40 playlist scripts (web sites, podcasts) against every track
# it opens, and a track stopped while they run fails every demuxer, so libVLC loads all of them
# and their codec libraries (about 20 MB, measured in tests/bench/bench_sessions.py).
DEFAULT_OPTIONS = ("--no-video", "--quiet", "--file-caching=100", "--no-lua")


def probe_libvlc(options: Sequence[str] = DEFAULT_OPTIONS) -> str | None:
    """None when libVLC really works here, else a plain reason.

    `import vlc` succeeds even without libVLC; only `vlc.dll` and a real instance prove it.
    """
    instance, reason = _new_instance(options)
    if instance is not None:
        instance.release()
    return reason


def open_engine(post: Post, options: Sequence[str] = DEFAULT_OPTIONS
                ) -> tuple[VlcEngine | None, str | None]:
    """The process's one libVLC instance, or None and a plain reason why there is none."""
    instance, reason = _new_instance(options)
    if instance is None:
        return None, reason
    import vlc

    return VlcEngine(post, instance=instance, vlc_module=vlc), None


def _new_instance(options: Sequence[str]) -> tuple[Any, str | None]:
    try:
        import vlc
    except (ImportError, OSError) as error:
        return None, _missing(f"python-vlc cannot load: {error}")
    if getattr(vlc, "dll", None) is None:
        return None, _missing("the libVLC library was not found")
    try:
        instance = vlc.Instance(list(options))
    except Exception as error:  # noqa: BLE001 - any failure here means no music
        return None, _missing(f"libVLC failed to start: {error}")
    if instance is None:
        return None, _missing("libVLC failed to start (no plugins?)")
    return instance, None


def _missing(reason: str) -> str:
    log.error("music unavailable reason=%s install=%s", reason, DEBIAN_PACKAGES)
    return reason


class _Routes:
    """libVLC's event callbacks, routed by a number: one C function for every player, ever.

    A player's routes are removed once libVLC has let the player go; an event that still names
    one finds nothing and is dropped.
    """

    def __init__(self) -> None:
        self._handlers: dict[int, Callable[[], None]] = {}
        self._keys = itertools.count(1)
        self._c_handler: Any = None

    def add(self, handler: Callable[[], None]) -> int:
        key = next(self._keys)
        self._handlers[key] = handler
        return key

    def remove(self, key: int) -> None:
        self._handlers.pop(key, None)

    def handler(self, vlc: Any) -> Any:
        if self._c_handler is None:
            def route(_event: Any, key: int | None) -> None:  # libVLC's event thread
                handler = self._handlers.get(key or 0)
                if handler is not None:
                    handler()

            kind = ctypes.CFUNCTYPE(None, ctypes.POINTER(vlc.Event), ctypes.c_void_p)
            self._c_handler = kind(route)
        return self._c_handler

    def __len__(self) -> int:
        return len(self._handlers)


_routes = _Routes()


class VlcEngine:
    """The one libVLC instance; builds the decks that share it."""

    def __init__(self, post: Post, options: Sequence[str] = DEFAULT_OPTIONS, *,
                 instance: Any = None, vlc_module: Any = None) -> None:
        if instance is None:
            import vlc

            vlc_module = vlc
            instance = vlc.Instance(list(options))
            if instance is None:
                raise RuntimeError(f"libVLC failed to start; install {DEBIAN_PACKAGES}")
        self._vlc = vlc_module
        self._post = post
        self._instance = instance

    def deck(self) -> VlcDeck:
        return VlcDeck(self._vlc, self._instance, self._post)

    def release(self) -> None:
        self._instance.release()


class VlcDeck:
    """One libVLC media player behind core's `Deck` port."""

    def __init__(self, vlc: Any, instance: Any, post: Post) -> None:
        self._vlc = vlc
        self._instance = instance
        self._post = post
        self._units = 0
        self._on_ended: Callable[[], None] = lambda: None
        self._on_error: Callable[[str], None] = lambda _reason: None
        self._path = ""
        self._generation = 0
        self._stopped = False
        self._has_media = False
        self._player = self._new_player()

    def _new_player(self) -> Any:
        player = self._instance.media_player_new()
        # Not player.event_manager(): python-vlc memoizes it in a class-wide dict keyed by the
        # player, which kept every released player and its callbacks alive for the life of the
        # process (about three players a session, measured in tests/bench/bench_sessions.py).
        events = self._vlc.libvlc_media_player_event_manager(player)
        generation = self._generation
        self._routes = (
            _routes.add(lambda: self._post(lambda: self._deliver_end(generation))),
            _routes.add(lambda: self._post(lambda: self._deliver_error(generation))),
        )
        kinds = (self._vlc.EventType.MediaPlayerEndReached,
                 self._vlc.EventType.MediaPlayerEncounteredError)
        for event, key in zip(kinds, self._routes, strict=True):
            self._vlc.libvlc_event_attach(events, event, _routes.handler(self._vlc), key)
        return player

    def _release_player(self) -> None:
        self._player.stop()
        self._player.release()
        for key in self._routes:
            _routes.remove(key)

    def set_listener(self, on_ended: Callable[[], None], on_error: Callable[[str], None]) -> None:
        self._on_ended = on_ended
        self._on_error = on_error

    def load(self, path: str) -> None:
        if self._stopped:
            # A stopped libVLC player forgets its volume at its next start and plays at full
            # scale, above any cap (measured through PulseAudio); a fresh player keeps the
            # volume it is given before play().
            self._release_player()
            self._generation += 1
            self._player = self._new_player()
            self._stopped = False
        self._path = path
        if not os.path.isfile(path):
            # libVLC would report this too, but late and vaguely; say which file at once.
            self._post(lambda: self._on_error(f"file not found: {os.path.basename(path)}"))
            self._player.set_media(None)
            self._has_media = False
            return
        media = self._instance.media_new_path(path)
        self._player.set_media(media)
        self._has_media = True
        media.release()  # the player holds its own reference; ours would leak one per track
        # The volume belongs to the player's audio output and holds across media.
        self._player.audio_set_volume(self._units)

    def play(self) -> None:
        # Not get_media(): libVLC hands back a new reference that python-vlc never releases, and
        # each one kept a played track's media alive (about 2.5 KB a call, measured).
        if not self._has_media:
            return
        self._player.play()

    def pause(self) -> None:
        self._player.set_pause(1)

    def stop(self) -> None:
        self._player.stop()
        self._stopped = True

    def set_volume(self, units: int) -> None:
        self._units = max(0, min(100, units))
        self._player.audio_set_volume(self._units)

    def volume(self) -> int:
        return self._units

    def position(self) -> float | None:
        millis = self._player.get_time()
        return None if millis is None or millis < 0 else millis / 1000.0

    def length(self) -> float | None:
        millis = self._player.get_length()
        return None if millis is None or millis <= 0 else millis / 1000.0

    def is_playing(self) -> bool:
        return bool(self._player.is_playing())

    def release(self) -> None:
        self._release_player()

    # The libVLC event thread only posts (see _new_player); these run on the Qt thread and
    # ignore the events of a player that has since been replaced.

    def _deliver_end(self, generation: int) -> None:
        if generation == self._generation:
            self._on_ended()

    def _deliver_error(self, generation: int) -> None:
        if generation == self._generation:
            self._on_error(f"libVLC could not play {os.path.basename(self._path)}")
