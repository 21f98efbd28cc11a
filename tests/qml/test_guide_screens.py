"""The "What you may feel" guide and the patient's language over the real QML: the room as the
app assembles it from the shipped config (fake clock, no broker unless a test brings a real
Mosquitto and a real station)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.adapters.broker import PrivateBroker
from kiosk.adapters.mqtt_link import BrokerEndpoint, RoomLink, StationLink
from kiosk.app.room import Room, assemble_room
from kiosk.app.shell import Screen, create_gui_app, load_window
from kiosk.core.board import StationBoard
from kiosk.core.calls import MemoryOutbox
from kiosk.core.clock import FakeClock, SystemClock
from kiosk.qt.dispatch import Dispatcher
from kiosk.qt.station import StationController
from kiosk.screenshots.fakes import offline_parts
from kiosk.settings import load_config
from tests.qml.helpers import centre, find, items, open_room_window, shown
from tests.support.broker import broker  # noqa: F401 - the fixture

ROOT = Path(__file__).resolve().parents[2]
CONFIG = load_config(None, {})
TEMPLATE = "ketamine-40"  # settle 5, infusion 40, rest 20 minutes
MIN = 60.0


@dataclass
class GuideRoom:
    room: Room
    screen: Screen
    clock: FakeClock
    qtbot: QtBot

    @property
    def window(self) -> QQuickWindow:
        return self.screen.window

    def into_phase(self, minutes: float) -> None:
        self.room.session.reset()
        self.room.session.start(TEMPLATE, 0)
        self.clock.advance(minutes * MIN)
        self.room.session.refresh()
        self.room.session.declinePlaylist()

    def tap(self, name: str) -> None:
        item = find(self.window, name)
        assert shown(item), f"{name} is not shown"
        QTest.mouseClick(self.window, Qt.MouseButton.LeftButton, pos=centre(item).toPoint())

    def show(self, screen: str) -> None:
        self.room.room.show(screen)
        self.qtbot.waitUntil(lambda: self.room.room.property("screen") == screen)
        self.qtbot.wait(20)  # one pass of the event loop: the Loader builds the screen

    def texts(self) -> list[str]:
        return [str(i.property("text")) for i in items(self.window.contentItem())
                if i.inherits("QQuickText") and shown(i) and i.property("text")]

    def topic_rows(self) -> list[str]:
        """The topic ids in the list, top to bottom, as far as the screen shows them."""
        rows = [i for i in items(self.window.contentItem())
                if i.objectName().startswith("guideTopic_") and shown(i)
                and _inside(i, find(self.window, "guideTopics"))]
        rows.sort(key=lambda i: i.mapToScene(QPointF(0, 0)).y())
        return [r.objectName().removeprefix("guideTopic_") for r in rows]


def _inside(item: QQuickItem, view: QQuickItem) -> bool:
    top = item.mapToItem(view, 0, 0).y()
    return 0 <= top < view.height()


def _assemble(parts_link: RoomLink | None = None, post_dispatcher: Dispatcher | None = None,
              music: bool = False) -> tuple[Room, FakeClock, Dispatcher]:
    """The shipped room; with `music`, real libVLC (silent output) and the demo playlists."""
    dispatcher = post_dispatcher or Dispatcher()
    clock = FakeClock()
    parts = (offline_parts(dispatcher.post, clock) if music else
             offline_parts(dispatcher.post, clock, with_audio=False,
                           scan=lambda playlists, music: None))
    if parts_link is not None:
        parts.link = parts_link
        parts.outbox = MemoryOutbox()
    return assemble_room(CONFIG, CONFIG.rooms[0], parts, dispatcher.post), clock, dispatcher


@pytest.fixture
def guide_room(qtbot: QtBot, request: pytest.FixtureRequest) -> Iterator[GuideRoom]:
    create_gui_app()
    room, clock, _dispatcher = _assemble(music=bool(getattr(request, "param", False)))
    room.start()
    screen = open_room_window(room.backends(), qtbot)
    yield GuideRoom(room, screen, clock, qtbot)
    room.language.setLanguage("en")  # the translator is the application's: leave it English
    screen.close()
    room.stop()


# ---- topics by phase ------------------------------------------------------------------------

def test_without_a_session_the_card_invites_to_read_and_lists_every_topic_in_file_order(
        guide_room: GuideRoom) -> None:
    card = find(guide_room.window, "guideArea")
    shown_texts = [str(i.property("text")) for i in items(card)
                   if i.inherits("QQuickText") and shown(i)]
    assert "Read about what you may feel" in shown_texts
    assert "All topics (13) ›" in shown_texts
    guide_room.tap("guideOpenButton")
    guide_room.qtbot.waitUntil(lambda: guide_room.room.room.property("screen") == "guide")
    guide_room.qtbot.wait(20)
    assert guide_room.topic_rows()[:3] == ["sleepy", "dissociation", "tingling"]


def test_the_settling_phase_puts_feeling_anxious_first(guide_room: GuideRoom) -> None:
    guide_room.into_phase(1)
    assert find(guide_room.window, "guideNowTopics").property("text") == \
        "Feeling anxious or panicky"
    guide_room.show("guide")
    assert guide_room.topic_rows()[:3] == ["anxiety", "sleepy", "dissociation"]
    assert "Right now you may notice" in guide_room.texts()
    assert "Other things you may feel" in guide_room.texts()


def test_the_drip_and_the_rest_bring_their_own_topics_forward(guide_room: GuideRoom) -> None:
    guide_room.into_phase(20)  # the drip: every topic likely in it, in the file's order
    now = str(find(guide_room.window, "guideNowTopics").property("text"))
    assert now.startswith("Feeling sleepy · Feeling far away or floating · Tingling")
    assert "After the session" not in now

    guide_room.into_phase(50)  # the rest: its guide_topics (nausea, anxiety) join the rest's own
    guide_room.show("guide")
    assert guide_room.topic_rows()[:3] == ["sleepy", "dissociation", "vision"]
    now_ids = [t["id"] for t in guide_room.room.guide.property("nowTopics")]
    assert now_ids == ["sleepy", "dissociation", "vision", "nausea", "headache", "anxiety",
                       "emotional", "after"]


def test_after_the_session_the_after_care_topic_comes_first(guide_room: GuideRoom) -> None:
    guide_room.into_phase(20)
    guide_room.room.session.endSession()
    guide_room.show("guide")
    assert guide_room.topic_rows()[:2] == ["headache", "after"]


def test_a_topic_shows_its_summary_and_call_button_without_scrolling_and_its_four_parts(
        guide_room: GuideRoom) -> None:
    guide_room.into_phase(20)
    guide_room.show("guide")
    guide_room.tap("guideTopic_dissociation")
    guide_room.qtbot.waitUntil(lambda: guide_room.room.room.property("screen") == "topic")
    guide_room.qtbot.wait(20)
    window = guide_room.window
    assert find(window, "topicTitle").property("text") == "Feeling far away or floating"
    for name in ("topicSummary", "topicCallButton"):
        item = find(window, name)
        bottom = item.mapToScene(QPointF(0, item.height())).y()
        assert shown(item) and bottom <= window.height(), f"{name} is below the screen"
    assert find(window, "topicCallButton").height() >= 110
    texts = guide_room.texts()
    for heading in ("What it feels like", "Is it normal?", "What helps"):
        assert heading in texts


# ---- the call about a topic, through a real broker to a real station --------------------------

def test_calling_about_a_topic_reaches_a_real_station_that_names_the_topic(
        broker: PrivateBroker, qtbot: QtBot) -> None:  # noqa: F811
    create_gui_app()
    dispatcher = Dispatcher()
    endpoint = BrokerEndpoint(url=broker.url, keepalive_seconds=5)
    station_link = StationLink("desk", endpoint, dispatcher.post)
    board = StationBoard("desk", SystemClock(), station_link, escalation_minutes=5)
    station_link.attach(board)
    station = StationController(board, title="Nurse station", room_names={"room-1": "Room 1"},
                                known_rooms=["room-1"], clock=SystemClock())
    room_link = RoomLink("room-1", endpoint, dispatcher.post)
    room, _clock, _ = _assemble(room_link, dispatcher)
    station_screen = load_window("Station", {"station": station})
    station_screen.window.setGeometry(0, 0, 1280, 800)
    station_screen.window.show()
    screen = open_room_window(room.backends(), qtbot)
    world = GuideRoom(room, screen, FakeClock(), qtbot)
    station_link.start()
    room.start()
    try:
        qtbot.waitUntil(lambda: not room.calls.property("noStationOnline"), timeout=10000)
        # The patient reads Spanish; the nurses read the clinic's language (English).
        room.language.setLanguage("es")
        room.guide.showTopic("dissociation")
        world.show("topic")
        assert find(screen.window, "topicCallButton").property("text") == \
            "Llamar a la enfermera por esto"
        world.tap("topicCallButton")

        qtbot.waitUntil(lambda: len(board.calls()) == 1, timeout=10000)
        call = board.calls()[0]
        assert (call.reason, call.label, call.urgent) == (
            "guide-dissociation", "Feeling far away or floating", False)
        # (One process here, so the station's own words are Spanish too; the label is not.)
        qtbot.waitUntil(lambda: any("Feeling far away or floating" in str(i.property("text"))
                                    for i in items(station_screen.window.contentItem())
                                    if i.inherits("QQuickText") and shown(i)), timeout=10000)
        qtbot.waitUntil(lambda: find(screen.window, "topicCallState").property("text")
                        == "El puesto de enfermería lo tiene", timeout=10000)
        # The patient's list of open requests names the topic in their language.
        labels = [r["label"] for r in room.calls.property("requests")]
        assert labels == ["Sentirse lejos o flotando"]
    finally:
        room.language.setLanguage("en")
        room.stop()
        station_link.stop()
        screen.close()
        station_screen.close()


# ---- the whole interface in Spanish ----------------------------------------------------------

def _english_sources() -> list[re.Pattern[str]]:
    """Every interface string whose Spanish differs, as a pattern for the shown text (%1 and %n
    stand for anything), from the .ts source."""
    patterns: list[re.Pattern[str]] = []
    root = ET.parse(ROOT / "kiosk" / "i18n" / "kiosk_es.ts").getroot()
    for message in root.iter("message"):
        source = message.findtext("source", "")
        translation = message.find("translation")
        forms = [f.text or "" for f in translation.iter("numerusform")] if translation else []
        spanish = forms or [translation.text or "" if translation is not None else ""]
        if source in spanish or not re.search(r"[A-Za-z]{2}", source):
            continue
        pattern = re.escape(source)
        pattern = re.sub(r"%(?:\d|n)", ".+", pattern)
        patterns.append(re.compile(f"^{pattern}$"))
    return patterns


def _content_english() -> set[str]:
    """The clinic's English texts the screens show: titles, summaries, labels, phase words."""
    content = CONFIG.clinic.content_for("en")
    assert content is not None
    shown_words = {t.title for t in content.topics} | {t.summary for t in content.topics}
    shown_words |= set(content.request_labels.values())
    shown_words |= {w.name for w in content.phases.values()}
    shown_words |= {w.line for w in content.phases.values()}
    return shown_words


