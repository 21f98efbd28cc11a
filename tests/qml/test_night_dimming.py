"""Night dimming on the real room screen: in the clinic's night window everything but the call
button dims, and touches still reach the screen; a nurse moves the schedule for this room on the
tablet (kept in the overrides file) and can go back to the clinic's.

The room is assembled from the shipped config (night 21:00 to 07:00 at 40 %) with a fake clock
set to a local time of day, its broker unreachable.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtQuick import QQuickItem
from pytestqt.qtbot import QtBot

from kiosk.adapters.state_file import SessionStateFile
from kiosk.app.room import Room, assemble_room
from kiosk.app.shell import Screen, create_gui_app
from kiosk.core.clock import FakeClock
from kiosk.qt.dispatch import Dispatcher
from kiosk.screenshots.fakes import offline_parts
from kiosk.settings import load_config, resolve_room
from tests.qml.helpers import (
    background_behind,
    contrast,
    find,
    open_room_window,
    shown,
    tap,
)


def local_wall(hour: int, minute: int = 0) -> float:
    today = time.localtime()
    return time.mktime((today.tm_year, today.tm_mon, today.tm_mday, hour, minute, 0, 0, 0, -1))


class Night:
    def __init__(self, screen: Screen, room: Room, overrides: Path) -> None:
        self.screen, self.room, self.overrides = screen, room, overrides
        self.window = screen.window

    def veil(self) -> QQuickItem:
        return find(self.window, "nightOverlay")

    def tap(self, name: str, qtbot: QtBot) -> None:
        tap(self.window, name, qtbot)


@pytest.fixture
def night_room(qtbot, monkeypatch, tmp_path) -> Iterator[Callable[[float], Night]]:  # type: ignore[no-untyped-def]
    create_gui_app()
    monkeypatch.setenv("KIOSK_BROKER", "mqtt://127.0.0.1:9")
    opened: list[tuple[Screen, Room]] = []

    def open_at(wall: float) -> Night:
        config = load_config(None)
        settings = resolve_room(config)
        dispatcher = Dispatcher()
        parts = offline_parts(dispatcher.post, clock=FakeClock(wall=wall), with_audio=False)
        overrides = tmp_path / "overrides" / "room-1.json"
        parts.room_overrides = SessionStateFile(overrides)
        room = assemble_room(config, settings, parts, dispatcher.post)
        screen = open_room_window(room.backends(), qtbot)
        opened.append((screen, room))
        return Night(screen, room, overrides)

    yield open_at
    for screen, room in opened:
        screen.close()
        room.stop()


def test_at_night_the_screen_dims_but_the_call_button_stays_readable(
        night_room: Callable[[float], Night], qtbot: QtBot) -> None:
    night = night_room(local_wall(22, 30))
    veil = night.veil()
    qtbot.waitUntil(lambda: shown(veil) and abs(veil.opacity() - 0.6) < 0.01, timeout=3000)
    home = find(night.window, "roomName")
    assert home.mapToScene(QPointF(0, 0)).x() < veil.width(), "the veil covers the screen"
    call = find(night.window, "callNurseButton")
    column = call.parentItem()
    assert column.z() > veil.z(), "the call button is above the veil, undimmed"
    assert call.opacity() == 1.0 and column.opacity() == 1.0
    for name in ("callNurseTitle", "callNurseStatus"):
        text = find(night.window, name)
        if not shown(text):
            continue
        ratio = contrast(text.property("color"), background_behind(text, night.window))
        assert ratio >= 7.0, f"{name} reads at {ratio:.1f}:1 at night"
    # Not rest mode: a touch on the dimmed screen does what it does by day.
    night.tap("guideOpenButton", qtbot)
    assert night.room.room.screen == "guide"


def test_by_day_nothing_is_dimmed(night_room: Callable[[float], Night], qtbot: QtBot) -> None:
    night = night_room(local_wall(12, 0))
    assert not night.room.room.nightDimmed
    assert not shown(night.veil())


def test_a_nurse_moves_the_schedule_for_this_room_and_can_go_back(
        night_room: Callable[[float], Night], qtbot: QtBot) -> None:
    night = night_room(local_wall(20, 15))
    assert not night.room.room.nightDimmed
    night.room.room.openNursePanel()
    for digit in "2468":
        night.tap(f"nursePinKey{digit}", qtbot)
    with qtbot.waitSignal(night.room.room.nurse.granted, timeout=5000):
        night.tap("nursePinOk", qtbot)
    night.tap("nursePage1", qtbot)
    night.tap("nurseNightStartEarlier", qtbot)
    night.tap("nurseNightStartEarlier", qtbot)  # 21:00 -> 20:00
    night.tap("nurseNightDarker", qtbot)  # 40 % -> 30 %
    assert night.room.room.nightDimmed
    assert night.room.room.nightBrightness == pytest.approx(0.3)
    assert json.loads(night.overrides.read_text()) == {
        "night": {"start": "20:00", "end": "07:00", "brightness_percent": 30}}
    text = str(find(night.window, "nurseNightText").property("text"))
    assert text == ("Night dimming in this room: 20:00 to 07:00, the screen at 30%. Changed on "
                    "this tablet; the clinic's setting is 21:00 to 07:00, the screen at 40%.")

    restarted = night_room(local_wall(20, 15))
    assert restarted.room.room.nightDimmed, "the room's schedule outlives a restart"
    night.tap("nurseNightClinic", qtbot)
    assert not night.room.room.nightDimmed
    assert json.loads(night.overrides.read_text()) == {}
