"""The call button and the requests screen on a real Mosquitto, with a real station on the line.

The QML controls are loaded in a small window the size of the tablet; the station is core's
StationBoard behind a real StationLink, so every word the patient sees follows real messages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtQml import QQmlApplicationEngine, QQmlEngine, QQmlProperty
from PySide6.QtQuick import QQuickWindow
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.adapters.broker import PrivateBroker
from kiosk.adapters.mqtt_link import BrokerEndpoint, RoomLink, StationLink
from kiosk.adapters.outbox import SqliteOutbox
from kiosk.app.shell import QML_DIR, create_gui_app
from kiosk.core.board import StationBoard
from kiosk.core.calls import RoomCalls
from kiosk.core.clock import SystemClock
from kiosk.qt.calls import RequestChoice, RoomCallController
from kiosk.qt.dispatch import Dispatcher
from kiosk.qt.room import RoomController
from tests.qml.helpers import (
    accessible_name,
    background_behind,
    centre,
    contrast,
    find,
    items,
    scene_rect,
    shown,
    targets,
)
from tests.support.broker import broker  # noqa: F401 - the fixture

CHOICES = [
    RequestChoice("water", "Water", "low"),
    RequestChoice("blanket", "Blanket or feeling cold", "low"),
    RequestChoice("bathroom", "Bathroom", "normal"),
    RequestChoice("sick", "Feeling sick", "high"),
    RequestChoice("iv_site", "Pain or a problem at the IV", "high"),
    RequestChoice("anxious", "Feeling anxious", "high"),
    RequestChoice("other", "Something else", "normal"),
]

# The call controls as Main places them: the call button and "Ask for something" in the right
# column, the requests screen where the home screen would be.
WRAPPER = b"""
import QtQuick
import Kiosk

