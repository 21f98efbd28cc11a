"""Gentle music: fades, crossfades and volume ramps over two decks, never above the cap.

The `Mixer` owns the rules; a `Deck` (the port, implemented by kiosk/adapters/vlc_player.py and
by a fake in the tests) only plays a file at a volume. Nothing here runs on its own: the Qt side
calls `step()` from a timer and schedules the next call after the delay `step()` returns
(about 30 ms while anything moves, nothing at all when idle). Time comes from the injected clock,
so a late timer only makes a fade coarser, never longer or louder.

Rules: a start fades in from silence; pause, stop and skip fade out; consecutive tracks crossfade,
started from the playing track's position and length (libVLC's end event comes about a second
late, so it is only a fallback); every volume change ramps; the cap always holds.

A new track's fade (and, in a crossfade, the outgoing track's fade) is held at its first value
until the new deck reports a position: libVLC takes about 0.3 s from play() to its first sample,
and a fade timed from play() would be largely over before anything is heard (measured: the
first audible 10 ms at 70 % of the target level with a 2 s fade-in). While two decks sound
together their gains are scaled so they add up to at most 1, so even two identical signals in
phase never pass the cap.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from functools import partial
from typing import Protocol

from kiosk.core.clock import Clock
from kiosk.core.playlist import Track
from kiosk.core.volume import VolumePolicy, clamp

log = logging.getLogger(__name__)

TICK_SECONDS = 0.03
WATCH_SECONDS = 1.0
# Play() to first sample is about 0.3 s through PulseAudio; start a crossfade this much early.
START_LEAD_SECONDS = 0.5
# A deck that never reports a position still gets its fade after this long.
START_TIMEOUT_SECONDS = 3.0
MAX_ERRORS_IN_A_ROW = 5
# Ducking under speech: the music falls to this fraction of its amplitude (about -16 dB) in
# DUCK_DOWN_SECONDS (before libVLC sounds the voice, about 0.3 s after play), and comes back in
# DUCK_UP_SECONDS once the voice has finished.
DUCK_GAIN = 0.16
DUCK_DOWN_SECONDS = 0.25
DUCK_UP_SECONDS = 1.2


class Deck(Protocol):
    """One player. Callbacks arrive on the Qt thread (the adapter posts them there)."""

    def load(self, path: str) -> None: ...

    def play(self) -> None: ...

    def pause(self) -> None: ...

    def stop(self) -> None: ...

    def set_volume(self, units: int) -> None: ...

    def volume(self) -> int: ...

    def position(self) -> float | None: ...

    def length(self) -> float | None: ...

    def is_playing(self) -> bool: ...

    def set_listener(self, on_ended: Callable[[], None], on_error: Callable[[str], None]) -> None:
        ...


@dataclass(frozen=True)
class FadeSettings:
    fade_in_seconds: float = 4.0
    fade_out_seconds: float = 2.0
    crossfade_seconds: float = 6.0
    ramp_seconds: float = 1.0


class Curve(Enum):
    RISE = "rise"
    FALL = "fall"
    CROSS_IN = "cross-in"
    CROSS_OUT = "cross-out"


def curve_gain(curve: Curve, progress: float) -> float:
    """Amplitude gain 0..1 at `progress` 0..1 of a fade.

    Rises and falls are cubic in amplitude, which is close to even in loudness, so the start is
    a near-silent creep rather than a jump. Crossfades are equal-power (sine/cosine), so the sum
    stays level and there is no dip of silence in the middle.
    """
    t = clamp(progress, 0.0, 1.0)
    if curve is Curve.RISE:
        return t**3
    if curve is Curve.FALL:
        return (1.0 - t) ** 3
    if curve is Curve.CROSS_IN:
        return math.sin(t * math.pi / 2.0)
    return math.cos(t * math.pi / 2.0)


@dataclass
class Envelope:
    """A gain following `curve`'s shape, scaled into low..high (a fall starts at high)."""

    curve: Curve
    begins: float
    seconds: float
    low: float = 0.0
    high: float = 1.0
    held: bool = False

    def release(self, now: float, seconds: float | None = None) -> None:
        """Start moving from `now` (a held envelope stays at its first value until then)."""
        self.begins, self.held = now, False
        if seconds is not None:
            self.seconds = seconds

    def progress(self, now: float) -> float:
        if self.held:
            return 0.0
        if self.seconds <= 0.0:
            return 1.0
        return clamp((now - self.begins) / self.seconds, 0.0, 1.0)

    def gain(self, now: float) -> float:
        return self.low + (self.high - self.low) * curve_gain(self.curve, self.progress(now))

    @property
    def rising(self) -> bool:
        return self.curve in (Curve.RISE, Curve.CROSS_IN)

    def done(self, now: float) -> bool:
        return not self.held and self.progress(now) >= 1.0


