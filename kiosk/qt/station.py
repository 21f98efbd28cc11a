"""The nurse station as its screen sees it: rooms, open calls, counts, the chime, the link.

Wraps core's StationBoard (which owns every rule: receipts, acknowledgement, escalation, the
chime's repeat). This class turns the board's views into rows of list models that are updated in
place (so a press is never lost to a refresh), drives the board's one-second tick, picks the
chime's sound by the urgency the board names, and holds a "Resolved" for a few seconds so that
it can be undone before anything is sent.
"""

from __future__ import annotations

import functools
import logging
import re
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement

from kiosk.core.board import CallView, RoomPresence, RoomView, StationBoard, Urgency
from kiosk.core.clock import Clock, SystemClock
from kiosk.qt.rows import RowModel

log = logging.getLogger(__name__)

QML_IMPORT_NAME = "Kiosk.Backend"
QML_IMPORT_MAJOR_VERSION = 1

TICK_MS = 1000
# A call younger than this that nobody has answered yet shows as "new".
NEW_CALL_SECONDS = 60
# How long "Resolved" can be undone; the resolution is sent only when this time has passed.
UNDO_SECONDS = 5.0
# While the "Today" view is open its figures are read again this often.
TODAY_READ_SECONDS = 60.0

URGENCY_KEYS = {Urgency.URGENT: "urgent", Urgency.HIGH: "high", Urgency.NORMAL: "normal",
                Urgency.INFO: "info"}
# The sound for the end of an infusion time: news, not a call.
INFO_SOUND = "info"
# A burst of calls (or of infusions found ended when the station starts) sounds a few times,
# not once per call: a call's sound is dropped when the same or a more pressing call sound
# began this recently (it is still being heard), and likewise an information sound after
# another. Each sound also costs the Qt thread a few milliseconds (a libVLC player), which
# 200 calls in a second turned into more than a second of late receipts.
SOUND_GAP_SECONDS = 0.25
_CALL_SOUND_RANK = {"normal": 1, "high": 2, "urgent": 3}

CALL_KEYS = ("callId", "roomId", "roomName", "summaryText", "reasonText", "ageMinutes",
             "ageText", "stateKey", "stateText", "stateShort", "urgency", "urgent", "overdue",
             "acknowledged", "test", "prominent", "resolving")
ROOM_KEYS = ("roomId", "name", "online", "offline", "presenceText", "phaseText",
             "timeLeftText", "openCalls", "openCallsText", "infusionComplete", "tileState",
             "tileWord", "tileTime")
NOTICE_KEYS = ("roomId", "text", "ageText")

_DIGITS = re.compile(r"(\d+)")


@functools.lru_cache(maxsize=4096)
def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """"room-2" before "room-10": runs of digits compare as numbers."""
    return tuple((1, int(part)) if part.isdigit() else (0, part.casefold())
                 for part in _DIGITS.split(text) if part)


