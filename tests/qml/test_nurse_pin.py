"""Getting into the nurse panel on the real room screen: hold the room name, type the PIN.

The room is assembled as the app does it from the shipped config (demo PIN 2468), with its
broker unreachable and its state in a temporary folder.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.app.room import Room, assemble_room, product_parts
from kiosk.app.shell import Screen, create_gui_app
from kiosk.qt.dispatch import Dispatcher
from kiosk.settings import load_config, resolve_room
from tests.qml.helpers import centre, find, items, open_room_window, shown, tap


class Loaded:
    def __init__(self, screen: Screen, room: Room) -> None:
        self.screen, self.room = screen, room
        self.window = screen.window

    def tap(self, name: str, qtbot: QtBot) -> None:
        tap(self.window, name, qtbot)

    def type_pin(self, pin: str, qtbot: QtBot) -> None:
        for digit in pin:
            self.tap(f"nursePinKey{digit}", qtbot)
        self.tap("nursePinOk", qtbot)

    def texts(self) -> list[str]:
        return [str(i.property("text")) for i in items(self.window.contentItem())
                if i.inherits("QQuickText") and shown(i) and i.property("text")]


@pytest.fixture
def loaded(qtbot, monkeypatch, tmp_path) -> Iterator[Loaded]:  # type: ignore[no-untyped-def]
    yield from load(qtbot, monkeypatch, tmp_path)


@pytest.fixture
def quick_lock(qtbot, monkeypatch, tmp_path) -> Iterator[Loaded]:  # type: ignore[no-untyped-def]
    """The same room, with its panel closing after 0.6 s untouched instead of minutes."""
    yield from load(qtbot, monkeypatch, tmp_path, auto_lock_minutes=0.6 / 60)


def load(qtbot, monkeypatch, tmp_path,  # type: ignore[no-untyped-def]
         auto_lock_minutes: float | None = None) -> Iterator[Loaded]:
    create_gui_app()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    monkeypatch.setenv("KIOSK_BROKER", f"mqtt://127.0.0.1:{closed_port}")
    monkeypatch.setenv("KIOSK_STATE_DIR", str(tmp_path / "state"))
    config = load_config(None)
    if auto_lock_minutes is not None:
        nurse = replace(config.clinic.nurse, auto_lock_minutes=auto_lock_minutes)
        config = replace(config, clinic=replace(config.clinic, nurse=nurse))
    settings = resolve_room(config)
    dispatcher = Dispatcher()
    room = assemble_room(config, settings, product_parts(config, settings, dispatcher.post),
                         dispatcher.post)
    room.start()
    screen = open_room_window(room.backends(), qtbot)
    yield Loaded(screen, room)
    screen.close()
    room.stop()


def test_no_staff_button_and_a_tap_on_the_room_name_opens_nothing(
        loaded: Loaded, qtbot: QtBot) -> None:
    assert not [i for i in items(loaded.window.contentItem()) if i.objectName() == "staffButton"]
    loaded.tap("nurseHoldArea", qtbot)
    assert not shown(find(loaded.window, "nursePinPad"))
    assert loaded.room.room.screen == "home"


def test_holding_the_room_name_for_3_seconds_opens_the_pin_pad(
        loaded: Loaded, qtbot: QtBot) -> None:
    area = find(loaded.window, "nurseHoldArea")
    QTest.mousePress(loaded.window, Qt.MouseButton.LeftButton, pos=centre(area).toPoint())
    qtbot.waitUntil(lambda: shown(find(loaded.window, "nursePinPad")), timeout=6000)
    QTest.mouseRelease(loaded.window, Qt.MouseButton.LeftButton, pos=centre(area).toPoint())
    assert "Enter the nurse PIN." in loaded.texts()
    assert loaded.room.room.screen == "home"


def test_a_wrong_pin_leaves_the_panel_shut_and_the_demo_pin_opens_it_flagged(
        loaded: Loaded, qtbot: QtBot) -> None:
    nurse = loaded.room.room.nurse
    loaded.room.room.openNursePanel()
    with qtbot.waitSignal(nurse.pinRefused, timeout=5000):
        loaded.type_pin("1357", qtbot)
    assert loaded.room.room.screen == "home"
    assert "Wrong PIN. 4 more tries before the pad locks." in loaded.texts()
    with qtbot.waitSignal(nurse.granted, timeout=5000):
        loaded.type_pin("2468", qtbot)
    qtbot.waitUntil(lambda: shown(find(loaded.window, "nursePanel")), timeout=3000)
    assert not shown(find(loaded.window, "nursePinPad"))
    assert shown(find(loaded.window, "nurseChangePinNote"))


def test_five_wrong_pins_lock_the_pad_and_show_the_countdown(
        loaded: Loaded, qtbot: QtBot) -> None:
    nurse = loaded.room.room.nurse
    loaded.room.room.openNursePanel()
    for _ in range(5):
        with qtbot.waitSignal(nurse.pinRefused, timeout=5000):
            loaded.type_pin("1357", qtbot)
    assert "Too many wrong PINs. The pad opens again in 5:00." in loaded.texts()
    assert not find(loaded.window, "nursePinKey2").isEnabled()
    qtbot.waitUntil(lambda: "Too many wrong PINs. The pad opens again in 4:59."
                    in loaded.texts(), timeout=3000)


def test_the_panel_returns_to_the_patient_screen_after_its_quiet_spell(
        quick_lock: Loaded, qtbot: QtBot) -> None:
    nurse = quick_lock.room.room.nurse
    quick_lock.room.room.openNursePanel()
    with qtbot.waitSignal(nurse.granted, timeout=5000):
        quick_lock.type_pin("2468", qtbot)
    qtbot.waitUntil(lambda: shown(find(quick_lock.window, "nursePanel")), timeout=3000)
    qtbot.waitUntil(lambda: quick_lock.room.room.screen == "home", timeout=5000)
    assert not shown(find(quick_lock.window, "nursePinPad"))
    assert not [i for i in items(quick_lock.window.contentItem())
                if i.objectName() == "nursePanel" and shown(i)]
