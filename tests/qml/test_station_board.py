"""The station's board at clinic scale, over the real QML and a real Mosquitto: every chair on
screen, calls by urgency, the counts, silent tablets first, the station's own outage, the undo
of "Resolved", a sound per urgency, and a press that survives a refresh."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import paho.mqtt.client as mqtt
import pytest
from paho.mqtt.enums import CallbackAPIVersion
from PySide6.QtCore import QPointF, Qt
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

from kiosk.adapters.broker import PrivateBroker
from kiosk.adapters.mqtt_link import StationLink
from kiosk.app.shell import Screen, create_gui_app, load_window
from kiosk.core import protocol as p
from kiosk.core.board import StationBoard
from kiosk.core.calls import CallState
from kiosk.core.clock import Clock, FakeClock, SystemClock
from kiosk.qt.station import StationController
from kiosk.screenshots.station import station_for_screenshots, station_screenshot_states
from tests.qml.helpers import centre, scene_rect, shown
from tests.qml.test_station_screen import WALL, Clinic, lookup, release
from tests.support.broker import broker  # noqa: F401 - the fixture

STATES = dict(station_screenshot_states())


class Board(Clinic):
    """A clinic whose station is configured with any rooms and records what it sounds."""

    def __init__(self, running: PrivateBroker, qtbot: Any) -> None:
        super().__init__(running, qtbot)
        self._clients: list[mqtt.Client] = []
        self.sounds: list[str] = []

    def board(self, names: dict[str, str], *, clock: Clock | None = None,
              tick_ms: int = 1000, undo_seconds: float = 5.0,
              chime_repeat_seconds: float = 10.0) -> StationController:
        link = StationLink("desk-a", self.endpoint, self.dispatcher.post)
        clock = clock or SystemClock()
        board = StationBoard("desk-a", clock, link, escalation_minutes=5,
                             chime_repeat_seconds=chime_repeat_seconds)
        link.attach(board)
        ctrl = StationController(board, title="Nurse station", room_names=names,
                                 known_rooms=list(names), clock=clock, tick_ms=tick_ms,
                                 undo_seconds=undo_seconds, play_chime=self.sounds.append)
        self._controllers.append(ctrl)
        self._start(link)
        self.qtbot.waitUntil(lambda: ctrl.connected, timeout=5000)
        return ctrl

    def tablets(self) -> mqtt.Client:
        """One client speaking for many tablets, as docs/protocol.md describes them."""
        client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id="many-tablets")
        host, port, _ = self.endpoint.host_port_tls()
        client.connect(host, port)
        client.loop_start()
        self._clients.append(client)
        return client

    def close(self) -> None:
        for client in self._clients:
            client.loop_stop()
            client.disconnect()
        self._clients.clear()
        super().close()


@pytest.fixture
def clinic(broker: PrivateBroker, qtbot: Any) -> Iterator[Board]:  # noqa: F811
    world = Board(broker, qtbot)
    yield world
    world.close()


def say_presence(client: mqtt.Client, room: str, online: bool) -> None:
    payload = p.encode_presence(p.Presence(True)) if online else p.offline_will()
    client.publish(p.room_presence_topic(room), payload, qos=1, retain=True).wait_for_publish(5)


def say_session(client: mqtt.Client, room: str, minutes_left: int) -> None:
    status = p.SessionStatus(room, True, "infusion", "Infusion", minutes_left * 60, False, WALL)
    client.publish(p.session_topic(room), p.encode_session(status), qos=1,
                   retain=True).wait_for_publish(5)


def tile_order(ctrl: StationController) -> list[str]:
    return [r["roomId"] for r in ctrl.rooms]


def inside(item: QQuickItem, area: QQuickItem) -> bool:
    x, y, w, h = scene_rect(item)
    ax, ay, aw, ah = scene_rect(area)
    return x >= ax and y >= ay and x + w <= ax + aw + 0.5 and y + h <= ay + ah + 0.5


def tap(screen: Screen, name: str) -> None:
    item = lookup(screen, name)
    assert item is not None and shown(item), f"{name} is not on screen"
    QTest.mouseClick(screen.window, Qt.MouseButton.LeftButton, pos=centre(item).toPoint())


# ---- every chair at a glance ----------------------------------------------------------------

def test_forty_chairs_from_the_broker_all_show_on_a_1280x800_screen_silent_tablets_first(
        clinic: Board, qtbot: Any) -> None:
    # The config names four chairs; the other 36 tablets are only heard on the broker.
    named = {f"room-{n}": f"Chair {n}" for n in range(1, 5)}
    ctrl = clinic.board(named)
    screen = clinic.show(ctrl)
    tablets = clinic.tablets()
    rooms = [f"room-{n}" for n in range(1, 41)]
    for n, room in enumerate(rooms):
        say_presence(tablets, room, online=room not in ("room-17", "room-33"))
        say_session(tablets, room, 5 + n)
    qtbot.waitUntil(lambda: len(ctrl.rooms) == 40, timeout=5000)
    qtbot.waitUntil(lambda: ctrl.property("silentCount") == 2, timeout=5000)
    qtbot.waitUntil(lambda: sum(r["tileState"] == "session" for r in ctrl.rooms) == 38,
                    timeout=5000)

    unnamed = [f"room-{n}" for n in range(5, 41) if n not in (17, 33)]
    assert tile_order(ctrl) == ["room-17", "room-33", *named, *unnamed], \
        "silent first, then the config's chairs, then others in natural order (room-5 < room-10)"

    grid = lookup(screen, "roomGrid")
    assert grid is not None
    qtbot.waitUntil(lambda: all(lookup(screen, f"roomTile_{r}") is not None for r in rooms),
                    timeout=3000)
    for room in rooms:
        face = lookup(screen, f"tileFace_{room}")
        assert face is not None and shown(face)
        assert inside(face, grid), f"{room} is cut off: {scene_rect(face)}"
        assert inside(face, screen.window.contentItem())
    assert not shown(lookup(screen, "roomsMoreBelow") or grid), "nothing is below"
    first = lookup(screen, "presence_room-17")
    assert first is not None and first.property("text") == "Silent"
    assert lookup(screen, "tileName_room-1").property("text") == "Chair 1"  # type: ignore[union-attr]
    assert lookup(screen, "tileTime_room-40").property("text") == "44m"  # type: ignore[union-attr]


def test_a_larger_screen_shows_more_chairs_of_the_same_size_and_says_how_many_are_below(
        qtbot: Any) -> None:
    create_gui_app()
    ctrl = station_for_screenshots()
    screen = load_window("Station", {"station": ctrl})
    seen: dict[tuple[int, int], tuple[int, set[tuple[int, int]]]] = {}
    try:
        screen.window.show()
        qtbot.waitExposed(screen.window)
        STATES["station-100-rooms"](ctrl)
        grid = lookup(screen, "roomGrid")
        cue = lookup(screen, "roomsMoreBelow")
        assert grid is not None and cue is not None

        def faces() -> list[QQuickItem]:
            found = (lookup(screen, f"tileFace_{r['roomId']}") for r in ctrl.rooms)
            return [f for f in found if f is not None and shown(f) and inside(f, grid)]

        for size in ((1280, 800), (1920, 1080)):
            screen.window.setGeometry(0, 0, *size)
            # Laid out for this size: the cue counts exactly the tiles not on screen.
            qtbot.waitUntil(lambda s=size: sum(scene_rect(grid)[::2]) > s[0] - 30 and shown(cue)
                            and cue.property("text") == f"{100 - len(faces())} more rooms below",
                            timeout=3000)
            on_screen = faces()
            seen[size] = (len(on_screen), {(round(f.width()), round(f.height()))
                                           for f in on_screen})
    finally:
        screen.window.hide()
        release(screen.engine)
    (small, small_sizes), (large, large_sizes) = seen[(1280, 800)], seen[(1920, 1080)]
    assert small >= 35 and large >= 2 * small, (small, large)
    widths = {w for w, _ in small_sizes | large_sizes}
    heights = {h for _, h in small_sizes | large_sizes}
    assert max(widths) - min(widths) <= 6 and len(heights) == 1, "more tiles, not bigger ones"


# ---- calls by urgency, and the counts -------------------------------------------------------

def test_calls_line_up_by_urgency_then_age_and_the_header_counts_them(clinic: Board,
                                                                      qtbot: Any) -> None:
    station_clock = FakeClock(wall=WALL)
    names = {f"room-{n}": f"Room {n}" for n in range(1, 6)}
    ctrl = clinic.board(names, clock=station_clock, tick_ms=50)
    screen = clinic.show(ctrl)
    water = clinic.room("room-1", FakeClock(wall=WALL - 400))  # escalates: 5 min is the limit
    blanket = clinic.room("room-2", FakeClock(wall=WALL - 60))
    sick = clinic.room("room-3", FakeClock(wall=WALL - 10))
    urgent = clinic.room("room-4", FakeClock(wall=WALL))
    anxious = clinic.room("room-5", FakeClock(wall=WALL - 120))
    low = p.REQUEST_PRIORITIES["low"]
    ids = [water.request("water", "Water", low),
           blanket.request("blanket", "Blanket", low),
           sick.request("sick", "Feeling sick", p.REQUEST_PRIORITIES["high"]),
           urgent.call_nurse(),
           anxious.request("anxious", "Feeling anxious", p.REQUEST_PRIORITIES["high"])]
    qtbot.waitUntil(lambda: len(ctrl.calls) == 5, timeout=5000)
    qtbot.waitUntil(lambda: ctrl.property("overdueCount") == 1, timeout=3000)

    expected = [ids[3], ids[4], ids[2], ids[0], ids[1]]
    assert [c["callId"] for c in ctrl.calls] == expected
    assert [c["urgency"] for c in ctrl.calls] == ["urgent", "high", "high", "normal", "normal"]
    qtbot.waitUntil(lambda: all(lookup(screen, f"callCard_{c}") is not None for c in expected),
                    timeout=3000)
    tops = [scene_rect(lookup(screen, f"callCard_{c}"))[1] for c in expected]  # type: ignore[arg-type]
    assert tops == sorted(tops), "the screen shows the same order, top to bottom"
    for c in expected:
        assert inside(lookup(screen, f"callCard_{c}"), screen.window.contentItem())  # type: ignore[arg-type]

    assert lookup(screen, "openCountValue").property("text") == "5"  # type: ignore[union-attr]
    assert lookup(screen, "overdueCountValue").property("text") == "1"  # type: ignore[union-attr]
    assert lookup(screen, "silentCountValue").property("text") == "0"  # type: ignore[union-attr]
    colours = {c: lookup(screen, f"callBadge_{c}").property("color").name()  # type: ignore[union-attr]
               for c in (ids[3], ids[2], ids[0])}
    assert len(set(colours.values())) == 3, "urgent, high and normal each have their colour"

    tablets = clinic.tablets()
    say_presence(tablets, "room-2", online=False)
    qtbot.waitUntil(lambda: lookup(screen, "silentCountValue").property("text") == "1",  # type: ignore[union-attr]
                    timeout=5000)
    assert tile_order(ctrl)[0] == "room-2"


# ---- the station's own outage -----------------------------------------------------------------

def test_when_the_station_loses_the_broker_every_tile_says_its_state_is_unknown(
        clinic: Board, broker: PrivateBroker, qtbot: Any) -> None:  # noqa: F811
    names = {f"room-{n}": f"Room {n}" for n in range(1, 4)}
    ctrl = clinic.board(names)
    screen = clinic.show(ctrl)
    tablets = clinic.tablets()
    for room in names:
        say_presence(tablets, room, online=room != "room-3")
    qtbot.waitUntil(lambda: [r["tileState"] for r in ctrl.rooms] == ["silent", "idle", "idle"],
                    timeout=5000)

    broker.stop()
    qtbot.waitUntil(lambda: not ctrl.connected, timeout=10000)
    assert [r["tileState"] for r in ctrl.rooms] == ["unknown"] * 3
    assert tile_order(ctrl) == ["room-3", "room-1", "room-2"], "the tiles do not jump"
    assert {r["presenceText"] for r in ctrl.rooms} == {"Unknown: this station has no link"}
    for room in names:
        word = lookup(screen, f"presence_{room}")
        assert word is not None and shown(word) and word.property("text") == "Unknown"
    assert lookup(screen, "silentCountValue").property("text") == "?"  # type: ignore[union-attr]
    banner = lookup(screen, "brokerBanner")
    assert banner is not None
    qtbot.waitUntil(lambda: shown(banner), timeout=2000)

    broker.start()
    qtbot.waitUntil(lambda: ctrl.connected, timeout=15000)
    qtbot.waitUntil(lambda: [r["tileState"] for r in ctrl.rooms] == ["silent", "idle", "idle"],
                    timeout=5000)


# ---- Resolved, with its undo ------------------------------------------------------------------

def test_resolved_can_be_undone_and_reaches_the_room_only_after_the_undo_time(
        clinic: Board, qtbot: Any) -> None:
    station_clock = FakeClock(wall=WALL)
    ctrl = clinic.board({"room-1": "Room 1"}, clock=station_clock, tick_ms=50,
                        undo_seconds=5.0)
    screen = clinic.show(ctrl)
    room = clinic.room("room-1")
    call_id = room.call_nurse()
    qtbot.waitUntil(lambda: room.urgent_state is CallState.RECEIVED, timeout=5000)
    qtbot.waitUntil(lambda: lookup(screen, f"resolveButton_{call_id}") is not None, timeout=3000)

    resolve = lookup(screen, f"resolveButton_{call_id}")
    ack = lookup(screen, f"ackButton_{call_id}")
    assert resolve is not None and ack is not None
    gap = scene_rect(ack)[0] - (scene_rect(resolve)[0] + resolve.width())
    assert gap >= 150, f"Resolved is only {gap:.0f} px from On my way"

    tap(screen, f"resolveButton_{call_id}")
    qtbot.waitUntil(lambda: ctrl.calls[0]["resolving"], timeout=2000)
    undo = lookup(screen, f"undoButton_{call_id}")
    assert undo is not None and shown(undo)
    assert scene_rect(undo) == scene_rect(resolve), "Undo is where the finger already is"
    assert not shown(ack), "no On my way for a call being resolved"
    station_clock.advance(4)
    qtbot.waitUntil(lambda: ctrl.calls[0]["stateShort"] == "Clears in 1 s", timeout=2000)
    assert room.urgent_state is CallState.RECEIVED, "nothing is sent during the undo time"

    tap(screen, f"undoButton_{call_id}")
    qtbot.waitUntil(lambda: not ctrl.calls[0]["resolving"], timeout=2000)
    station_clock.advance(10)
    qtbot.waitUntil(lambda: shown(lookup(screen, f"ackButton_{call_id}") or resolve),
                    timeout=2000)
    assert [c["callId"] for c in ctrl.calls] == [call_id], "an undone Resolved keeps the call"
    assert room.urgent_state is CallState.RECEIVED

    tap(screen, f"resolveButton_{call_id}")
    qtbot.waitUntil(lambda: ctrl.calls and ctrl.calls[0]["resolving"], timeout=2000)
    station_clock.advance(5)
    qtbot.waitUntil(lambda: room.urgent_state is CallState.IDLE, timeout=5000)
    assert ctrl.calls == []


def test_a_resolved_still_within_its_undo_time_is_sent_when_the_station_closes(
        clinic: Board, qtbot: Any) -> None:
    ctrl = clinic.board({"room-1": "Room 1"}, clock=FakeClock(wall=WALL), undo_seconds=5.0)
    room = clinic.room("room-1")
    call_id = room.request("water", "Water", p.REQUEST_PRIORITIES["low"])
    qtbot.waitUntil(lambda: [c["callId"] for c in ctrl.calls] == [call_id], timeout=5000)
    ctrl.resolve(call_id)
    assert ctrl.calls[0]["resolving"]
    ctrl.send_pending_resolutions()
    qtbot.waitUntil(lambda: room.items == [] and ctrl.calls == [], timeout=5000)


# ---- a sound per urgency ------------------------------------------------------------------------

def test_each_urgency_sounds_its_own_chime_and_repeats_follow_the_most_pressing_waiting_call(
        clinic: Board, qtbot: Any) -> None:
    ctrl = clinic.board({"room-1": "Room 1", "room-2": "Room 2"}, tick_ms=50,
                        chime_repeat_seconds=0.3)
    one, two = clinic.room("room-1"), clinic.room("room-2")

    def next_sound(action: Callable[[], Any]) -> str:
        before = len(clinic.sounds)
        action()
        qtbot.waitUntil(lambda: len(clinic.sounds) > before, timeout=5000)
        return clinic.sounds[before]

    water = one.request("water", "Water", p.REQUEST_PRIORITIES["low"])
    qtbot.waitUntil(lambda: clinic.sounds[:1] == ["normal"], timeout=5000)
    assert next_sound(lambda: two.request("sick", "Feeling sick",
                                          p.REQUEST_PRIORITIES["high"])) == "high"
    assert next_sound(lambda: None) == "high", "the repeat is for the sick patient"
    urgent_id = ""

    def call_nurse() -> None:
        nonlocal urgent_id
        urgent_id = one.call_nurse()

    assert next_sound(call_nurse) == "urgent"
    ctrl.acknowledge(urgent_id)
    qtbot.waitUntil(lambda: len(ctrl.calls) == 3, timeout=5000)
    sick_id = next(c["callId"] for c in ctrl.calls if c["urgency"] == "high")
    qtbot.waitUntil(lambda: clinic.sounds[-1] == "high", timeout=5000)
    ctrl.acknowledge(sick_id)
    qtbot.waitUntil(lambda: clinic.sounds[-1] == "normal", timeout=5000)
    ctrl.acknowledge(water)
    qtbot.waitUntil(lambda: not ctrl.chiming, timeout=2000)
    heard = len(clinic.sounds)

    status = p.SessionStatus("room-2", True, "rest", "Resting", 3000, True, WALL)
    ctrl.board.on_session(status)
    assert clinic.sounds[heard:] == ["info"], \
        f"the end of an infusion is information, once: {clinic.sounds} {ctrl.notices}"


def test_the_product_has_a_distinct_soft_sound_file_for_each_urgency() -> None:
    from kiosk.adapters.cues import SOUNDS
    from kiosk.app.station import StationChimes

    files = {key: SOUNDS / name for key, (_, name, _) in StationChimes.SOUNDS.items()}
    assert set(files) == {"urgent", "high", "normal", "info"}
    missing = [str(f) for f in files.values() if not f.is_file()]
    assert not missing, f"run python scripts/synth_audio.py: {missing}"
    contents = {f.read_bytes() for f in files.values()}
    assert len(contents) == 4, "each urgency sounds different"
    volumes = [v for (_, _, v) in StationChimes.SOUNDS.values()]
    assert volumes == sorted(volumes, reverse=True) and max(volumes) <= 75


# ---- a press and a refresh --------------------------------------------------------------------

def test_a_press_held_through_a_refresh_still_lands(clinic: Board, qtbot: Any) -> None:
    station_clock = FakeClock(wall=WALL)
    ctrl = clinic.board({"room-1": "Room 1", "room-2": "Room 2"}, clock=station_clock,
                        tick_ms=50)
    screen = clinic.show(ctrl)
    room = clinic.room("room-1", FakeClock(wall=WALL))
    call_id = room.call_nurse()
    qtbot.waitUntil(lambda: lookup(screen, f"ackButton_{call_id}") is not None, timeout=5000)
    button = lookup(screen, f"ackButton_{call_id}")
    assert button is not None
    where = centre(button).toPoint()

    QTest.mousePress(screen.window, Qt.MouseButton.LeftButton, pos=where)
    # While the finger is down: the call ages a minute, another room asks for water, ticks run.
    station_clock.advance(61)
    other = clinic.room("room-2", FakeClock(wall=WALL)).request(
        "water", "Water", p.REQUEST_PRIORITIES["low"])
    qtbot.waitUntil(lambda: len(ctrl.calls) == 2 and ctrl.calls[0]["ageText"] == "1 min",
                    timeout=5000)
    assert lookup(screen, f"ackButton_{call_id}") is button, "the row was updated, not rebuilt"
    assert centre(button) == QPointF(where), "the row did not move under the finger"
    QTest.mouseRelease(screen.window, Qt.MouseButton.LeftButton, pos=where)

    qtbot.waitUntil(lambda: room.urgent_state is CallState.ON_THE_WAY, timeout=5000)
    assert [c["callId"] for c in ctrl.calls] == [call_id, other]


def test_a_missing_chime_file_falls_back_to_another_sound_so_a_call_is_never_silent(
        qtbot: Any) -> None:
    from kiosk.app.station import StationChimes
    from kiosk.qt.dispatch import Dispatcher
    from tests.support import need

    class OneFileMissing(StationChimes):
        SOUNDS = {**StationChimes.SOUNDS,
                  "urgent": ("station chime (urgent call)", "no-such-file.wav", 72)}

    create_gui_app()
    dispatcher = Dispatcher()
    chimes = OneFileMissing(dispatcher.post)
    try:
        need(chimes.players["normal"].available, "libVLC",
             "apt-get install libvlc5 vlc-plugin-base libvlc-bin")
        assert not chimes.players["urgent"].available
        assert "no-such-file.wav" in (chimes.players["urgent"].problem or "")
        assert chimes.problem is None, "the station can still sound: no banner"
        chimes.play("urgent")
        assert chimes.players["normal"].played == 1
    finally:
        chimes.release()
        release(dispatcher)


def test_the_today_view_shows_the_days_response_times_and_reads_them_again_while_open(
        qtbot: Any) -> None:
    create_gui_app()
    ctrl = station_for_screenshots()
    times = ctrl.property("responseTimes")
    reads: list[int] = []
    original = times.refresh
    times.refresh = lambda: (reads.append(1), original())  # type: ignore[method-assign]
    screen = load_window("Station", {"station": ctrl})
    try:
        screen.window.setGeometry(0, 0, 1280, 800)
        screen.window.show()
        qtbot.waitExposed(screen.window)
        STATES["station-quiet"](ctrl)
        tap(screen, "todayButton")
        view = lookup(screen, "todayView")
        assert view is not None and shown(view)
        summary = times.property("summary")
        assert summary["calls"] > 0
        title = lookup(screen, "todayTitle")
        assert title is not None and title.property("text") == f"Today: {summary['calls']} calls"
        ack = lookup(screen, "todayAck")
        assert ack is not None and "half within" in ack.property("text")
        assert "no data" not in ack.property("text")
        assert len(reads) == 1
        assert isinstance(ctrl.clock, FakeClock)
        ctrl.clock.advance(61)
        ctrl._tick()
        assert len(reads) == 2, "the figures are read again each minute while the view is open"
        tap(screen, "todayClose")
        assert not shown(view)
    finally:
        screen.window.hide()
        release(screen.engine)


def test_notices_sit_below_the_calls_and_a_cue_counts_the_calls_out_of_sight(
        qtbot: Any) -> None:
    create_gui_app()
    ctrl = station_for_screenshots()
    screen = load_window("Station", {"station": ctrl})
    try:
        screen.window.setGeometry(0, 0, 1280, 800)
        screen.window.show()
        qtbot.waitExposed(screen.window)
        STATES["station-quiet"](ctrl)
        board, wall = ctrl.board, ctrl.clock.wall()
        for n in (1, 2, 3):  # three infusions end first...
            board.on_session(p.SessionStatus(f"room-{n}", True, "rest", "Resting", 3000, True,
                                             wall))
        for n in range(8):  # ...then eight calls arrive
            board.on_call(p.CallMessage(f"late-{n}", f"room-{n % 4 + 1}", p.Kind.CALL,
                                        p.URGENT_REASON, "Call", p.URGENT_PRIORITY, wall - n))
        ctrl.refresh()
        calls = lookup(screen, "callList")
        cue = lookup(screen, "callsMoreBelow")
        assert calls is not None and cue is not None
        qtbot.waitUntil(lambda: cue.property("text") == "2 more calls below", timeout=3000)
        ids = [c["callId"] for c in ctrl.calls]
        for call_id in ids[:6]:
            card = lookup(screen, f"callCard_{call_id}")
            assert card is not None and inside(card, calls), f"{call_id} is pushed off screen"
        notice = lookup(screen, "infusionNotice_room-1")
        assert notice is None or scene_rect(notice)[1] >= scene_rect(calls)[1] + calls.height()

        for call_id in ids:
            board.resolve(call_id)
        ctrl.refresh()
        qtbot.waitUntil(lambda: cue.property("text") == "", timeout=3000)
        for n in (1, 2, 3):
            notice = lookup(screen, f"infusionNotice_room-{n}")
            assert notice is not None and inside(notice, calls)
    finally:
        screen.window.hide()
        release(screen.engine)
