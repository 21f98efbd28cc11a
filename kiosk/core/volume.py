"""Volume rules: the patient's even-feeling scale, the room's cap, and libVLC's units.

Three scales meet here:

- patient percent (0..100): what the slider and the big +/- buttons move. It is dB-linear: every
  step of 10 changes loudness by the same number of decibels, so steps feel even. 0 is silence,
  100 is full scale, 1 is `DYNAMIC_RANGE_DB` below full scale.
- amplitude (0.0..1.0): fraction of full scale. The nurse's cap (`cap_percent`) is a cap on this:
  a cap of 50 means the signal never exceeds half of full scale (about -6 dB).
- libVLC units (0..100): `audio_set_volume`. Through PulseAudio the amplitude is the cube of it
  (measured: 50 gives 12.5 %, 25 gives 1.6 %), so units = 100 * amplitude ** (1/3). We never use
  libVLC's boost range above 100.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

DYNAMIC_RANGE_DB = 50.0
LIBVLC_FULL_SCALE = 100


def clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


def amplitude_for_percent(percent: float) -> float:
    """Patient percent to amplitude: dB-linear, with 0 meaning true silence."""
    percent = clamp(percent, 0.0, 100.0)
    if percent <= 0.0:
        return 0.0
    return float(10.0 ** (-DYNAMIC_RANGE_DB * (1.0 - percent / 100.0) / 20.0))


def percent_for_amplitude(amplitude: float) -> float:
    """Inverse of `amplitude_for_percent`; amplitudes below the range count as silence."""
    amplitude = clamp(amplitude, 0.0, 1.0)
    floor = 10.0 ** (-DYNAMIC_RANGE_DB / 20.0)
    if amplitude < floor:
        return 0.0
    return 100.0 * (1.0 + 20.0 * math.log10(amplitude) / DYNAMIC_RANGE_DB)


def units_for_amplitude(amplitude: float) -> int:
    """libVLC units for an amplitude, rounded down so the result never exceeds the amplitude."""
    amplitude = clamp(amplitude, 0.0, 1.0)
    units = math.floor(LIBVLC_FULL_SCALE * amplitude ** (1.0 / 3.0) + 1e-9)
    # Float noise must not lift us a unit above the amplitude (that would break a cap).
    while units > 0 and amplitude_for_units(units) > amplitude + 1e-12:
        units -= 1
    return int(units)


def amplitude_for_units(units: int) -> float:
    fraction = clamp(units, 0, LIBVLC_FULL_SCALE) / LIBVLC_FULL_SCALE
    return float(fraction**3)


@dataclass(frozen=True)
class VolumePolicy:
    """The room's volume limits as the nurse set them.

    `cap_percent` is percent of full-scale amplitude; `default_percent` is the patient scale
    value a session starts at (a quiet start); `step_percent` is one press of + or -.
    """

    cap_percent: float = 60.0
    default_percent: float = 60.0
    step_percent: float = 10.0

    @property
    def cap_amplitude(self) -> float:
        return clamp(self.cap_percent, 0.0, 100.0) / 100.0

    @property
    def patient_max_percent(self) -> float:
        """Highest patient percent that the cap allows (the slider's top)."""
        return percent_for_amplitude(self.cap_amplitude)

    def clamp_patient(self, percent: float) -> float:
        return clamp(percent, 0.0, self.patient_max_percent)

    def start_percent(self) -> float:
        return self.clamp_patient(self.default_percent)

    def step_up(self, percent: float) -> float:
        return self.clamp_patient(percent + self.step_percent)

    def step_down(self, percent: float) -> float:
        return self.clamp_patient(percent - self.step_percent)

    def units_for(self, percent: float, gain: float = 1.0) -> int:
        """libVLC units for a patient percent times a fade gain, never above the cap."""
        amplitude = amplitude_for_percent(percent) * clamp(gain, 0.0, 1.0)
        return units_for_amplitude(min(amplitude, self.cap_amplitude))
