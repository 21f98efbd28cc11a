"""The nurse station on a real Mosquitto: rooms' calls on screen, the buttons, the chime, presence.

Rooms are the real RoomLink and RoomCalls; stations are the real StationLink, StationBoard and
StationController; every paho callback reaches the Qt thread through the real Dispatcher.
"""

from __future__ import annotations

import gc
import socket
from collections.abc import Callable, Iterator
from typing import Any

import paho.mqtt.client as mqtt
import pytest
import shiboken6
from paho.mqtt.enums import CallbackAPIVersion
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtQml import QQmlProperty
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

from kiosk.adapters.broker import PrivateBroker
from kiosk.adapters.mqtt_link import BrokerEndpoint, RoomLink, StationLink
from kiosk.app.shell import Screen, create_gui_app, load_window
from kiosk.core import protocol as p
from kiosk.core.board import StationBoard
from kiosk.core.calls import CallState, MemoryOutbox, RoomCalls
from kiosk.core.clock import Clock, FakeClock, SystemClock
from kiosk.qt.dispatch import Dispatcher
from kiosk.qt.station import StationController
from kiosk.screenshots.station import station_for_screenshots, station_screenshot_states
from tests.qml.helpers import (
    accessible_name,
    background_behind,
    centre,
    contrast,
    items,
    scene_rect,
    shown,
    targets,
)
from tests.qml.helpers import (
    find as find_item,
)
from tests.support.broker import broker  # noqa: F401 - the fixture

ROOM_NAMES = {"room-1": "Room 1", "room-2": "Room 2", "room-3": "Room 3"}
WALL = 1_800_000_000.0


class Clinic:
    """Rooms and stations on one private broker, all driven by the Qt event loop."""

    def __init__(self, running: PrivateBroker, qtbot: Any) -> None:
        create_gui_app()
        import kiosk.qt.station  # noqa: F401 - registers the QML type

        self.qtbot = qtbot
        self.endpoint = BrokerEndpoint(url=running.url, keepalive_seconds=5)
        self.dispatcher = Dispatcher()
        self._links: list[RoomLink | StationLink] = []
        self._screens: list[Screen] = []
        self._controllers: list[StationController] = []

    def room(self, room: str, clock: Clock | None = None) -> RoomCalls:
        link = RoomLink(room, self.endpoint, self.dispatcher.post)
        calls = RoomCalls(room, clock or SystemClock(), MemoryOutbox(), link,
                          receipt_timeout_seconds=5, retry_seconds=1)
        link.attach(calls)
        self._start(link)
        self.qtbot.waitUntil(lambda: link.connected, timeout=5000)
        return calls

    def station(self, station: str = "desk-a", clock: Clock | None = None,
                chime_repeat_seconds: float = 10.0, tick_ms: int = 1000,
                undo_seconds: float = 0.2) -> StationController:
        link = StationLink(station, self.endpoint, self.dispatcher.post)
        clock = clock or SystemClock()
        board = StationBoard(station, clock, link, escalation_minutes=5,
                             chime_repeat_seconds=chime_repeat_seconds)
        link.attach(board)
        ctrl = StationController(board, title="Nurse station", room_names=ROOM_NAMES,
                                 known_rooms=list(ROOM_NAMES), clock=clock, tick_ms=tick_ms,
                                 undo_seconds=undo_seconds)
        self._controllers.append(ctrl)
        self._start(link)
        self.qtbot.waitUntil(lambda: ctrl.connected, timeout=5000)
        return ctrl

    def show(self, ctrl: StationController) -> Screen:
        screen = load_window("Station", {"station": ctrl})
        screen.engine.singletonInstance("Kiosk", "Theme").setProperty("reducedMotion", True)
        screen.window.setGeometry(0, 0, 1280, 800)
        screen.window.show()
        self.qtbot.waitExposed(screen.window)
        self._screens.append(screen)
        return screen

    def _start(self, link: RoomLink | StationLink) -> None:
        link.start()
        self._links.append(link)

    def close(self) -> None:
        for screen in self._screens:
            screen.window.hide()
        for link in self._links:
            link.stop()
        # Delete Qt objects here, on the Qt thread: left to Python's garbage collector they
        # could be destroyed on a paho thread, and Qt timers must die on their own thread.
        for screen in self._screens:
            release(screen.engine)
        for ctrl in self._controllers:
            release(ctrl)
        release(self.dispatcher)
        gc.collect()


