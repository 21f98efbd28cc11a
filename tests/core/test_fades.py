"""Gentle music rules, driven by a fake clock: fades, crossfades, ramps and the cap."""

from __future__ import annotations

import queue
from collections.abc import Callable, Iterator

import pytest

from kiosk.core.clock import FakeClock
from kiosk.core.fades import Curve, FadeSettings, Mixer, MixerState, curve_gain
from kiosk.core.playlist import PlayQueue, Track
from kiosk.core.volume import VolumePolicy, amplitude_for_units
from tests.contract.fake_deck import FakeDeck

TRACKS = tuple(Track(f"/music/{n}.ogg", f"Track {n}") for n in range(3))
LENGTHS = {t.path: 60.0 for t in TRACKS} | {"/music/broken.ogg": 0.0}
DEFAULT_FADES = FadeSettings()
FULL_VOLUME = VolumePolicy(cap_percent=100, default_percent=100)


class Rig:
    def __init__(self, fades: FadeSettings = DEFAULT_FADES, policy: VolumePolicy = FULL_VOLUME,
                 tracks: tuple[Track, ...] = TRACKS) -> None:
        self.clock = FakeClock()
        self.posted: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        self.decks = (FakeDeck(self.clock, self.posted.put, LENGTHS),
                      FakeDeck(self.clock, self.posted.put, LENGTHS))
        self.queue = PlayQueue(tracks, repeat=True)
        self.mixer = Mixer(self.decks, self.clock, fades, policy, self.queue.next)

    def run(self, seconds: float, dt: float = 0.03) -> None:
        """Advance time as a Qt timer would, with deck events delivered in between."""
        end = self.clock.monotonic() + seconds
        while self.clock.monotonic() < end - 1e-9:
            self.clock.advance(dt)
            for deck in self.decks:
                deck.poll()
            while not self.posted.empty():
                self.posted.get()()
            self.mixer.step()

    def start(self) -> None:
        self.mixer.play(self.queue.next())  # type: ignore[arg-type]
        self.mixer.step()

    def units(self) -> tuple[int, int]:
        return self.decks[0].volume(), self.decks[1].volume()

    def playing(self) -> list[int]:
        return [i for i, d in enumerate(self.decks) if d.is_playing()]


@pytest.fixture
def rig() -> Iterator[Rig]:
    yield Rig()


def test_curves_start_and_end_where_they_should() -> None:
    for curve in Curve:
        rising = curve in (Curve.RISE, Curve.CROSS_IN)
        assert curve_gain(curve, 0.0) == (0.0 if rising else 1.0)
        assert abs(curve_gain(curve, 1.0) - (1.0 if rising else 0.0)) < 1e-12


def test_a_crossfade_keeps_the_combined_power_level() -> None:
    for n in range(101):
        t = n / 100
        power = curve_gain(Curve.CROSS_IN, t) ** 2 + curve_gain(Curve.CROSS_OUT, t) ** 2
        assert abs(power - 1.0) < 1e-9


def test_music_starts_from_silence_and_fades_in_over_four_seconds(rig: Rig) -> None:
    rig.mixer.play(TRACKS[0])
    assert rig.units() == (0, 0)
    levels = []
    for _ in range(5):
        rig.run(1.0)
        levels.append(max(rig.units()))
    assert levels[0] < 70 and levels == sorted(levels)
    assert levels[3] == 100 and levels[4] == 100


def test_the_mixer_asks_for_no_timer_once_idle(rig: Rig) -> None:
    assert rig.mixer.step() is None
    rig.start()
    rig.run(5.0)
    rig.mixer.stop()
    rig.run(2.5)
    assert rig.mixer.state is MixerState.STOPPED
    assert rig.mixer.step() is None
    assert rig.playing() == []


def test_pause_fades_out_over_two_seconds_then_holds_the_place(rig: Rig) -> None:
    rig.start()
    rig.run(10.0)
    active = rig.playing()[0]
    rig.mixer.pause()
    rig.run(1.0)
    assert 0 < rig.decks[active].volume() < 100 and rig.decks[active].is_playing()
    rig.run(1.1)
    assert rig.decks[active].volume() == 0 and not rig.decks[active].is_playing()
    held = rig.decks[active].position()
    rig.mixer.resume()
    rig.run(0.5)
    assert rig.decks[active].position() > held  # type: ignore[operator]
    assert rig.decks[active].volume() < 100


