"""The "What you may feel" guide and the words of one language: topics, request labels, phases.

The texts are clinic data (config/content/<language>.yaml, read by kiosk.settings); this module
holds their shape and the one rule the screens need: the topics of the phase the patient is in
come first. The headings of a topic's sections ("What it feels like"...) are interface words and
belong to the Qt layer; here a section is only a name.
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

AFTER_SESSION = "after"
"""The phase id a topic names to mean "after the session has ended"."""


class Section(enum.Enum):
    """The parts of a topic, in the order a patient reads them."""

    FEELS_LIKE = "feels_like"
    IS_IT_NORMAL = "is_it_normal"
    WHAT_HELPS = "what_helps"
    CALL_THE_NURSE = "call_the_nurse"


@dataclass(frozen=True)
class GuideTopic:
    """One thing a patient may feel. `phases` are the phase ids in which it is most likely."""

    id: str
    title: str
    summary: str
    feels_like: str
    is_it_normal: str
    what_helps: str
    call_the_nurse: str
    phases: tuple[str, ...]

    def text(self, section: Section) -> str:
        return str(getattr(self, section.value))

    def likely_in(self, phase_id: str) -> bool:
        return phase_id in self.phases


@dataclass(frozen=True)
class PhaseWords:
    """What the patient reads for one phase of one session template."""

    name: str
    line: str


@dataclass(frozen=True)
class GuideContent:
    """Everything a patient reads that the clinic writes, in one language.

    `reviewed_by` and `reviewed_on` are empty until the clinic's medical lead has reviewed the
    text; the shipped sample is not reviewed.
    """

    language: str
    reviewed_by: str
    reviewed_on: str
    topics: tuple[GuideTopic, ...]
    request_labels: Mapping[str, str] = field(default_factory=dict)
    phases: Mapping[tuple[str, str], PhaseWords] = field(default_factory=dict)

    @property
    def reviewed(self) -> bool:
        return bool(self.reviewed_by and self.reviewed_on)

    def topic(self, topic_id: str) -> GuideTopic:
        """The topic with this id; KeyError if there is none."""
        for topic in self.topics:
            if topic.id == topic_id:
                return topic
        raise KeyError(topic_id)

    def request_label(self, request_id: str) -> str:
        """The label of a request button; KeyError if this language has none."""
        return self.request_labels[request_id]

    def phase_words(self, template_id: str, phase_id: str) -> PhaseWords:
        """Name and line of a template's phase; KeyError if this language has none."""
        return self.phases[(template_id, phase_id)]


def topics_for_phase(content: GuideContent, phase_id: str | None,
                     also: Collection[str] = ()) -> tuple[GuideTopic, ...]:
    """Every topic, those of the current phase first; each group keeps the file's order.

    A topic is of the current phase when its own `phases` name `phase_id`, or when its id is in
    `also` (the phase's `guide_topics` in the session template). `phase_id` None (no session
    running) keeps the file's order.
    """
    now = topics_now(content, phase_id, also)
    return now + tuple(t for t in content.topics if t not in now)


def topics_now(content: GuideContent, phase_id: str | None,
               also: Collection[str] = ()) -> tuple[GuideTopic, ...]:
    """Only the topics of the current phase ("Right now you may notice"), in the file's order."""
    if phase_id is None:
        return ()
    return tuple(t for t in content.topics if t.likely_in(phase_id) or t.id in also)