@dataclass
class Ramp:
    """A value moving linearly in time; on the patient scale that is linear in decibels."""

    start: float
    end: float
    begins: float
    seconds: float

    def value(self, now: float) -> float:
        if self.seconds <= 0.0 or now >= self.begins + self.seconds:
            return self.end
        fraction = clamp((now - self.begins) / self.seconds, 0.0, 1.0)
        return self.start + (self.end - self.start) * fraction

    def done(self, now: float) -> bool:
        return now >= self.begins + self.seconds


class MixerState(Enum):
    STOPPED = "stopped"
    PLAYING = "playing"
    PAUSED = "paused"


class After(Enum):
    NOTHING = "nothing"
    PAUSE = "pause"
    STOP = "stop"


@dataclass
class _Channel:
    deck: Deck
    track: Track | None = None
    envelope: Envelope | None = None
    after: After = After.NOTHING
    units: int = -1
    started: bool = False

    def gain(self, now: float) -> float:
        if self.track is None:
            return 0.0
        return 1.0 if self.envelope is None else self.envelope.gain(now)


class Mixer:
    """Plays a queue of tracks on two decks with gentle transitions. Runs on the Qt thread."""

    def __init__(self, decks: tuple[Deck, Deck], clock: Clock, fades: FadeSettings,
                 policy: VolumePolicy, next_track: Callable[[], Track | None],
                 on_change: Callable[[], None] = lambda: None) -> None:
        self._clock = clock
        self._fades = fades
        self._policy = policy
        self._next_track = next_track
        self._on_change = on_change
        self._channels = [_Channel(deck) for deck in decks]
        for index, deck in enumerate(decks):
            deck.set_listener(partial(self._ended, index), partial(self._error, index))
        self._active = 0
        self._state = MixerState.STOPPED
        self._volume = Ramp(policy.start_percent(), policy.start_percent(), clock.monotonic(), 0.0)
        self._duck = Ramp(1.0, 1.0, clock.monotonic(), 0.0)
        self._errors_in_a_row = 0

    # What the controller shows.

    @property
    def state(self) -> MixerState:
        return self._state

    @property
    def now_playing(self) -> Track | None:
        if self._state is MixerState.STOPPED:
            return None
        return self._channels[self._active].track

    @property
    def volume_percent(self) -> float:
        """The patient-scale volume the patient chose (the ramp's destination)."""
        return self._volume.end

    @property
    def policy(self) -> VolumePolicy:
        return self._policy

    @property
    def ducked(self) -> bool:
        return self._duck.end < 1.0

    def deck_units(self) -> tuple[int, ...]:
        return tuple(channel.units for channel in self._channels)

    # Patient and nurse actions.

    def play(self, track: Track) -> None:
        """Start `track` from silence; anything already playing fades out underneath."""
        now = self._clock.monotonic()
        self._errors_in_a_row = 0
        self._fade_all_out(now, self._fades.fade_out_seconds)
        self._start(self._other(self._active), track, Curve.RISE, self._fades.fade_in_seconds, now)
        self._state = MixerState.PLAYING
        self._on_change()

    def pause(self) -> None:
        if self._state is not MixerState.PLAYING:
            return
        now = self._clock.monotonic()
        for index, channel in enumerate(self._channels):
            after = After.PAUSE if index == self._active else After.STOP
            self._fade_out(channel, now, self._fades.fade_out_seconds, after)
        self._state = MixerState.PAUSED
        self._on_change()

    def resume(self) -> None:
        if self._state is not MixerState.PAUSED:
            return
        now = self._clock.monotonic()
        channel = self._channels[self._active]
        start = channel.gain(now)
        channel.envelope = Envelope(Curve.RISE, now, self._fades.fade_in_seconds, start, 1.0)
        channel.after = After.NOTHING
        channel.deck.play()
        self._state = MixerState.PLAYING
        self._on_change()

    def toggle_pause(self) -> None:
        if self._state is MixerState.PLAYING:
            self.pause()
        else:
            self.resume()

    def skip(self) -> None:
        """Fade the current track out and the next one in; stop if the queue has ended."""
        if self._state is MixerState.STOPPED:
            return
        track = self._next_track()
        if track is None:
            self.stop()
            return
        self.play(track)

    def stop(self) -> None:
        """Fade out and stop: silence is a real choice, so it is as gentle as any other."""
        now = self._clock.monotonic()
        self._fade_all_out(now, self._fades.fade_out_seconds)
        self._state = MixerState.STOPPED
        self._on_change()

    def set_volume_percent(self, percent: float) -> None:
        now = self._clock.monotonic()
        target = self._policy.clamp_patient(percent)
        self._volume = Ramp(self._volume.value(now), target, now, self._fades.ramp_seconds)
        self._on_change()

    def duck(self, on: bool) -> None:
        """Lower the music under a spoken sentence (ramped down), or bring it back (ramped up).
        Only ever lowers: the cap holds as before."""
        now = self._clock.monotonic()
        target, seconds = (DUCK_GAIN, DUCK_DOWN_SECONDS) if on else (1.0, DUCK_UP_SECONDS)
        if target == self._duck.end:
            return
        self._duck = Ramp(self._duck.value(now), target, now, seconds)

    def set_policy(self, policy: VolumePolicy) -> None:
        """A new cap holds from the next step; the patient's volume ramps down to fit under it."""
        self._policy = policy
        self.set_volume_percent(self._volume.end)

    # The timer's work.

    def step(self) -> float | None:
        """Apply volumes and due transitions; return seconds until the next call, or None."""
        now = self._clock.monotonic()
        self._release_held(now)
        self._watch_for_crossfade(now)
        gains = [channel.gain(now) for channel in self._channels]
        # Two decks together never pass one deck's full gain, so the cap holds for the sum.
        scale = self._duck.value(now) / max(1.0, sum(gains))
        for channel, gain in zip(self._channels, gains, strict=True):
            self._apply(channel, now, gain * scale)
        return self._next_delay(now)

    def _release_held(self, now: float) -> None:
        """Start a new track's fade once its deck really plays (see the module docstring)."""
        for index, channel in enumerate(self._channels):
            envelope = channel.envelope
            if channel.track is None or envelope is None or not envelope.held:
                continue
            if not envelope.rising:
                continue
            position = channel.deck.position()
            sounding = position is not None and position > 0.0
            if not sounding and now - envelope.begins < START_TIMEOUT_SECONDS:
                continue
            envelope.release(now)
            partner = self._channels[self._other(index)]
            if partner.envelope is not None and partner.envelope.held:
                remaining = self._remaining(partner)
                seconds = envelope.seconds if remaining is None else min(envelope.seconds,
                                                                          remaining)
                partner.envelope.release(now, max(seconds, TICK_SECONDS))

    def _apply(self, channel: _Channel, now: float, gain: float) -> None:
        if channel.track is None:
            return
        units = self._policy.units_for(self._volume.value(now), gain)
        if units != channel.units:
            channel.deck.set_volume(units)
            channel.units = units
        if channel.envelope is not None and channel.envelope.done(now):
            self._finish_envelope(channel)

    def _finish_envelope(self, channel: _Channel) -> None:
        after, channel.after = channel.after, After.NOTHING
        if after is After.PAUSE:
            channel.deck.pause()
        elif after is After.STOP:
            channel.deck.stop()
            channel.track = None
            channel.units = -1
            channel.started = False
        if channel.envelope is not None and channel.envelope.rising:
            channel.envelope = None

    def _next_delay(self, now: float) -> float | None:
        moving = not self._volume.done(now) or not self._duck.done(now) or any(
            c.track is not None and c.envelope is not None and not c.envelope.done(now)
            for c in self._channels
        ) or any(c.after is not After.NOTHING for c in self._channels)
        if moving:
            return TICK_SECONDS
        if self._state is not MixerState.PLAYING:
            return None
        lead = self._seconds_to_crossfade()
        if lead is None:
            return WATCH_SECONDS
        return clamp(lead, TICK_SECONDS, WATCH_SECONDS)

    def _remaining(self, channel: _Channel) -> float | None:
        position, length = channel.deck.position(), channel.deck.length()
        if position is None or not length:
            return None
        if position > 0.0:
            channel.started = True
            self._errors_in_a_row = 0
        return max(0.0, length - position)

    def _crossfade_window(self) -> float:
        # A zero crossfade still hands over one tick early, so the next track follows directly.
        return max(self._fades.crossfade_seconds, TICK_SECONDS) + START_LEAD_SECONDS

    def _seconds_to_crossfade(self) -> float | None:
        remaining = self._remaining(self._channels[self._active])
        if remaining is None:
            return None
        return remaining - self._crossfade_window()

    def _watch_for_crossfade(self, now: float) -> None:
        if self._state is not MixerState.PLAYING:
            return
        active = self._channels[self._active]
        if active.after is not After.NOTHING or not active.started:
            self._remaining(active)
            return
        remaining = self._remaining(active)
        if remaining is None or remaining > self._crossfade_window():
            return
        self._crossfade(now, remaining)

    def _crossfade(self, now: float, remaining: float) -> None:
        outgoing = self._channels[self._active]
        track = self._next_track()
        seconds = min(self._fades.crossfade_seconds, max(0.0, remaining - START_LEAD_SECONDS))
        if track is None:
            self._fade_out(outgoing, now, max(remaining, TICK_SECONDS), After.STOP, Curve.FALL)
            self._state = MixerState.STOPPED
            self._on_change()
            return
        # Held until the incoming deck sounds; then both move together (see _release_held).
        self._fade_out(outgoing, now, max(seconds, TICK_SECONDS), After.STOP, Curve.CROSS_OUT)
        assert outgoing.envelope is not None
        outgoing.envelope.held = True
        self._start(self._other(self._active), track, Curve.CROSS_IN, seconds, now)
        self._on_change()

    # Deck events (already on the Qt thread).

    def _ended(self, index: int) -> None:
        channel = self._channels[index]
        if channel.track is None:
            return
        was_active = index == self._active and channel.after is After.NOTHING
        if not channel.started:
            # A file that ends before it ever played is as broken as one that reports an error.
            self._errors_in_a_row += 1
        channel.track, channel.envelope, channel.units = None, None, -1
        channel.after, channel.started = After.NOTHING, False
        if was_active and self._state is MixerState.PLAYING:
            # The length was unknown or the position never got close: follow on from here.
            self._follow_on()

    def _error(self, index: int, reason: str) -> None:
        channel = self._channels[index]
        title = channel.track.title if channel.track else ""
        log.warning("skipped unplayable track title=%s reason=%s", title, reason)
        channel.started = False
        self._ended(index)

    def _follow_on(self) -> None:
        track = None if self._errors_in_a_row >= MAX_ERRORS_IN_A_ROW else self._next_track()
        if track is None:
            if self._errors_in_a_row >= MAX_ERRORS_IN_A_ROW:
                log.warning("stopped music after errors count=%d", self._errors_in_a_row)
            self._state = MixerState.STOPPED
            self._on_change()
            return
        now = self._clock.monotonic()
        self._start(self._other(self._active), track, Curve.RISE, self._fades.fade_in_seconds, now)
        self._on_change()

    # Helpers.

    def _start(self, index: int, track: Track, curve: Curve, seconds: float, now: float) -> None:
        channel = self._channels[index]
        if channel.track is not None:
            channel.deck.stop()
        channel.track, channel.after, channel.started = track, After.NOTHING, False
        channel.envelope = Envelope(curve, now, seconds, 0.0, 1.0, held=True)
        # Silence before the first sample: the fade starts from nothing, never from a default.
        channel.deck.set_volume(0)
        channel.units = 0
        channel.deck.load(track.path)
        channel.deck.play()
        self._active = index

    def _fade_all_out(self, now: float, seconds: float) -> None:
        for channel in self._channels:
            self._fade_out(channel, now, seconds, After.STOP)

    def _fade_out(self, channel: _Channel, now: float, seconds: float, after: After,
                  curve: Curve = Curve.FALL) -> None:
        if channel.track is None:
            return
        start = channel.gain(now)
        channel.envelope = Envelope(curve, now, seconds, 0.0, start)
        channel.after = after

    def _other(self, index: int) -> int:
        return 1 - index
