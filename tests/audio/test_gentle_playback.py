"""What a patient would hear: real libVLC into a PulseAudio null sink, recorded with parec."""

from __future__ import annotations

import array
import queue
from collections.abc import Callable

import pytest

from kiosk.adapters.vlc_player import DEFAULT_OPTIONS, VlcEngine, probe_libvlc
from kiosk.core.clock import SystemClock
from kiosk.core.fades import FadeSettings, Mixer, MixerState
from kiosk.core.playlist import PlayQueue, Track
from kiosk.core.volume import VolumePolicy
from tests.audio.conftest import RATE, SINK_WAKE_SECONDS, Recording, pump
from tests.contract.conftest import write_tone
from tests.support import need

WINDOW = RATE // 100  # 10 ms
TONE_PEAK = 6000 / 32767  # write_tone's full-scale level
CAP = 50


def peaks(samples: array.array[int]) -> list[float]:
    """Peak amplitude (fraction of full scale) of each 10 ms window."""
    return [max(abs(s) for s in samples[i:i + WINDOW]) / 32767
            for i in range(0, len(samples) - WINDOW, WINDOW)]


@pytest.fixture(scope="module")
def played(pulse: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> list[float]:
    """Two 8 s tracks with a 2 s fade-in and a 2 s crossfade, recorded from before the start."""
    options = (*DEFAULT_OPTIONS, "--aout=pulse")
    need(probe_libvlc(options) is None, "libVLC",
         "apt-get install libvlc5 vlc-plugin-base libvlc-bin")
    folder = tmp_path_factory.mktemp("tones")
    tracks = tuple(Track(str(write_tone(folder / f"{n}.wav", 8.0)), f"Tone {n}") for n in (1, 2))
    posted: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
    engine = VlcEngine(posted.put, options)
    decks = (engine.deck(), engine.deck())
    play_queue = PlayQueue(tracks, repeat=False)
    fades = FadeSettings(fade_in_seconds=2.0, fade_out_seconds=1.0, crossfade_seconds=2.0)
    mixer = Mixer(decks, SystemClock(), fades, VolumePolicy(cap_percent=CAP, default_percent=100),
                  play_queue.next)
    recorder = Recording(pulse)
    try:
        # A null sink woken by its first client renders one 2 s block before it honours the
        # recorder's 10 ms latency; a stream started inside that block is heard about 1.2 s
        # late, and libVLC drops that much of the track ("playback way too late"). Measured with
        # paplay too, so it is the sink, not the player: start playing once the sink is awake.
        pump(posted, mixer, SINK_WAKE_SECONDS)
        first = play_queue.next()
        assert first is not None
        mixer.play(first)
        pump(posted, mixer, 8.5)
        assert mixer.state is MixerState.PLAYING and mixer.now_playing == tracks[1]
    finally:
        windows = peaks(recorder.stop())
        for deck in decks:
            deck.release()
        engine.release()
    return windows


def _onset(windows: list[float]) -> int:
    return next(i for i, peak in enumerate(windows) if peak > 0.0005)


def test_music_starts_near_silence_and_rises_over_the_fade_in(played: list[float]) -> None:
    start = _onset(played)
    first_quarter = max(played[start:start + 50])
    last_quarter = max(played[start + 150:start + 200])
    assert first_quarter < 0.1 * TONE_PEAK * CAP / 100
    assert last_quarter > 5 * first_quarter


def test_the_loudest_moment_stays_under_the_rooms_cap(played: list[float]) -> None:
    ceiling = TONE_PEAK * CAP / 100
    assert max(played) <= ceiling * 1.03
    assert max(played) > ceiling * 0.8, "the cap, not something else, set the level"


def test_a_crossfade_leaves_no_gap_of_silence(played: list[float]) -> None:
    start = _onset(played)
    quiet_run = longest = 0
    for peak in played[start + 200:start + 830]:
        quiet_run = quiet_run + 1 if peak < 0.002 else 0
        longest = max(longest, quiet_run)
    assert longest * 10 <= 50, f"silent for {longest * 10} ms"

