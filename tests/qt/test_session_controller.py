"""SessionController: what QML binds to follows the session, and nurse slots drive it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject
from PySide6.QtQml import QQmlComponent, QQmlEngine
from pytestqt.qtbot import QtBot

from kiosk.adapters.state_file import SessionStateFile
from kiosk.core.clock import FakeClock
from kiosk.core.session import MemorySessionStore, SessionModel, SessionStore
from kiosk.qt.session import SessionController
from tests.core.test_session import KETAMINE, MIN

FAST_POLL_MS = 10


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store() -> SessionStore:
    return MemorySessionStore()


@pytest.fixture
def controller(qtbot: QtBot, clock: FakeClock, store: SessionStore) -> SessionController:
    return SessionController(SessionModel(clock, store), [KETAMINE],
                             poll_interval_ms=FAST_POLL_MS)


def test_without_a_session_nothing_is_shown(controller: SessionController) -> None:
    assert not controller.active and not controller.paused and not controller.ended
    assert controller.sessionState == "none"
    assert controller.templateName == "" and controller.phaseName == ""
    assert controller.minutesLeftText == ""
    assert not controller.polling


def test_templates_list_what_the_nurse_panel_offers(controller: SessionController) -> None:
    assert controller.templates == [{
        "id": "ketamine-40", "name": "Ketamine 40 min", "nurseSetsLength": True,
        "defaultInfusionMinutes": 40, "minMinutes": 20, "maxMinutes": 120}]


def test_start_shows_the_first_phase_and_announces_its_suggestions(
        qtbot: QtBot, controller: SessionController) -> None:
    with qtbot.waitSignals([controller.activeChanged, controller.templateNameChanged,
                            controller.phaseNameChanged, controller.minutesLeftTextChanged]), \
            qtbot.waitSignal(controller.phaseChanged) as phase:
        assert controller.start("ketamine-40", 0)
    assert controller.active and controller.sessionState == "running"
    assert controller.templateName == "Ketamine 40 min"
    assert (controller.phaseName, controller.phaseIndex, controller.phaseCount) == (
        "Settling in", 0, 3)
    assert controller.phaseDescription == "Get comfortable."
    assert controller.nextPhaseName == "Infusion"
    assert controller.minutesLeftText == "About 5 minutes left"
    assert controller.totalMinutesLeftText == "About 65 minutes left"
    assert phase.args is not None
    assert phase.args[0]["playlist"] == "calm"
    assert phase.args[0]["guideTopics"] == ["what-to-expect"]
    assert controller.polling


def test_nurse_chosen_infusion_length_is_used(controller: SessionController) -> None:
    assert controller.start("ketamine-40", 90)
    assert controller.totalMinutesLeftText == "About 115 minutes left"


@pytest.mark.parametrize(("template_id", "minutes"), [("unknown", 0), ("ketamine-40", 5)])
def test_start_that_cannot_happen_changes_nothing(
        qtbot: QtBot, controller: SessionController, template_id: str, minutes: int) -> None:
    with qtbot.assertNotEmitted(controller.activeChanged):
        assert not controller.start(template_id, minutes)
    assert controller.sessionState == "none"


def test_time_passing_moves_to_the_next_phase_without_any_touch(
        qtbot: QtBot, controller: SessionController, clock: FakeClock) -> None:
    controller.start("ketamine-40", 0)
    clock.advance(5 * MIN + 1)
    with qtbot.waitSignal(controller.phaseChanged, timeout=2000) as phase:
        pass
    assert phase.args is not None and phase.args[0]["id"] == "infusion"
    assert phase.args[0]["restMode"] and phase.args[0]["fadeMusicAtEnd"]
    assert controller.phaseName == "Infusion" and controller.phaseRestMode
    assert controller.minutesLeftText == "About 40 minutes left"


def test_progress_notifies_as_time_passes(
        qtbot: QtBot, controller: SessionController, clock: FakeClock) -> None:
    controller.start("ketamine-40", 0)
    clock.advance(150)
    with qtbot.waitSignals([controller.phaseProgressChanged, controller.totalProgressChanged],
                           timeout=2000):
        pass
    assert controller.phaseProgress == pytest.approx(0.5)
    assert controller.totalProgress == pytest.approx(150 / (65 * MIN), abs=0.001)
    assert controller.minutesLeftText == "About 3 minutes left"


def test_nothing_is_renotified_when_nothing_changed(
        qtbot: QtBot, controller: SessionController) -> None:
    controller.start("ketamine-40", 0)
    with qtbot.assertNotEmitted(controller.phaseProgressChanged), \
            qtbot.assertNotEmitted(controller.phaseChanged):
        controller.refresh()
        controller.refresh()


def test_pause_and_resume_update_the_screen_and_stop_polling_while_paused(
        qtbot: QtBot, controller: SessionController, clock: FakeClock) -> None:
    controller.start("ketamine-40", 0)
    with qtbot.waitSignal(controller.pausedChanged):
        assert controller.pause()
    assert controller.paused and controller.active and controller.sessionState == "paused"
    assert not controller.polling
    assert not controller.pause()
    clock.advance(10 * MIN)
    with qtbot.waitSignal(controller.pausedChanged):
        assert controller.resume()
    assert controller.phaseName == "Settling in" and controller.polling


def test_extend_adds_minutes_to_what_the_patient_sees(
        qtbot: QtBot, controller: SessionController) -> None:
    controller.start("ketamine-40", 0)
    with qtbot.waitSignal(controller.minutesLeftTextChanged):
        assert controller.extend(10)
    assert controller.minutesLeftText == "About 15 minutes left"
    assert not controller.extend(0)


def test_infusion_end_is_signalled_once_for_the_station(
        qtbot: QtBot, controller: SessionController, clock: FakeClock) -> None:
    start_wall = clock.wall()
    controller.start("ketamine-40", 0)
    clock.advance(45 * MIN + 2)
    with qtbot.waitSignal(controller.infusionCompleted, timeout=2000) as done:
        pass
    assert done.args is not None
    assert done.args[0] == {"templateId": "ketamine-40", "templateName": "Ketamine 40 min",
                            "phaseId": "infusion", "phaseName": "Infusion",
                            "endedAt": start_wall + 45 * MIN, "late": False}
    assert controller.infusionComplete
    with qtbot.assertNotEmitted(controller.infusionCompleted, wait=5 * FAST_POLL_MS):
        clock.advance(1)


def test_end_session_and_reset_for_the_next_patient(
        qtbot: QtBot, controller: SessionController) -> None:
    controller.start("ketamine-40", 0)
    with qtbot.waitSignal(controller.sessionEnded) as ended:
        assert controller.endSession()
    assert ended.args is not None and ended.args[0]["early"]
    assert controller.ended and not controller.active and not controller.polling
    assert controller.minutesLeftText == ""
    with qtbot.waitSignal(controller.templateNameChanged):
        controller.reset()
    assert controller.sessionState == "none" and controller.templateName == ""


def test_restored_session_announces_an_infusion_that_ended_while_off(
        qtbot: QtBot, tmp_path: Path) -> None:
    store = SessionStateFile(tmp_path / "session.json")
    before = FakeClock()
    SessionModel(before, store).start(KETAMINE)
    after = FakeClock(wall=before.wall() + 50 * MIN, monotonic=3.0)
    controller = SessionController(SessionModel(after, store), [KETAMINE],
                                   poll_interval_ms=FAST_POLL_MS)
    assert controller.phaseName == "Resting"
    with qtbot.waitSignal(controller.infusionCompleted, timeout=2000) as done:
        pass
    assert done.args is not None and done.args[0]["late"]


QML = b"""
import QtQuick
import Kiosk.Backend
QtObject {
    required property SessionController session
    property string shown: session.phaseName + " / " + session.minutesLeftText
    property string suggested: ""
    property Connections events: Connections {
        target: session
        function onPhaseChanged(phase) { suggested = phase.playlist }
    }
}
"""


def test_qml_binds_to_the_controller_and_follows_it(
        qtbot: QtBot, controller: SessionController) -> None:
    import kiosk.qt.session  # noqa: F401  (registers the QML type)

    engine = QQmlEngine()
    component = QQmlComponent(engine)
    component.setData(QML, "inline.qml")  # type: ignore[call-overload]
    assert component.errors() == []
    root: Any = component.createWithInitialProperties({"session": controller})
    assert isinstance(root, QObject), component.errorString()
    assert root.property("shown") == " / "
    controller.start("ketamine-40", 0)
    assert root.property("shown") == "Settling in / About 5 minutes left"
    assert root.property("suggested") == "calm"
