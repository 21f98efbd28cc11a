"""What a patient hears when the kiosk speaks over music: real libVLC into a PulseAudio null sink,
recorded with parec. The music (a 330 Hz tone) falls while the voice (a clinic recording: a
1200 Hz tone, played by the real speaker on the same libVLC engine) sounds, comes back after, and
the two together never pass the room's cap. Each tone's level is read apart from the other's
(a Goertzel filter per 50 ms window)."""

from __future__ import annotations

import array
import math
import queue
import struct
import time
import wave
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.adapters.speech import EspeakEngine, Speaker, Voice
from kiosk.adapters.vlc_player import DEFAULT_OPTIONS, VlcEngine, probe_libvlc
from kiosk.core.clock import SystemClock
from kiosk.core.fades import DUCK_DOWN_SECONDS, DUCK_GAIN, FadeSettings, Mixer
from kiosk.core.playlist import PlayQueue, Track
from kiosk.core.volume import VolumePolicy
from tests.audio.conftest import RATE, SINK_WAKE_SECONDS, Recording, pump
from tests.support import need

WINDOW = RATE // 20  # 50 ms
LEVEL = 6000 / 32767
MUSIC_HZ, VOICE_HZ = 330.0, 1200.0
CAP = 50
SENTENCE = "A nurse is on the way"


def write_sine(path: Path, hz: float, seconds: float, rate: int = 22050) -> Path:
    frames = b"".join(struct.pack("<h", int(6000 * math.sin(2 * math.pi * hz * n / rate)))
                      for n in range(int(seconds * rate)))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(frames)
    return path


def goertzel(samples: array.array[int], hz: float) -> float:
    """The amplitude (fraction of full scale) of the `hz` component in `samples`."""
    coefficient = 2 * math.cos(2 * math.pi * hz / RATE)
    before = earlier = 0.0
    for n, sample in enumerate(samples):
        hann = 0.5 - 0.5 * math.cos(2 * math.pi * n / (len(samples) - 1))
        before, earlier = sample / 32767 * hann + coefficient * before - earlier, before
    power = before * before + earlier * earlier - coefficient * before * earlier
    return 4 * math.sqrt(max(power, 0.0)) / len(samples)  # Hann halves the gain


@pytest.fixture(scope="module")
def levels(pulse: dict[str, str], tmp_path_factory: pytest.TempPathFactory
           ) -> dict[str, list[float]]:
    options = (*DEFAULT_OPTIONS, "--aout=pulse")
    need(probe_libvlc(options) is None, "libVLC",
         "apt-get install libvlc5 vlc-plugin-base libvlc-bin")
    folder = tmp_path_factory.mktemp("ducking")
    music = Track(str(write_sine(folder / "music.wav", MUSIC_HZ, 14.0)), "Tone")
    voice_file = write_sine(folder / "voice.wav", VOICE_HZ, 2.0)
    posted: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
    engine = VlcEngine(posted.put, options)
    decks = (engine.deck(), engine.deck())
    policy = VolumePolicy(cap_percent=CAP, default_percent=100)
    mixer = Mixer(decks, SystemClock(), FadeSettings(fade_in_seconds=0.5, fade_out_seconds=0.5),
                  policy, PlayQueue((music,), repeat=False).next)
    # As the room builds it: the voice under the cap that is left once the music has ducked.
    voice_cap = VolumePolicy(cap_percent=CAP * (1 - DUCK_GAIN), default_percent=100)
    speaker = Speaker(posted.put, engine.deck(), EspeakEngine(),
                      Voice({"en": "en-us"}, units=voice_cap.units_for(100),
                            narration={SENTENCE: voice_file}), folder / "cache",
                      lead_seconds=DUCK_DOWN_SECONDS)
    states: list[bool] = []
    speaker.speaking.connect(states.append)
    speaker.speaking.connect(mixer.duck)
    recording = Recording(pulse)
    try:
        pump(posted, mixer, SINK_WAKE_SECONDS)  # wake the sink first
        mixer.play(music)
        pump(posted, mixer, 3.0)
        speaker.say(SENTENCE)
        pump(posted, mixer, 8.0, until=lambda: states[-1:] == [False])
        assert states[-1:] == [False], "the voice never finished"
        pump(posted, mixer, 3.0)
    finally:
        samples = recording.stop()
        speaker.release()
        for deck in decks:
            deck.release()
        engine.release()
    windows = [samples[i:i + WINDOW] for i in range(0, len(samples) - WINDOW, WINDOW)]
    return {"music": [goertzel(w, MUSIC_HZ) for w in windows],
            "voice": [goertzel(w, VOICE_HZ) for w in windows],
            "peak": [max(map(abs, w)) / 32767 for w in windows]}


