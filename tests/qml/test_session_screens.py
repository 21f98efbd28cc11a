"""The session card and the nurse panel, loaded offscreen with a real SessionController.

Each is placed in a small window at the size Main gives it at 1280x800 (the session card half of
the home grid, the nurse panel the whole content area), driven through its own buttons.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.app.shell import QML_DIR, create_gui_app
from kiosk.core.calls import MemoryOutbox, RoomCalls
from kiosk.core.clock import FakeClock
from kiosk.core.pin import hash_pin
from kiosk.core.session import MemorySessionStore, SessionModel
from kiosk.qt.guide import GuideController
from kiosk.qt.nurse import NurseAccess, NurseDesk
from kiosk.qt.room import RoomController
from kiosk.qt.session import SessionController
from kiosk.settings import load_config
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

MIN = 60.0
PIN = "4821"

WRAPPER = b"""
import QtQuick
import Kiosk

Window {
    id: w
    required property var session
    required property var room
    width: 1280; height: 800
    color: Theme.background
    AreaCard {
        objectName: "sessionCard"
        x: 28; y: 158; width: %d; height: %d
        title: qsTr("Your session")
        SessionArea { anchors.fill: parent; session: w.session }
    }
}
"""

PANEL = b"""
import QtQuick
import Kiosk

