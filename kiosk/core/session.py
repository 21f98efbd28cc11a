"""The session timer: a session that survives restarts and clock steps, run from a template
(kiosk/core/templates.py).

How the two clocks meet (see also kiosk/core/clock.py):

* Within one run, time is measured only with `monotonic()`. The model keeps an anchor: the active
  (unpaused) seconds already elapsed when it last started counting, and the monotonic time of that
  moment. Elapsed = anchor elapsed + (monotonic now - monotonic anchor) while running; pausing folds
  the running part into the anchor. A wall-clock step (NTP) inside a run changes nothing.
* On disk we keep wall times, because monotonic time restarts with each process. Every save holds
  the elapsed seconds at that moment and the wall time of the save. On restore, the seconds the
  room was off are wall now - wall at save, clamped to >= 0 (a running session keeps counting while
  the tablet is off, because the infusion does; a paused one does not).
* A wall step that happens while the room runs would be counted on the next restore if the last
  save predates it. So `poll()` compares wall and monotonic progress since the last save and saves
  at once when they disagree by more than WALL_STEP_TOLERANCE_SECONDS, and in any case saves every
  `checkpoint_seconds` while running. A restart can therefore count at most a step that happened
  in the last poll interval (about 5 s) before the process died.
* A file saved more than FUTURE_TOLERANCE_SECONDS "in the future" is not trusted (a clock that
  went far back, or a file from elsewhere): it is discarded with a log line. A smaller backward
  step is taken as a clock correction and counts the time off as zero, which errs on the side of
  showing more time left rather than announcing the end of an infusion early.

All public methods run on the caller's thread (the Qt thread in the app); nothing here blocks
except the store's save.
"""

from __future__ import annotations

import copy
import enum
import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from kiosk.core.clock import Clock
from kiosk.core.templates import Phase, SessionTemplate

log = logging.getLogger(__name__)

STATE_VERSION = 1
WALL_STEP_TOLERANCE_SECONDS = 2.0
FUTURE_TOLERANCE_SECONDS = 300.0
# A session saved this long ago belongs to an earlier day's patient: restoring it would show a
# stranger's session and announce an infusion that ended long ago.
STALE_AFTER_SECONDS = 12 * 3600.0
DEFAULT_CHECKPOINT_SECONDS = 60.0


class SessionState(enum.Enum):
    NONE = "none"
    RUNNING = "running"
    PAUSED = "paused"
    ENDED = "ended"


@dataclass(frozen=True)
class PhaseChanged:
    """A new phase began: the app may suggest its playlist, highlight topics, dim the screen."""

    template_id: str
    template_name: str
    index: int
    phase: Phase


@dataclass(frozen=True)
class InfusionComplete:
    """The infusion phase's time ran out. `late` is true when it ran out while the room was off."""

    template_id: str
    template_name: str
    phase_id: str
    phase_name: str
    ended_at: float
    late: bool = False


@dataclass(frozen=True)
class SessionEnded:
    template_id: str
    template_name: str
    ended_at: float
    early: bool


SessionEvent = PhaseChanged | InfusionComplete | SessionEnded


@dataclass(frozen=True)
class SessionView:
    """Everything a screen shows about the session, computed at one instant."""

    state: SessionState
    template_id: str = ""
    template_name: str = ""
    phase_index: int = -1
    phase_count: int = 0
    phase: Phase | None = None
    next_phase: Phase | None = None
    phase_remaining_seconds: float = 0.0
    remaining_seconds: float = 0.0
    elapsed_seconds: float = 0.0
    phase_progress: float = 0.0
    total_progress: float = 0.0
    infusion_complete: bool = False


class SessionStore(Protocol):
    """Where the session survives a restart. `save` may raise OSError; the model carries on."""

    def load(self) -> dict[str, Any] | None: ...

    def save(self, state: dict[str, Any]) -> None: ...

    def clear(self) -> None: ...


class MemorySessionStore:
    """A store that forgets on restart: for tests, and for a room whose state dir is unusable."""

    def __init__(self) -> None:
        self._state: dict[str, Any] | None = None

    def load(self) -> dict[str, Any] | None:
        return copy.deepcopy(self._state)

    def save(self, state: dict[str, Any]) -> None:
        self._state = copy.deepcopy(state)

    def clear(self) -> None:
        self._state = None


def whole_minutes_left(seconds: float) -> int:
    """Minutes to show for `seconds` left: 0 means "less than a minute".

    Rounds to the nearest minute, halves up, so 24 min 40 s reads "about 25" and 90 s "about 2";
    under a minute never rounds up to "1", so the last minute is always called out as such.
    """
    if seconds < 60:
        return 0
    return int(math.floor(seconds / 60 + 0.5))


