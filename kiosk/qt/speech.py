"""The room's voice as the screens see it, and eyes-closed mode ("Speak to me").

`SpeechController` is what QML binds to: `available` (False hides every read-aloud control),
`speakToMe` (the patient's switch), `speaking`, the slots `say(text)` for read-aloud buttons and
`replay()`. With "Speak to me" on, `speak_the_room` has every change of call state, every music
confirmation and the end of the session said once, softly; a call that did not get through is
said again with its tone every `repeat_seconds` until it gets through. The sentences are chosen
here, through Qt's translation; the speaker port (kiosk.adapters.speech.Speaker, or a recording
fake in tests) only renders and plays them, and never makes anything wait.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import Property, QCoreApplication, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement

from kiosk.core.listeners import Listeners

log = logging.getLogger(__name__)

QML_IMPORT_NAME = "Kiosk.Backend"
QML_IMPORT_MAJOR_VERSION = 1


def _tr(text: str) -> str:
    return QCoreApplication.translate("SpeechController", text)


class SpeakerPort(Protocol):
    """What the room needs of a voice (kiosk.adapters.speech.Speaker)."""

    problem: str
    speaking: Listeners[[bool]]
    spoken: Listeners[[str]]

    @property
    def available(self) -> bool: ...

    def say(self, text: str, language: str = "en") -> None: ...

    def stop(self) -> None: ...

    def release(self) -> None: ...


def call_sentence(state: str, link_up: bool = True) -> str:
    """What eyes-closed mode says when the call button reaches `state` (empty: nothing)."""
    if state == "received" and not link_up:
        return _tr("Your call is saved and will be sent again.")
    return {
        "calling": _tr("Calling the nurse"),
        "not_through": _tr("Your call did not get through. Please call out."),
        "received": _tr("The nurse station has your call"),
        "on_the_way": _tr("A nurse is on the way"),
        "idle": _tr("Your nurse is here"),
    }.get(state, "")


@QmlElement
class SpeechController(QObject):
    speakToMeChanged = Signal()
    speakingChanged = Signal()

    def __init__(self, speaker: SpeakerPort | None, language: Callable[[], str],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._speaker = speaker
        self._language = language
        self._speak_to_me = False
        self._speaking = False
        self._last = ""
        if speaker is not None:
            speaker.speaking.connect(self._set_speaking)

    def _get_available(self) -> bool:
        return self._speaker is not None and self._speaker.available

    def _get_speak_to_me(self) -> bool:
        return self._speak_to_me

    def _get_speaking(self) -> bool:
        return self._speaking

    available = Property(bool, _get_available, constant=True)
    speakToMe = Property(bool, _get_speak_to_me, notify=speakToMeChanged)
    speaking = Property(bool, _get_speaking, notify=speakingChanged)

    @Slot(bool)
    def setSpeakToMe(self, on: bool) -> None:  # noqa: N802 - QML-facing name
        """The patient's switch: on, every action and call state is said as it happens."""
        if on == self._speak_to_me or (on and not self._get_available()):
            return
        self._speak_to_me = on
        log.info("speak to me on=%s", on)
        self.speakToMeChanged.emit()
        if on:
            self.say(_tr("I will speak to you. Touch Speak to me again to stop."))

    @Slot()
    def toggleSpeakToMe(self) -> None:  # noqa: N802
        self.setSpeakToMe(not self._speak_to_me)

    @Slot(str)
    def say(self, text: str) -> None:
        """Say `text` now, in the patient's language (read-aloud buttons; never blocks)."""
        if self._speaker is None or not text:
            return
        self._last = text
        self._speaker.say(text, self._language())

    @Slot()
    def replay(self) -> None:
        """Say the last sentence again."""
        if self._last:
            self.say(self._last)

    def confirm(self, text: str) -> None:
        """A confirmation of something the patient did or that happened: said only with
        "Speak to me" on."""
        if self._speak_to_me:
            self.say(text)

    def reset(self) -> None:
        """Reset for the next patient: the switch goes off and nothing more is said."""
        self.setSpeakToMe(False)
        if self._speaker is not None:
            self._speaker.stop()

    def _set_speaking(self, on: bool) -> None:
        if on != self._speaking:
            self._speaking = on
            self.speakingChanged.emit()


class CallVoice(QObject):
    """Eyes-closed mode for the call button: each new call state said once; "did not get
    through" said again, with the tone, every `repeat_seconds` until the call gets through;
    a second press while a call is open says where the call is; a new request is named."""

    def __init__(self, speech: SpeechController, calls: Any, tone: Callable[[], None],
                 repeat_seconds: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._speech = speech
        self._calls = calls
        self._tone = tone
        self._state = str(calls.property("callState"))
        self._requests = self._open_requests()
        self._changed_this_turn = False
        self._repeat = QTimer(self)
        self._repeat.setInterval(round(repeat_seconds * 1000))
        self._repeat.timeout.connect(self._say_again)
        calls.callStateChanged.connect(self._state_changed)
        calls.callPressed.connect(self._pressed)
        calls.requestsChanged.connect(self._requests_changed)
        speech.speakToMeChanged.connect(self._follow_switch)

    def _sentence(self) -> str:
        return call_sentence(self._state, bool(self._calls.property("linkUp")))

    def _state_changed(self) -> None:
        state = str(self._calls.property("callState"))
        if state == self._state:
            return
        self._state = state
        self._changed_this_turn = True
        QTimer.singleShot(0, self._end_turn)
        self._follow_switch()
        self._speech.confirm(self._sentence())

    def _end_turn(self) -> None:
        self._changed_this_turn = False

    def _pressed(self) -> None:
        # A press that opened a call changed the state in the same turn, and that was said.
        if not self._changed_this_turn and self._state != "idle":
            self._speech.confirm(self._sentence())

    def _open_requests(self) -> dict[str, str]:
        rows = self._calls.property("requests") or []
        return {str(r["id"]): str(r["label"]) for r in rows if not r.get("urgent")}

    def _requests_changed(self) -> None:
        now = self._open_requests()
        for call_id, label in now.items():
            if call_id not in self._requests:
                self._speech.confirm(_tr("You asked for: %1").replace("%1", label))
        self._requests = now

    def _follow_switch(self) -> None:
        wanted = self._state == "not_through" and bool(self._speech.property("speakToMe"))
        if wanted and not self._repeat.isActive():
            self._repeat.start()
        elif not wanted:
            self._repeat.stop()

    def _say_again(self) -> None:
        log.info("call still not through: said again with the tone")
        self._tone()
        self._speech.confirm(self._sentence())


def session_end_sentence() -> str:
    return _tr("Your session time is over. Rest here. Your nurse will come to you.")