def _english_left(texts: list[str], patterns: list[re.Pattern[str]],
                  content: set[str]) -> list[str]:
    return [t for t in texts if t in content or any(p.match(t) for p in patterns)]


@pytest.mark.parametrize("guide_room", [True], indirect=True)  # with music, to walk its controls
def test_switching_to_spanish_with_the_language_button_leaves_no_english_on_any_screen(
        guide_room: GuideRoom) -> None:
    patterns, content = _english_sources(), _content_english()
    assert len(patterns) > 100
    english_home = guide_room.texts()
    assert _english_left(english_home, patterns, content), "the check must see English"

    guide_room.tap("languageButton")
    guide_room.qtbot.waitUntil(lambda: shown(find(guide_room.window, "language_es")))
    names = [str(find(guide_room.window, f"language_{c}").property("text")) for c in ("en", "es")]
    assert names == ["English", "Español"]
    guide_room.tap("language_es")
    guide_room.qtbot.waitUntil(lambda: guide_room.room.language.current() == "es")
    guide_room.qtbot.waitUntil(lambda: not [i for i in items(guide_room.window.contentItem())
                                            if i.objectName() == "language_es" and shown(i)])

    music = guide_room.room.music
    guide_room.qtbot.waitUntil(lambda: any(p["available"] for p in music.property("playlists")),
                               timeout=10000)
    walked: dict[str, list[str]] = {}
    walked["home"] = guide_room.texts()
    for screen in ("music", "requests", "guide"):
        guide_room.show(screen)
        walked[screen] = guide_room.texts()
    guide_room.room.language.setLanguage("es")
    guide_room.into_phase(20)  # a session resets to the room's language...
    guide_room.room.language.setLanguage("es")  # ...so the patient picks Spanish again
    guide_room.show("home")
    walked["session card"] = guide_room.texts()
    guide_room.show("guide")
    walked["guide list, in the drip"] = guide_room.texts()
    guide_room.room.guide.showTopic("dissociation")
    guide_room.show("topic")
    walked["topic"] = guide_room.texts()

    for screen, texts in walked.items():
        assert texts, f"{screen} shows nothing"
        assert _english_left(texts, patterns, content) == [], f"English left on {screen}"
    assert "Lo que puede sentir" in walked["home"]
    assert "Medicina por la vena" in walked["session card"]
    assert any(t.startswith("Quedan unos ") for t in walked["session card"])
    assert "Una cobija o tengo frío" in walked["requests"]
    assert "Volumen" in walked["music"] and "Reproducir" in walked["music"]
    assert "Agua" in walked["requests"]
    assert "¿Es normal?" in walked["topic"]
    assert ":" in find(guide_room.window, "clock").property("text")
    assert not find(guide_room.window, "clock").property("text").endswith("M")


