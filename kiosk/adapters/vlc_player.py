"""Music through libVLC: one instance, two players (decks) so tracks can crossfade.

Threads: libVLC calls the end and error handlers attached in `VlcDeck._new_player` on its own
event thread. They do nothing but hand a function to the Qt thread through the injected `post`;
libVLC is never called from inside its own callback (stop() or set_media() there deadlocks).
Every other method runs on the Qt thread.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from typing import Any

log = logging.getLogger(__name__)

Post = Callable[[Callable[[], None]], None]

DEBIAN_PACKAGES = "libvlc5 vlc-plugin-base libvlc-bin"
# A short input cache: with libVLC's default (300 ms) the PulseAudio output drops about 0.5 s of
# sound soon after each start while it resynchronises (measured on a null sink); 100 ms does not.
DEFAULT_OPTIONS = ("--no-video", "--quiet", "--file-caching=100")


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
        self._player = self._new_player()

    def _new_player(self) -> Any:
        player = self._instance.media_player_new()
        events = player.event_manager()
        generation = self._generation
        events.event_attach(self._vlc.EventType.MediaPlayerEndReached,
                            lambda _event: self._post(lambda: self._deliver_end(generation)))
        events.event_attach(self._vlc.EventType.MediaPlayerEncounteredError,
                            lambda _event: self._post(lambda: self._deliver_error(generation)))
        return player

    def set_listener(self, on_ended: Callable[[], None], on_error: Callable[[str], None]) -> None:
        self._on_ended = on_ended
        self._on_error = on_error

    def load(self, path: str) -> None:
        if self._stopped:
            # A stopped libVLC player forgets its volume at its next start and plays at full
            # scale, above any cap (measured through PulseAudio); a fresh player keeps the
            # volume it is given before play().
            self._player.release()
            self._generation += 1
            self._player = self._new_player()
            self._stopped = False
        self._path = path
        if not os.path.isfile(path):
            # libVLC would report this too, but late and vaguely; say which file at once.
            self._post(lambda: self._on_error(f"file not found: {os.path.basename(path)}"))
            self._player.set_media(None)
            return
        media = self._instance.media_new_path(path)
        self._player.set_media(media)
        media.release()  # the player holds its own reference; ours would leak one per track
        # The volume belongs to the player's audio output and holds across media.
        self._player.audio_set_volume(self._units)

    def play(self) -> None:
        if self._player.get_media() is None:
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
        self._player.stop()
        self._player.release()

    # The libVLC event thread only posts (see _new_player); these run on the Qt thread and
    # ignore the events of a player that has since been replaced.

    def _deliver_end(self, generation: int) -> None:
        if generation == self._generation:
            self._on_ended()

    def _deliver_error(self, generation: int) -> None:
        if generation == self._generation:
            self._on_error(f"libVLC could not play {os.path.basename(self._path)}")
