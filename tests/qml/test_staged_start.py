"""The room as the product starts it: the call button alone in the first frame, live, and the
rest of the patient's screen joining it right after that frame (kiosk.app.room.StagedRoom)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtQuick import QQuickWindow
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.app.room import RoomParts, StagedRoom, assemble_call_path
from kiosk.app.shell import Screen, create_gui_app, load_window
from kiosk.qt import ROOM_FIRST_FRAME
from kiosk.qt.dispatch import Dispatcher
from kiosk.screenshots.fakes import AcceptingRoomLink, offline_parts
from kiosk.settings import load_config, resolve_room
from tests.qml.helpers import centre, find, items, shown


def named(window: QQuickWindow, name: str) -> list[object]:
    return [i for i in items(window.contentItem()) if i.objectName() == name]


@pytest.fixture
def staged(qtbot: QtBot) -> Iterator[tuple[StagedRoom, Screen, RoomParts, list[str]]]:
    create_gui_app(ROOM_FIRST_FRAME)
    config = load_config(None)
    settings = resolve_room(config)
    parts = offline_parts(Dispatcher().post, with_audio=False)
    sound_added: list[str] = []
    room = StagedRoom(config, settings, parts, assemble_call_path(config, settings, parts),
                      lambda _parts: sound_added.append("sound"))
    screen = load_window("Main", room.first.backends())
    room.start(screen)
    screen.window.setGeometry(0, 0, 1280, 800)
    yield room, screen, parts, sound_added
    screen.close()
    room.stop()


def test_the_first_frame_shows_a_call_button_that_places_a_call_before_the_rest_is_built(
        staged: tuple[StagedRoom, Screen, RoomParts, list[str]], qtbot: QtBot) -> None:
    room, screen, parts, sound_added = staged
    # Before the window is shown: this is what its first frame draws.
    button = find(screen.window, "callNurseButton")
    assert named(screen.window, "screenContent") == [], "the home screen waits for its parts"
    assert room.assembled is None and sound_added == []
    screen.window.show()
    qtbot.waitExposed(screen.window)
    assert shown(button)
    QTest.mouseClick(screen.window, Qt.MouseButton.LeftButton, pos=centre(button).toPoint())
    qtbot.waitUntil(lambda: button.property("callState") != "idle", timeout=2000)
    # The rest of the room arrives right after the first frame, and the call goes out.
    qtbot.waitUntil(lambda: room.assembled is not None, timeout=5000)
    assert sound_added == ["sound"]
    qtbot.waitUntil(lambda: bool(named(screen.window, "musicArea")), timeout=2000)
    assert find(screen.window, "roomName").property("text") == "Room 1"
    for area in ("musicArea", "sessionArea", "guideArea"):
        assert shown(find(screen.window, area))
    link = parts.link
    assert isinstance(link, AcceptingRoomLink)
    qtbot.waitUntil(lambda: len(link.calls) == 1, timeout=2000)
    assert button.property("callState") != "idle", "the call pressed early is still shown"


def test_touches_keep_the_screen_awake_once_the_room_is_complete(
        staged: tuple[StagedRoom, Screen, RoomParts, list[str]], qtbot: QtBot) -> None:
    room, screen, _parts, _sound = staged
    screen.window.show()
    qtbot.waitUntil(lambda: room.assembled is not None, timeout=5000)
    controller = room.first.room
    controller.rest_after_idle(0.6 / 60)  # 0.6 s
    for _ in range(4):
        qtbot.wait(300)
        QTest.mouseClick(screen.window, Qt.MouseButton.LeftButton, pos=QPoint(300, 400))
    assert not controller.restMode, "touches every 0.3 s keep the screen awake"
    qtbot.waitUntil(lambda: controller.restMode, timeout=3000)
