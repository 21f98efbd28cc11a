"""The session's events in the room: rest mode per phase, the soft end-of-infusion cue through
real libVLC (into a private PulseAudio null sink), the nurse-slot test hook, the restore line."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from kiosk.adapters.cues import SESSION_END_CUE, CuePlayer
from kiosk.app.room import apply_test_hooks, assemble_room
from kiosk.app.shell import create_gui_app
from kiosk.core.clock import FakeClock
from kiosk.core.session import MemorySessionStore, SessionModel, SessionStore
from kiosk.qt.dispatch import Dispatcher
from kiosk.qt.session import SessionController
from kiosk.screenshots.fakes import offline_parts
from kiosk.settings import load_config
from tests.audio.conftest import pulse  # noqa: F401 - the fixture
from tests.support import need

MIN = 60.0
CONFIG = load_config(None, {})
TEMPLATES = list(CONFIG.clinic.session_templates)


class _RecordingCue:
    problem = None

    def __init__(self, played: list[str]) -> None:
        self._played = played

    def play(self) -> None:
        self._played.append("cue")

    def release(self) -> None:
        """Nothing to release."""


class Room:
    """The room as the app assembles it, on a fake clock, with the end cue recorded."""

    def __init__(self, qtbot: QtBot) -> None:
        create_gui_app()
        self.clock = FakeClock()
        self.store: SessionStore = MemorySessionStore()
        self.cues: list[str] = []
        self.dispatcher = Dispatcher()
        self.assembled = self._assemble()
        self.room = self.assembled.room
        self.session = self.assembled.session

    def _assemble(self) -> Any:
        parts = offline_parts(self.dispatcher.post, self.clock, with_audio=False,
                              scan=lambda playlists, music: None)
        parts.session_store = self.store
        parts.cue = lambda name: _RecordingCue(self.cues) if name == "session end" else None
        return assemble_room(CONFIG, CONFIG.rooms[0], parts, self.dispatcher.post)

    def restart(self) -> SessionController:
        """The room assembled anew on the same session file and clock, as after a restart."""
        self.restarted = self._assemble()
        session: SessionController = self.restarted.session
        return session

    def controller(self) -> SessionController:
        return SessionController(SessionModel(self.clock, self.store), TEMPLATES,
                                 poll_interval_ms=3_600_000)

    def later(self, seconds: float) -> None:
        self.clock.advance(seconds)
        self.session.refresh()


@pytest.fixture
def room(qtbot: QtBot) -> Room:
    return Room(qtbot)


def test_a_rest_mode_phase_darkens_the_screen_once_and_the_patient_can_wake_it(
        room: Room) -> None:
    room.session.start("ketamine-40", 0)
    room.later(44 * MIN)
    assert not room.room.restMode
    room.later(1 * MIN + 5)  # the "Resting" phase says rest_mode
    assert room.room.restMode
    room.room.wake()
    room.later(5 * MIN)
    assert not room.room.restMode


def test_the_end_of_the_infusion_plays_the_cue_once(room: Room) -> None:
    room.session.start("ketamine-40", 0)
    room.later(44 * MIN)
    assert room.cues == []
    room.later(1 * MIN + 5)
    room.later(10 * MIN)
    assert room.cues == ["cue"]


def test_an_infusion_that_ended_while_the_room_was_off_gives_no_cue(room: Room) -> None:
    room.session.start("ketamine-40", 0)
    room.later(30 * MIN)
    room.clock.jump_wall(30 * MIN)  # the tablet was off for half an hour
    restarted = room.restart()
    restarted.refresh()
    assert restarted.phaseName == "Resting"
    assert room.cues == []


def test_the_test_hook_starts_a_session_through_the_nurse_slot_and_only_when_asked(
        room: Room, caplog: pytest.LogCaptureFixture) -> None:
    assert not apply_test_hooks(room.assembled, {})
    assert not apply_test_hooks(room.assembled, {"KIOSK_TEST_START_SESSION": "ketamine-40"})
    assert room.session.sessionState == "none"
    with caplog.at_level(logging.INFO):
        assert apply_test_hooks(room.assembled, {"KIOSK_TEST_HOOKS": "1",
                                                 "KIOSK_TEST_START_SESSION": "ketamine-40"})
    assert room.session.active and room.session.phaseName == "Settling in"
    assert "session started by test hook template=ketamine-40" in caplog.text


def test_a_restored_session_says_its_phase_and_minutes_left_in_one_line(
        room: Room, caplog: pytest.LogCaptureFixture) -> None:
    room.session.start("ketamine-40", 0)
    room.later(20 * MIN)
    room.clock.jump_wall(10 * MIN)  # the room was off for ten minutes: the infusion went on
    with caplog.at_level(logging.INFO):
        room.controller().refresh()
    # 5 + 40 + 60 = 105 min in all; 30 min gone.
    assert "session restored phase=infusion state=running minutes_left=75 " \
           "phase_minutes_left=15" in caplog.text


def wait_for(qtbot: QtBot, cond: Callable[[], bool], timeout_ms: int = 5000) -> None:
    qtbot.waitUntil(cond, timeout=timeout_ms)


def test_the_cue_really_plays_through_libvlc_and_finishes(
        qtbot: QtBot, pulse: dict[str, str],  # noqa: F811 - the fixture
        caplog: pytest.LogCaptureFixture) -> None:
    need(SESSION_END_CUE.is_file(), "assets/sounds/session-end.wav",
         "python scripts/synth_audio.py")
    create_gui_app()
    dispatcher = Dispatcher()
    cue = CuePlayer(dispatcher.post)
    try:
        need(cue.available, "libVLC", "apt-get install libvlc5 vlc-plugin-base libvlc-bin")
        with caplog.at_level(logging.INFO):
            cue.play()
            wait_for(qtbot, cue.is_playing)
            wait_for(qtbot, lambda: "session cue finished" in caplog.text, 15_000)
    finally:
        cue.release()


def test_a_missing_cue_file_leaves_the_room_silent_and_says_why(
        qtbot: QtBot, tmp_path: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    create_gui_app()
    cue = CuePlayer(Dispatcher().post, path=tmp_path / "none.wav")
    cue.play()
    assert not cue.available and cue.played == 1
    assert "session cue unavailable" in caplog.text