@pytest.fixture
def clinic(broker: PrivateBroker, qtbot: Any) -> Iterator[Clinic]:  # noqa: F811
    world = Clinic(broker, qtbot)
    yield world
    world.close()


def lookup(screen: Screen, name: str) -> QQuickItem | None:
    # Repeater delegates are not QObject children of the window: walk the item tree.
    return next((i for i in items(screen.window.contentItem()) if i.objectName() == name), None)


def release(obj: Any) -> None:
    if shiboken6.isValid(obj):
        shiboken6.delete(obj)


def find(screen: Screen, name: str) -> QQuickItem:
    return find_item(screen.window, name)


def click(screen: Screen, name: str) -> None:
    QTest.mouseClick(screen.window, Qt.MouseButton.LeftButton,
                     pos=centre(find(screen, name)).toPoint())


def rows(ctrl: StationController, key: str) -> list[Any]:
    return [c[key] for c in ctrl.calls]


def raw_client(endpoint: BrokerEndpoint, client_id: str) -> mqtt.Client:
    client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=client_id)
    host, port, _ = endpoint.host_port_tls()
    client.connect(host, port)
    return client


# ---- calls on screen ------------------------------------------------------------------------

def test_calls_appear_sorted_by_priority_then_age_with_their_age_in_minutes(
        clinic: Clinic, qtbot: Any) -> None:
    station_clock = FakeClock(wall=WALL)
    ctrl = clinic.station(clock=station_clock)
    older = clinic.room("room-1", FakeClock(wall=WALL - 180))
    newer = clinic.room("room-2", FakeClock(wall=WALL - 30))

    older.request("water", "Water", p.REQUEST_PRIORITIES["low"])
    newer.request("water", "Water", p.REQUEST_PRIORITIES["low"])
    newer.call_nurse()
    older.request("sick", "Feeling sick", p.REQUEST_PRIORITIES["high"])
    qtbot.waitUntil(lambda: len(ctrl.calls) == 4, timeout=5000)

    assert [(c["roomName"], c["summaryText"]) for c in ctrl.calls] == [
        ("Room 2", "Call for a nurse"), ("Room 1", "Request: Feeling sick"),
        ("Room 1", "Request: Water"), ("Room 2", "Request: Water")]
    assert rows(ctrl, "ageText") == ["under 1 min", "3 min", "3 min", "under 1 min"]
    assert rows(ctrl, "stateKey") == ["new", "received", "received", "new"]

    station_clock.advance(60)
    qtbot.waitUntil(lambda: rows(ctrl, "ageText")[1] == "4 min", timeout=3000)
    assert rows(ctrl, "ageText")[0] == "1 min"
    rooms = {r["roomId"]: r for r in ctrl.rooms}
    assert rooms["room-1"]["openCallsText"] == "2 open calls"
    assert rooms["room-1"]["presenceText"] == "Tablet online"


def test_on_my_way_and_resolved_buttons_reach_the_patients_room(clinic: Clinic,
                                                                 qtbot: Any) -> None:
    ctrl = clinic.station()
    screen = clinic.show(ctrl)
    room = clinic.room("room-1")
    call_id = room.call_nurse()
    qtbot.waitUntil(lambda: room.urgent_state is CallState.RECEIVED, timeout=5000)
    qtbot.waitUntil(lambda: lookup(screen, f"ackButton_{call_id}") is not None, timeout=3000)

    click(screen, f"ackButton_{call_id}")
    qtbot.waitUntil(lambda: room.urgent_state is CallState.ON_THE_WAY, timeout=5000)
    assert rows(ctrl, "stateText") == ["A nurse is on the way"]
    assert rows(ctrl, "callId") == [call_id], "acknowledging must not clear the call"

    click(screen, f"resolveButton_{call_id}")
    qtbot.waitUntil(lambda: room.urgent_state is CallState.IDLE, timeout=5000)
    assert ctrl.calls == []
    assert shown(find(screen, "noCalls"))


