"""At the bedside, on the real room screen over a real Mosquitto with a real nurse station:
"Nurse is here" clears the room's calls (the station hears it was the room), and Reset for the
next patient clears what the patient left, as the state folder shows."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.adapters.broker import PrivateBroker
from kiosk.adapters.mqtt_link import BrokerEndpoint, StationLink
from kiosk.app.room import Room, assemble_room, product_parts
from kiosk.app.shell import Screen, create_gui_app
from kiosk.core.board import StationBoard
from kiosk.core.clock import SystemClock
from kiosk.core.response_times import CallEvent, CallStep
from kiosk.qt.dispatch import Dispatcher
from kiosk.settings import load_config, resolve_room
from tests.qml.helpers import find, items, open_room_window, shown, tap
from tests.support.broker import broker  # noqa: F401 - the fixture


class Bedside:
    def __init__(self, screen: Screen, room: Room, board: StationBoard, state: Path) -> None:
        self.screen, self.room, self.board, self.state = screen, room, board, state
        self.window = screen.window
        self.events: list[CallEvent] = []
        board.call_events.connect(self.events.append)

    def tap(self, name: str, qtbot: QtBot) -> None:
        tap(self.window, name, qtbot)

    def unlock(self, qtbot: QtBot) -> None:
        self.room.room.openNursePanel()
        for digit in "1357":
            self.tap(f"nursePinKey{digit}", qtbot)
        with qtbot.waitSignal(self.room.room.nurse.pinRefused, timeout=5000):
            self.tap("nursePinOk", qtbot)
        for digit in "2468":
            self.tap(f"nursePinKey{digit}", qtbot)
        with qtbot.waitSignal(self.room.room.nurse.granted, timeout=5000):
            self.tap("nursePinOk", qtbot)
        qtbot.waitUntil(lambda: shown(find(self.window, "nursePanel")), timeout=3000)

    def texts(self) -> list[str]:
        return [str(i.property("text")) for i in items(self.window.contentItem())
                if i.inherits("QQuickText") and shown(i) and i.property("text")]


@pytest.fixture
def bedside(qtbot, monkeypatch, tmp_path, broker: PrivateBroker  # noqa: F811
            ) -> Iterator[Bedside]:  # type: ignore[no-untyped-def]
    create_gui_app()
    state = tmp_path / "state"
    monkeypatch.setenv("KIOSK_BROKER", broker.url)
    monkeypatch.setenv("KIOSK_STATE_DIR", str(state))
    config = load_config(None)
    settings = resolve_room(config)
    dispatcher = Dispatcher()
    station_link = StationLink("desk", BrokerEndpoint(url=broker.url, keepalive_seconds=5),
                               dispatcher.post)
    board = StationBoard("desk", SystemClock(), station_link, escalation_minutes=5)
    station_link.attach(board)
    station_link.start()
    room = assemble_room(config, settings, product_parts(config, settings, dispatcher.post),
                         dispatcher.post)
    room.start()
    screen = open_room_window(room.backends(), qtbot)
    qtbot.waitUntil(lambda: not room.call_core.no_station_online, timeout=10000)
    yield Bedside(screen, room, board, state)
    screen.close()
    room.stop()
    station_link.stop()


def test_nurse_is_here_clears_the_call_at_the_station_and_tells_the_patient(
        bedside: Bedside, qtbot: QtBot) -> None:
    bedside.room.calls.callNurse()
    bedside.room.calls.request("water")
    qtbot.waitUntil(lambda: len(bedside.board.calls()) == 2, timeout=10000)
    bedside.unlock(qtbot)
    bedside.tap("nurseIsHereButton", qtbot)
    assert bedside.room.room.screen == "home"
    assert "Your nurse is here" in bedside.texts()
    bedside.tap("nurseGreetingArea", qtbot)
    assert "Your nurse is here" not in bedside.texts(), "a touch brings the calm home screen"
    qtbot.waitUntil(lambda: bedside.board.calls() == [], timeout=10000)
    resolved = [e for e in bedside.events if e.step is CallStep.RESOLVED]
    assert len(resolved) == 2 and {e.by for e in resolved} == {"room"}
    assert bedside.room.call_core.items == []
    logged = [json.loads(line)["event"]
              for line in (bedside.state / "audit" / "room-1.jsonl").read_text().splitlines()]
    for event in ("call opened", "nurse panel opened", "nurse is here", "call closed"):
        assert event in logged, f"{event!r} is not in the audit log: {logged}"


def test_reset_says_how_many_calls_it_closes_and_clears_the_state_folder(
        bedside: Bedside, qtbot: QtBot) -> None:
    room = bedside.room
    room.session.start("ketamine-40", 0)
    room.session.setClockHidden(True)
    room.calls.request("water")
    room.calls.request("blanket")
    qtbot.waitUntil(lambda: len(bedside.board.calls()) == 2, timeout=10000)
    session_file = bedside.state / "sessions" / "room-1.json"
    assert json.loads(session_file.read_text())["template"]["id"] == "ketamine-40"
    bedside.unlock(qtbot)
    bedside.tap("nursePage1", qtbot)
    bedside.tap("nurseRoomCapDown", qtbot)  # the room's limit, for every patient: 70 -> 60
    bedside.tap("nurseCapDown", qtbot)  # this patient only: 60 -> 50
    on_tablet = room.desk.property("onTablet")
    assert (on_tablet.property("roomCapPercent"), on_tablet.property("patientCapPercent")) == (
        60, 50)
    assert any(t.startswith("This room's volume limit, for every patient: 60%. Changed on this "
                            "tablet") for t in bedside.texts())
    assert room.music.property("available"), "libVLC plays the demo music here"
    bedside.tap("nursePlaylist0", qtbot)
    qtbot.waitUntil(lambda: room.music.property("playing"), timeout=10000)
    room.music.volumeUp()  # the patient turned it up: 35 -> 45
    assert room.music.property("volumePercent") == 45
    bedside.tap("nursePage0", qtbot)
    bedside.tap("nurseResetButton", qtbot)
    question = str(find(bedside.window, "nurseConfirmQuestion").property("text"))
    assert "Open calls and requests it closes as handled in the room: 2." in question
    bedside.tap("nurseConfirmYes", qtbot)
    qtbot.waitUntil(lambda: bedside.board.calls() == [], timeout=10000)
    bedside.tap("nursePage3", qtbot)
    audit = [str(i.property("text")) for i in items(bedside.window.contentItem())
             if i.objectName() == "nurseAuditLine" and shown(i)]
    assert any("reset for next patient resolved=2" in line for line in audit), audit
    assert any("wrong PIN" in line for line in audit), audit

    assert room.session.sessionState == "none" and not room.session.clockHidden
    assert not room.room.restMode
    assert not session_file.exists(), "the session file is gone"
    qtbot.waitUntil(lambda: not room.music.property("playing"), timeout=10000)
    assert on_tablet.property("patientCapPercent") == 60, "back to the room's limit"
    assert room.music.property("volumePercent") == 35, "back to the room's quiet start"
    overrides = bedside.state / "overrides" / "room-1.json"
    assert json.loads(overrides.read_text()) == {"volume_cap_percent": 60}, "it outlives Reset"
    db = sqlite3.connect(bedside.state / "calls" / "room-1" / "outbox.sqlite3")
    assert db.execute("SELECT COUNT(*) FROM open_calls").fetchone() == (0,)
    assert db.execute("SELECT COUNT(*) FROM unsent_resolutions").fetchone() == (0,)
    db.close()
