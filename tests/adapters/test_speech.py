"""The real voice: espeak-ng renders a sentence to a WAV file in the cache, libVLC plays it, a
second time costs no rendering, the patient's language picks the voice, and a clinic's recording
replaces the synthetic voice. Without espeak-ng the voice says so and stays silent."""

from __future__ import annotations

import contextlib
import queue
import time
import wave
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kiosk.adapters.speech import EspeakEngine, Speaker, Voice
from kiosk.adapters.vlc_player import DEFAULT_OPTIONS, VlcEngine, probe_libvlc
from tests.contract.conftest import write_tone
from tests.support import need, need_binary

DUMMY_OUTPUT = (*DEFAULT_OPTIONS, "--aout=dummy")
VOICES = {"en": "en-us", "es": "es"}


class CountingEngine(EspeakEngine):
    """espeak-ng, noting the voice of each render."""

    def __init__(self) -> None:
        super().__init__()
        self.voices: list[str] = []

    def render(self, text: str, voice: str, pace_percent: int, out: Path) -> None:
        self.voices.append(voice)
        super().render(text, voice, pace_percent, out)


class Rig:
    def __init__(self, tmp: Path, narration: dict[str, Path] | None = None) -> None:
        self.posted: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        self.engine = VlcEngine(self.posted.put, DUMMY_OUTPUT)
        self.espeak = CountingEngine()
        self.cache = tmp / "speech"
        self.speaker = Speaker(self.posted.put, self.engine.deck(), self.espeak,
                               Voice(VOICES, pace_percent=150, narration=narration or {}),
                               self.cache)
        self.states: list[bool] = []
        self.speaker.speaking.connect(self.states.append)

    def say_and_wait(self, text: str, language: str = "en") -> None:
        self.states.clear()
        self.speaker.say(text, language)
        deadline = time.monotonic() + 10
        while not (self.states and self.states[-1] is False):
            assert time.monotonic() < deadline, f"no end of speech: {self.states}"
            with contextlib.suppress(queue.Empty):
                self.posted.get(timeout=0.02)()

    def close(self) -> None:
        self.speaker.release()
        self.engine.release()


@pytest.fixture
def rig(tmp_path: Path) -> Iterator[Rig]:
    need_binary("espeak-ng", "apt-get install espeak-ng")
    need(probe_libvlc(DUMMY_OUTPUT) is None, "libVLC",
         "apt-get install libvlc5 vlc-plugin-base libvlc-bin")
    world = Rig(tmp_path)
    yield world
    world.close()


def test_a_sentence_becomes_a_cached_wav_that_plays(rig: Rig) -> None:
    rig.say_and_wait("A nurse is on the way")
    files = list(rig.cache.glob("*.wav"))
    assert len(files) == 1
    with wave.open(str(files[0])) as wav:
        seconds = wav.getnframes() / wav.getframerate()
    assert 0.5 < seconds < 5, f"{seconds:.1f} s for five words"
    assert rig.states == [True, False]

    rig.say_and_wait("A nurse is on the way")
    assert rig.speaker.renders == 1, "the second time came from the cache"
    assert rig.states == [True, False]


def test_the_patients_language_picks_the_voice(rig: Rig) -> None:
    rig.say_and_wait("Una enfermera viene", "es")
    rig.say_and_wait("A nurse is coming", "en")
    assert rig.espeak.voices == ["es", "en-us"]


def test_a_clinic_recording_replaces_the_synthetic_voice(tmp_path: Path) -> None:
    need_binary("espeak-ng", "apt-get install espeak-ng")
    need(probe_libvlc(DUMMY_OUTPUT) is None, "libVLC",
         "apt-get install libvlc5 vlc-plugin-base libvlc-bin")
    recording = write_tone(tmp_path / "nurse-coming.wav", 0.5)
    world = Rig(tmp_path, {"A nurse is on the way": recording})
    try:
        world.say_and_wait("A nurse is on the way")
        assert world.speaker.renders == 0
        assert world.states == [True, False]
    finally:
        world.close()


def test_without_espeak_ng_the_voice_is_unavailable_and_names_the_package(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    posted: list[Callable[[], None]] = []
    speaker = Speaker(posted.append, None, EspeakEngine(), Voice(VOICES), tmp_path / "speech")
    assert not speaker.available
    assert "apt" not in speaker.problem and "espeak-ng" in speaker.problem
    assert "install the Debian package espeak-ng" in caplog.text
    speaker.say("Calling the nurse")
    assert posted == []
