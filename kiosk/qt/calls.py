"""The call button and the requests screen as QML sees them: a thin layer over core's RoomCalls.

Honesty lives in kiosk/core/calls.py (a call counts as received only on a station's receipt);
this module only picks the words, keeps a timer running while a call waits for its receipt, and
writes one log line per state change ("call state id=... state=..."), which the end-to-end
tests wait on.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Property, QCoreApplication, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement

from kiosk.core.calls import CallState, OpenCall, RoomCalls
from kiosk.core.protocol import REQUEST_PRIORITIES

log = logging.getLogger(__name__)

QML_IMPORT_NAME = "Kiosk.Backend"
QML_IMPORT_MAJOR_VERSION = 1

TICK_MS = 500


def _tr(text: str) -> str:
    return QCoreApplication.translate("RoomCallController", text)


@dataclass(frozen=True)
class RequestChoice:
    """One large choice on the requests screen; label and priority come from the clinic config."""

    id: str
    label: str
    priority: str = "normal"

    @property
    def wire_priority(self) -> int:
        return REQUEST_PRIORITIES.get(self.priority, REQUEST_PRIORITIES["normal"])


def _call_text(state: CallState) -> str:
    """What the big button says under "Call nurse" while a call is open."""
    texts = {
        CallState.CALLING: _tr("Calling the nurse station..."),
        CallState.NOT_THROUGH: _tr("Your call did not get through. Please call out or press "
                                   "the wired call button. We keep trying."),
        CallState.RECEIVED: _tr("The nurse station has your call"),
        CallState.ON_THE_WAY: _tr("A nurse is on the way"),
    }
    return texts.get(state, "")


def _request_text(state: CallState) -> str:
    """The shorter line beside each open request."""
    texts = {
        CallState.CALLING: _tr("Sending..."),
        CallState.NOT_THROUGH: _tr("Not through yet. We keep trying."),
        CallState.RECEIVED: _tr("The nurse station has it"),
        CallState.ON_THE_WAY: _tr("A nurse is on the way"),
    }
    return texts.get(state, "")


def offline_text() -> str:
    """A call a station has, while this tablet cannot reach the broker."""
    return _tr("This tablet lost its connection. Your call is saved and will be sent again. "
               "You can also call out.")


def no_station_text() -> str:
    return _tr("No nurse station is online: call out or use the wired call button")


@QmlElement
class RoomCallController(QObject):
    callStateChanged = Signal()
    statusTextChanged = Signal()
    noStationOnlineChanged = Signal()
    linkUpChanged = Signal()
    requestsChanged = Signal()
    choicesChanged = Signal()
    # A call did not reach a station in time: the app plays a gentle local tone.
    notThrough = Signal()
    # The patient pressed the call button: the app answers with a soft press tone.
    callPressed = Signal()

    def __init__(self, calls: RoomCalls, choices: Sequence[RequestChoice] = (),
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._calls = calls
        self._choices = list(choices)
        self._link_up = False
        self._call_state = CallState.IDLE
        self._status_text = ""
        self._no_station = True
        self._requests: list[dict[str, object]] = []
        # What the patient reads for a request reason, in their language; the station gets the
        # label the request was made with (the clinic's language).
        self._patient_labels: dict[str, str] = {}
        self._logged: dict[str, str] = {}
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._calls.tick)
        calls.changed.connect(self._refresh)
        calls.not_through.connect(self._not_through)
        self._refresh()

    # ---- what QML binds to ----

    def _get_call_state(self) -> str:
        return self._call_state.value

    def _get_status_text(self) -> str:
        return self._status_text

    def _get_no_station_online(self) -> bool:
        return self._no_station

    def _get_link_up(self) -> bool:
        return self._link_up

    def _get_requests(self) -> list[dict[str, object]]:
        return self._requests

    def _get_no_station_text(self) -> str:
        return no_station_text()

    def _get_choices(self) -> list[dict[str, object]]:
        return [{"id": c.id, "label": self._patient_labels.get(c.id, c.label),
                 "priority": c.priority} for c in self._choices]

    callState = Property(str, _get_call_state, notify=callStateChanged)
    statusText = Property(str, _get_status_text, notify=statusTextChanged)
    noStationOnline = Property(bool, _get_no_station_online, notify=noStationOnlineChanged)
    linkUp = Property(bool, _get_link_up, notify=linkUpChanged)
    requests = Property(list, _get_requests, notify=requestsChanged)
    noStationText = Property(str, _get_no_station_text, constant=True)
    choices = Property(list, _get_choices, notify=choicesChanged)

    # ---- what the patient and the nurse do ----

    @Slot(result=str)
    def callNurse(self) -> str:  # noqa: N802 - QML-facing name
        call_id = self._calls.call_nurse()
        self.callPressed.emit()
        return call_id

    @Slot(str, result=str)
    def request(self, reason_id: str) -> str:
        choice = next((c for c in self._choices if c.id == reason_id), None)
        if choice is None:
            log.warning("ignored unknown request reason=%s", reason_id)
            return ""
        return self._calls.request(choice.id, choice.label, choice.wire_priority)

    @Slot(str, result=bool)
    def cancelRequest(self, call_id: str) -> bool:  # noqa: N802
        return self._calls.cancel_request(call_id)

    @Slot(str, result=bool)
    def resolveInRoom(self, call_id: str) -> bool:  # noqa: N802
        """A nurse in the room clears an item (the PIN guard sits in front of this)."""
        return self._calls.resolve_in_room(call_id)

    def set_choices(self, choices: Sequence[RequestChoice]) -> None:
        """A reloaded clinic.yaml's requests: labels and priorities for the next request (an
        open request keeps the label and priority it was sent with)."""
        self._choices = list(choices)
        self.choicesChanged.emit()

    def set_patient_labels(self, labels: Mapping[str, str]) -> None:
        """Labels by request reason in the patient's language (a new language: new labels)."""
        self._patient_labels = dict(labels)
        self.choicesChanged.emit()
        self.retranslate()

    def retranslate(self) -> None:
        """Choose every text again, after the interface's language changed."""
        self._status_text = ""
        self._requests = []
        self._refresh()

    def set_link_up(self, up: bool) -> None:
        """Wired to the link's connection changes (RoomLink.connection_changed)."""
        if up != self._link_up:
            self._link_up = up
            self.linkUpChanged.emit()
        self._refresh()

    # ---- inside ----

    def _not_through(self, call_id: str) -> None:
        log.warning("call not through id=%s", call_id)
        self.notThrough.emit()

    def _refresh(self) -> None:
        items = self._calls.items
        self._log_changes(items)
        self._set_call_state(self._calls.urgent_state)
        self._set_no_station(self._calls.no_station_online)
        self._set_status_text(self._status_for(self._call_state))
        self._set_requests([self._row(i) for i in items])
        self._run_timer_while_needed()

    def _status_for(self, state: CallState) -> str:
        if state is CallState.IDLE:
            return no_station_text() if self._no_station else ""
        if state is CallState.RECEIVED and not self._calls.link_up:
            return offline_text()
        return _call_text(state)

    def _row(self, item: OpenCall) -> dict[str, object]:
        urgent = item.call.urgent
        text = _call_text(item.state) if urgent else _request_text(item.state)
        if item.state is CallState.RECEIVED and not self._calls.link_up:
            text = offline_text()
        return {
            "id": item.call.call_id,
            "label": _tr("Call nurse") if urgent else self._patient_labels.get(
                item.call.reason, item.call.label),
            "reason": item.call.reason,
            "stateText": text,
            "cancellable": not urgent,
            "urgent": urgent,
        }

    def _log_changes(self, items: list[OpenCall]) -> None:
        now = {i.call.call_id: i.state.value for i in items}
        for call_id, state in now.items():
            if self._logged.get(call_id) != state:
                log.info("call state id=%s state=%s", call_id, state)
        for call_id in self._logged.keys() - now.keys():
            log.info("call state id=%s state=closed", call_id)
        self._logged = now

    def _run_timer_while_needed(self) -> None:
        waiting = self._calls.needs_tick
        if waiting and not self._timer.isActive():
            self._timer.start()
        elif not waiting and self._timer.isActive():
            self._timer.stop()

    def _set_call_state(self, state: CallState) -> None:
        if state is not self._call_state:
            self._call_state = state
            self.callStateChanged.emit()

    def _set_no_station(self, value: bool) -> None:
        if value != self._no_station:
            self._no_station = value
            self.noStationOnlineChanged.emit()

    def _set_status_text(self, text: str) -> None:
        if text != self._status_text:
            self._status_text = text
            self.statusTextChanged.emit()

    def _set_requests(self, rows: list[dict[str, object]]) -> None:
        if rows != self._requests:
            self._requests = rows
            self.requestsChanged.emit()
