"""How each call state looks on the real call button: its own title, icon, colour and frame;
the press changes it at once with a soft tone; a call wakes a resting screen; every colour
pair the Theme uses is checked for contrast.

The room is assembled as the app assembles it (kiosk.app.room), on the screenshot parts: a fake
clock and a link that takes every message; the states come from the same station messages the
screenshots use (kiosk/screenshots/calls.py)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtQml import QQmlApplicationEngine, QQmlProperty
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.app.room import Room, assemble_room
from kiosk.app.shell import QML_DIR, create_gui_app
from kiosk.core.clock import FakeClock
from kiosk.qt.dispatch import Dispatcher
from kiosk.screenshots.calls import CallScenes
from kiosk.screenshots.fakes import offline_parts
from kiosk.settings import load_config, resolve_room
from tests.qml.helpers import CountingCue, centre, contrast, find, items, shown

# The call column and the rest overlay as Main places them, and the requests screen.
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
                  right: button.left; margins: Theme.margin }
        active: root.room.screen === "requests"
        sourceComponent: RequestsScreen { room: root.room; calls: root.calls }
    }
    RestOverlay {
        anchors.fill: parent
        z: 1
        active: root.room.restMode
        onWakeRequested: root.room.wake()
    }
    CallButton {
        id: button
        z: 2
        anchors { right: parent.right; top: parent.top; bottom: parent.bottom
                  margins: Theme.margin }
        width: Theme.callColumnWidth
        calls: root.calls
        resting: root.room.restMode
    }
}
"""


def _read(item: QQuickItem, path: str) -> object:
    """A grouped property (`border.width`) as QML reads it."""
    return QQmlProperty(item, path).read()


@dataclass
class CallScreen:
    room: Room
    scenes: CallScenes
    window: QQuickWindow
    engine: QQmlApplicationEngine
    cues: dict[str, CountingCue] = field(default_factory=dict)

    @property
    def button(self) -> QQuickItem:
        return find(self.window, "callNurseButton")

    def look(self) -> tuple[str, str, QColor, int]:
        """Title, icon, fill and frame width as drawn."""
        background = self.button.property("background")
        return (str(find(self.window, "callNurseTitle").property("text")),
                str(find(self.window, "callNurseIcon").property("text")),
                QColor(background.property("color")),
                int(_read(background, "border.width")))


@pytest.fixture
def call_screen(qtbot: QtBot) -> Iterator[CallScreen]:
    create_gui_app()
    config = load_config(None, {})
    settings = resolve_room(config, None, {})
    dispatcher = Dispatcher()
    clock = FakeClock()
    cues: dict[str, CountingCue] = {}

    def cue(name: str) -> CountingCue:
        return cues.setdefault(name, CountingCue())

    parts = offline_parts(dispatcher.post, clock, with_audio=False)
    parts.cue = cue
    room = assemble_room(config, settings, parts, dispatcher.post)
    room.start()
    engine = QQmlApplicationEngine()
    engine.addImportPath(str(QML_DIR))
    for backend in room.backends().values():
        backend.setParent(engine)
    engine.setInitialProperties({"calls": room.calls, "room": room.room})
    engine.loadData(WRAPPER)
    window = engine.rootObjects()[0]
    assert isinstance(window, QQuickWindow)
    engine.singletonInstance("Kiosk", "Theme").setProperty("reducedMotion", True)
    window.show()
    qtbot.waitExposed(window)
    yield CallScreen(room, CallScenes(room, clock), window, engine, cues)
    window.hide()
    room.stop()
    engine.deleteLater()


def test_the_icon_font_is_installed(call_screen: CallScreen) -> None:
    theme = call_screen.engine.singletonInstance("Kiosk", "Theme")
    assert theme.property("iconsAvailable"), (
        "install the Debian package fonts-material-design-icons-iconfont")


def test_every_call_state_has_its_own_title_icon_and_colour(
        call_screen: CallScreen, qtbot: QtBot) -> None:
    looks: dict[str, tuple[str, str, QColor, int]] = {}
    for name, setup in call_screen.scenes.states():
        if name in ("requests-open", "call-received-speaking-to-you"):
            continue  # not call states: the requests screen, and received with speech on
        setup()
        qtbot.wait(20)
        looks[name] = call_screen.look()
    call_screen.scenes.reset()
    qtbot.wait(20)
    looks["idle"] = call_screen.look()

    assert len(looks) == 7
    for part, what in ((0, "title"), (1, "icon"), (2, "colour")):
        values = [look[part] for look in looks.values()]
        assert len(set(map(str, values))) == len(values), f"two states share a {what}: {looks}"
    # Once a call is open the button never keeps saying "Call nurse".
    assert [n for n, look in looks.items() if look[0] == "Call nurse"] == ["idle"]
    # Trouble is drawn as trouble: the heaviest frame, and never the calm colour of a heard call.
    trouble = {looks["call-not-through"][3], looks["call-no-station-online"][3]}
    calm = {looks[n][3] for n in ("idle", "call-calling", "call-received",
                                  "call-nurse-on-the-way", "call-saved-tablet-offline")}
    assert min(trouble) > max(calm)