Window {
    id: root
    required property var calls
    required property var room
    width: 1280; height: 800
    color: Theme.background

    Loader {
        anchors { left: parent.left; top: parent.top; bottom: parent.bottom
                  right: column.left; margins: Theme.margin; topMargin: Theme.margin + 130 }
        active: root.room.screen === "requests"
        sourceComponent: RequestsScreen { room: root.room; calls: root.calls }
    }
    Column {
        id: column
        anchors { right: parent.right; top: parent.top; bottom: parent.bottom
                  margins: Theme.margin }
        width: Theme.callColumnWidth
        spacing: Theme.spacing
        CallButton {
            width: parent.width
            height: parent.height - requests.height - parent.spacing
            calls: root.calls
        }
        RequestsButton {
            id: requests
            width: parent.width
            calls: root.calls
            onClicked: root.room.show("requests")
        }
    }
}
"""

RECEIPT_TIMEOUT_SECONDS = 1


@dataclass
class Clinic:
    """One room with its call controls on screen, and optionally a station, on one broker."""

    broker: PrivateBroker
    tmp: Path
    qtbot: QtBot
    dispatcher: Dispatcher = field(default_factory=Dispatcher)
    links: list[RoomLink | StationLink] = field(default_factory=list)
    engines: list[QQmlApplicationEngine] = field(default_factory=list)

    def endpoint(self) -> BrokerEndpoint:
        return BrokerEndpoint(url=self.broker.url, keepalive_seconds=5)

    def room(self) -> tuple[RoomCallController, RoomController, QQuickWindow]:
        link = RoomLink("room-1", self.endpoint(), self.dispatcher.post)
        calls = RoomCalls("room-1", SystemClock(), SqliteOutbox(self.tmp / "room-1"), link,
                          receipt_timeout_seconds=RECEIPT_TIMEOUT_SECONDS, retry_seconds=1)
        link.attach(calls)
        controller = RoomCallController(calls, CHOICES)
        link.connection_changed.connect(controller.set_link_up)
        room = RoomController("Room 1", "Demo clinic")
        window = self._show(controller, room)
        self._start(link)
        return controller, room, window

    def station(self, name: str = "desk") -> tuple[StationBoard, StationLink]:
        link = StationLink(name, self.endpoint(), self.dispatcher.post)
        board = StationBoard(name, SystemClock(), link, escalation_minutes=5)
        link.attach(board)
        self._start(link)
        return board, link

    def _show(self, controller: RoomCallController, room: RoomController) -> QQuickWindow:
        engine = QQmlApplicationEngine()
        engine.addImportPath(str(QML_DIR))
        # The backends die with the engine, after the QML that binds to them (as in the app).
        controller.setParent(engine)
        room.setParent(engine)
        engine.setInitialProperties({"calls": controller, "room": room})
        engine.loadData(WRAPPER)
        window = engine.rootObjects()[0]
        assert isinstance(window, QQuickWindow)
        engine.singletonInstance("Kiosk", "Theme").setProperty("reducedMotion", True)
        window.show()
        self.qtbot.waitExposed(window)
        self.engines.append(engine)
        return window

    def _start(self, link: RoomLink | StationLink) -> None:
        link.start()
        self.links.append(link)

    def close(self) -> None:
        for link in self.links:
            link.stop()
        for engine in self.engines:
            for root in engine.rootObjects():
                root.hide()
            engine.deleteLater()


@pytest.fixture
def clinic(broker: PrivateBroker, tmp_path: Path,  # noqa: F811
           qtbot: QtBot) -> Iterator[Clinic]:
    create_gui_app()
    world = Clinic(broker, tmp_path, qtbot)
    yield world
    world.close()


def tap(window: QQuickWindow, name: str) -> None:
    item = find(window, name)
    assert shown(item), f"{name} is not shown"
    QTest.mouseClick(window, Qt.MouseButton.LeftButton, pos=centre(item).toPoint())


def status_of(window: QQuickWindow) -> str:
    return str(find(window, "callNurseStatus").property("text"))


def wait_text(qtbot: QtBot, read: Callable[[], str], expected: str) -> None:
    qtbot.waitUntil(lambda: read() == expected, timeout=10000)


def button_colour(window: QQuickWindow) -> QColor:
    colour = find(window, "callNurseButton").property("background").property("color")
    assert isinstance(colour, QColor)
    return colour


def test_a_pressed_call_says_calling_then_station_has_it_then_nurse_on_the_way(
        clinic: Clinic, qtbot: QtBot) -> None:
    board, _ = clinic.station()
    calls, _, window = clinic.room()
    qtbot.waitUntil(lambda: not calls.noStationOnline, timeout=10000)
    assert status_of(window) == ""
    idle_colour = button_colour(window)

    # The receipt may come back within a few ms, so watch the state change rather than race it.
    seen: list[str] = []
    calls.callStateChanged.connect(lambda: seen.append(calls.callState))
    tap(window, "callNurseButton")
    qtbot.waitUntil(lambda: calls.callState == "received", timeout=10000)
    assert seen[:2] == ["calling", "received"]
    assert status_of(window) == "The nurse station has your call"
    assert button_colour(window) != idle_colour

    board.acknowledge(board.calls()[0].call_id)
    wait_text(qtbot, lambda: status_of(window), "A nurse is on the way")
    assert calls.callState == "on_the_way"

    board.resolve(board.calls()[0].call_id)
    qtbot.waitUntil(lambda: calls.callState == "idle", timeout=10000)
    assert status_of(window) == ""


def test_the_calling_text_shows_while_no_receipt_has_come(clinic: Clinic, qtbot: QtBot) -> None:
    calls, _, window = clinic.room()
    qtbot.waitUntil(lambda: calls.linkUp, timeout=10000)
    tap(window, "callNurseButton")
    qtbot.waitUntil(lambda: calls.callState == "calling", timeout=2000)
    assert status_of(window) == "Calling the nurse station..."


def test_with_no_station_online_the_button_says_so_before_it_is_pressed(
        clinic: Clinic, qtbot: QtBot) -> None:
    calls, _, window = clinic.room()
    qtbot.waitUntil(lambda: calls.linkUp, timeout=10000)
    no_station = "No nurse station is online: call out or use the wired call button"
    assert calls.noStationOnline and status_of(window) == no_station
    assert accessible_description(window) == no_station

    _, station_link = clinic.station()
    wait_text(qtbot, lambda: status_of(window), "")
    station_link.stop()
    wait_text(qtbot, lambda: status_of(window), no_station)


def accessible_description(window: QQuickWindow) -> str:
    button = find(window, "callNurseButton")
    return str(QQmlProperty(button, "Accessible.description",
                            QQmlEngine.contextForObject(button)).read())


def test_a_call_without_receipt_says_it_did_not_get_through_and_sounds_the_tone_once(
        clinic: Clinic, qtbot: QtBot) -> None:
    calls, _, window = clinic.room()
    qtbot.waitUntil(lambda: calls.linkUp, timeout=10000)
    tones: list[None] = []
    calls.notThrough.connect(lambda: tones.append(None))

    tap(window, "callNurseButton")
    with qtbot.waitSignal(calls.notThrough, timeout=(RECEIPT_TIMEOUT_SECONDS + 3) * 1000):
        pass
    assert status_of(window) == ("Your call did not get through. Please call out or press the "
                                 "wired call button. We keep trying.")
    # Retries go on (every second here) without sounding the tone again.
    qtbot.wait(2500)
    assert len(tones) == 1 and calls.callState == "not_through"

    board, _ = clinic.station()
    wait_text(qtbot, lambda: status_of(window), "The nurse station has your call")
    assert len(board.calls()) == 1


def test_a_request_reaches_the_station_and_the_patient_can_cancel_it(
        clinic: Clinic, qtbot: QtBot) -> None:
    board, _ = clinic.station()
    calls, room, window = clinic.room()
    qtbot.waitUntil(lambda: not calls.noStationOnline, timeout=10000)

    tap(window, "requestsButton")
    qtbot.waitUntil(lambda: room.screen == "requests")
    tap(window, "requestChoice_water")
    qtbot.waitUntil(lambda: len(board.calls()) == 1, timeout=10000)
    assert board.calls()[0].label == "Water" and not board.calls()[0].urgent
    qtbot.waitUntil(lambda: calls.requests and calls.requests[0]["stateText"]
                    == "The nurse station has it", timeout=10000)
    assert find(window, "requestsButton").property("text") == "Ask for something (1 open)"

    call_id = str(calls.requests[0]["id"])
    tap(window, f"cancelRequest_{call_id}")
    qtbot.waitUntil(lambda: not board.calls(), timeout=10000)
    assert calls.requests == []

    tap(window, "requestsBackButton")
    qtbot.waitUntil(lambda: room.screen == "home")


def test_an_urgent_call_is_listed_without_cancel_and_the_patient_cannot_cancel_it(
        clinic: Clinic, qtbot: QtBot) -> None:
    board, _ = clinic.station()
    calls, room, window = clinic.room()
    qtbot.waitUntil(lambda: not calls.noStationOnline, timeout=10000)
    call_id = calls.callNurse()
    room.show("requests")
    qtbot.waitUntil(lambda: calls.requests and calls.requests[0]["id"] == call_id)
    qtbot.wait(50)
    assert not shown(find(window, f"cancelRequest_{call_id}"))
    assert not calls.cancelRequest(call_id)
    assert calls.callState != "idle"
    assert calls.resolveInRoom(call_id)
    qtbot.waitUntil(lambda: calls.callState == "idle")
    qtbot.waitUntil(lambda: not board.calls(), timeout=10000)


@pytest.mark.parametrize("state", ["idle", "not_through", "received"])
def test_call_controls_are_named_large_and_readable_in_every_state(
        clinic: Clinic, qtbot: QtBot, state: str) -> None:
    calls, room, window = clinic.room()
    qtbot.waitUntil(lambda: calls.linkUp, timeout=10000)
    if state == "received":
        clinic.station()
        qtbot.waitUntil(lambda: not calls.noStationOnline, timeout=10000)
    calls.request("water")
    calls.request("iv_site")
    if state != "idle":
        calls.callNurse()
        qtbot.waitUntil(lambda: calls.callState == state, timeout=10000)
    room.show("requests")
    qtbot.wait(50)

    shown_targets = targets(window)
    names = {t.objectName() for t in shown_targets}
    assert {"callNurseButton", "requestsButton", "requestsBackButton",
            "requestChoice_water", "requestChoice_other"} <= names
    areas = {t.objectName(): t.width() * t.height() for t in shown_targets}
    assert max(areas, key=lambda k: areas[k]) == "callNurseButton"
    assert areas["requestsButton"] < areas["callNurseButton"]
    for target in shown_targets:
        assert target.objectName() and accessible_name(target), target.objectName()
        _, _, w, h = scene_rect(target)
        assert w >= 110 and h >= 110, f"{target.objectName()} is {w:.0f}x{h:.0f} px"
    texts = [i for i in items(window.contentItem())
             if i.inherits("QQuickText") and shown(i) and i.property("text")]
    for text in texts:
        ratio = contrast(text.property("color"), background_behind(text, window))
        assert ratio >= 7.0, f"'{text.property('text')}' has contrast {ratio:.1f}:1"
        assert text.property("font").pixelSize() >= 24, f"'{text.property('text')}' is too small"