def _voice_span(levels: dict[str, list[float]]) -> tuple[int, int]:
    loud = [i for i, v in enumerate(levels["voice"]) if v > 0.01]
    assert loud, "the voice was never heard"
    return loud[0], loud[-1]


def test_the_music_drops_while_the_voice_speaks_and_comes_back_after(
        levels: dict[str, list[float]]) -> None:
    start, end = _voice_span(levels)
    music = levels["music"]
    before = sorted(music[start - 20:start - 2])[9]  # the second before the voice: median
    during = max(music[start + 2:end - 1])
    after = sorted(music[end + 30:end + 50])[9]  # 1.5 to 2.5 s after: the ramp is over
    print(f"\nmusic level before {before:.4f}, under the voice {during:.4f} "
          f"({20 * math.log10(during / before):.1f} dB), after {after:.4f}; "
          f"voice {max(levels['voice']):.4f}; voice heard for {(end - start) * 0.05:.2f} s")
    assert before > 0.5 * LEVEL * CAP / 100, "the music was not playing at its level"
    assert during < 0.3 * before
    assert after > 0.85 * before


def test_music_and_voice_together_never_pass_the_cap(levels: dict[str, list[float]]) -> None:
    ceiling = LEVEL * CAP / 100
    print(f"\nloudest 50 ms: {max(levels['peak']):.4f} of full scale; cap {ceiling:.4f}")
    assert max(levels["peak"]) <= ceiling * 1.03



def test_a_sound_played_again_after_a_stop_keeps_its_quiet_level(
        pulse: dict[str, str], tmp_path: Path) -> None:
    """The call tone, a cue or a voice is stopped and played again: libVLC would start a
    stopped player at full scale; the deck must keep the level it was given."""
    options = (*DEFAULT_OPTIONS, "--aout=pulse")
    need(probe_libvlc(options) is None, "libVLC",
         "apt-get install libvlc5 vlc-plugin-base libvlc-bin")
    tone = write_sine(tmp_path / "tone.wav", VOICE_HZ, 0.8)
    posted: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
    engine = VlcEngine(posted.put, options)
    deck = engine.deck()
    recording = Recording(pulse)
    try:
        time.sleep(SINK_WAKE_SECONDS)  # the sink's first block (see test_gentle_playback)
        for _ in range(3):
            deck.stop()
            deck.load(str(tone))
            deck.set_volume(50)
            deck.play()
            deadline = time.monotonic() + 5
            while not deck.is_playing() and time.monotonic() < deadline:
                time.sleep(0.01)
            while deck.is_playing() and time.monotonic() < deadline:
                time.sleep(0.01)
    finally:
        samples = recording.stop()
        deck.release()
        engine.release()
    heard = [goertzel(samples[i:i + WINDOW], VOICE_HZ)
             for i in range(0, len(samples) - WINDOW, WINDOW)]
    loud = [level for level in heard if level > 0.005]
    expected = LEVEL * (50 / 100) ** 3  # libVLC's volume is cubic in amplitude
    assert len(loud) >= 3 * 12, "three plays of 0.8 s were not all heard"
    assert max(loud) < expected * 1.1, f"{max(loud):.3f} against {expected:.3f}"
