"""The session timer as QML and the app see it: ready-to-bind properties, nurse slots, events.

Translation only: every rule lives in kiosk.core.session. The controller polls the model every
few seconds while a session runs (the ring needs no more; an idle room should not wake the CPU)
and right after each nurse action, emits `<prop>Changed` only for values that really changed, and
turns core events into signals with plain maps the app routes (soft cue, station, playlist).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from PySide6.QtCore import Property, QCoreApplication, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.core.session import (
    InfusionComplete,
    PhaseChanged,
    SessionEnded,
    SessionEvent,
    SessionModel,
    SessionState,
    SessionView,
    template_by_id,
    whole_minutes_left,
)
from kiosk.core.templates import Phase, SessionTemplate

QML_IMPORT_NAME = "Kiosk.Backend"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)

DEFAULT_POLL_MS = 5000
# The "Next: ..." note appears this long before a phase ends, so a change never comes as a surprise.
BANNER_LEAD_SECONDS = 120.0
# Large, simple steps for the nurse's infusion length.
LENGTH_STEPS_MINUTES = (5, 10)
# Progress is shown on a ring; steps finer than this are invisible and would only cost redraws.
PROGRESS_STEP = 0.001


def _progress(value: float) -> float:
    return round(value / PROGRESS_STEP) * PROGRESS_STEP


def _prop(kind: type, name: str, notify: Signal) -> Any:
    def getter(self: SessionController) -> Any:
        return self._values[name]
    return Property(kind, getter, notify=notify)


@QmlElement
@QmlUncreatable("The app builds the session controller and hands it to Main.qml.")
class SessionController(QObject):  # type: ignore[operator]  # the stubs miss QmlUncreatable's call
    activeChanged = Signal()
    pausedChanged = Signal()
    endedChanged = Signal()
    sessionStateChanged = Signal()
    templateNameChanged = Signal()
    phaseNameChanged = Signal()
    phaseDescriptionChanged = Signal()
    phaseIndexChanged = Signal()
    phaseCountChanged = Signal()
    phaseRestModeChanged = Signal()
    minutesLeftTextChanged = Signal()
    totalMinutesLeftTextChanged = Signal()
    phaseProgressChanged = Signal()
    totalProgressChanged = Signal()
    infusionCompleteChanged = Signal()
    nextPhaseNameChanged = Signal()
    clockHiddenChanged = Signal()
    bannerTextChanged = Signal()
    playlistOfferChanged = Signal()
    chosenTemplateIdChanged = Signal()
    chosenTemplateNameChanged = Signal()
    chosenSetsLengthChanged = Signal()
    chosenMinutesChanged = Signal()

    # Events for the app to route. Python dicts travel as QVariantMap, so QML can read them too.
    phaseChanged = Signal(dict)
    infusionCompleted = Signal(dict)
    sessionEnded = Signal(dict)
    # The patient accepted the suggested playlist (its name); the app hands it to the music.
    playlistAccepted = Signal(str)
    # "Reset for next patient": the app clears the other areas' choices and history too.
    patientReset = Signal()
    templatesChanged = Signal()

    def __init__(self, model: SessionModel, templates: Sequence[SessionTemplate],
                 poll_interval_ms: int = DEFAULT_POLL_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._templates = tuple(templates)
        self._clock_hidden = False
        self._playlist_offer = ""
        self._chosen: SessionTemplate | None = self._templates[0] if self._templates else None
        self._chosen_minutes = self._chosen.default_infusion_minutes if self._chosen else 0
        self._restore_reported = False
        # A phase's name and line in the patient's language (the clinic's content files).
        self._phase_words: Callable[[str, Phase], tuple[str, str]] = (
            lambda template_id, phase: (phase.name, phase.description))
        self._values: dict[str, Any] = self._values_from(model.view())
        self._timer = QTimer(self)
        self._timer.setInterval(poll_interval_ms)
        self._timer.timeout.connect(self.refresh)
        # The first poll waits for the event loop, so the app can connect the event signals
        # first: a restored session may have an infusion end to announce.
        QTimer.singleShot(0, self, self.refresh)

    # ---- properties ---------------------------------------------------------------------

    active = _prop(bool, "active", activeChanged)
    paused = _prop(bool, "paused", pausedChanged)
    ended = _prop(bool, "ended", endedChanged)
    sessionState = _prop(str, "sessionState", sessionStateChanged)
    templateName = _prop(str, "templateName", templateNameChanged)
    phaseName = _prop(str, "phaseName", phaseNameChanged)
    phaseDescription = _prop(str, "phaseDescription", phaseDescriptionChanged)
    phaseIndex = _prop(int, "phaseIndex", phaseIndexChanged)
    phaseCount = _prop(int, "phaseCount", phaseCountChanged)
    phaseRestMode = _prop(bool, "phaseRestMode", phaseRestModeChanged)
    minutesLeftText = _prop(str, "minutesLeftText", minutesLeftTextChanged)
    totalMinutesLeftText = _prop(str, "totalMinutesLeftText", totalMinutesLeftTextChanged)
    phaseProgress = _prop(float, "phaseProgress", phaseProgressChanged)
    totalProgress = _prop(float, "totalProgress", totalProgressChanged)
    infusionComplete = _prop(bool, "infusionComplete", infusionCompleteChanged)
    nextPhaseName = _prop(str, "nextPhaseName", nextPhaseNameChanged)
    clockHidden = _prop(bool, "clockHidden", clockHiddenChanged)
    bannerText = _prop(str, "bannerText", bannerTextChanged)
    playlistOffer = _prop(str, "playlistOffer", playlistOfferChanged)
    chosenTemplateId = _prop(str, "chosenTemplateId", chosenTemplateIdChanged)
    chosenTemplateName = _prop(str, "chosenTemplateName", chosenTemplateNameChanged)
    chosenSetsLength = _prop(bool, "chosenSetsLength", chosenSetsLengthChanged)
    chosenMinutes = _prop(int, "chosenMinutes", chosenMinutesChanged)

    def _get_templates(self) -> list[dict[str, Any]]:
        return [
            {"id": t.id, "name": t.name, "nurseSetsLength": t.nurse_sets_length,
             "defaultInfusionMinutes": t.default_infusion_minutes,
             "minMinutes": t.min_minutes, "maxMinutes": t.max_minutes}
            for t in self._templates
        ]

    templates = Property(list, _get_templates, notify=templatesChanged)  # QVariantList

    def set_templates(self, templates: Sequence[SessionTemplate]) -> None:
        """A reloaded clinic.yaml's templates, for the next session: a running session keeps
        the template it started with. The nurse's choice stays when its template is still
        offered."""
        self._templates = tuple(templates)
        chosen = self._chosen.id if self._chosen else ""
        kept = template_by_id(self._templates, chosen)
        if kept is None or kept != self._chosen:
            self._choose(kept or (self._templates[0] if self._templates else None))
        self.templatesChanged.emit()
        self._show()

    # ---- nurse controls -----------------------------------------------------------------

    def view(self) -> SessionView:
        """The model's view now, for the app's wiring (the station's session status)."""
        return self._model.view()

    @Slot(str, int, result=bool)
    def start(self, templateId: str, infusionMinutes: int) -> bool:  # noqa: N803 (QML names)
        """Start `templateId`; an infusionMinutes of 0 or less keeps the template's length."""
        template = template_by_id(self._templates, templateId)
        if template is None:
            log.warning("cannot start session, unknown template template=%s", templateId)
            return False
        try:
            self._model.start(template, infusionMinutes if infusionMinutes > 0 else None)
        except ValueError as e:
            log.warning("cannot start session template=%s reason=%s", templateId, e)
            return False
        self.refresh()
        return True

    @Slot(result=bool)
    def pause(self) -> bool:
        return self._after(self._model.pause())

    @Slot(result=bool)
    def resume(self) -> bool:
        return self._after(self._model.resume())

    @Slot(int, result=bool)
    def extend(self, minutes: int) -> bool:
        try:
            changed = self._model.extend(minutes)
        except ValueError as e:
            log.warning("cannot extend session reason=%s", e)
            return False
        return self._after(changed)

    @Slot(result=bool)
    def endSession(self) -> bool:  # noqa: N802 (QML names)
        return self._after(self._model.end())

    @Slot()
    def reset(self) -> None:
        """Reset for the next patient: no session, clock shown, no offer, default choices."""
        self._model.reset()
        self._clock_hidden = False
        self._playlist_offer = ""
        self._choose(self._templates[0] if self._templates else None)
        self.refresh()
        self.patientReset.emit()

    @Slot(str)
    def chooseTemplate(self, templateId: str) -> None:  # noqa: N802,N803 (QML names)
        template = template_by_id(self._templates, templateId)
        if template is None:
            log.warning("cannot choose session template, unknown template=%s", templateId)
            return
        self._choose(template)
        self._show()

    @Slot(int)
    def changeMinutes(self, delta: int) -> None:  # noqa: N802 (QML names)
        """Step the chosen infusion length, kept within the template's limits."""
        t = self._chosen
        if t is None or not t.nurse_sets_length:
            return
        self._chosen_minutes = max(t.min_minutes, min(t.max_minutes, self._chosen_minutes + delta))
        self._show()

    @Slot(result=bool)
    def startChosen(self) -> bool:  # noqa: N802 (QML names)
        t = self._chosen
        if t is None:
            return False
        return self.start(t.id, self._chosen_minutes if t.nurse_sets_length else 0)

    def _choose(self, template: SessionTemplate | None) -> None:
        self._chosen = template
        self._chosen_minutes = template.default_infusion_minutes if template else 0

    # ---- patient controls ---------------------------------------------------------------

    @Slot(bool)
    def setClockHidden(self, hidden: bool) -> None:  # noqa: N802 (QML names)
        self._clock_hidden = hidden
        log.info("session time %s", "hidden" if hidden else "shown")
        self._show()

    @Slot()
    def acceptPlaylist(self) -> None:  # noqa: N802 (QML names)
        name = self._playlist_offer
        if not name:
            return
        self._playlist_offer = ""
        self._show()
        self.playlistAccepted.emit(name)

    @Slot()
    def declinePlaylist(self) -> None:  # noqa: N802 (QML names)
        self._playlist_offer = ""
        self._show()

    # ---- polling ------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """Poll the model, emit its events, then update properties; keep the timer only while
        time is passing."""
        events = self._model.poll()
        view = self._model.view()
        if not self._restore_reported:
            self._restore_reported = True
            self._report_restore(view)
        for event in events:
            self._note(event)
        self._update(self._values_from(view))
        for event in events:
            self._emit(event)
        if view.state is SessionState.RUNNING:
            if not self._timer.isActive():
                self._timer.start()
        else:
            self._timer.stop()

    @property
    def polling(self) -> bool:
        return self._timer.isActive()

    def _report_restore(self, view: SessionView) -> None:
        if not self._model.restored or view.phase is None:
            return
        log.info("session restored phase=%s state=%s minutes_left=%d phase_minutes_left=%d",
                 view.phase.id, view.state.value, whole_minutes_left(view.remaining_seconds),
                 whole_minutes_left(view.phase_remaining_seconds))

    def set_phase_words(self, words: Callable[[str, Phase], tuple[str, str]]) -> None:
        """How phases are named from now on (a new patient language); every text is chosen
        again, so the minutes left follow the new translation too."""
        self._phase_words = words
        self.refresh()

    def _note(self, event: SessionEvent) -> None:
        """What the screen keeps from an event: a phase's playlist becomes a gentle offer."""
        if isinstance(event, PhaseChanged):
            self._playlist_offer = event.phase.playlist
        elif isinstance(event, SessionEnded):
            self._playlist_offer = ""

    def _show(self) -> None:
        self._update(self._values_from(self._model.view()))

    def _after(self, changed: bool) -> bool:
        if changed:
            self.refresh()
        return changed

    def _update(self, values: dict[str, Any]) -> None:
        changed = [name for name, value in values.items() if self._values.get(name) != value]
        self._values = values
        for name in changed:
            getattr(self, name + "Changed").emit()

    def _emit(self, event: SessionEvent) -> None:
        if isinstance(event, PhaseChanged):
            p = event.phase
            self.phaseChanged.emit({
                "templateId": event.template_id, "templateName": event.template_name,
                "index": event.index, "id": p.id, "name": p.name, "description": p.description,
                "infusion": p.infusion, "playlist": p.playlist,
                "guideTopics": list(p.guide_topics), "restMode": p.rest_mode,
                "fadeMusicAtEnd": p.fade_music_at_end,
            })
        elif isinstance(event, InfusionComplete):
            self.infusionCompleted.emit({
                "templateId": event.template_id, "templateName": event.template_name,
                "phaseId": event.phase_id, "phaseName": event.phase_name,
                "endedAt": event.ended_at, "late": event.late,
            })
        elif isinstance(event, SessionEnded):
            self.sessionEnded.emit({
                "templateId": event.template_id, "templateName": event.template_name,
                "endedAt": event.ended_at, "early": event.early,
            })

    def _values_from(self, view: SessionView) -> dict[str, Any]:
        state = view.state
        has_time = state in (SessionState.RUNNING, SessionState.PAUSED)
        return {
            "active": has_time,
            "paused": state is SessionState.PAUSED,
            "ended": state is SessionState.ENDED,
            "sessionState": state.value,
            "templateName": view.template_name,
            "phaseName": self._words(view, view.phase)[0],
            "phaseDescription": self._words(view, view.phase)[1],
            "phaseIndex": view.phase_index,
            "phaseCount": view.phase_count,
            "phaseRestMode": bool(view.phase and view.phase.rest_mode and has_time),
            "minutesLeftText":
                self._minutes_text(view.phase_remaining_seconds) if has_time else "",
            "totalMinutesLeftText":
                self._minutes_text(view.remaining_seconds) if has_time else "",
            "phaseProgress": _progress(view.phase_progress),
            "totalProgress": _progress(view.total_progress),
            "infusionComplete": view.infusion_complete,
            "nextPhaseName": self._words(view, view.next_phase)[0],
            "clockHidden": self._clock_hidden,
            "bannerText": self._banner(view),
            "playlistOffer": self._playlist_offer if has_time else "",
            "chosenTemplateId": self._chosen.id if self._chosen else "",
            "chosenTemplateName": self._chosen.name if self._chosen else "",
            "chosenSetsLength": bool(self._chosen and self._chosen.nurse_sets_length),
            "chosenMinutes": self._chosen_minutes,
        }

    def _words(self, view: SessionView, phase: Phase | None) -> tuple[str, str]:
        return self._phase_words(view.template_id, phase) if phase else ("", "")

    def _banner(self, view: SessionView) -> str:
        upcoming = view.next_phase
        if (view.state is not SessionState.RUNNING or upcoming is None
                or view.phase_remaining_seconds > BANNER_LEAD_SECONDS):
            return ""
        name, line = self._words(view, upcoming)
        return self.tr("Next: %1. %2").replace("%1", name).replace("%2", line)

    def _minutes_text(self, seconds: float) -> str:
        return minutes_left_text(seconds)


def minutes_left_text(seconds: float) -> str:
    """Whole minutes, rounded as core's whole_minutes_left; the last minute is called out."""
    minutes = whole_minutes_left(seconds)
    if minutes == 0:
        return QCoreApplication.translate("SessionController", "Less than a minute left")
    return QCoreApplication.translate("SessionController", "About %n minute(s) left", "",
                                      minutes)


# ---- wiring helpers for the composition root ------------------------------------------------

class _Room(Protocol):
    def rest(self) -> None: ...


def connect_room(session: SessionController, room: _Room, play_cue: Callable[[], None]) -> None:
    """Route the session's events in the room: a rest-mode phase darkens the screen, and the end
    of the infusion plays the soft cue (not when it ended while the room was off: a cue long
    after the fact would only puzzle the patient; the station still hears of it)."""
    def on_phase(info: dict[str, Any]) -> None:
        if info.get("restMode"):
            log.info("phase asks for rest mode phase=%s", info.get("id"))
            room.rest()

    def on_infusion(info: dict[str, Any]) -> None:
        if info.get("late"):
            log.info("infusion ended while the room was off, no cue phase=%s",
                     info.get("phaseId"))
            return
        play_cue()

    session.phaseChanged.connect(on_phase)
    session.infusionCompleted.connect(on_infusion)
