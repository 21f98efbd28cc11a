"""Session timer behaviour within one run: transitions, arithmetic, boundaries, events."""

from __future__ import annotations

import pytest

from kiosk.core.clock import FakeClock
from kiosk.core.session import (
    InfusionComplete,
    MemorySessionStore,
    PhaseChanged,
    SessionEnded,
    SessionModel,
    SessionState,
    whole_minutes_left,
)
from kiosk.core.templates import Phase, SessionTemplate

KETAMINE = SessionTemplate(
    id="ketamine-40", name="Ketamine 40 min",
    phases=(
        Phase("settle", "Settling in", 5, "Get comfortable.", playlist="calm",
              guide_topics=("what-to-expect",)),
        Phase("infusion", "Infusion", 40, "Feelings may build.", infusion=True,
              playlist="deep", rest_mode=True, fade_music_at_end=True),
        Phase("rest", "Resting", 20, "Effects fade.", guide_topics=("after",)),
    ),
    nurse_sets_length=True, min_minutes=20, max_minutes=120,
)
MIN = 60.0


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def model(clock: FakeClock) -> SessionModel:
    return SessionModel(clock, MemorySessionStore())


def test_no_session_shows_nothing_and_announces_nothing(model: SessionModel) -> None:
    assert model.view().state is SessionState.NONE
    assert model.poll() == []
    assert not model.pause() and not model.resume() and not model.extend(5) and not model.end()


def test_start_shows_first_phase_and_announces_it_once(model: SessionModel) -> None:
    model.start(KETAMINE)
    view = model.view()
    assert view.state is SessionState.RUNNING
    assert view.template_name == "Ketamine 40 min"
    assert (view.phase_index, view.phase_count) == (0, 3)
    assert view.phase is not None and view.phase.name == "Settling in"
    assert view.next_phase is not None and view.next_phase.id == "infusion"
    assert view.phase_remaining_seconds == 5 * MIN
    assert view.remaining_seconds == 65 * MIN
    events = model.poll()
    assert [type(e) for e in events] == [PhaseChanged]
    assert isinstance(events[0], PhaseChanged) and events[0].phase.playlist == "calm"
    assert model.poll() == []


def test_time_left_follows_the_clock_not_the_number_of_polls(
        model: SessionModel, clock: FakeClock) -> None:
    model.start(KETAMINE)
    clock.advance(2 * MIN)
    assert model.view().phase_remaining_seconds == 3 * MIN
    for _ in range(50):
        model.poll()
    assert model.view().phase_remaining_seconds == 3 * MIN
    assert model.view().phase_progress == pytest.approx(2 / 5)
    assert model.view().total_progress == pytest.approx(2 / 65)


def test_pause_freezes_time_and_resume_continues_where_it_stopped(
        model: SessionModel, clock: FakeClock) -> None:
    model.start(KETAMINE)
    clock.advance(3 * MIN)
    assert model.pause()
    assert not model.pause()
    clock.advance(10 * MIN)
    view = model.view()
    assert view.state is SessionState.PAUSED
    assert view.elapsed_seconds == 3 * MIN
    assert model.resume()
    assert not model.resume()
    clock.advance(1 * MIN)
    assert model.view().elapsed_seconds == 4 * MIN
    assert model.view().state is SessionState.RUNNING


def test_a_pause_does_not_count_towards_a_phase_boundary(
        model: SessionModel, clock: FakeClock) -> None:
    model.start(KETAMINE)
    model.poll()
    clock.advance(4 * MIN)
    model.pause()
    clock.advance(30 * MIN)
    assert model.poll() == []
    model.resume()
    clock.advance(1 * MIN)
    events = model.poll()
    assert [e.phase.id for e in events if isinstance(e, PhaseChanged)] == ["infusion"]


def test_phase_boundary_announces_next_phase_with_its_suggestions(
        model: SessionModel, clock: FakeClock) -> None:
    model.start(KETAMINE)
    model.poll()
    clock.advance(5 * MIN - 1)
    assert model.poll() == []
    assert model.view().phase_index == 0
    clock.advance(1)
    events = model.poll()
    assert len(events) == 1 and isinstance(events[0], PhaseChanged)
    assert events[0].index == 1
    assert events[0].phase.rest_mode and events[0].phase.playlist == "deep"
    assert model.view().phase is not None and model.view().phase.id == "infusion"
    assert model.poll() == []


def test_infusion_end_announces_completion_once_with_when_it_ended(
        model: SessionModel, clock: FakeClock) -> None:
    model.start(KETAMINE)
    start_wall = clock.wall()
    model.poll()
    clock.advance(45 * MIN + 30)
    events = model.poll()
    complete = [e for e in events if isinstance(e, InfusionComplete)]
    assert len(complete) == 1
    assert complete[0].ended_at == start_wall + 45 * MIN
    assert (complete[0].template_name, complete[0].phase_id) == ("Ketamine 40 min", "infusion")
    assert not complete[0].late
    assert [e.phase.id for e in events if isinstance(e, PhaseChanged)] == ["rest"]
    assert model.view().infusion_complete
    clock.advance(MIN)
    assert model.poll() == []


