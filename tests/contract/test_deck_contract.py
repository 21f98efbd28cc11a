"""The same promises, kept by the fake deck and by the real libVLC deck."""

from __future__ import annotations

from pathlib import Path

from tests.contract.conftest import DeckHarness


def _listen(h: DeckHarness) -> None:
    h.deck.set_listener(lambda: h.events.append("ended"),
                        lambda reason: h.events.append(f"error:{reason}"))


def test_a_loaded_track_plays_and_its_position_moves(harness: DeckHarness,
                                                     audio_files: dict[str, Path]) -> None:
    deck = harness.deck
    _listen(harness)
    deck.load(str(audio_files["long"]))
    deck.play()
    harness.until(lambda: (deck.position() or 0) > 0.2, 3.0)
    assert deck.is_playing()
    assert abs((deck.length() or 0) - 6.0) < 0.2


def test_the_volume_set_before_play_is_the_volume_reported(harness: DeckHarness,
                                                           audio_files: dict[str, Path]) -> None:
    deck = harness.deck
    deck.set_volume(0)
    deck.load(str(audio_files["long"]))
    deck.play()
    harness.until(lambda: deck.is_playing(), 3.0)
    assert deck.volume() == 0
    deck.set_volume(37)
    assert deck.volume() == 37


def test_a_paused_track_stops_moving(harness: DeckHarness, audio_files: dict[str, Path]) -> None:
    deck = harness.deck
    deck.load(str(audio_files["long"]))
    deck.play()
    harness.until(lambda: (deck.position() or 0) > 0.2, 3.0)
    deck.pause()
    harness.until(lambda: not deck.is_playing(), 2.0)
    held = deck.position()
    harness.until(lambda: True, 0.3)
    assert deck.position() == held


def test_a_short_track_reports_its_end_once(harness: DeckHarness,
                                           audio_files: dict[str, Path]) -> None:
    _listen(harness)
    deck = harness.deck
    deck.load(str(audio_files["short"]))
    deck.play()
    harness.until(lambda: harness.events, 4.0)
    harness.until(lambda: True, 0.3)
    assert harness.events == ["ended"]
    assert not deck.is_playing()


def test_a_missing_file_reports_an_error_naming_the_file(harness: DeckHarness,
                                                        audio_files: dict[str, Path]) -> None:
    _listen(harness)
    deck = harness.deck
    deck.load(str(audio_files["missing"]))
    deck.play()
    harness.until(lambda: harness.events, 3.0)
    assert harness.events == ["error:file not found: not-there.ogg"]
    assert not deck.is_playing()


def test_a_corrupt_file_never_plays_and_says_so(harness: DeckHarness,
                                               audio_files: dict[str, Path]) -> None:
    _listen(harness)
    deck = harness.deck
    deck.load(str(audio_files["corrupt"]))
    deck.play()
    harness.until(lambda: harness.events, 3.0)
    assert harness.events[0] == "ended" or harness.events[0].startswith("error:")
    assert not (deck.position() or 0) > 0


def test_a_track_loaded_after_a_stop_plays_and_reports_its_end(harness: DeckHarness,
                                                              audio_files: dict[str, Path]) -> None:
    _listen(harness)
    deck = harness.deck
    deck.load(str(audio_files["long"]))
    deck.play()
    harness.until(lambda: deck.is_playing(), 3.0)
    deck.stop()
    deck.load(str(audio_files["short"]))
    deck.play()
    harness.until(lambda: harness.events, 4.0)
    harness.until(lambda: True, 0.3)
    assert harness.events == ["ended"]
