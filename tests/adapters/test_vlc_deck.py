"""The real libVLC deck over a long day: tracks change hundreds of times, memory must not grow."""

from __future__ import annotations

import gc
import queue
import weakref
from collections.abc import Callable
from pathlib import Path

from kiosk.adapters import vlc_player
from kiosk.adapters.vlc_player import DEFAULT_OPTIONS, VlcEngine, probe_libvlc
from tests.contract.conftest import write_tone
from tests.support import need


def test_a_deck_that_changes_tracks_keeps_no_player_it_has_let_go(tmp_path: Path) -> None:
    options = (*DEFAULT_OPTIONS, "--aout=dummy")
    need(probe_libvlc(options) is None, "libVLC",
         "apt-get install libvlc5 vlc-plugin-base libvlc-bin")
    track = str(write_tone(tmp_path / "tone.wav", 2.0))
    posted: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
    routes_before = len(vlc_player._routes)
    engine = VlcEngine(posted.put, options)
    deck = engine.deck()
    let_go = []
    try:
        for _ in range(30):
            deck.load(track)
            deck.play()
            deck.stop()  # the next load builds a fresh player (see VlcDeck.load)
            let_go.append(weakref.ref(deck._player))
        deck.load(track)
        gc.collect()
        # Each stopped player was released to libVLC; nothing of it may stay alive in Python
        # (python-vlc's memoized event_manager() once kept every one, with its callbacks).
        alive = [ref for ref in let_go if ref() is not None]
        assert alive == [], f"{len(alive)} released players are still held"
        assert len(vlc_player._routes) == routes_before + 2  # the live player's end and error
    finally:
        deck.release()
        engine.release()
    assert len(vlc_player._routes) == routes_before