Window {
    id: w
    required property var session
    required property var room
    required property var desk
    required property var guide
    width: 1280; height: 800
    color: Theme.background
    NursePanel {
        objectName: "nursePanel"
        x: 28; y: 158; width: 824; height: 614
        session: w.session
        room: w.room
        desk: w.desk
        guide: w.guide
    }
}
"""


@dataclass
class Loaded:
    engine: QQmlApplicationEngine
    window: QQuickWindow
    session: SessionController
    room: RoomController
    clock: FakeClock

    def find(self, name: str) -> QQuickItem:
        return find(self.window, name)

    def tap(self, name: str, qtbot: QtBot) -> None:
        item = self.find(name)
        assert shown(item) and item.isEnabled(), f"{name} is not there to tap"
        QTest.mouseClick(self.window, Qt.MouseButton.LeftButton, pos=centre(item).toPoint())
        qtbot.wait(20)

    def texts(self) -> list[str]:
        return [str(i.property("text")) for i in items(self.window.contentItem())
                if i.inherits("QQuickText") and shown(i) and i.property("text")]

    def later(self, seconds: float) -> None:
        self.clock.advance(seconds)
        self.session.refresh()


class AcceptingLink:
    def publish_call(self, call: object) -> bool:
        return True

    def publish_resolved(self, room: str, msg: object) -> bool:
        return True


def templates() -> list:  # type: ignore[type-arg]
    return list(load_config(None, {}).clinic.session_templates)


def load(qtbot: QtBot, qml: bytes) -> Iterator[Loaded]:
    create_gui_app()
    clock = FakeClock()
    session = SessionController(SessionModel(clock, MemorySessionStore()), templates(),
                                poll_interval_ms=3_600_000)
    room = RoomController("Room 1", "Demo clinic",
                          nurse=NurseAccess(hash_pin(PIN, iterations=1000)))
    engine = QQmlApplicationEngine()
    engine.addImportPath(str(QML_DIR))
    backends: dict[str, QObject] = {"session": session, "room": room}
    if b"desk" in qml:
        calls = RoomCalls("room-1", clock, MemoryOutbox(), AcceptingLink())
        backends["desk"] = NurseDesk(calls, room, session, clock)
    if b"guide" in qml:  # the shipped, unreviewed content
        backends["guide"] = GuideController(load_config(None, {}).clinic.content, "en", "en",
                                            RoomCalls("room-1", clock, MemoryOutbox(),
                                                      AcceptingLink()))
    for backend in backends.values():
        backend.setParent(engine)
    engine.setInitialProperties(backends)
    engine.loadData(qml, Path(__file__).as_uri())
    window = engine.rootObjects()[0]
    assert isinstance(window, QQuickWindow)
    engine.singletonInstance("Kiosk", "Theme").setProperty("reducedMotion", True)
    window.show()
    qtbot.waitExposed(window)
    yield Loaded(engine, window, session, room, clock)
    window.hide()
    engine.deleteLater()


@pytest.fixture
def card(qtbot: QtBot) -> Iterator[Loaded]:
    # Half the home grid beside the call column at 1280x800, and the full-width row option.
    yield from load(qtbot, WRAPPER % (602, 420))


@pytest.fixture
def panel(qtbot: QtBot) -> Iterator[Loaded]:
    yield from load(qtbot, PANEL)


def check_readable_and_reachable(loaded: Loaded) -> None:
    every = [i for i in items(loaded.window.contentItem())
             if i.inherits("QQuickAbstractButton") and shown(i)]
    for item in every:
        assert item.objectName(), f"an interactive {item.metaObject().className()} has no name"
        assert accessible_name(item), f"{item.objectName()} has no Accessible.name"
    for target in targets(loaded.window):
        _, _, w, h = scene_rect(target)
        assert w >= 110 and h >= 110, f"{target.objectName()} is {w:.0f}x{h:.0f} px"
    for text in [i for i in items(loaded.window.contentItem())
                 if i.inherits("QQuickText") and shown(i) and i.property("text")]:
        ratio = contrast(text.property("color"), background_behind(text, loaded.window))
        assert ratio >= 7.0, f"'{text.property('text')}' has contrast {ratio:.1f}:1"
        assert text.property("font").pixelSize() >= 24, f"'{text.property('text')}' is too small"


def test_before_a_session_the_card_says_the_nurse_will_start_it(card: Loaded) -> None:
    assert "Your nurse will start your session." in card.texts()
    assert not shown(card.find("hideTimeButton"))
    check_readable_and_reachable(card)


def test_running_session_shows_phase_its_feeling_and_whole_minutes_left(
        card: Loaded, qtbot: QtBot) -> None:
    card.session.start("ketamine-40", 0)
    card.session.declinePlaylist()
    card.later(15 * MIN + 20)
    qtbot.wait(20)
    texts = card.texts()
    assert "Infusion" in texts
    assert any("far away" in t for t in texts)
    assert "About 30 minutes left" in texts
    assert not any("second" in t for t in texts)
    check_readable_and_reachable(card)


def test_patient_can_hide_the_time_and_still_sees_the_phase(card: Loaded, qtbot: QtBot) -> None:
    card.session.start("ketamine-40", 0)
    card.session.declinePlaylist()
    qtbot.wait(20)
    card.tap("hideTimeButton", qtbot)
    texts = card.texts()
    assert card.session.clockHidden
    assert "Settling in" in texts and not any("left" in t for t in texts)
    assert card.find("hideTimeButton").property("text") == "Show the time"
    card.tap("hideTimeButton", qtbot)
    assert "About 5 minutes left" in card.texts()


def test_phase_playlist_is_offered_not_forced_and_play_hands_it_to_the_music(
        card: Loaded, qtbot: QtBot) -> None:
    card.session.start("ketamine-40", 0)
    qtbot.wait(20)
    assert card.find("playSuggestedButton").property("text") == "Play Slow waves"
    check_readable_and_reachable(card)
    with qtbot.waitSignal(card.session.playlistAccepted) as accepted:
        card.tap("playSuggestedButton", qtbot)
    assert accepted.args == ["Slow waves"]
    assert not shown(card.find("playSuggestedButton"))
    card.later(5 * MIN)  # the infusion phase suggests its own playlist
    qtbot.wait(20)
    with qtbot.assertNotEmitted(card.session.playlistAccepted):
        card.tap("noThanksButton", qtbot)
    assert shown(card.find("hideTimeButton"))


def test_a_soft_note_names_the_next_phase_two_minutes_before_it_begins(
        card: Loaded, qtbot: QtBot) -> None:
    card.session.start("ketamine-40", 0)
    card.session.declinePlaylist()
    card.later(42 * MIN)
    qtbot.wait(20)
    assert not shown(card.find("sessionBanner"))
    card.later(2 * MIN)
    qtbot.wait(20)
    assert shown(card.find("sessionBanner"))
    # What will happen, in the future tense; nothing yet says the drip is over.
    assert "In a few minutes, the next part will begin: Resting." in card.texts()
    assert not [t for t in card.texts() if "is over" in t]
    check_readable_and_reachable(card)
    card.later(2 * MIN)
    qtbot.wait(20)
    assert not shown(card.find("sessionBanner"))
    assert "Resting" in card.texts()


def test_the_card_shows_the_time_left_in_the_whole_session_as_well_as_in_this_part(
        card: Loaded, qtbot: QtBot) -> None:
    card.session.start("ketamine-40", 0)
    card.session.declinePlaylist()
    card.later(10 * MIN)
    qtbot.wait(20)
    texts = card.texts()
    assert "About 35 minutes left" in texts
    assert "Whole session: About 95 minutes left" in texts
    card.session.setClockHidden(True)
    qtbot.wait(20)
    assert not [t for t in card.texts() if "minutes left" in t]


def test_ring_repaints_only_when_progress_moves(card: Loaded, qtbot: QtBot) -> None:
    card.session.start("ketamine-40", 0)
    ring = card.find("sessionRing")
    painted: list[bool] = []
    ring.paint.connect(lambda _region: painted.append(True))  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: len(painted) == 1)  # the first frame of the shown ring
    card.session.refresh()
    qtbot.wait(300)
    assert len(painted) == 1
    card.later(30)
    qtbot.waitUntil(lambda: len(painted) == 2)


def test_nurse_panel_starts_a_set_length_infusion_in_big_steps(
        panel: Loaded, qtbot: QtBot) -> None:
    check_readable_and_reachable(panel)
    assert "A tablet call supplements the wired nurse call." in panel.texts()
    assert any(t.startswith("Sample content: the clinic's medical lead") for t in panel.texts())
    assert not shown(panel.find("nurseMinus5Button"))  # ketamine-40 has a fixed length
    panel.tap("nurseTemplate_iv-infusion", qtbot)
    assert "Infusion 60 min" in panel.texts()
    panel.tap("nursePlus10Button", qtbot)
    panel.tap("nursePlus10Button", qtbot)
    panel.tap("nurseMinus5Button", qtbot)
    assert "Infusion 75 min" in panel.texts()
    check_readable_and_reachable(panel)
    panel.tap("nurseStartButton", qtbot)
    assert panel.session.active and panel.session.templateName == "IV infusion"
    # settle 5 + infusion 75 + rest of the template
    assert panel.session.phaseName == "Settling in"
    panel.later(5 * MIN + 10)
    assert panel.session.minutesLeftText == "About 75 minutes left"


def test_nurse_panel_pauses_resumes_extends_ends_and_resets(panel: Loaded, qtbot: QtBot) -> None:
    panel.tap("nurseStartButton", qtbot)
    check_readable_and_reachable(panel)
    panel.tap("nursePauseButton", qtbot)
    assert panel.session.paused
    assert panel.find("nursePauseButton").property("text") == "Resume"
    panel.tap("nursePauseButton", qtbot)
    assert not panel.session.paused
    panel.tap("nurseExtend10Button", qtbot)
    assert panel.session.minutesLeftText == "About 15 minutes left"
    panel.tap("nurseExtend5Button", qtbot)
    assert panel.session.minutesLeftText == "About 20 minutes left"
    panel.tap("nurseEndButton", qtbot)
    assert not panel.session.ended, "End session asks first"
    panel.tap("nurseConfirmNo", qtbot)
    assert panel.session.active
    panel.tap("nurseEndButton", qtbot)
    panel.tap("nurseConfirmYes", qtbot)
    assert panel.session.ended
    panel.session.setClockHidden(True)
    panel.tap("nurseResetButton", qtbot)
    assert panel.session.ended, "Reset asks first"
    with qtbot.waitSignal(panel.session.patientReset):
        panel.tap("nurseConfirmYes", qtbot)
    assert panel.session.sessionState == "none" and not panel.session.clockHidden
    assert "No session is running." in panel.texts()


def test_back_returns_to_the_home_screen_and_the_panel_is_reached_through_one_slot(
        panel: Loaded, qtbot: QtBot) -> None:
    panel.room.openNursePanel()
    assert panel.room.screen == "home", "the panel opens only with the PIN"
    for digit in PIN:
        panel.room.nurse.pressDigit(digit)
    with qtbot.waitSignal(panel.room.nurse.granted, timeout=5000):
        panel.room.nurse.submit()
    assert panel.room.screen == "nurse"
    panel.tap("nurseBackButton", qtbot)
    assert panel.room.screen == "home"
