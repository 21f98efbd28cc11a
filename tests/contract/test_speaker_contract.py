"""The same promises, kept by the recording speaker and by the real one (espeak-ng rendering to
WAV, played by libVLC): sentences are said later, never inside `say`, one after another, each
once, and the voice reports when it starts and when it falls quiet (the music ducks between)."""

from __future__ import annotations

import contextlib
import queue
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from kiosk.adapters.speech import EspeakEngine, Speaker, Voice
from kiosk.adapters.vlc_player import DEFAULT_OPTIONS, VlcEngine, probe_libvlc
from tests.support import need, need_binary
from tests.support.speech import RecordingSpeaker

DUMMY_OUTPUT = (*DEFAULT_OPTIONS, "--aout=dummy")


@dataclass
class SpeakerHarness:
    speaker: Any
    posted: queue.SimpleQueue[Callable[[], None]]
    states: list[bool] = field(default_factory=list)
    spoken: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.speaker.speaking.connect(self.states.append)
        self.speaker.spoken.connect(self.spoken.append)

    def until(self, condition: Callable[[], object], seconds: float) -> None:
        """Deliver posted work (as the Qt thread would) until `condition` or the deadline."""
        deadline = time.monotonic() + seconds
        while not condition():
            if time.monotonic() > deadline:
                pytest.fail(f"timed out after {seconds} s (spoken {self.spoken}, "
                            f"speaking {self.states})")
            with contextlib.suppress(queue.Empty):
                self.posted.get(timeout=0.02)()

    def quiet(self) -> bool:
        return bool(self.states) and self.states[-1] is False


@pytest.fixture(params=["recording", "espeak-ng+libVLC"])
def harness(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[SpeakerHarness]:
    posted: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
    if request.param == "recording":
        yield SpeakerHarness(RecordingSpeaker(posted.put), posted)
        return
    need_binary("espeak-ng", "apt-get install espeak-ng")
    need(probe_libvlc(DUMMY_OUTPUT) is None, "libVLC",
         "apt-get install libvlc5 vlc-plugin-base libvlc-bin")
    engine = VlcEngine(posted.put, DUMMY_OUTPUT)
    # Fast speech keeps the test short; the contract does not depend on the pace.
    speaker = Speaker(posted.put, engine.deck(), EspeakEngine(),
                      Voice({"en": "en-us", "es": "es"}, pace_percent=150), tmp_path / "speech")
    try:
        yield SpeakerHarness(speaker, posted)
    finally:
        speaker.release()
        engine.release()


def test_say_returns_before_anything_is_spoken(harness: SpeakerHarness) -> None:
    harness.speaker.say("Calling the nurse")
    assert harness.spoken == [] and harness.states == []
    harness.until(harness.quiet, 10.0)
    assert harness.spoken == ["Calling the nurse"]
    assert harness.states[0] is True and harness.states[-1] is False


def test_sentences_follow_one_another_and_the_voice_stays_on_between(
        harness: SpeakerHarness) -> None:
    harness.speaker.say("One")
    harness.speaker.say("Two")
    harness.until(harness.quiet, 15.0)
    assert harness.spoken == ["One", "Two"]
    assert False not in harness.states[:-1], harness.states


def test_a_sentence_already_waiting_is_not_queued_twice(harness: SpeakerHarness) -> None:
    for text in ("One", "Two", "Two"):
        harness.speaker.say(text)
    harness.until(harness.quiet, 15.0)
    assert harness.spoken == ["One", "Two"]


def test_stop_forgets_what_waits_and_falls_quiet(harness: SpeakerHarness) -> None:
    harness.speaker.say("One")
    harness.speaker.say("Two")
    harness.until(lambda: harness.spoken, 10.0)
    harness.speaker.stop()
    harness.until(harness.quiet, 5.0)
    end = time.monotonic() + 0.5
    harness.until(lambda: time.monotonic() > end, 2.0)
    assert harness.spoken == ["One"]