def test_tracks_crossfade_from_position_and_length_not_the_end_event(rig: Rig) -> None:
    rig.start()
    rig.run(53.0)
    assert len(rig.playing()) == 1
    rig.run(0.6)
    assert len(rig.playing()) == 2, "the next track starts 6 s + libVLC's start lead before the end"
    rig.run(3.0)
    outgoing, incoming = sorted(rig.playing(), key=lambda i: rig.decks[i].position() or 0)[::-1]
    assert 0 < rig.decks[outgoing].volume() < 100 and 0 < rig.decks[incoming].volume() < 100
    rig.run(3.0)
    assert len(rig.playing()) == 1
    assert rig.mixer.now_playing == TRACKS[1]


def test_a_crossfade_never_lets_the_sound_drop_out(rig: Rig) -> None:
    rig.start()
    rig.run(50.0)
    for _ in range(400):
        rig.run(0.03)
        combined = sum(amplitude_for_units(u) ** (2 / 3) for u in rig.units())
        assert combined > 0.6


def test_a_zero_second_crossfade_plays_the_next_track_straight_after() -> None:
    rig = Rig(FadeSettings(crossfade_seconds=0.0))
    rig.start()
    rig.run(59.3)
    assert rig.mixer.now_playing == TRACKS[0]
    rig.run(0.7)
    assert rig.mixer.now_playing == TRACKS[1]


def test_skip_fades_the_current_track_out_and_the_next_in(rig: Rig) -> None:
    rig.start()
    rig.run(10.0)
    rig.mixer.skip()
    assert rig.mixer.now_playing == TRACKS[1]
    rig.run(2.1)
    assert len(rig.playing()) == 1
    assert rig.mixer.now_playing == TRACKS[1]


def test_a_volume_change_ramps_instead_of_jumping(rig: Rig) -> None:
    rig.start()
    rig.run(5.0)
    rig.mixer.set_volume_percent(50)
    rig.run(0.5)
    middle = max(rig.units())
    rig.run(0.6)
    assert max(rig.units()) < middle < 100


def test_nothing_ever_plays_above_the_cap_whatever_the_patient_does() -> None:
    for cap in (5, 20, 40, 75):
        rig = Rig(policy=VolumePolicy(cap_percent=cap, default_percent=100))
        rig.start()
        for action in range(40):
            if action % 3 == 0:
                rig.mixer.set_volume_percent(rig.mixer.volume_percent + 30)
            elif action % 7 == 0:
                rig.mixer.skip()
            elif action % 11 == 0:
                rig.mixer.toggle_pause()
            rig.run(2.0, dt=0.1)
        logged = [u for deck in rig.decks for _, u in deck.volume_log]
        assert max(amplitude_for_units(u) for u in logged) <= cap / 100


def test_a_lowered_cap_takes_effect_at_once(rig: Rig) -> None:
    rig.start()
    rig.run(5.0)
    rig.mixer.set_policy(VolumePolicy(cap_percent=10))
    rig.mixer.step()
    assert amplitude_for_units(max(rig.units())) <= 0.1


def test_broken_tracks_are_skipped_and_a_fully_broken_playlist_stops() -> None:
    broken = (Track("/music/broken.ogg", "Broken"),)
    rig = Rig(tracks=broken)
    rig.start()
    rig.run(1.0)
    assert rig.mixer.state is MixerState.STOPPED


def test_a_fade_in_waits_for_the_deck_to_sound() -> None:
    """libVLC's first sample comes a moment after play(); the fade must not be spent by then."""
    rig = Rig(FadeSettings(fade_in_seconds=2.0))
    rig.mixer.play(TRACKS[0])
    rig.mixer.step()
    rig.clock.advance(1.0)  # time passes, but the deck has not reported a position yet
    rig.mixer.step()
    assert rig.units() == (0, 0)


def test_two_decks_together_never_pass_the_cap() -> None:
    rig = Rig(policy=VolumePolicy(cap_percent=50, default_percent=100))
    rig.start()
    rig.run(50.0)
    cap = 0.5
    for _ in range(400):
        rig.run(0.03)
        assert sum(amplitude_for_units(u) for u in rig.units()) <= cap + 1e-9
