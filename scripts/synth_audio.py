"""Synthesise the demo music and the UI sounds: calm, royalty-free, the same every run.

    python scripts/synth_audio.py [--out assets]

Music: soft chord pads at 60 to 72 beats a minute (a slow tremolo marks the beat), each chord
swelling in and out over seconds, no melody to follow and no words. Written as OGG through sox
when sox is installed, otherwise as WAV with the standard library (slower, shorter tracks).
Sounds: a soft end-of-session cue (slow attack, low notes, never an alarm), a gentle tone for
a call that did not get through, and the nurse station's chimes: one per urgency (urgent call,
high-priority request, routine request, information), each a soft bell, never an alarm.

Files that already exist are left alone, so a second run costs nothing.
"""

from __future__ import annotations

import argparse
import math
import shutil
import struct
import subprocess
import sys
import tempfile
import wave
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

RATE = 22050
A3 = 220.0

# (playlist folder, beats per minute, chords as semitones above A3, seconds per chord)
PLAYLISTS: dict[str, tuple[int, list[list[list[int]]], float]] = {
    "slow-waves": (60, [
        [[0, 4, 7], [-3, 0, 4], [-7, -3, 0], [-5, -1, 2], [0, 4, 7], [-3, 0, 4]],
        [[-2, 2, 5], [-5, -2, 2], [-7, -3, 0], [-2, 2, 5], [-5, -1, 2], [-7, -3, 0]],
        [[0, 3, 7], [-4, 0, 3], [-2, 2, 5], [-5, -2, 2], [0, 3, 7]],
    ], 10.0),
    "soft-pads": (66, [
        [[-12, -5, 0, 4], [-10, -3, 2, 5], [-8, -1, 4, 7], [-12, -5, 0, 4], [-7, 0, 4, 9]],
        [[-9, -2, 3, 7], [-14, -7, 0, 3], [-12, -5, 0, 4], [-9, -2, 3, 7], [-10, -3, 2, 5]],
    ], 12.0),
    "evening-tones": (72, [
        [[-17, -10, -5], [-19, -12, -7], [-14, -7, -2], [-17, -10, -5], [-12, -5, 0]],
        [[-15, -8, -3], [-20, -13, -8], [-17, -10, -5], [-15, -8, -3], [-19, -12, -7]],
        [[-12, -5, 0], [-14, -7, -2], [-17, -10, -5], [-12, -5, 0]],
    ], 12.0),
}


def note(semitones: float) -> float:
    return A3 * 2.0 ** (semitones / 12.0)


def write_wav(path: Path, samples: Sequence[float], rate: int = RATE) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    frames = b"".join(struct.pack("<h", int(max(-1.0, min(1.0, s)) * 32767)) for s in samples)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(frames)


def tone(freqs: Sequence[float], seconds: float, envelope: Callable[[float], float],
         level: float, rate: int = RATE) -> list[float]:
    """Sum of sines under an envelope (a function of seconds), scaled to `level` at most."""
    count = int(seconds * rate)
    steps = [2.0 * math.pi * f / rate for f in freqs]
    scale = level / len(freqs)
    return [envelope(n / rate) * scale * sum(math.sin(s * n) for s in steps) for n in range(count)]


# UI sounds.

def session_end() -> list[float]:
    """Two low notes (G3, D4) rising over 1.5 s and dying away: a cue, not an alarm."""
    def env(t: float) -> float:
        rise = 0.5 - 0.5 * math.cos(math.pi * min(t / 1.5, 1.0))
        return rise * math.exp(-max(0.0, t - 1.5) / 1.2)
    return tone([196.0, 293.66, 392.0], 5.0, env, 0.35)


def call_not_through() -> list[float]:
    """A gentle falling pair of soft tones, played in the room only."""
    def note_at(start: float, freq: float) -> list[float]:
        def env(t: float) -> float:
            return min(t / 0.15, 1.0) * math.exp(-t / 0.5)
        return [0.0] * int(start * RATE) + tone([freq, freq * 2], 1.2, env, 0.3)
    first, second = note_at(0.0, 440.0), note_at(0.6, 349.23)
    length = max(len(first), len(second))
    return [(first[i] if i < len(first) else 0.0) + (second[i] if i < len(second) else 0.0)
            for i in range(length)]


def station_chime() -> list[float]:
    """A soft but clear two-note chime (E5 then C5) with a bell-like decay, for the station."""
    def bell(freq: float) -> list[float]:
        def env(t: float) -> float:
            return min(t / 0.01, 1.0) * math.exp(-t / 0.45)
        return tone([freq, freq * 2.0, freq * 3.01], 1.4, env, 0.6)
    gap = [0.0] * int(0.45 * RATE)
    first, second = bell(659.25), bell(523.25)
    mixed = first + [0.0] * (len(gap) + len(second) - len(first))
    for i, value in enumerate(second):
        mixed[len(gap) + i] += value
    return mixed


def call_press() -> list[float]:
    """The press of the call button: one short, soft, rounded note (A4 with a quiet octave),
    rising over 25 ms so it never startles, gone within half a second."""
    def env(t: float) -> float:
        return min(t / 0.025, 1.0) * math.exp(-t / 0.12)
    return tone([440.0, 880.0], 0.5, env, 0.25)


