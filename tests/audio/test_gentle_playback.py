"""What a patient would hear: real libVLC into a PulseAudio null sink, recorded with parec."""

from __future__ import annotations

import array
import queue
import subprocess
import threading
import time
from collections.abc import Callable

import pytest

from kiosk.adapters.vlc_player import DEFAULT_OPTIONS, VlcEngine, probe_libvlc
from kiosk.core.clock import SystemClock
from kiosk.core.fades import FadeSettings, Mixer, MixerState
from kiosk.core.playlist import PlayQueue, Track
from kiosk.core.volume import VolumePolicy
from tests.audio.conftest import SINK
from tests.contract.conftest import write_tone
from tests.support import need

RATE = 48000
WINDOW = RATE // 100  # 10 ms
TONE_PEAK = 6000 / 32767  # write_tone's full-scale level
CAP = 50
SINK_WAKE_SECONDS = 2.5


class Recorder:
    """parec on the sink's monitor, read on a thread into one buffer."""

    def __init__(self, env: dict[str, str]) -> None:
        self._process = subprocess.Popen(
            ["parec", f"--device={SINK}.monitor", "--raw", "--format=s16le", f"--rate={RATE}",
             "--channels=1", "--latency-msec=10"], env=env, stdout=subprocess.PIPE)
        self._data = bytearray()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self._process.stdout is not None
        while chunk := self._process.stdout.read(4096):
            self._data += chunk

    def stop(self) -> list[float]:
        """Peak amplitude (fraction of full scale) of each 10 ms window."""
        self._process.terminate()
        self._process.wait(timeout=5)
        self._reader.join(timeout=5)
        samples = array.array("h")
        samples.frombytes(bytes(self._data[: len(self._data) // 2 * 2]))
        return [max(abs(s) for s in samples[i:i + WINDOW]) / 32767
                for i in range(0, len(samples) - WINDOW, WINDOW)]


def drive(mixer: Mixer, posted: queue.SimpleQueue[Callable[[], None]], seconds: float) -> None:
    """Stand in for the Qt timer: deliver deck events and call step() when it asks."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        while not posted.empty():
            posted.get()()
        delay = mixer.step() or 0.03
        time.sleep(min(delay, 0.03, max(0.0, end - time.monotonic())))


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
    recorder = Recorder(pulse)
    try:
        # A null sink woken by its first client renders one 2 s block before it honours the
        # recorder's 10 ms latency; a stream started inside that block is heard about 1.2 s
        # late, and libVLC drops that much of the track ("playback way too late"). Measured with
        # paplay too, so it is the sink, not the player: start playing once the sink is awake.
        drive(mixer, posted, SINK_WAKE_SECONDS)
        first = play_queue.next()
        assert first is not None
        mixer.play(first)
        drive(mixer, posted, 8.5)
        assert mixer.state is MixerState.PLAYING and mixer.now_playing == tracks[1]
    finally:
        windows = recorder.stop()
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

