"""The "What you may feel" guide as the patient's screens bind to it: the topics of the current
phase first, one topic open at a time with its parts under plain headings, and a request to the
nurse about that topic.

The texts come from the clinic's content files (kiosk.core.guide.GuideContent), one per
language; the headings and every other word are the interface's, through Qt's translation.
A request about a topic carries the reason "guide-<topic id>" and, for the station, the topic's
title in the clinic's language (the nurses' language), whatever language the patient reads.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Mapping, Sequence
from typing import Any, Protocol

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement

from kiosk.core.guide import GuideContent, GuideTopic, Section, topics_for_phase, topics_now
from kiosk.core.protocol import REQUEST_PRIORITIES

log = logging.getLogger(__name__)

QML_IMPORT_NAME = "Kiosk.Backend"
QML_IMPORT_MAJOR_VERSION = 1

REASON_PREFIX = "guide-"
# Asking the nurse about something the patient feels means something may be wrong: it ranks
# with "I feel sick", above water or a blanket.
TOPIC_PRIORITY = REQUEST_PRIORITIES["high"]


def reason_for(topic_id: str) -> str:
    """The request reason that names a topic (protocol ids allow letters, digits, - and _)."""
    return REASON_PREFIX + topic_id


class TopicRequests(Protocol):
    """What the guide needs of the room's calls (kiosk.core.calls.RoomCalls)."""

    def request(self, reason: str, label: str, priority: int) -> str: ...


