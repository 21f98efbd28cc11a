"""The session timer as QML and the app see it: ready-to-bind properties, nurse slots, events.

Translation only: every rule lives in kiosk.core.session. The controller polls the model every
few seconds while a session runs (the ring needs no more; an idle room should not wake the CPU)
and right after each nurse action, emits `<prop>Changed` only for values that really changed, and
turns core events into signals with plain maps the app routes (soft cue, station, playlist).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.core.session import (
    InfusionComplete,
    PhaseChanged,
    SessionEnded,
    SessionEvent,
    SessionModel,
    SessionState,
    SessionTemplate,
    SessionView,
    template_by_id,
    whole_minutes_left,
)

QML_IMPORT_NAME = "Kiosk.Backend"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)

DEFAULT_POLL_MS = 5000
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

    # Events for the app to route. Python dicts travel as QVariantMap, so QML can read them too.
    phaseChanged = Signal(dict)
    infusionCompleted = Signal(dict)
    sessionEnded = Signal(dict)

    def __init__(self, model: SessionModel, templates: Sequence[SessionTemplate],
                 poll_interval_ms: int = DEFAULT_POLL_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._templates = tuple(templates)
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

    def _get_templates(self) -> list[dict[str, Any]]:
        return [
            {"id": t.id, "name": t.name, "nurseSetsLength": t.nurse_sets_length,
             "defaultInfusionMinutes": t.default_infusion_minutes,
             "minMinutes": t.min_minutes, "maxMinutes": t.max_minutes}
            for t in self._templates
        ]

    templates = Property(list, _get_templates, constant=True)  # QVariantList

    # ---- nurse controls -----------------------------------------------------------------

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
        self._model.reset()
        self.refresh()

    # ---- polling ------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """Poll the model, emit its events, then update properties; keep the timer only while
        time is passing."""
        events = self._model.poll()
        view = self._model.view()
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
            "phaseName": view.phase.name if view.phase else "",
            "phaseDescription": view.phase.description if view.phase else "",
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
            "nextPhaseName": view.next_phase.name if view.next_phase else "",
        }

    def _minutes_text(self, seconds: float) -> str:
        minutes = whole_minutes_left(seconds)
        if minutes == 0:
            return self.tr("Less than a minute left")
        if minutes == 1:
            return self.tr("About 1 minute left")
        return self.tr("About %1 minutes left").replace("%1", str(minutes))