def test_session_ends_by_itself_when_time_is_up(model: SessionModel, clock: FakeClock) -> None:
    model.start(KETAMINE)
    start_wall = clock.wall()
    model.poll()
    clock.advance(44 * MIN)
    model.poll()
    clock.advance(30 * MIN)
    events = model.poll()
    assert [type(e) for e in events] == [InfusionComplete, SessionEnded]
    ended = events[1]
    assert isinstance(ended, SessionEnded) and not ended.early
    assert ended.ended_at == start_wall + 65 * MIN
    view = model.view()
    assert view.state is SessionState.ENDED
    assert view.total_progress == 1.0 and view.remaining_seconds == 0
    assert model.poll() == []
    assert not model.pause() and not model.extend(5)


def test_ending_early_does_not_claim_the_infusion_is_complete(
        model: SessionModel, clock: FakeClock) -> None:
    model.start(KETAMINE)
    clock.advance(10 * MIN)
    assert model.end()
    assert not model.end()
    clock.advance(60 * MIN)
    events = model.poll()
    assert [type(e) for e in events] == [SessionEnded]
    assert isinstance(events[0], SessionEnded) and events[0].early
    view = model.view()
    assert view.state is SessionState.ENDED and not view.infusion_complete
    assert view.elapsed_seconds == 10 * MIN


def test_extend_lengthens_only_the_current_phase(model: SessionModel, clock: FakeClock) -> None:
    model.start(KETAMINE)
    clock.advance(20 * MIN)
    assert model.extend(10)
    view = model.view()
    assert view.phase is not None and view.phase.id == "infusion"
    assert view.phase_remaining_seconds == 35 * MIN
    assert view.remaining_seconds == 55 * MIN
    clock.advance(30 * MIN)
    assert not any(isinstance(e, InfusionComplete) for e in model.poll())
    clock.advance(5 * MIN)
    assert any(isinstance(e, InfusionComplete) for e in model.poll())


def test_extend_while_paused_adds_time_and_keeps_the_pause(
        model: SessionModel, clock: FakeClock) -> None:
    model.start(KETAMINE)
    model.pause()
    assert model.extend(5)
    assert model.view().state is SessionState.PAUSED
    assert model.view().phase_remaining_seconds == 10 * MIN


def test_extend_by_zero_is_refused(model: SessionModel) -> None:
    model.start(KETAMINE)
    with pytest.raises(ValueError, match="1 minute or more"):
        model.extend(0)


def test_nurse_chosen_infusion_length_replaces_the_template_length(
        model: SessionModel, clock: FakeClock) -> None:
    model.start(KETAMINE, infusion_minutes=60)
    assert model.view().remaining_seconds == 85 * MIN
    clock.advance(64 * MIN)
    assert not any(isinstance(e, InfusionComplete) for e in model.poll())
    clock.advance(1 * MIN)
    assert any(isinstance(e, InfusionComplete) for e in model.poll())


@pytest.mark.parametrize("minutes", [19, 121])
def test_infusion_length_outside_the_template_limits_is_refused(
        model: SessionModel, minutes: int) -> None:
    with pytest.raises(ValueError, match="20 to 120"):
        model.start(KETAMINE, infusion_minutes=minutes)
    assert model.view().state is SessionState.NONE


def test_reset_clears_the_session_for_the_next_patient(model: SessionModel) -> None:
    model.start(KETAMINE)
    model.reset()
    assert model.view().state is SessionState.NONE
    assert model.poll() == []


def test_starting_again_replaces_the_old_session_and_announces_afresh(
        model: SessionModel, clock: FakeClock) -> None:
    model.start(KETAMINE)
    clock.advance(50 * MIN)
    model.poll()
    model.start(KETAMINE)
    events = model.poll()
    assert [type(e) for e in events] == [PhaseChanged]
    assert model.view().elapsed_seconds == 0


def test_wall_clock_steps_within_a_run_neither_add_nor_lose_time(
        model: SessionModel, clock: FakeClock) -> None:
    model.start(KETAMINE)
    clock.advance(10 * MIN)
    clock.jump_wall(+3600)
    model.poll()
    assert model.view().elapsed_seconds == 10 * MIN
    clock.jump_wall(-7200)
    clock.advance(1 * MIN)
    model.poll()
    assert model.view().elapsed_seconds == 11 * MIN


@pytest.mark.parametrize(("seconds", "minutes"), [
    (0, 0), (59.9, 0), (60, 1), (89, 1), (90, 2), (24 * 60 + 40, 25), (25 * 60, 25),
])
def test_minutes_left_reads_as_whole_minutes(seconds: float, minutes: int) -> None:
    assert whole_minutes_left(seconds) == minutes


def test_template_without_an_infusion_phase_is_rejected() -> None:
    with pytest.raises(ValueError, match="exactly one phase must be the infusion"):
        SessionTemplate("t", "T", (Phase("a", "A", 5, "x"),))
