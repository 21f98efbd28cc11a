"""Eyes-closed mode over a real Mosquitto with a real station: with "Speak to me" on, every
change of the call is said once, in order, and a call that does not get through is said again
with its tone until it does. The room is assembled as the app assembles it; its voice is the
recording speaker (which keeps the real speaker's contract, tests/contract)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.adapters.broker import PrivateBroker
from kiosk.adapters.mqtt_link import BrokerEndpoint, RoomLink, StationLink
from kiosk.app.room import Room, RoomParts, assemble_room
from kiosk.app.shell import create_gui_app, load_window
from kiosk.core.board import StationBoard
from kiosk.core.calls import MemoryOutbox
from kiosk.core.clock import SystemClock
from kiosk.core.session import MemorySessionStore
from kiosk.qt.dispatch import Dispatcher
from kiosk.qt.speech import SpeechController
from kiosk.settings import load_config, resolve_room
from tests.qml.helpers import CountingCue, centre, find, shown
from tests.support.broker import broker  # noqa: F401 - the fixture
from tests.support.speech import RecordingSpeaker

REPEAT_SECONDS = 2
CALLING = "Calling the nurse"
NOT_THROUGH = "Your call did not get through. Please call out."
RECEIVED = "The nurse station has your call"
ON_THE_WAY = "A nurse is on the way"
HERE = "Your nurse is here"


@dataclass
class EyesClosed:
    broker: PrivateBroker
    dispatcher: Dispatcher
    room: Room
    speaker: RecordingSpeaker
    cues: dict[str, CountingCue]
    stations: list[StationLink] = field(default_factory=list)

    def station(self) -> StationBoard:
        link = StationLink("desk", BrokerEndpoint(url=self.broker.url, keepalive_seconds=5),
                           self.dispatcher.post)
        board = StationBoard("desk", SystemClock(), link, escalation_minutes=5)
        link.attach(board)
        link.start()
        self.stations.append(link)
        return board

    def said(self) -> list[str]:
        """What was said about the call, after the switch's own greeting."""
        return [text for text, _ in self.speaker.said[1:]]


@pytest.fixture
def eyes_closed(broker: PrivateBroker, qtbot: QtBot,  # noqa: F811
                tmp_path: Path) -> Iterator[EyesClosed]:
    create_gui_app()
    config = load_config(None, {})
    clinic = config.clinic
    # Short waits, so the test sees the retries and repeats within seconds.
    clinic = replace(clinic, calls=replace(clinic.calls, receipt_timeout_seconds=1,
                                           retry_seconds=1),
                     speech=replace(clinic.speech, not_through_repeat_seconds=REPEAT_SECONDS))
    config = replace(config, clinic=clinic)
    settings = resolve_room(config, None, {})
    dispatcher = Dispatcher()
    speaker = RecordingSpeaker(dispatcher.post)
    cues: dict[str, CountingCue] = {}
    link = RoomLink(settings.id, BrokerEndpoint(url=broker.url, keepalive_seconds=5),
                    dispatcher.post)
    parts = RoomParts(clock=SystemClock(), link=link, outbox=MemoryOutbox(),
                      session_store=MemorySessionStore(), audio=None,
                      cue=lambda name: cues.setdefault(name, CountingCue()), speech=speaker)
    room = assemble_room(config, settings, parts, dispatcher.post)
    room.start()
    qtbot.waitUntil(lambda: room.calls.linkUp, timeout=10000)
    world = EyesClosed(broker, dispatcher, room, speaker, cues)
    room.speech.setSpeakToMe(True)
    qtbot.waitUntil(lambda: len(speaker.said) == 1)
    yield world
    for station in world.stations:
        station.stop()
    room.stop()


def test_a_call_is_said_step_by_step_in_order_and_each_step_once(
        eyes_closed: EyesClosed, qtbot: QtBot) -> None:
    board = eyes_closed.station()
    calls = eyes_closed.room.calls
    qtbot.waitUntil(lambda: not calls.noStationOnline, timeout=10000)

    calls.callNurse()
    qtbot.waitUntil(lambda: eyes_closed.said() == [CALLING, RECEIVED], timeout=10000)
    board.acknowledge(board.calls()[0].call_id)
    qtbot.waitUntil(lambda: eyes_closed.said()[-1:] == [ON_THE_WAY], timeout=10000)
    board.resolve(board.calls()[0].call_id)
    qtbot.waitUntil(lambda: eyes_closed.said()[-1:] == [HERE], timeout=10000)
    assert eyes_closed.said() == [CALLING, RECEIVED, ON_THE_WAY, HERE]
    assert {language for _, language in eyes_closed.speaker.said} == {"en"}


