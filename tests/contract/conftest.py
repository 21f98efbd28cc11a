"""One harness, two decks: the fake moves by the clock, the real one plays through libVLC."""

from __future__ import annotations

import queue
import wave
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from kiosk.core.clock import FakeClock
from kiosk.core.fades import Deck
from tests.contract.fake_deck import FakeDeck
from tests.support import need, wait_until


@dataclass
class DeckHarness:
    deck: Deck
    until: Callable[[Callable[[], object], float], object]
    events: list[str]


def write_tone(path: Path, seconds: float, rate: int = 22050) -> Path:
    """A quiet mono tone, written with the stdlib so the tests need nothing else."""
    import math
    import struct

    frames = bytearray()
    for n in range(int(seconds * rate)):
        frames += struct.pack("<h", int(6000 * math.sin(2 * math.pi * 330 * n / rate)))
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(bytes(frames))
    return path


@pytest.fixture(scope="session")
def audio_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("contract-audio")
    corrupt = root / "corrupt.wav"
    corrupt.write_bytes(b"RIFF\x10\x00\x00\x00WAVEjunk" + bytes(range(256)) * 40)
    return {
        "short": write_tone(root / "short.wav", 1.5),
        "long": write_tone(root / "long.wav", 6.0),
        "corrupt": corrupt,
        "missing": root / "not-there.ogg",
    }


def _drain(posted: queue.SimpleQueue[Callable[[], None]]) -> None:
    while not posted.empty():
        posted.get()()


def _fake_harness() -> DeckHarness:
    clock = FakeClock()
    posted: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
    deck = FakeDeck(clock, posted.put)
    events: list[str] = []

    def until(condition: Callable[[], object], seconds: float) -> object:
        for _ in range(int(seconds / 0.05) + 1):
            deck.poll()
            _drain(posted)
            value = condition()
            if value:
                return value
            clock.advance(0.05)
        pytest.fail(f"fake deck: condition not met within {seconds} s")

    return DeckHarness(deck, until, events)


@pytest.fixture(params=["fake", "vlc"])
def harness(request: pytest.FixtureRequest) -> Iterator[DeckHarness]:
    if request.param == "fake":
        yield _fake_harness()
        return
    from kiosk.adapters.vlc_player import VlcEngine, probe_libvlc

    options = ("--no-video", "--quiet", "--aout=dummy")
    need(probe_libvlc(options) is None, "libVLC",
         "apt-get install libvlc5 vlc-plugin-base libvlc-bin")
    posted: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
    engine = VlcEngine(posted.put, options)
    deck = engine.deck()

    def until(condition: Callable[[], object], seconds: float) -> object:
        def check() -> object:
            _drain(posted)
            return condition()

        return wait_until(check, timeout=seconds + 2.0, message="real deck condition")

    yield DeckHarness(deck, until, [])
    deck.release()
    engine.release()