@QmlElement
class StationController(QObject):
    callsChanged = Signal()
    roomsChanged = Signal()
    chimingChanged = Signal()
    connectedChanged = Signal()
    chimeProblemChanged = Signal()
    linkProblemChanged = Signal()
    noticesChanged = Signal()
    countsChanged = Signal()
    todayOpenChanged = Signal()
    chimed = Signal()
    # Which sound the chime played: "urgent", "high", "normal" or "info".
    chimeSounded = Signal(str)

    def __init__(self, board: StationBoard | None = None, *, title: str = "",
                 room_names: Mapping[str, str] | None = None,
                 known_rooms: Sequence[str] = (),
                 play_chime: Callable[[str], None] | None = None,
                 chime_problem: str = "", clock: Clock | None = None,
                 tick_ms: int = TICK_MS, undo_seconds: float = UNDO_SECONDS,
                 response_times: QObject | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        if board is None:
            raise ValueError("StationController needs a StationBoard")
        self.board = board
        self._title = title or self.tr("Nurse station")
        self._names = dict(room_names or {})
        self._known_rooms = list(known_rooms)
        self._play_chime = play_chime or (lambda sound: None)
        self._chime_problem = chime_problem
        self._link_problem = ""
        self.clock: Clock = clock or SystemClock()
        self._undo_seconds = undo_seconds
        self._response_times = response_times
        self._offline_since: dict[str, float] = {}
        self._call_model = RowModel(CALL_KEYS, "callId", self)
        self._room_model = RowModel(ROOM_KEYS, "roomId", self)
        self._notice_model = RowModel(NOTICE_KEYS, "roomId", self)
        self._counts = (0, 0, 0)
        self._waiting_urgency = ""
        self._chiming = False
        self._connected = False
        self._infusion_done: dict[str, float] = {}
        self._resolving: dict[str, float] = {}
        self._today_open = False
        self._today_read_at = 0.0
        self._words: dict[str, str] = {}
        self._shown: dict[str, str] = {}
        self.chime_count = 0
        self.last_chime = ""
        self._sound_started: dict[str, float] = {}
        # A burst of board changes (a reconnect, 200 calls in a second) costs one refresh, after
        # the board's handlers return: receipts never wait for the screen.
        self._refresh_soon = QTimer(self)
        self._refresh_soon.setSingleShot(True)
        self._refresh_soon.setInterval(0)
        self._refresh_soon.timeout.connect(self.refresh)
        board.changed.connect(self._refresh_soon.start)
        board.chime.connect(self._chime)
        board.infusion_complete.connect(self._infusion_complete)
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self._tick)
        self._timer.start()
        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.timeout.connect(self._send_due_resolutions)
        self.refresh()

    # ---- what QML binds to ----

    def _get_title(self) -> str:
        return self._title

    def _get_calls(self) -> list[dict[str, Any]]:
        return self._call_model.rows

    def _get_rooms(self) -> list[dict[str, Any]]:
        return self._room_model.rows

    def _get_notices(self) -> list[dict[str, Any]]:
        return self._notice_model.rows

    def _get_call_model(self) -> QObject:
        return self._call_model

    def _get_room_model(self) -> QObject:
        return self._room_model

    def _get_notice_model(self) -> QObject:
        return self._notice_model

    def _get_chiming(self) -> bool:
        return self._chiming

    def _get_connected(self) -> bool:
        return self._connected

    def _get_chime_problem(self) -> str:
        return self._chime_problem

    def _get_link_problem(self) -> str:
        return self._link_problem

    def _get_open_count(self) -> int:
        return self._counts[0]

    def _get_overdue_count(self) -> int:
        return self._counts[1]

    def _get_silent_count(self) -> int:
        return self._counts[2]

    def _get_waiting_urgency(self) -> str:
        return self._waiting_urgency

    def _get_response_times(self) -> QObject | None:
        return self._response_times

    def _get_today_open(self) -> bool:
        return self._today_open

    title = Property(str, _get_title, constant=True)
    # Plain lists of the same rows, for Python callers; QML binds to the models.
    calls = Property(list, _get_calls, notify=callsChanged)
    rooms = Property(list, _get_rooms, notify=roomsChanged)
    notices = Property(list, _get_notices, notify=noticesChanged)
    callModel = Property(QObject, _get_call_model, constant=True)
    roomModel = Property(QObject, _get_room_model, constant=True)
    noticeModel = Property(QObject, _get_notice_model, constant=True)
    chiming = Property(bool, _get_chiming, notify=chimingChanged)
    connected = Property(bool, _get_connected, notify=connectedChanged)
    chimeProblem = Property(str, _get_chime_problem, notify=chimeProblemChanged)
    # Why this station cannot connect at all (a broker file it cannot use), or "".
    linkProblem = Property(str, _get_link_problem, notify=linkProblemChanged)
    openCount = Property(int, _get_open_count, notify=countsChanged)
    overdueCount = Property(int, _get_overdue_count, notify=countsChanged)
    # -1 while this station has no link: nobody can know which tablets are silent.
    silentCount = Property(int, _get_silent_count, notify=countsChanged)
    # The most pressing call nobody has answered yet ("urgent", "high", "normal", "info"), or "".
    waitingUrgency = Property(str, _get_waiting_urgency, notify=countsChanged)
    # The "Today" view's figures (a ResponseTimesController), or None.
    responseTimes = Property(QObject, _get_response_times, constant=True)
    # The "Today" view covers the board; calls keep arriving and chiming underneath.
    todayOpen = Property(bool, _get_today_open, notify=todayOpenChanged)

    # ---- what the nurse does ----

    @Slot(str)
    def acknowledge(self, call_id: str) -> None:
        """"On my way": the room is told a nurse is coming; the call stays until resolved."""
        if call_id not in self._resolving:
            self.board.acknowledge(call_id)

    @Slot(str)
    def resolve(self, call_id: str) -> None:
        """"Resolved": sent only after UNDO_SECONDS, so a slip of the finger can be undone."""
        if call_id in self._resolving or call_id not in self._shown:
            return
        self._resolving[call_id] = self.clock.monotonic() + self._undo_seconds
        log.info("call resolving id=%s undo_seconds=%s", call_id, self._undo_seconds)
        self._undo_timer.start(int(self._undo_seconds * 1000) + 10)
        self.refresh()

    @Slot(str)
    def undoResolve(self, call_id: str) -> None:  # noqa: N802 - QML-facing name
        if self._resolving.pop(call_id, None) is not None:
            log.info("call resolve undone id=%s", call_id)
            self.refresh()

    def send_pending_resolutions(self) -> None:
        """The station is closing: a "Resolved" waiting for its undo time is sent now."""
        for call_id in list(self._resolving):
            self._resolving.pop(call_id)
            self.board.resolve(call_id)

    @Slot()
    def openToday(self) -> None:  # noqa: N802 - QML-facing name
        self._read_today()
        self._update("_today_open", True, self.todayOpenChanged)

    def _read_today(self) -> None:
        self._today_read_at = self.clock.monotonic()
        refresh = getattr(self._response_times, "refresh", None)
        if callable(refresh):
            refresh()

    @Slot()
    def closeToday(self) -> None:  # noqa: N802 - QML-facing name
        self._update("_today_open", False, self.todayOpenChanged)

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
        with one soft sound (it is not a call, so it does not repeat)."""
        if room in self._infusion_done:
            return
        self._infusion_done[room] = self.clock.wall()
        self._sound(INFO_SOUND)
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
        self._send_due_resolutions()
        self.refresh()
        if self._today_open and self.clock.monotonic() - self._today_read_at >= TODAY_READ_SECONDS:
            self._read_today()

    def _send_due_resolutions(self) -> None:
        now = self.clock.monotonic()
        due = [c for c, at in self._resolving.items() if at <= now]
        for call_id in due:
            self._resolving.pop(call_id)
            self.board.resolve(call_id)
        if self._resolving:
            left = min(self._resolving.values()) - now
            self._undo_timer.start(max(10, int(left * 1000) + 10))

    def _chime(self) -> None:
        urgency = self.board.chime_urgency()
        self._sound(URGENCY_KEYS[urgency] if urgency is not None else "normal")

    def _sound(self, sound: str) -> None:
        now = time.monotonic()  # real time: it is about sounds overlapping in the room
        recent = [s for s, at in self._sound_started.items() if now - at < SOUND_GAP_SECONDS]
        rank = _CALL_SOUND_RANK.get(sound)
        if sound in recent or rank is not None and any(
                _CALL_SOUND_RANK.get(s, 0) >= rank for s in recent):
            return
        self._sound_started[sound] = now
        self.chime_count += 1
        self.last_chime = sound
        self._play_chime(sound)
        self.chimed.emit()
        self.chimeSounded.emit(sound)

    def refresh(self) -> None:
        self._refresh_soon.stop()
        views = self.board.calls()
        self._log_changes(views)
        # A call resolved elsewhere while its "Resolved" waited needs no sending.
        for call_id in self._resolving.keys() - {v.call_id for v in views}:
            self._resolving.pop(call_id)
        if self._call_model.sync([self._call_row(v) for v in views]):
            self.callsChanged.emit()
        if self._notice_model.sync(self._notice_rows()):
            self.noticesChanged.emit()
        connected = self.board.connected
        room_views = self.board.rooms()
        self._words = self._room_words()
        if self._room_model.sync(self._room_rows(room_views, views, connected)):
            self.roomsChanged.emit()
        self._update_counts(views, room_views, connected)
        self._update("_chiming", self.board.chiming, self.chimingChanged)
        self._update("_connected", connected, self.connectedChanged)

    def _update(self, attr: str, value: object, signal: Any) -> None:
        if getattr(self, attr) != value:
            setattr(self, attr, value)
            signal.emit()

    def _update_counts(self, views: Sequence[CallView], rooms: Sequence[RoomView],
                       connected: bool) -> None:
        open_calls = sum(not v.test for v in views)
        overdue = sum(v.overdue and not v.acknowledged for v in views)
        silent = sum(r.presence is RoomPresence.OFFLINE for r in rooms) if connected else -1
        waiting = [v.urgency for v in views if not v.acknowledged]
        top = URGENCY_KEYS[max(waiting, key=lambda u: u.value)] if waiting else ""
        if (open_calls, overdue, silent) != self._counts or top != self._waiting_urgency:
            self._counts = (open_calls, overdue, silent)
            self._waiting_urgency = top
            self.countsChanged.emit()

    def _name(self, room: str) -> str:
        return self._names.get(room, room)

    def _call_row(self, v: CallView) -> dict[str, Any]:
        resolving = v.call_id in self._resolving
        state = "resolving" if resolving else self._state_key(v)
        return {
            "callId": v.call_id,
            "roomId": v.room,
            "roomName": self._name(v.room),
            "summaryText": self._summary_text(v),
            "reasonText": self._reason_text(v),
            "ageMinutes": v.age_minutes,
            "ageText": self._age_text(v.age_minutes),
            "stateKey": state,
            "stateText": self._state_text(state, v),
            "stateShort": self._state_short(state, v),
            "urgency": URGENCY_KEYS[v.urgency],
            "urgent": v.urgent,
            "overdue": v.overdue and not v.acknowledged,
            "acknowledged": v.acknowledged,
            "test": v.test,
            "prominent": v.urgent or (v.overdue and not v.acknowledged),
            "resolving": resolving,
        }

    def _summary_text(self, v: CallView) -> str:
        if v.test:
            return self.tr("Test call (commissioning)")
        if v.urgent:
            return self.tr("Call for a nurse")
        return self.tr("Request: %1").replace("%1", v.label)

    def _reason_text(self, v: CallView) -> str:
        if v.test:
            return self.tr("Test call")
        if v.urgent:
            return self.tr("Call for a nurse")
        return v.label or v.reason

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

    def _state_text(self, state: str, v: CallView) -> str:
        if state == "resolving":
            left = max(0, int(self._resolving[v.call_id] - self.clock.monotonic() + 0.999))
            return self.tr("Resolved: clears in %1 s").replace("%1", str(left))
        texts = {
            "new": self.tr("New"),
            "received": self.tr("Waiting for a nurse"),
            "overdue": self.tr("Overdue"),
            "on_the_way": self.tr("A nurse is on the way"),
        }
        text = texts[state]
        by = v.acknowledged_by
        if state == "on_the_way" and by and by != self.board.station:
            text = self.tr("On the way (%1)").replace("%1", by)
        return text

    def _state_short(self, state: str, v: CallView) -> str:
        """The state in a word or two, for the call's row beside its age."""
        if state == "resolving":
            left = max(0, int(self._resolving[v.call_id] - self.clock.monotonic() + 0.999))
            return self.tr("Clears in %1 s").replace("%1", str(left))
        by = v.acknowledged_by
        if state == "on_the_way" and by and by != self.board.station:
            return self.tr("%1 is on the way").replace("%1", by)
        texts = {
            "new": self.tr("New"),
            "received": self.tr("Waiting"),
            "overdue": self.tr("Overdue"),
            "on_the_way": self.tr("On the way"),
        }
        return texts[state]

    def _room_rows(self, views: list[RoomView], calls: list[CallView],
                   connected: bool) -> list[dict[str, Any]]:
        """Silent tablets first, then the rooms in the order the config names them, then any
        other room in natural order of its name ("room-2" before "room-10")."""
        seen = {v.room: v for v in views}
        known = set(self._known_rooms)
        others = sorted(set(seen) - known, key=lambda r: natural_key(self._name(r)))
        ids = self._known_rooms + others
        now = self.clock.monotonic()
        by_room: dict[str, list[CallView]] = {}
        for call in calls:
            by_room.setdefault(call.room, []).append(call)
        never = RoomView("", RoomPresence.NEVER_SEEN, False, "", "", 0, False)
        views_in_order = [seen.get(room) or replace(never, room=room) for room in ids]
        # Stable, and by the last presence heard, so tiles stay put while this station is cut off.
        views_in_order.sort(key=lambda v: v.presence is not RoomPresence.OFFLINE)
        return [self._room_row(v, by_room.get(v.room, []), now, connected)
                for v in views_in_order]

    def _room_row(self, v: RoomView, calls: list[CallView], now: float,
                  connected: bool) -> dict[str, Any]:
        online = v.presence is RoomPresence.ONLINE
        if v.presence is RoomPresence.OFFLINE:
            since = self._offline_since.setdefault(v.room, now)
        else:
            self._offline_since.pop(v.room, None)
            since = now
        offline_seconds = int(now - since)
        open_calls = len(calls)
        tile = self._tile_state(v, calls, connected, v.room in self._infusion_done)
        return {
            "roomId": v.room,
            "name": self._name(v.room),
            "online": online and connected,
            "offline": v.presence is RoomPresence.OFFLINE and connected,
            "presenceText": (self._presence_text(v.presence, offline_seconds) if connected
                             else self._words["no_link"]),
            "phaseText": self._phase_text(v),
            "timeLeftText": self._time_left_text(v),
            "openCalls": open_calls,
            "openCallsText": self._open_calls_text(open_calls),
            "infusionComplete": v.infusion_complete,
            "tileState": tile,
            "tileWord": self._tile_word(tile, v),
            "tileTime": self._tile_time(tile, v, offline_seconds),
        }

    @staticmethod
    def _tile_state(v: RoomView, calls: list[CallView], connected: bool, notice: bool) -> str:
        """What a room's tile shows first: the station's own outage, a silent tablet, its most
        pressing open call, an infusion time that ended (until a nurse has seen it), then its
        session."""
        if not connected:
            return "unknown"
        if v.presence is RoomPresence.OFFLINE:
            return "silent"
        waiting = [c for c in calls if not c.acknowledged]
        if waiting:
            return URGENCY_KEYS[max(waiting, key=lambda c: c.urgency.value).urgency]
        if calls:
            return "on_the_way"
        if notice or (v.infusion_complete and not v.session_running):
            return "complete"
        if v.session_running:
            return "session"
        if v.presence is RoomPresence.NEVER_SEEN:
            return "not_seen"
        return "idle"

    def _room_words(self) -> dict[str, str]:
        """Every word a room's tile uses, translated once per refresh rather than once per
        room (a clinic of 500 rooms refreshes every second)."""
        return {
            "unknown": self.tr("Unknown"),
            "silent": self.tr("Silent"),
            "urgent": self.tr("Call"),
            "high": self.tr("Request"),
            "normal": self.tr("Request"),
            "info": self.tr("Test call"),
            "on_the_way": self.tr("On the way"),
            "complete": self.tr("Complete"),
            "not_seen": self.tr("Not seen"),
            "idle": self.tr("No session"),
            "seconds": self.tr("%1s"),
            "minutes": self.tr("%1m"),
            "no_link": self.tr("Unknown: this station has no link"),
            "online": self.tr("Tablet online"),
            "never_seen": self.tr("Tablet not seen yet"),
            "contact_seconds": self.tr("No contact for %1 s"),
            "contact_minutes": self.tr("No contact for %1 min"),
            "infusion_complete": self.tr("Infusion complete"),
            "no_session": self.tr("No session"),
            "minutes_left": self.tr("%1 min left"),
            "no_calls": self.tr("No open calls"),
            "one_call": self.tr("1 open call"),
            "calls": self.tr("%1 open calls"),
        }

    def _tile_word(self, tile: str, v: RoomView) -> str:
        if tile == "session":
            return v.phase_label or v.phase
        return self._words[tile]

    def _tile_time(self, tile: str, v: RoomView, offline_seconds: int) -> str:
        w = self._words
        if tile == "silent":
            if offline_seconds < 60:
                return w["seconds"].replace("%1", str(offline_seconds))
            return w["minutes"].replace("%1", str(offline_seconds // 60))
        if tile != "session":
            return ""  # a call, an ended infusion or an outage matters more than time left
        return w["minutes"].replace("%1", str((v.remaining_seconds + 59) // 60))

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
        w = self._words
        if presence is RoomPresence.ONLINE:
            return w["online"]
        if presence is RoomPresence.NEVER_SEEN:
            return w["never_seen"]
        if offline_seconds < 120:
            return w["contact_seconds"].replace("%1", str(offline_seconds))
        return w["contact_minutes"].replace("%1", str(offline_seconds // 60))

    def _phase_text(self, v: RoomView) -> str:
        if v.infusion_complete and not v.session_running:
            return self._words["infusion_complete"]
        if not v.session_running:
            return self._words["no_session"]
        return v.phase_label or v.phase

    def _time_left_text(self, v: RoomView) -> str:
        if not v.session_running:
            return ""
        return self._words["minutes_left"].replace("%1", str((v.remaining_seconds + 59) // 60))

    def _open_calls_text(self, count: int) -> str:
        if count == 0:
            return self._words["no_calls"]
        if count == 1:
            return self._words["one_call"]
        return self._words["calls"].replace("%1", str(count))