def test_reset_for_the_next_patient_returns_to_the_rooms_language(
        guide_room: GuideRoom) -> None:
    language = guide_room.room.language
    assert language.setLanguage("es")
    assert "Lo que puede sentir" in guide_room.texts()
    guide_room.room.session.reset()
    assert language.current() == "en"
    guide_room.qtbot.waitUntil(lambda: "What you may feel" in guide_room.texts())
    assert not language.setLanguage("fr")
    assert language.current() == "en"


def test_with_the_language_choice_open_the_call_button_still_calls_in_one_tap(
        guide_room: GuideRoom) -> None:
    guide_room.tap("languageButton")
    guide_room.qtbot.waitUntil(lambda: shown(find(guide_room.window, "language_es")))
    guide_room.tap("callNurseButton")
    guide_room.qtbot.waitUntil(lambda: guide_room.room.calls.property("callState") != "idle")


def test_a_playlist_that_cannot_play_says_why_in_the_patients_language(
        qtbot: QtBot, tmp_path: Path) -> None:
    from dataclasses import replace

    from kiosk.adapters.library import scan_playlist

    create_gui_app()
    settings = CONFIG.rooms[0]
    lists = list(settings.music.playlists)
    lists[1] = replace(lists[1], path=str(tmp_path / "not-there"))
    room_settings = replace(settings, music=replace(settings.music, playlists=tuple(lists)))
    dispatcher, clock = Dispatcher(), FakeClock()
    parts = offline_parts(dispatcher.post, clock,  # libVLC's silent output
                          scan=lambda playlists, music: music.apply_scan(
                              [scan_playlist(p) for p in playlists]))
    room = assemble_room(CONFIG, room_settings, parts, dispatcher.post)
    room.start()
    screen = open_room_window(room.backends(), qtbot)
    try:
        room.room.show("music")

        def card_texts() -> list[str]:
            card = find(screen.window, "playlistCard1")
            return [str(i.property("text")) for i in items(card)
                    if i.inherits("QQuickText") and shown(i)]

        qtbot.waitUntil(lambda: "The music folder is missing." in card_texts(), timeout=3000)
        assert room.language.setLanguage("es")
        qtbot.waitUntil(lambda: "Falta la carpeta de música." in card_texts(), timeout=3000)
    finally:
        room.language.setLanguage("en")
        screen.close()
        room.stop()