def test_the_press_changes_the_button_at_once_and_plays_the_soft_tone(
        call_screen: CallScreen) -> None:
    call_screen.scenes.reset()
    QTest.mouseClick(call_screen.window, Qt.MouseButton.LeftButton,
                     pos=centre(call_screen.button).toPoint())
    # No event loop turn in between: the title has already changed when the click returns.
    assert call_screen.look()[0] == "Calling..."
    assert call_screen.cues["call press"].plays == 1


def test_a_call_while_resting_wakes_the_screen(call_screen: CallScreen, qtbot: QtBot) -> None:
    room = call_screen.room.room
    call_screen.scenes.reset()
    room.rest()
    assert shown(find(call_screen.window, "restOverlay"))
    QTest.mouseClick(call_screen.window, Qt.MouseButton.LeftButton,
                     pos=centre(call_screen.button).toPoint())
    assert not room.restMode
    assert call_screen.room.calls.callState == "calling"


def test_a_station_reply_while_resting_wakes_the_screen(
        call_screen: CallScreen, qtbot: QtBot) -> None:
    room = call_screen.room.room
    states = dict(call_screen.scenes.states())
    states["call-calling"]()
    room.rest()
    states["call-nurse-on-the-way"]()
    assert not room.restMode


def test_requests_that_mean_something_is_wrong_look_more_urgent_than_water(
        call_screen: CallScreen, qtbot: QtBot) -> None:
    call_screen.room.room.show("requests")
    qtbot.waitUntil(lambda: shown(find(call_screen.window, "requestChoice_water")))

    def edge(name: str) -> tuple[str, int]:
        background = find(call_screen.window, name).property("background")
        return (QColor(_read(background, "border.color")).name(),
                int(_read(background, "border.width")))

    water = edge("requestChoice_water")
    for serious in ("requestChoice_sick", "requestChoice_anxious", "requestChoice_iv_site"):
        colour, width = edge(serious)
        assert colour != water[0] and width > water[1], serious
    marks = [i for i in items(call_screen.window.contentItem())
             if i.objectName() == "requestUrgentMark" and shown(i)]
    assert len(marks) == 3

    # Once asked for, "Feeling sick" keeps its urgent edge in the list of open requests.
    sick = call_screen.room.calls.request("sick")
    water = call_screen.room.calls.request("water")
    qtbot.waitUntil(lambda: shown(find(call_screen.window, f"openRequest_{water}")))
    sick_row = find(call_screen.window, f"openRequest_{sick}")
    water_row = find(call_screen.window, f"openRequest_{water}")
    assert QColor(_read(sick_row, "border.color")) != QColor(_read(water_row, "border.color"))
    assert int(_read(sick_row, "border.width")) > int(_read(water_row, "border.width"))


def test_theme_text_reaches_7_to_1_and_edges_and_state_colours_3_to_1(
        call_screen: CallScreen) -> None:
    theme = call_screen.engine.singletonInstance("Kiosk", "Theme")
    failures = []
    for key, minimum in (("pairs", 7.0), ("edgePairs", 3.0)):
        pairs = theme.property(key).toVariant()
        assert pairs, key
        for fg, bg in pairs:
            ratio = contrast(QColor(theme.property(fg)), QColor(theme.property(bg)))
            if ratio < minimum:
                failures.append(f"{fg} on {bg}: {ratio:.2f}:1 (needs {minimum:.0f}:1)")
    assert not failures, failures


def test_every_call_state_colour_stands_out_from_the_screen_and_carries_readable_words(
        call_screen: CallScreen, qtbot: QtBot) -> None:
    background = call_screen.window.color()
    for name, setup in call_screen.scenes.states():
        setup()
        qtbot.wait(20)
        title, _, fill, _ = call_screen.look()
        ink = QColor(find(call_screen.window, "callNurseTitle").property("color"))
        assert contrast(fill, background) >= 3.0, f"{name}: the button fades into the screen"
        assert contrast(ink, fill) >= 7.0, f"{name}: '{title}' is hard to read"


def test_a_disabled_button_looks_disabled(qtbot: QtBot) -> None:
    create_gui_app()
    engine = QQmlApplicationEngine()
    engine.addImportPath(str(QML_DIR))
    engine.loadData(b"""
import QtQuick
import Kiosk
Window {
    width: 600; height: 300; color: Theme.background
    Row {
        BigButton { objectName: "on"; text: "Play" }
        BigButton { objectName: "off"; text: "Play"; enabled: false }
    }
}
""")
    window = engine.rootObjects()[0]
    assert isinstance(window, QQuickWindow)
    window.show()
    qtbot.waitExposed(window)
    on, off = find(window, "on"), find(window, "off")

    def look(item: QQuickItem) -> tuple[str, str, str]:
        background = item.property("background")
        return (QColor(background.property("color")).name(),
                QColor(_read(background, "border.color")).name(),
                QColor(item.property("contentItem").property("color")).name())

    enabled, disabled = look(on), look(off)
    assert all(a != b for a, b in zip(enabled, disabled, strict=True)), (enabled, disabled)
    window.hide()
    engine.deleteLater()
