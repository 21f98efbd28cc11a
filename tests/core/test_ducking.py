"""The music ducks under speech: ramped down, held low while the voice speaks, ramped back."""

from __future__ import annotations

from kiosk.core.fades import DUCK_DOWN_SECONDS, DUCK_GAIN, DUCK_UP_SECONDS
from kiosk.core.volume import VolumePolicy, amplitude_for_units
from tests.core.test_fades import Rig


def amplitude(rig: Rig) -> float:
    return sum(amplitude_for_units(u) for u in rig.units())


def test_the_music_ramps_down_under_speech_and_back_afterwards() -> None:
    rig = Rig()
    rig.start()
    rig.run(6.0)
    full = amplitude(rig)
    assert full > 0.5

    rig.mixer.duck(True)
    rig.run(DUCK_DOWN_SECONDS / 2)
    halfway = amplitude(rig)
    assert DUCK_GAIN * full < halfway < full, "the duck jumps instead of ramping"
    rig.run(DUCK_DOWN_SECONDS)
    assert abs(amplitude(rig) - DUCK_GAIN * full) < 0.02
    assert rig.mixer.ducked

    rig.mixer.duck(False)
    rig.run(DUCK_UP_SECONDS / 2)
    assert DUCK_GAIN * full < amplitude(rig) < full
    rig.run(DUCK_UP_SECONDS)
    assert abs(amplitude(rig) - full) < 0.02
    assert not rig.mixer.ducked


def test_ducking_never_lifts_the_music_above_the_cap() -> None:
    rig = Rig(policy=VolumePolicy(cap_percent=40, default_percent=40))
    cap = rig.mixer.policy.cap_amplitude
    rig.start()
    for on in (True, False, True, False):
        rig.mixer.duck(on)
        for _ in range(40):
            rig.run(0.05)
            assert amplitude(rig) <= cap + 1e-9


def test_a_duck_while_nothing_plays_changes_nothing_and_the_mixer_falls_idle() -> None:
    rig = Rig()
    rig.mixer.duck(True)
    rig.run(1.0)
    assert rig.units() == (0, 0) or rig.playing() == []
    rig.mixer.duck(False)
    rig.run(DUCK_UP_SECONDS + 0.1)
    assert rig.mixer.step() is None