# ---- the chime ------------------------------------------------------------------------------

def test_the_chime_repeats_until_acknowledged_and_silencing_never_clears_a_call(
        clinic: Clinic, qtbot: Any) -> None:
    ctrl = clinic.station(chime_repeat_seconds=0.2, tick_ms=50)
    room = clinic.room("room-1")
    first = room.call_nurse()
    qtbot.waitUntil(lambda: ctrl.chime_count >= 3, timeout=5000)
    assert ctrl.chiming

    ctrl.silence()
    qtbot.waitUntil(lambda: not ctrl.chiming, timeout=1000)
    silenced_at = ctrl.chime_count
    qtbot.wait(600)  # three repeat periods with nothing sounding
    assert ctrl.chime_count == silenced_at
    assert rows(ctrl, "callId") == [first], "silencing must leave the call on the board"

    second = room.request("water", "Water", p.REQUEST_PRIORITIES["low"])
    qtbot.waitUntil(lambda: ctrl.chime_count > silenced_at and ctrl.chiming, timeout=5000)
    ctrl.acknowledge(first)
    qtbot.waitUntil(lambda: ctrl.chime_count >= silenced_at + 3, timeout=5000)
    assert ctrl.chiming, "an unanswered request still chimes"
    ctrl.acknowledge(second)
    qtbot.waitUntil(lambda: not ctrl.chiming, timeout=1000)
    answered_at = ctrl.chime_count
    qtbot.wait(600)
    assert ctrl.chime_count == answered_at
    assert sorted(rows(ctrl, "callId")) == sorted([first, second])


# ---- rooms ----------------------------------------------------------------------------------

def test_a_room_whose_connection_dies_is_flagged_with_no_contact(clinic: Clinic,
                                                                  qtbot: Any) -> None:
    ctrl = clinic.station()
    screen = clinic.show(ctrl)
    tablet = mqtt.Client(CallbackAPIVersion.VERSION2, client_id="kiosk-room-room-3")
    tablet.will_set(p.room_presence_topic("room-3"), p.offline_will(), qos=1, retain=True)
    host, port, _ = clinic.endpoint.host_port_tls()
    tablet.connect(host, port, keepalive=5)
    tablet.publish(p.room_presence_topic("room-3"), p.encode_presence(p.Presence(True)),
                   qos=0, retain=True)
    tablet.loop(timeout=0.2)

    def presence() -> str:
        return str(next(r for r in ctrl.rooms if r["roomId"] == "room-3")["presenceText"])

    qtbot.waitUntil(lambda: presence() == "Tablet online", timeout=5000)
    sock = tablet.socket()
    assert isinstance(sock, socket.socket)
    sock.shutdown(socket.SHUT_RDWR)  # the tablet vanishes without saying goodbye
    sock.close()
    qtbot.waitUntil(lambda: presence().startswith("No contact for"), timeout=5000)
    qtbot.waitUntil(lambda: presence() != "No contact for 0 s", timeout=3000)
    qtbot.waitUntil(lambda: shown(find(screen, "presence_room-3")), timeout=2000)


