"""The guide's ready-to-bind state, without QML: what the card, the list and a topic show, and
the request a topic's call button sends."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kiosk.app.shell import create_gui_app
from kiosk.core.guide import GuideContent
from kiosk.qt.guide import TOPIC_PRIORITY, GuideController
from kiosk.settings import load_config

CONTENT = load_config(None, {}).clinic.content


class Requests:
    def __init__(self) -> None:
        self.sent: list[tuple[str, str, int]] = []

    def request(self, reason: str, label: str, priority: int) -> str:
        self.sent.append((reason, label, priority))
        return f"call-{len(self.sent)}"


@pytest.fixture
def requests() -> Requests:
    create_gui_app()
    return Requests()


def ids(rows: list[dict[str, object]]) -> list[object]:
    return [r["id"] for r in rows]


def test_the_current_phase_and_its_guide_topics_come_first(requests: Requests) -> None:
    guide = GuideController(CONTENT, "en", "en", requests)
    assert guide.property("nowTopics") == []
    guide.set_phase("settle", also=["nausea"])
    assert ids(guide.property("nowTopics")) == ["nausea", "anxiety"]
    assert ids(guide.property("topics"))[:3] == ["nausea", "anxiety", "sleepy"]
    assert [r["now"] for r in guide.property("topics")][:3] == [True, True, False]


def test_a_topic_has_four_headed_parts_in_the_patients_language(requests: Requests) -> None:
    guide = GuideController(CONTENT, "es", "en", requests)
    guide.showTopic("sleepy")
    topic = guide.property("openTopic")
    assert topic["title"] == CONTENT["es"].topic("sleepy").title
    assert [s["heading"] for s in topic["sections"]] == [
        "What it feels like", "Is it normal?", "What helps", "When to call the nurse"]
    assert all(s["text"] for s in topic["sections"])


def test_the_call_about_a_topic_names_it_for_the_station_in_the_clinics_language(
        requests: Requests) -> None:
    guide = GuideController(CONTENT, "es", "en", requests)
    assert guide.callAbout("dissociation") == "call-1"
    assert requests.sent == [("guide-dissociation", "Feeling far away or floating",
                              TOPIC_PRIORITY)]
    assert guide.callAbout("no-such-topic") == ""
    assert len(requests.sent) == 1


def test_the_open_topic_says_how_its_request_is_going(requests: Requests) -> None:
    guide = GuideController(CONTENT, "en", "en", requests)
    guide.showTopic("nausea")
    guide.set_open_requests([{"reason": "water", "stateText": "Sending..."},
                             {"reason": "guide-nausea", "stateText": "The nurse station has it"}])
    assert guide.property("openTopic")["callText"] == "The nurse station has it"
    guide.set_open_requests([])
    assert guide.property("openTopic")["callText"] == ""


def test_unreviewed_content_says_the_medical_lead_must_review_it(requests: Requests) -> None:
    guide = GuideController(CONTENT, "en", "en", requests)
    assert "medical lead must review" in guide.property("reviewNote")
    reviewed = {"en": replace(CONTENT["en"], reviewed_by="Dr A. Lead",
                              reviewed_on="2026-11-30")}
    assert GuideController(reviewed, "en", "en", requests).property("reviewNote") == ""


def test_without_content_the_card_says_explanations_are_not_set_up(requests: Requests) -> None:
    empty: dict[str, GuideContent] = {}
    guide = GuideController(empty, "en", "en", requests)
    assert not guide.property("available")
    assert "not set up in this room" in guide.property("unavailableText")
    assert guide.property("topics") == []
