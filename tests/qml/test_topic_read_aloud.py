"""Read aloud on a guide topic: the whole topic, again on request, and one part at a touch, in
the patient's language, through the room's voice (a recording stand-in for espeak-ng here: the
real speaker passes the same contract, tests/contract/test_speaker_contract.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.app.room import Room, assemble_room
from kiosk.app.shell import Screen, create_gui_app
from kiosk.core.clock import FakeClock
from kiosk.qt.dispatch import Dispatcher
from kiosk.screenshots.fakes import SilentSpeaker, offline_parts
from kiosk.settings import load_config
from tests.qml.helpers import centre, find, open_room_window, shown

CONFIG = load_config(None, {})


class RecordingSpeaker(SilentSpeaker):
    def __init__(self) -> None:
        super().__init__()
        self.said: list[tuple[str, str]] = []

    def say(self, text: str, language: str = "en") -> None:
        self.said.append((text, language))


@pytest.fixture
def topic_room(qtbot: QtBot) -> Iterator[tuple[Room, Screen, RecordingSpeaker]]:
    create_gui_app()
    dispatcher = Dispatcher()
    parts = offline_parts(dispatcher.post, FakeClock(), with_audio=False,
                          scan=lambda playlists, music: None)
    speaker = RecordingSpeaker()
    parts.speech = speaker
    room = assemble_room(CONFIG, CONFIG.rooms[0], parts, dispatcher.post)
    room.start()
    screen = open_room_window(room.backends(), qtbot)
    yield room, screen, speaker
    room.language.setLanguage("en")
    screen.close()
    room.stop()


def _tap(screen: Screen, name: str) -> None:
    item = find(screen.window, name)
    assert shown(item), f"{name} is not shown"
    QTest.mouseClick(screen.window, Qt.MouseButton.LeftButton, pos=centre(item).toPoint())


def _open_topic(room: Room, screen: Screen, qtbot: QtBot, topic: str) -> None:
    room.room.show("guide")
    qtbot.waitUntil(lambda: room.room.property("screen") == "guide")
    qtbot.wait(20)
    _tap(screen, f"guideTopic_{topic}")
    qtbot.waitUntil(lambda: room.room.property("screen") == "topic")
    qtbot.wait(20)


def test_a_topic_is_read_aloud_whole_then_again_and_a_touched_part_alone(
        topic_room: tuple[Room, Screen, RecordingSpeaker], qtbot: QtBot) -> None:
    room, screen, speaker = topic_room
    _open_topic(room, screen, qtbot, "sleepy")
    topic = room.guide.property("openTopic")
    button = find(screen.window, "topicReadAloudButton")
    assert button.property("text") == "Read aloud" and button.height() >= 110

    _tap(screen, "topicReadAloudButton")
    whole, language = speaker.said[-1]
    assert language == "en"
    assert topic["title"] in whole and topic["summary"] in whole
    assert all(s["text"] in whole for s in topic["sections"])

    qtbot.waitUntil(lambda: button.property("text") == "Again")
    _tap(screen, "topicReadAloudButton")
    assert speaker.said[-1] == (whole, "en")  # the replay says the same again

    _tap(screen, "topicSection_3")
    part, _ = speaker.said[-1]
    last = topic["sections"][3]
    assert part == f"{last['heading']}. {last['text']}"


def test_in_spanish_the_topic_is_read_in_spanish(
        topic_room: tuple[Room, Screen, RecordingSpeaker], qtbot: QtBot) -> None:
    room, screen, speaker = topic_room
    room.language.setLanguage("es")
    _open_topic(room, screen, qtbot, "sleepy")
    _tap(screen, "topicReadAloudButton")
    text, language = speaker.said[-1]
    assert language == "es" and room.guide.property("openTopic")["title"] in text


def test_without_a_voice_there_is_no_read_aloud_button(qtbot: QtBot) -> None:
    create_gui_app()
    dispatcher = Dispatcher()
    parts = offline_parts(dispatcher.post, FakeClock(), with_audio=False,
                          scan=lambda playlists, music: None)
    parts.speech = None
    room = assemble_room(CONFIG, CONFIG.rooms[0], parts, dispatcher.post)
    room.start()
    screen = open_room_window(room.backends(), qtbot)
    try:
        _open_topic(room, screen, qtbot, "sleepy")
        assert not shown(find(screen.window, "topicReadAloudButton"))
    finally:
        screen.close()
        room.stop()