@dataclass
class _Session:
    template: SessionTemplate
    durations: list[float]
    started_at_wall: float
    state: SessionState
    anchor_elapsed: float
    anchor_mono: float
    frozen_at_wall: float = 0.0
    ended_early: bool = False
    announced_phase_index: int = -1
    infusion_announced: bool = False
    end_announced: bool = False
    restored_at_wall: float | None = None
    saved_mono: float = 0.0
    saved_wall: float = 0.0
    ends: list[float] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.recompute_ends()

    def recompute_ends(self) -> None:
        total = 0.0
        self.ends = []
        for seconds in self.durations:
            total += seconds
            self.ends.append(total)

    @property
    def total(self) -> float:
        return self.ends[-1]

    @property
    def infusion_end(self) -> float:
        return self.ends[self.template.infusion_index]

    def phase_index_at(self, elapsed: float) -> int:
        for i, end in enumerate(self.ends):
            if elapsed < end:
                return i
        return len(self.ends) - 1


class SessionModel:
    """One room's session. Call `poll()` every few seconds and after each nurse action."""

    def __init__(self, clock: Clock, store: SessionStore,
                 checkpoint_seconds: float = DEFAULT_CHECKPOINT_SECONDS) -> None:
        self._clock = clock
        self._store = store
        self._checkpoint_seconds = checkpoint_seconds
        self._session: _Session | None = None
        self._restore()

    # ---- nurse actions -------------------------------------------------------------------

    def start(self, template: SessionTemplate, infusion_minutes: int | None = None) -> None:
        """Start a fresh session, replacing any previous one. Raises ValueError on a bad length."""
        minutes = [float(p.minutes) for p in template.phases]
        if infusion_minutes is not None:
            if not template.min_minutes <= infusion_minutes <= template.max_minutes:
                raise ValueError(
                    f"infusion length must be {template.min_minutes} to {template.max_minutes} "
                    f"minutes (got {infusion_minutes})")
            minutes[template.infusion_index] = float(infusion_minutes)
        self._session = _Session(
            template=template, durations=[m * 60 for m in minutes],
            started_at_wall=self._clock.wall(), state=SessionState.RUNNING,
            anchor_elapsed=0.0, anchor_mono=self._clock.monotonic())
        log.info("session started template=%s infusion_minutes=%s",
                 template.id, minutes[template.infusion_index])
        self._save()

    def pause(self) -> bool:
        s = self._settled()
        if s is None or s.state is not SessionState.RUNNING:
            return False
        self._freeze(s, SessionState.PAUSED)
        log.info("session paused template=%s elapsed_seconds=%.0f", s.template.id,
                 s.anchor_elapsed)
        self._save()
        return True

    def resume(self) -> bool:
        s = self._settled()
        if s is None or s.state is not SessionState.PAUSED:
            return False
        s.state = SessionState.RUNNING
        s.anchor_mono = self._clock.monotonic()
        log.info("session resumed template=%s", s.template.id)
        self._save()
        return True

    def extend(self, minutes: int) -> bool:
        """Add minutes to the current phase; later phases keep their length."""
        s = self._settled()
        if s is None or s.state not in (SessionState.RUNNING, SessionState.PAUSED):
            return False
        if minutes < 1:
            raise ValueError(f"extend by 1 minute or more (got {minutes})")
        index = s.phase_index_at(self._elapsed(s))
        s.durations[index] += minutes * 60.0
        s.recompute_ends()
        log.info("session extended template=%s phase=%s minutes=%d", s.template.id,
                 s.template.phases[index].id, minutes)
        self._save()
        return True

    def end(self) -> bool:
        """End early (the nurse stopped the session)."""
        s = self._settled()
        if s is None or s.state is SessionState.ENDED:
            return False
        self._freeze(s, SessionState.ENDED)
        s.ended_early = True
        log.info("session ended early template=%s elapsed_seconds=%.0f", s.template.id,
                 s.anchor_elapsed)
        self._save()
        return True

    def reset(self) -> None:
        """Forget the session (next patient)."""
        self._session = None
        try:
            self._store.clear()
        except OSError as e:
            log.warning("could not clear saved session reason=%s", e)
        log.info("session reset")

    # ---- reading ------------------------------------------------------------------------

    @property
    def restored(self) -> bool:
        """True when the current session came back from the store at start-up."""
        return self._session is not None and self._session.restored_at_wall is not None

    def poll(self) -> list[SessionEvent]:
        """Detect boundaries; return each event once, across restarts too."""
        s = self._settled()
        if s is None:
            return []
        events: list[SessionEvent] = []
        elapsed = self._elapsed(s)
        template = s.template
        if not s.infusion_announced and elapsed >= s.infusion_end:
            s.infusion_announced = True
            events.append(self._infusion_complete(s))
        index = s.phase_index_at(elapsed)
        if s.state is not SessionState.ENDED and index > s.announced_phase_index:
            s.announced_phase_index = index
            events.append(PhaseChanged(template.id, template.name, index,
                                       template.phases[index]))
        if s.state is SessionState.ENDED and not s.end_announced:
            s.end_announced = True
            events.append(SessionEnded(template.id, template.name, s.frozen_at_wall,
                                       s.ended_early))
        # Flags are saved before the caller acts on the events: a crash in between loses an
        # announcement rather than repeating one; the call outbox makes station messages durable.
        if events or self._checkpoint_due(s):
            self._save()
        return events

    def view(self) -> SessionView:
        s = self._session
        if s is None:
            return SessionView(SessionState.NONE)
        elapsed = min(self._elapsed(s), s.total)
        index = s.phase_index_at(elapsed)
        phases = s.template.phases
        phase_start = s.ends[index] - s.durations[index]
        return SessionView(
            state=s.state,
            template_id=s.template.id,
            template_name=s.template.name,
            phase_index=index,
            phase_count=len(phases),
            phase=phases[index],
            next_phase=phases[index + 1] if index + 1 < len(phases) else None,
            phase_remaining_seconds=s.ends[index] - elapsed,
            remaining_seconds=s.total - elapsed,
            elapsed_seconds=elapsed,
            phase_progress=_fraction(elapsed - phase_start, s.durations[index]),
            total_progress=_fraction(elapsed, s.total),
            infusion_complete=elapsed >= s.infusion_end,
        )

    # ---- time ---------------------------------------------------------------------------

    def _elapsed(self, s: _Session) -> float:
        if s.state is SessionState.RUNNING:
            return s.anchor_elapsed + (self._clock.monotonic() - s.anchor_mono)
        return s.anchor_elapsed

    def _freeze(self, s: _Session, state: SessionState) -> None:
        s.anchor_elapsed = self._elapsed(s)
        s.frozen_at_wall = self._clock.wall()
        s.state = state

    def _settled(self) -> _Session | None:
        """Move a session whose time ran out to ENDED, dated when it ran out, not now."""
        s = self._session
        if s is None or s.state is not SessionState.RUNNING:
            return s
        overrun = self._elapsed(s) - s.total
        if overrun < 0:
            return s
        s.state = SessionState.ENDED
        s.anchor_elapsed = s.total
        s.frozen_at_wall = self._clock.wall() - overrun
        log.info("session time complete template=%s", s.template.id)
        self._save()
        return s

    def _wall_at_elapsed(self, s: _Session, elapsed: float) -> float:
        if s.state is SessionState.RUNNING:
            return self._clock.wall() - (self._elapsed(s) - elapsed)
        return s.frozen_at_wall - (s.anchor_elapsed - elapsed)

    def _infusion_complete(self, s: _Session) -> InfusionComplete:
        phase = s.template.phases[s.template.infusion_index]
        ended_at = self._wall_at_elapsed(s, s.infusion_end)
        late = s.restored_at_wall is not None and ended_at < s.restored_at_wall
        log.info("infusion time complete template=%s late=%s", s.template.id, late)
        return InfusionComplete(s.template.id, s.template.name, phase.id, phase.name,
                                ended_at, late)

    def _checkpoint_due(self, s: _Session) -> bool:
        if s.state is not SessionState.RUNNING:
            return False
        mono_delta = self._clock.monotonic() - s.saved_mono
        wall_delta = self._clock.wall() - s.saved_wall
        if abs(wall_delta - mono_delta) > WALL_STEP_TOLERANCE_SECONDS:
            log.info("wall clock stepped step_seconds=%.0f", wall_delta - mono_delta)
            return True
        return mono_delta >= self._checkpoint_seconds

    # ---- persistence --------------------------------------------------------------------

    def _save(self) -> None:
        s = self._session
        if s is None:
            return
        s.saved_mono = self._clock.monotonic()
        s.saved_wall = self._clock.wall()
        try:
            self._store.save(_to_dict(s, self._elapsed(s), s.saved_wall))
        except OSError as e:
            # The timer keeps working from memory; only a restart would lose it.
            log.warning("could not save session reason=%s", e)

    def _restore(self) -> None:
        try:
            data = self._store.load()
        except OSError as e:
            log.warning("could not read saved session reason=%s", e)
            return
        if data is None:
            return
        try:
            s = self._from_dict(data)
        except (KeyError, TypeError, ValueError, AttributeError) as e:
            log.warning("discarded saved session, starting with none reason=%s", e)
            self.reset()
            return
        self._session = s
        log.info("session restored template=%s state=%s elapsed_seconds=%.0f",
                 s.template.id, s.state.value, s.anchor_elapsed)
        self._save()

    def _from_dict(self, data: dict[str, Any]) -> _Session:
        if data.get("version") != STATE_VERSION:
            raise ValueError(f"unknown state version {data.get('version')!r}")
        now = self._clock.wall()
        saved_at = _number(data, "saved_at_wall")
        if saved_at - now > FUTURE_TOLERANCE_SECONDS:
            raise ValueError(f"saved {saved_at - now:.0f} s in the future")
        if now - saved_at > STALE_AFTER_SECONDS:
            raise ValueError(f"saved {(now - saved_at) / 3600:.1f} h ago, too old to resume")
        template = _template_from_dict(data["template"])
        durations = [float(d) for d in data["durations_seconds"]]
        if len(durations) != len(template.phases) or min(durations) <= 0:
            raise ValueError("phase durations do not match the phases")
        state = SessionState(data["state"])
        if state is SessionState.NONE:
            raise ValueError("a saved session cannot be in state none")
        elapsed = _number(data, "elapsed_seconds")
        if elapsed < 0:
            raise ValueError("negative elapsed time")
        if state is SessionState.RUNNING:
            elapsed += max(0.0, now - saved_at)
        return _Session(
            template=template, durations=durations,
            started_at_wall=_number(data, "started_at_wall"), state=state,
            anchor_elapsed=elapsed, anchor_mono=self._clock.monotonic(),
            frozen_at_wall=_number(data, "frozen_at_wall"),
            ended_early=_flag(data, "ended_early"),
            announced_phase_index=int(data["announced_phase_index"]),
            infusion_announced=_flag(data, "infusion_announced"),
            end_announced=_flag(data, "end_announced"),
            restored_at_wall=now,
        )