def test_a_call_that_does_not_get_through_is_said_again_with_the_tone_until_it_does(
        eyes_closed: EyesClosed, qtbot: QtBot) -> None:
    calls = eyes_closed.room.calls
    calls.callNurse()
    qtbot.waitUntil(lambda: eyes_closed.said() == [CALLING, NOT_THROUGH], timeout=10000)
    tone = eyes_closed.cues["call not through"]
    assert tone.plays == 1
    # Said again, with the tone, after the repeat interval.
    qtbot.waitUntil(lambda: eyes_closed.said() == [CALLING, NOT_THROUGH, NOT_THROUGH],
                    timeout=(REPEAT_SECONDS + 2) * 1000)
    assert tone.plays == 2

    eyes_closed.station()
    qtbot.waitUntil(lambda: eyes_closed.said()[-1:] == [RECEIVED], timeout=10000)
    said = eyes_closed.said()
    assert said[:2] == [CALLING, NOT_THROUGH] and set(said[2:-1]) == {NOT_THROUGH}
    # Once through, the repeats stop.
    qtbot.wait(round(REPEAT_SECONDS * 1.5 * 1000))
    assert eyes_closed.said() == said


def test_a_second_press_says_where_the_open_call_is(eyes_closed: EyesClosed,
                                                    qtbot: QtBot) -> None:
    eyes_closed.station()
    calls = eyes_closed.room.calls
    qtbot.waitUntil(lambda: not calls.noStationOnline, timeout=10000)
    calls.callNurse()
    qtbot.waitUntil(lambda: eyes_closed.said() == [CALLING, RECEIVED], timeout=10000)
    calls.callNurse()
    qtbot.waitUntil(lambda: eyes_closed.said() == [CALLING, RECEIVED, RECEIVED], timeout=5000)


def test_with_speak_to_me_off_a_call_says_nothing(eyes_closed: EyesClosed,
                                                  qtbot: QtBot) -> None:
    eyes_closed.room.speech.setSpeakToMe(False)
    eyes_closed.station()
    calls = eyes_closed.room.calls
    qtbot.waitUntil(lambda: not calls.noStationOnline, timeout=10000)
    calls.callNurse()
    qtbot.waitUntil(lambda: calls.callState == "received", timeout=10000)
    qtbot.wait(100)
    assert eyes_closed.said() == []


def test_a_request_is_named_once(eyes_closed: EyesClosed, qtbot: QtBot) -> None:
    calls = eyes_closed.room.calls
    calls.request("water")
    calls.request("water")  # the same request again joins the open one
    qtbot.waitUntil(lambda: eyes_closed.said() == ["You asked for: Water"])
    qtbot.wait(100)
    assert eyes_closed.said() == ["You asked for: Water"]


def test_the_end_of_the_session_is_said(eyes_closed: EyesClosed, qtbot: QtBot) -> None:
    session = eyes_closed.room.session
    assert session.start("ketamine-40", 0)
    assert session.endSession()
    qtbot.waitUntil(lambda: eyes_closed.said()[-1:] == [
        "Your session time is over. Rest here. Your nurse will come to you."])


def test_music_confirmations_are_said(eyes_closed: EyesClosed, qtbot: QtBot) -> None:
    eyes_closed.room.music.silence()
    qtbot.waitUntil(lambda: eyes_closed.said() == ["Silence"])


def test_the_switch_is_one_tap_away_and_hidden_without_a_voice(
        eyes_closed: EyesClosed, qtbot: QtBot) -> None:
    room = eyes_closed.room
    screen = load_window("Main", room.backends())
    try:
        screen.window.setGeometry(0, 0, 1280, 800)
        screen.window.show()
        qtbot.waitExposed(screen.window)
        switch = find(screen.window, "speakToMeButton")
        assert shown(switch) and switch.property("checked")
        room.speech.setSpeakToMe(False)
        assert not switch.property("checked")
        QTest.mouseClick(screen.window, Qt.MouseButton.LeftButton,
                         pos=centre(switch).toPoint())
        assert room.speech.speakToMe and switch.property("checked")
    finally:
        screen.close()

    # A room whose voice could not start (no espeak-ng) offers no switch at all.
    mute = SpeechController(RecordingSpeaker(eyes_closed.dispatcher.post, available=False), str)
    room = assemble_again(eyes_closed)
    screen = load_window("Main", {**room.backends(), "speech": mute})
    try:
        screen.window.show()
        qtbot.waitExposed(screen.window)
        assert not shown(find(screen.window, "speakToMeButton"))
    finally:
        screen.close()
        room.stop()


def test_a_room_without_a_voice_tells_staff_what_to_install(eyes_closed: EyesClosed) -> None:
    from kiosk.screenshots.fakes import offline_parts

    config = eyes_closed.room.config
    parts = offline_parts(eyes_closed.dispatcher.post, with_audio=False)
    parts.speech = RecordingSpeaker(eyes_closed.dispatcher.post, available=False)
    room = assemble_room(config, resolve_room(config, None, {}), parts,
                         eyes_closed.dispatcher.post)
    try:
        assert not room.speech.available
        notes = room.room.property("degraded")
        assert any("voice is off" in n and "espeak-ng" in n for n in notes), notes
    finally:
        room.stop()


def assemble_again(world: EyesClosed) -> Room:
    """A second room on the same config, without a broker of its own to reach."""
    from kiosk.screenshots.fakes import offline_parts

    config = world.room.config
    return assemble_room(config, resolve_room(config, None, {}),
                         offline_parts(world.dispatcher.post, with_audio=False),
                         world.dispatcher.post)
