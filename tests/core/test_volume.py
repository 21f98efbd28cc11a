"""The patient's volume scale feels even and the room's cap always holds."""

from __future__ import annotations

import math

from kiosk.core.volume import (
    DYNAMIC_RANGE_DB,
    VolumePolicy,
    amplitude_for_percent,
    amplitude_for_units,
    percent_for_amplitude,
    units_for_amplitude,
)


def test_each_volume_step_changes_loudness_by_the_same_decibels() -> None:
    steps = [20 * math.log10(amplitude_for_percent(p)) for p in range(10, 101, 10)]
    gaps = {round(b - a, 6) for a, b in zip(steps, steps[1:], strict=False)}
    assert gaps == {DYNAMIC_RANGE_DB / 10}


def test_zero_is_true_silence_and_full_is_full_scale() -> None:
    assert amplitude_for_percent(0) == 0.0
    assert units_for_amplitude(0.0) == 0
    assert amplitude_for_percent(100) == 1.0
    assert units_for_amplitude(1.0) == 100


def test_libvlc_units_undo_the_cube_so_half_units_is_an_eighth_of_full_scale() -> None:
    assert amplitude_for_units(50) == 0.125
    assert units_for_amplitude(0.125) == 50


def test_the_scale_round_trips() -> None:
    for p in range(1, 101):
        assert abs(percent_for_amplitude(amplitude_for_percent(p)) - p) < 1e-9


def test_no_volume_or_fade_gain_ever_exceeds_the_cap() -> None:
    for cap in range(0, 101, 3):
        policy = VolumePolicy(cap_percent=cap)
        for percent in range(-10, 121, 1):
            for gain in (0.0, 0.1, 0.5, 0.99, 1.0, 1.5):
                units = policy.units_for(percent, gain)
                assert 0 <= units <= 100
                assert amplitude_for_units(units) <= cap / 100 + 1e-12


def test_pressing_up_stops_at_the_cap_and_down_stops_at_silence() -> None:
    policy = VolumePolicy(cap_percent=25, default_percent=50)
    percent = policy.start_percent()
    for _ in range(30):
        percent = policy.step_up(percent)
    assert percent == policy.patient_max_percent
    assert math.isclose(amplitude_for_percent(percent), 0.25)
    for _ in range(30):
        percent = policy.step_down(percent)
    assert percent == 0.0


def test_a_quiet_start_default_above_the_cap_starts_at_the_cap() -> None:
    policy = VolumePolicy(cap_percent=10, default_percent=90)
    assert amplitude_for_percent(policy.start_percent()) <= 0.1 + 1e-12