def bells(freqs: Sequence[float], gap: float, level: float, attack: float = 0.01,
          decay: float = 0.45) -> list[float]:
    """Bell-like notes one after another, `gap` seconds apart, each ringing out."""
    def bell(freq: float) -> list[float]:
        def env(t: float) -> float:
            return min(t / attack, 1.0) * math.exp(-t / decay)
        return tone([freq, freq * 2.0, freq * 3.01], decay * 3.2, env, level)
    rung = [bell(f) for f in freqs]
    length = int(gap * RATE) * (len(rung) - 1) + max(len(r) for r in rung)
    mixed = [0.0] * length
    for n, samples in enumerate(rung):
        start = int(gap * RATE) * n
        for i, value in enumerate(samples):
            mixed[start + i] += value
    return mixed


# The station's chimes, one per urgency, from most to least pressing. Each rises or falls
# gently and rings out; none repeats quickly or beeps like a monitor.

def station_urgent() -> list[float]:
    """The urgent call: three rising notes (C5, E5, G5), the brightest of the station's sounds."""
    return bells([523.25, 659.25, 783.99], 0.28, 0.5)


def station_high() -> list[float]:
    """A request that means something is wrong (sick, anxious, IV site): two rising notes
    (A4 then E5)."""
    return bells([440.0, 659.25], 0.4, 0.5)


def station_info() -> list[float]:
    """Information (an infusion time is complete): one low, slow, soft note (G4)."""
    return bells([392.0], 0.0, 0.35, attack=0.08, decay=0.6)


SOUNDS: dict[str, Callable[[], list[float]]] = {
    "session-end.wav": session_end,
    "call-press.wav": call_press,
    "call-not-through.wav": call_not_through,
    "station-chime.wav": station_chime,
    "station-urgent.wav": station_urgent,
    "station-high.wav": station_high,
    "station-info.wav": station_info,
}


# Music.

def sox_track(path: Path, bpm: int, chords: list[list[int]], seconds: float) -> None:
    """Each chord swells in and out over `seconds`; a tremolo at the beat rate gives a pulse."""
    with tempfile.TemporaryDirectory() as tmp:
        parts = []
        for index, chord in enumerate(chords):
            part = Path(tmp) / f"{index}.wav"
            sines = [arg for s in chord for arg in ("sine", f"{note(s):.2f}")]
            subprocess.run(["sox", "-r", "44100", "-c", str(len(chord)), "-n", "-b", "16",
                            "-c", "2", str(part), "synth", str(seconds), *sines,
                            "fade", "h", str(seconds * 0.35), str(seconds), str(seconds * 0.35),
                            "tremolo", f"{bpm / 60:.3f}", "20", "vol", "0.5"], check=True)
            parts.append(str(part))
        tmp_out = path.with_suffix(".part" + path.suffix)
        subprocess.run(["sox", *parts, "-C", "3", str(tmp_out), "reverb", "35",
                        "fade", "t", "3", "-0", "4"], check=True)
        tmp_out.replace(path)


def wav_track(path: Path, bpm: int, chords: list[list[int]], seconds: float) -> None:
    """The same idea in pure Python, at a lower rate; used only when sox is missing."""
    rate = 11025
    beat = bpm / 60.0

    def env(t: float) -> float:
        swell = math.sin(math.pi * t / seconds)
        return swell * swell * (0.85 + 0.15 * math.cos(2 * math.pi * beat * t))

    samples: list[float] = []
    for chord in chords:
        samples += tone([note(s) for s in chord], seconds, env, 0.4, rate)
    tmp_out = path.with_suffix(".part.wav")
    write_wav(tmp_out, samples, rate)
    tmp_out.replace(path)


def music_jobs(out: Path, use_sox: bool) -> list[Callable[[], None]]:
    jobs: list[Callable[[], None]] = []
    suffix = ".ogg" if use_sox else ".wav"
    make = sox_track if use_sox else wav_track
    for folder, (bpm, tracks, seconds) in PLAYLISTS.items():
        for number, chords in enumerate(tracks, start=1):
            path = out / "music" / "demo" / folder / f"{number:02d}-{folder}{suffix}"
            if path.exists():
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            chord_seconds = seconds if use_sox else min(seconds, 45.0 / len(chords))
            jobs.append(lambda p=path, c=chords, s=chord_seconds, b=bpm: make(p, b, c, s))
    return jobs


def sound_jobs(out: Path) -> list[Callable[[], None]]:
    jobs: list[Callable[[], None]] = []
    for name, build in SOUNDS.items():
        path = out / "sounds" / name
        if not path.exists():
            jobs.append(lambda p=path, b=build: write_wav(p, b()))
    return jobs


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Synthesise the demo music and UI sounds.")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "assets")
    args = parser.parse_args(argv)
    use_sox = shutil.which("sox") is not None
    jobs = sound_jobs(args.out) + music_jobs(args.out, use_sox)
    if not jobs:
        print("synth_audio: everything is already there")
        return 0
    with ThreadPoolExecutor(max_workers=2) as pool:
        for future in [pool.submit(job) for job in jobs]:
            future.result()
    print(f"synth_audio: wrote {len(jobs)} files under {args.out}"
          + ("" if use_sox else " (WAV: sox not found)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