@QmlElement
class GuideController(QObject):
    """Ready-to-bind state of the guide card, the topic list and the topic screen."""

    contentChanged = Signal()
    topicsChanged = Signal()
    openTopicChanged = Signal()
    # A request about a topic was placed (its call id): the app may confirm it aloud.
    topicCalled = Signal(str)
    # A reloaded config brought new content: the app chooses the patient's words again.
    contentsReplaced = Signal()

    def __init__(self, contents: Mapping[str, GuideContent], language: str,
                 station_language: str, requests: TopicRequests,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._contents = dict(contents)
        self._station_language = station_language
        self._requests = requests
        self._language = language
        self._phase: str | None = None
        self._also: tuple[str, ...] = ()
        self._open_id = ""
        self._open: dict[str, Any] = {}
        self._call_texts: dict[str, str] = {}
        self._now: list[dict[str, Any]] = []
        self._all: list[dict[str, Any]] = []
        self._build()

    # ---- what the room tells the guide ----

    def set_phase(self, phase_id: str | None, also: Collection[str] = ()) -> None:
        """The phase the patient is in (None: no session); `also` are the phase's guide_topics."""
        phase, extra = phase_id, tuple(also)
        if (phase, extra) != (self._phase, self._also):
            self._phase, self._also = phase, extra
            self._build()

    def set_contents(self, contents: Mapping[str, GuideContent]) -> None:
        """A reloaded config's content files (the open topic stays open if it still exists)."""
        if dict(contents) == self._contents:
            return
        self._contents = dict(contents)
        self._build()
        self.contentsReplaced.emit()

    def content_for(self, language: str) -> GuideContent | None:
        """The content in `language` as loaded now; None when there is none."""
        return self._contents.get(language)

    def set_language(self, language: str) -> None:
        """The patient's language changed: every text, headings included, is chosen again."""
        self._language = language
        self._build()

    def set_open_requests(self, rows: Sequence[Mapping[str, object]]) -> None:
        """The room's open requests (RoomCallController.requests): the open topic shows how its
        own request is going."""
        texts = {str(r.get("reason", "")): str(r.get("stateText", "")) for r in rows}
        if texts != self._call_texts:
            self._call_texts = texts
            self._set_open()

    def patient_labels(self) -> dict[str, str]:
        """Request labels and topic titles by request reason, in the patient's language."""
        content = self._content()
        if content is None:
            return {}
        return {**content.request_labels, **{reason_for(t.id): t.title for t in content.topics}}

    # ---- what QML binds to ----

    def _content(self) -> GuideContent | None:
        return self._contents.get(self._language) or self._contents.get(self._station_language)

    def _get_available(self) -> bool:
        content = self._content()
        return content is not None and bool(content.topics)

    def _get_review_note(self) -> str:
        content = self._content()
        if content is None or content.reviewed:
            return ""
        return self.tr("Sample content: the clinic's medical lead must review it.")

    def _get_review_note_short(self) -> str:
        return self.tr("Sample text, not yet reviewed") if self._get_review_note() else ""

    def _get_unavailable_text(self) -> str:
        if self._get_available():
            return ""
        return self.tr("Explanations are not set up in this room yet. Your nurse can tell you "
                       "what to expect.")

    def _get_now_topics(self) -> list[dict[str, Any]]:
        return self._now

    def _get_topics(self) -> list[dict[str, Any]]:
        return self._all

    def _get_open_topic(self) -> dict[str, Any]:
        return self._open

    available = Property(bool, _get_available, notify=contentChanged)
    reviewNote = Property(str, _get_review_note, notify=contentChanged)
    # The same, short enough for one line of the home card.
    reviewNoteShort = Property(str, _get_review_note_short, notify=contentChanged)
    unavailableText = Property(str, _get_unavailable_text, notify=contentChanged)
    # The current phase's topics ({id, title, summary}), for "Right now you may notice".
    nowTopics = Property(list, _get_now_topics, notify=topicsChanged)
    # Every topic, the current phase's first ({id, title, summary, now}).
    topics = Property(list, _get_topics, notify=topicsChanged)
    # The open topic: {id, title, summary, sections: [{heading, text}], callText}, or {}.
    # callText says how the patient's request about this topic is going ("" when none is open).
    openTopic = Property(dict, _get_open_topic, notify=openTopicChanged)

    @Slot(str)
    def showTopic(self, topic_id: str) -> None:  # noqa: N802 - QML-facing name
        self._open_id = topic_id
        self._set_open()

    @Slot(str, result=str)
    def callAbout(self, topic_id: str) -> str:  # noqa: N802 - QML-facing name
        """Ask the nurse about a topic; the call id, or "" for a topic this guide lacks."""
        label = self._station_title(topic_id)
        if not label:
            log.warning("ignored call about an unknown topic id=%s", topic_id)
            return ""
        call_id = self._requests.request(reason_for(topic_id), label, TOPIC_PRIORITY)
        log.info("guide request topic=%s id=%s", topic_id, call_id)
        self.topicCalled.emit(call_id)
        return call_id

    # ---- inside ----

    def _station_title(self, topic_id: str) -> str:
        for language in (self._station_language, self._language):
            content = self._contents.get(language)
            if content is None:
                continue
            try:
                return content.topic(topic_id).title
            except KeyError:
                continue
        return ""

    def _build(self) -> None:
        content = self._content()
        now = topics_now(content, self._phase, self._also) if content else ()
        ordered = topics_for_phase(content, self._phase, self._also) if content else ()
        self._now = [_brief(t) for t in now]
        self._all = [{**_brief(t), "now": t in now} for t in ordered]
        self.contentChanged.emit()
        self.topicsChanged.emit()
        self._set_open()

    def _set_open(self) -> None:
        content = self._content()
        topic: GuideTopic | None = None
        if content is not None and self._open_id:
            try:
                topic = content.topic(self._open_id)
            except KeyError:
                log.warning("no such guide topic id=%s", self._open_id)
        self._open = {} if topic is None else {
            **_brief(topic),
            "sections": [{"heading": self._heading(s), "text": topic.text(s)} for s in Section],
            "callText": self._call_texts.get(reason_for(topic.id), ""),
        }
        self.openTopicChanged.emit()

    def _heading(self, section: Section) -> str:
        headings = {
            Section.FEELS_LIKE: self.tr("What it feels like"),
            Section.IS_IT_NORMAL: self.tr("Is it normal?"),
            Section.WHAT_HELPS: self.tr("What helps"),
            Section.CALL_THE_NURSE: self.tr("When to call the nurse"),
        }
        return headings[section]


def _brief(topic: GuideTopic) -> dict[str, Any]:
    return {"id": topic.id, "title": topic.title, "summary": topic.summary}