def test_malformed_payloads_are_ignored_and_the_station_keeps_working(clinic: Clinic,
                                                                     qtbot: Any) -> None:
    ctrl = clinic.station()
    clinic.show(ctrl)
    rogue = raw_client(clinic.endpoint, "rogue")
    good = p.encode_call(p.CallMessage("x1", "room-9", p.Kind.CALL, "urgent", "Call", 100, 0.0))
    junk = [
        ("kiosk/v1/rooms/room-9/calls/x1", b"{not json"),
        ("kiosk/v1/rooms/room-9/calls/x1", good.replace(b'"v":1', b'"v":9')),
        ("kiosk/v1/rooms/room-9/calls/x1", b"x" * 20_000),
        ("kiosk/v1/rooms/room-9/calls/x2", good),
        ("kiosk/v1/rooms/room-9/calls/x1", good.replace(b'"priority":100', b'"priority":"hi"')),
        ("kiosk/v1/rooms/room-9/presence", b'{"v":1,"online":"yes"}'),
        ("kiosk/v1/rooms/room-9/session", b'{"v":1}'),
        ("kiosk/v1/rooms/bad room/calls/x1", good),
        ("kiosk/v1/rooms/room-9/calls/x1/ack", b"[]"),
        ("kiosk/v1/stations/desk-z/presence", b"\xff\xfe"),
    ]
    for topic, payload in junk:
        rogue.publish(topic, payload, qos=1)
    rogue.loop(timeout=0.2)
    room = clinic.room("room-1")
    call_id = room.call_nurse()
    qtbot.waitUntil(lambda: room.urgent_state is CallState.RECEIVED, timeout=5000)
    assert rows(ctrl, "callId") == [call_id]
    assert "room-9" not in {r["roomId"] for r in ctrl.rooms}
    rogue.disconnect()


# ---- several stations ------------------------------------------------------------------------

def test_two_stations_show_the_same_calls_and_each_others_answers(clinic: Clinic,
                                                                  qtbot: Any) -> None:
    a = clinic.station("desk-a")
    b = clinic.station("desk-b")
    room = clinic.room("room-2")
    call_id = room.call_nurse()
    request_id = room.request("bathroom", "Bathroom", p.REQUEST_PRIORITIES["normal"])
    for ctrl in (a, b):
        qtbot.waitUntil(lambda c=ctrl: rows(c, "callId") == [call_id, request_id], timeout=5000)

    a.acknowledge(call_id)
    qtbot.waitUntil(lambda: b.calls[0]["stateText"] == "On the way (desk-a)", timeout=5000)
    assert a.calls[0]["stateText"] == "A nurse is on the way"

    b.resolve(request_id)
    qtbot.waitUntil(lambda: rows(a, "callId") == [call_id], timeout=5000)
    assert rows(b, "callId") == [call_id]


def test_a_station_that_starts_late_shows_every_open_call(clinic: Clinic, qtbot: Any) -> None:
    room1 = clinic.room("room-1")
    room2 = clinic.room("room-2")
    ids = {room1.call_nurse(), room2.request("anxious", "Feeling anxious",
                                             p.REQUEST_PRIORITIES["high"])}
    ctrl = clinic.station("desk-late")
    clinic.show(ctrl)
    qtbot.waitUntil(lambda: set(rows(ctrl, "callId")) == ids, timeout=5000)
    qtbot.waitUntil(lambda: room1.urgent_state is CallState.RECEIVED, timeout=5000)
    assert ctrl.chiming


# ---- the screen itself (board fed directly, no broker) ---------------------------------------

@pytest.fixture
def shots_screen(qtbot: Any) -> Iterator[tuple[Screen, StationController]]:
    create_gui_app()
    import kiosk.qt.station  # noqa: F401

    ctrl = station_for_screenshots()
    screen = load_window("Station", {"station": ctrl})
    screen.engine.singletonInstance("Kiosk", "Theme").setProperty("reducedMotion", True)
    screen.window.setGeometry(0, 0, 1280, 800)
    screen.window.show()
    qtbot.waitExposed(screen.window)
    yield screen, ctrl
    screen.window.hide()
    release(screen.engine)


STATES: list[tuple[str, Callable[[StationController], None]]] = station_screenshot_states()


