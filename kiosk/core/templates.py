"""Session templates and their phases: what clinic.yaml says a session is.

Plain data, kept apart from the session model (kiosk/core/session.py) so that the configuration
can be read back before the room's first frame without building the model's classes too.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Phase:
    id: str
    name: str
    minutes: int
    description: str
    infusion: bool = False
    playlist: str = ""
    guide_topics: tuple[str, ...] = ()
    rest_mode: bool = False
    fade_music_at_end: bool = False

    def __post_init__(self) -> None:
        if not self.id:
            raise ValueError("phase id must not be empty")
        if self.minutes < 1:
            raise ValueError(f"phase {self.id}: minutes must be 1 or more (got {self.minutes})")


@dataclass(frozen=True)
class SessionTemplate:
    id: str
    name: str
    phases: tuple[Phase, ...]
    nurse_sets_length: bool = False
    min_minutes: int = 10
    max_minutes: int = 600

    def __post_init__(self) -> None:
        if not self.phases:
            raise ValueError(f"template {self.id}: needs at least one phase")
        ids = [p.id for p in self.phases]
        if len(set(ids)) != len(ids):
            raise ValueError(f"template {self.id}: phase ids must be unique (got {ids})")
        infusions = [p for p in self.phases if p.infusion]
        if len(infusions) != 1:
            raise ValueError(
                f"template {self.id}: exactly one phase must be the infusion "
                f"(got {len(infusions)})")
        if not 1 <= self.min_minutes <= self.max_minutes:
            raise ValueError(f"template {self.id}: needs 1 <= min_minutes <= max_minutes")

    @property
    def infusion_index(self) -> int:
        return next(i for i, p in enumerate(self.phases) if p.infusion)

    @property
    def infusion_phase(self) -> Phase:
        return self.phases[self.infusion_index]

    @property
    def default_infusion_minutes(self) -> int:
        return self.phases[self.infusion_index].minutes
