"""How the session steers the music in the room: a phase marked fade_music_at_end fades the music
out as it ends, an accepted suggestion plays, and reset for the next patient silences it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from kiosk.app.room import connect_session_to_music
from kiosk.core.clock import FakeClock
from kiosk.core.session import MemorySessionStore, SessionModel
from kiosk.core.templates import Phase, SessionTemplate
from kiosk.qt.music import MusicController
from kiosk.qt.session import SessionController
from tests.qt.test_music_controller import controller  # noqa: F401 - the fixture

TEMPLATE = SessionTemplate("t", "Test session", (
    Phase("settle", "Settling in", 1, "Get comfortable.", fade_music_at_end=True),
    Phase("infusion", "Infusion", 2, "The medicine runs.", infusion=True,
          playlist="Slow waves"),
    Phase("rest", "Resting", 1, "Rest.")))


@pytest.fixture
def wired(controller: MusicController) -> Iterator[  # noqa: F811
        tuple[SessionController, MusicController, object]]:
    clock = FakeClock()
    session = SessionController(SessionModel(clock, MemorySessionStore()), [TEMPLATE],
                                poll_interval_ms=3_600_000)
    connect_session_to_music(session, controller)
    yield session, controller, clock


def test_music_fades_out_when_a_phase_marked_so_ends(qtbot: QtBot, wired) -> None:  # type: ignore[no-untyped-def]
    session, music, clock = wired
    assert session.start("t", 0)
    session.refresh()
    music.playPlaylist(0)
    qtbot.waitUntil(lambda: music.playing, timeout=3000)
    clock.advance(61)  # past the 1-minute settle phase
    session.refresh()
    qtbot.waitUntil(lambda: not music.playing, timeout=3000)


def test_music_keeps_playing_across_a_phase_not_marked(qtbot: QtBot, wired) -> None:  # type: ignore[no-untyped-def]
    session, music, clock = wired
    assert session.start("t", 0)
    clock.advance(61)
    session.refresh()  # into the infusion, which is not marked
    music.playPlaylist(0)
    qtbot.waitUntil(lambda: music.playing, timeout=3000)
    clock.advance(121)  # into rest
    session.refresh()
    qtbot.wait(800)
    assert music.playing


def test_reset_for_the_next_patient_silences_the_music(qtbot: QtBot, wired) -> None:  # type: ignore[no-untyped-def]
    session, music, _ = wired
    music.playPlaylist(0)
    qtbot.waitUntil(lambda: music.playing, timeout=3000)
    session.reset()
    qtbot.waitUntil(lambda: not music.playing, timeout=3000)
