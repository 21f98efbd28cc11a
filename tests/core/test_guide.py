"""The guide puts what the patient may feel right now first, and keeps the clinic's order."""

from __future__ import annotations

import pytest

from kiosk.core.guide import (
    AFTER_SESSION,
    GuideContent,
    GuideTopic,
    PhaseWords,
    Section,
    topics_for_phase,
    topics_now,
)


def _topic(topic_id: str, *phases: str) -> GuideTopic:
    return GuideTopic(topic_id, topic_id.title(), f"{topic_id} summary.", "Feels.", "Normal.",
                      "Helps.", "Call.", phases)


CONTENT = GuideContent(
    language="en", reviewed_by="", reviewed_on="",
    topics=(_topic("sleepy", "infusion", "rest"), _topic("far_away", "infusion"),
            _topic("anxious", "settle", "infusion"), _topic("sick", "rest"),
            _topic("after", AFTER_SESSION)),
    request_labels={"water": "Water"},
    phases={("ketamine-40", "rest"): PhaseWords("Resting", "Rest with your eyes closed.")})


def _ids(topics: tuple[GuideTopic, ...]) -> list[str]:
    return [t.id for t in topics]


def test_the_current_phase_topics_come_first_then_the_rest_in_file_order() -> None:
    assert _ids(topics_for_phase(CONTENT, "infusion")) == [
        "sleepy", "far_away", "anxious", "sick", "after"]
    assert _ids(topics_for_phase(CONTENT, "rest")) == [
        "sleepy", "sick", "far_away", "anxious", "after"]
    assert _ids(topics_for_phase(CONTENT, "settle")) == [
        "anxious", "sleepy", "far_away", "sick", "after"]


def test_after_the_session_the_going_home_topic_leads() -> None:
    assert _ids(topics_for_phase(CONTENT, AFTER_SESSION))[0] == "after"
    assert _ids(topics_now(CONTENT, AFTER_SESSION)) == ["after"]


def test_without_a_session_every_topic_shows_in_file_order_and_none_is_right_now() -> None:
    assert topics_for_phase(CONTENT, None) == CONTENT.topics
    assert topics_now(CONTENT, None) == ()


def test_a_phase_no_topic_names_changes_nothing_and_loses_nothing() -> None:
    assert topics_for_phase(CONTENT, "peak") == CONTENT.topics
    assert topics_now(CONTENT, "peak") == ()


def test_right_now_lists_only_the_current_phase() -> None:
    assert _ids(topics_now(CONTENT, "rest")) == ["sleepy", "sick"]


def test_a_template_can_bring_more_topics_forward_in_one_phase() -> None:
    assert _ids(topics_for_phase(CONTENT, "rest", also=("anxious",))) == [
        "sleepy", "anxious", "sick", "far_away", "after"]
    assert _ids(topics_now(CONTENT, None, also=("anxious",))) == []


def test_a_topic_reads_its_sections_in_order() -> None:
    topic = CONTENT.topic("sick")
    assert [topic.text(s) for s in Section] == ["Feels.", "Normal.", "Helps.", "Call."]


def test_lookups_by_id_and_the_review_flag() -> None:
    assert CONTENT.request_label("water") == "Water"
    assert CONTENT.phase_words("ketamine-40", "rest").name == "Resting"
    with pytest.raises(KeyError):
        CONTENT.topic("missing")
    assert not CONTENT.reviewed
    signed = GuideContent("en", "Medical lead", "2025-01-31", CONTENT.topics)
    assert signed.reviewed