@pytest.mark.parametrize("state", STATES, ids=[name for name, _ in STATES])
@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
def test_every_station_state_has_named_large_targets_and_large_high_contrast_text(
        shots_screen: tuple[Screen, StationController], qtbot: Any,
        state: tuple[str, Callable[[StationController], None]], size: tuple[int, int]) -> None:
    screen, ctrl = shots_screen
    screen.window.setGeometry(0, 0, *size)
    state[1](ctrl)
    qtbot.wait(50)
    every = [i for i in items(screen.window.contentItem())
             if i.inherits("QQuickAbstractButton") or i.inherits("QQuickMouseArea")]
    for item in every:
        assert item.objectName(), f"an interactive {item.metaObject().className()} has no name"
        assert accessible_name(item), f"{item.objectName()} has no Accessible.name"
    for target in targets(screen.window):
        _, _, w, h = scene_rect(target)
        assert w >= 110 and h >= 110, f"{target.objectName()} is {w:.0f}x{h:.0f} px"
    texts = [i for i in items(screen.window.contentItem())
             if i.inherits("QQuickText") and shown(i) and i.property("text")]
    assert texts
    for text in texts:
        ratio = contrast(text.property("color"), background_behind(text, screen.window))
        assert ratio >= 7.0, f"'{text.property('text')}' has contrast {ratio:.1f}:1"
        assert text.property("font").pixelSize() >= 24, f"'{text.property('text')}' is too small"


def test_overdue_and_urgent_calls_come_first_and_are_drawn_larger(
        shots_screen: tuple[Screen, StationController], qtbot: Any) -> None:
    screen, ctrl = shots_screen
    dict(STATES)["station-every-call-state"](ctrl)
    qtbot.wait(50)
    assert rows(ctrl, "stateKey") == ["new", "overdue", "received", "on_the_way"]
    sizes = [find(screen, f"callRoom_{c}").property("font").pixelSize()
             for c in rows(ctrl, "callId")]
    assert min(sizes[:2]) > max(sizes[2:])
    borders = [QQmlProperty.read(find(screen, f"callCard_{c}"), "border.width")
               for c in rows(ctrl, "callId")]
    assert min(borders[:2]) > 0 and max(borders[2:]) == 0
    on_the_way = rows(ctrl, "callId")[3]
    assert not shown(find(screen, f"ackButton_{on_the_way}"))


def test_the_broker_banner_shows_only_while_the_link_is_down(
        shots_screen: tuple[Screen, StationController], qtbot: Any) -> None:
    screen, ctrl = shots_screen
    dict(STATES)["station-quiet"](ctrl)
    qtbot.waitUntil(lambda: not shown(find(screen, "brokerBanner")), timeout=2000)
    dict(STATES)["station-not-connected"](ctrl)
    qtbot.waitUntil(lambda: shown(find(screen, "brokerBanner")), timeout=2000)
    assert QColor(find(screen, "brokerBanner").property("color")).isValid()


def test_an_infusion_that_ends_shows_a_notice_with_one_chime_until_a_nurse_has_seen_it(
        qtbot) -> None:  # type: ignore[no-untyped-def]
    create_gui_app()
    station = station_for_screenshots()
    screen = load_window("Station", {"station": station})
    try:
        status = p.SessionStatus("room-2", True, "rest", "Resting", 3590, True,
                                 station.clock.wall())
        before = station.chime_count
        station.board.on_session(status)
        station.board.on_session(status)  # the room publishes again each minute
        notices = station.property("notices")
        assert [n["text"] for n in notices] == ["Room 2: infusion time complete"]
        assert station.chime_count == before + 1
        for _ in range(15):
            station.board.tick()
        assert station.chime_count == before + 1, "a notice is not a call: it does not repeat"
        seen = [i for i in items(screen.window.contentItem())
                if i.objectName() == "noticeSeen_room-2" and shown(i)]
        assert seen, "the notice has a Seen button on screen"
        station.dismissNotice("room-2")
        assert station.property("notices") == []
    finally:
        screen.close()