def _fraction(part: float, whole: float) -> float:
    return max(0.0, min(1.0, part / whole))


def _number(data: dict[str, Any], key: str) -> float:
    value = data[key]
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise TypeError(f"{key} must be a number (got {value!r})")
    return float(value)


def _flag(data: dict[str, Any], key: str) -> bool:
    value = data[key]
    if not isinstance(value, bool):
        raise TypeError(f"{key} must be true or false (got {value!r})")
    return value


def _to_dict(s: _Session, elapsed: float, now_wall: float) -> dict[str, Any]:
    return {
        "version": STATE_VERSION,
        "template": _template_to_dict(s.template),
        "durations_seconds": list(s.durations),
        "state": s.state.value,
        "started_at_wall": s.started_at_wall,
        "elapsed_seconds": elapsed,
        "saved_at_wall": now_wall,
        "frozen_at_wall": s.frozen_at_wall,
        "ended_early": s.ended_early,
        "announced_phase_index": s.announced_phase_index,
        "infusion_announced": s.infusion_announced,
        "end_announced": s.end_announced,
    }


def _template_to_dict(t: SessionTemplate) -> dict[str, Any]:
    return {
        "id": t.id, "name": t.name, "nurse_sets_length": t.nurse_sets_length,
        "min_minutes": t.min_minutes, "max_minutes": t.max_minutes,
        "phases": [
            {"id": p.id, "name": p.name, "minutes": p.minutes, "description": p.description,
             "infusion": p.infusion, "playlist": p.playlist,
             "guide_topics": list(p.guide_topics), "rest_mode": p.rest_mode,
             "fade_music_at_end": p.fade_music_at_end}
            for p in t.phases
        ],
    }


def _template_from_dict(data: dict[str, Any]) -> SessionTemplate:
    phases = tuple(
        Phase(id=str(p["id"]), name=str(p["name"]), minutes=int(p["minutes"]),
              description=str(p["description"]), infusion=_flag(p, "infusion"),
              playlist=str(p["playlist"]), guide_topics=tuple(str(g) for g in p["guide_topics"]),
              rest_mode=_flag(p, "rest_mode"), fade_music_at_end=_flag(p, "fade_music_at_end"))
        for p in data["phases"]
    )
    return SessionTemplate(
        id=str(data["id"]), name=str(data["name"]), phases=phases,
        nurse_sets_length=_flag(data, "nurse_sets_length"),
        min_minutes=int(data["min_minutes"]), max_minutes=int(data["max_minutes"]))


def template_by_id(templates: Sequence[SessionTemplate],
                   template_id: str) -> SessionTemplate | None:
    return next((t for t in templates if t.id == template_id), None)
