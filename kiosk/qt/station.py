"""The nurse station as its screen sees it: rooms, open calls, the chime, the broker link.

Wraps core's StationBoard (which owns every rule: receipts, acknowledgement, escalation, the
chime's repeat). This class only turns the board's views into ready-to-show rows, drives the
board's one-second tick, and plays the chime when the board asks for it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement

from kiosk.core.board import CallView, RoomPresence, RoomView, StationBoard
from kiosk.core.clock import Clock, SystemClock

log = logging.getLogger(__name__)

QML_IMPORT_NAME = "Kiosk.Backend"
QML_IMPORT_MAJOR_VERSION = 1

TICK_MS = 1000
# A call younger than this that nobody has answered yet shows as "new".
NEW_CALL_SECONDS = 60


@QmlElement
class StationController(QObject):
    callsChanged = Signal()
    roomsChanged = Signal()
    chimingChanged = Signal()
    connectedChanged = Signal()
    chimeProblemChanged = Signal()
    linkProblemChanged = Signal()
    noticesChanged = Signal()
    chimed = Signal()

    def __init__(self, board: StationBoard | None = None, *, title: str = "",
                 room_names: Mapping[str, str] | None = None,
                 known_rooms: Sequence[str] = (), play_chime: Callable[[], None] | None = None,
                 chime_problem: str = "", clock: Clock | None = None,
                 tick_ms: int = TICK_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        if board is None:
            raise ValueError("StationController needs a StationBoard")
        self.board = board
        self._title = title or self.tr("Nurse station")
        self._names = dict(room_names or {})
        self._known_rooms = list(known_rooms)
        self._play_chime = play_chime or (lambda: None)
        self._chime_problem = chime_problem
        self._link_problem = ""
        self.clock: Clock = clock or SystemClock()
        self._offline_since: dict[str, float] = {}
        self._calls: list[dict[str, Any]] = []
        self._rooms: list[dict[str, Any]] = []
        self._chiming = False
        self._connected = False
        self._infusion_done: dict[str, float] = {}
        self._shown: dict[str, str] = {}
        self._notices: list[dict[str, Any]] = []
        self.chime_count = 0
        board.changed.connect(self.refresh)
        board.chime.connect(self._chime)
        board.infusion_complete.connect(self._infusion_complete)
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self._tick)
        self._timer.start()
        self.refresh()

    # ---- what QML binds to ----

    def _get_title(self) -> str:
        return self._title

    def _get_calls(self) -> list[dict[str, Any]]:
        return self._calls

    def _get_rooms(self) -> list[dict[str, Any]]:
        return self._rooms

    def _get_chiming(self) -> bool:
        return self._chiming

    def _get_connected(self) -> bool:
        return self._connected

    def _get_chime_problem(self) -> str:
        return self._chime_problem

    def _get_notices(self) -> list[dict[str, Any]]:
        return self._notices

    def _get_link_problem(self) -> str:
        return self._link_problem

    title = Property(str, _get_title, constant=True)
    calls = Property(list, _get_calls, notify=callsChanged)
    rooms = Property(list, _get_rooms, notify=roomsChanged)
    chiming = Property(bool, _get_chiming, notify=chimingChanged)
    connected = Property(bool, _get_connected, notify=connectedChanged)
    chimeProblem = Property(str, _get_chime_problem, notify=chimeProblemChanged)
    notices = Property(list, _get_notices, notify=noticesChanged)
    # Why this station cannot connect at all (a broker file it cannot use), or "".
    linkProblem = Property(str, _get_link_problem, notify=linkProblemChanged)

    # ---- what the nurse does ----

    @Slot(str)
    def acknowledge(self, call_id: str) -> None:
        """"On my way": the room is told a nurse is coming; the call stays until resolved."""
        self.board.acknowledge(call_id)

    @Slot(str)
    def resolve(self, call_id: str) -> None:
        self.board.resolve(call_id)

    @Slot()
    def silence(self) -> None:
        """Stops the chime only; every call stays on the screen."""
        self.board.silence()

    @Slot(str)
    def dismissNotice(self, room_id: str) -> None:  # noqa: N802 - QML-facing name
        """The nurse has seen that a room's infusion time is complete."""
        if self._infusion_done.pop(room_id, None) is not None:
            self.refresh()

    # ---- inside ----

    def _infusion_complete(self, room: str) -> None:
        """The end of a room's infusion time: a notice that stays until a nurse has seen it,
        with one chime (it is not a call, so it does not repeat)."""
        if room in self._infusion_done:
            return
        self._infusion_done[room] = self.clock.wall()
        self._chime()
        self.refresh()

    def set_chime_problem(self, text: str) -> None:
        if text != self._chime_problem:
            self._chime_problem = text
            self.chimeProblemChanged.emit()

    def set_link_problem(self, text: str) -> None:
        if text != self._link_problem:
            self._link_problem = text
            self.linkProblemChanged.emit()

    def _tick(self) -> None:
        self.board.tick()
        self.refresh()

    def _chime(self) -> None:
        self.chime_count += 1
        self._play_chime()
        self.chimed.emit()

    def refresh(self) -> None:
        views = self.board.calls()
        self._log_changes(views)
        calls = [self._call_row(v) for v in views]
        rooms = self._room_rows(self.board.rooms(), views)
        self._update("_calls", calls, self.callsChanged)
        self._update("_notices", self._notice_rows(), self.noticesChanged)
        self._update("_rooms", rooms, self.roomsChanged)
        self._update("_chiming", self.board.chiming, self.chimingChanged)
        self._update("_connected", self.board.connected, self.connectedChanged)

    def _update(self, attr: str, value: object, signal: Any) -> None:
        # Only real changes reach QML, so rows are not rebuilt under a nurse's finger each second.
        if getattr(self, attr) != value:
            setattr(self, attr, value)
            signal.emit()

    def _name(self, room: str) -> str:
        return self._names.get(room, room)

    def _call_row(self, v: CallView) -> dict[str, Any]:
        state = self._state_key(v)
        return {
            "callId": v.call_id,
            "roomId": v.room,
            "roomName": self._name(v.room),
            "summaryText": self._summary_text(v),
            "ageMinutes": v.age_minutes,
            "ageText": self._age_text(v.age_minutes),
            "stateKey": state,
            "stateText": self._state_text(state, v.acknowledged_by),
            "urgent": v.urgent,
            "overdue": v.overdue and not v.acknowledged,
            "acknowledged": v.acknowledged,
            "test": v.test,
            "prominent": v.urgent or (v.overdue and not v.acknowledged),
        }

    def _summary_text(self, v: CallView) -> str:
        if v.test:
            return self.tr("Test call (commissioning)")
        if v.urgent:
            return self.tr("Call for a nurse")
        return self.tr("Request: %1").replace("%1", v.label)

    def _age_text(self, minutes: int) -> str:
        if minutes < 1:
            return self.tr("under 1 min")
        return self.tr("%1 min").replace("%1", str(minutes))

    @staticmethod
    def _state_key(v: CallView) -> str:
        if v.acknowledged:
            return "on_the_way"
        if v.overdue:
            return "overdue"
        return "new" if v.age_minutes * 60 < NEW_CALL_SECONDS else "received"

    def _state_text(self, state: str, by: str) -> str:
        texts = {
            "new": self.tr("New"),
            "received": self.tr("Waiting for a nurse"),
            "overdue": self.tr("Overdue"),
            "on_the_way": self.tr("A nurse is on the way"),
        }
        text = texts[state]
        if state == "on_the_way" and by and by != self.board.station:
            text = self.tr("On the way (%1)").replace("%1", by)
        return text

    def _room_rows(self, views: list[RoomView], calls: list[CallView]) -> list[dict[str, Any]]:
        seen = {v.room: v for v in views}
        ids = self._known_rooms + sorted(set(seen) - set(self._known_rooms))
        now = self.clock.monotonic()
        rows = []
        for room in ids:
            view = seen.get(room) or RoomView(room, RoomPresence.NEVER_SEEN, False, "", "", 0,
                                              False)
            rows.append(self._room_row(view, sum(c.room == room for c in calls), now))
        return rows

    def _room_row(self, v: RoomView, open_calls: int, now: float) -> dict[str, Any]:
        online = v.presence is RoomPresence.ONLINE
        if v.presence is RoomPresence.OFFLINE:
            since = self._offline_since.setdefault(v.room, now)
        else:
            self._offline_since.pop(v.room, None)
            since = now
        return {
            "roomId": v.room,
            "name": self._name(v.room),
            "online": online,
            "offline": v.presence is RoomPresence.OFFLINE,
            "presenceText": self._presence_text(v.presence, int(now - since)),
            "phaseText": self._phase_text(v),
            "timeLeftText": self._time_left_text(v),
            "openCalls": open_calls,
            "openCallsText": self._open_calls_text(open_calls),
            "infusionComplete": v.infusion_complete,
        }

    def _log_changes(self, views: Sequence[CallView]) -> None:
        """One line per call event at this station, for the operator (no patient data)."""
        now = {v.call_id: ("overdue" if v.overdue else "acknowledged" if v.acknowledged
                           else "open") for v in views}
        for v in views:
            state = now[v.call_id]
            if self._shown.get(v.call_id) != state:
                log.info("call %s id=%s room=%s reason=%s", "shown" if v.call_id not in
                         self._shown else state, v.call_id, v.room, v.reason)
        for call_id in self._shown.keys() - now.keys():
            log.info("call cleared id=%s", call_id)
        self._shown = now

    def _notice_rows(self) -> list[dict[str, Any]]:
        now = self.clock.wall()
        return [{
            "roomId": room,
            "text": self.tr("%1: infusion time complete").replace("%1", self._name(room)),
            "ageText": self._age_text(int(now - since) // 60),
        } for room, since in sorted(self._infusion_done.items(), key=lambda kv: kv[1])]

    def _presence_text(self, presence: RoomPresence, offline_seconds: int) -> str:
        if presence is RoomPresence.ONLINE:
            return self.tr("Tablet online")
        if presence is RoomPresence.NEVER_SEEN:
            return self.tr("Tablet not seen yet")
        if offline_seconds < 120:
            return self.tr("No contact for %1 s").replace("%1", str(offline_seconds))
        return self.tr("No contact for %1 min").replace("%1", str(offline_seconds // 60))

    def _phase_text(self, v: RoomView) -> str:
        if v.infusion_complete and not v.session_running:
            return self.tr("Infusion complete")
        if not v.session_running:
            return self.tr("No session")
        return v.phase_label or v.phase

    def _time_left_text(self, v: RoomView) -> str:
        if not v.session_running:
            return ""
        return self.tr("%1 min left").replace("%1", str((v.remaining_seconds + 59) // 60))

    def _open_calls_text(self, count: int) -> str:
        if count == 0:
            return self.tr("No open calls")
        if count == 1:
            return self.tr("1 open call")
        return self.tr("%1 open calls").replace("%1", str(count))
