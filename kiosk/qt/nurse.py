"""The guard in front of the nurse panel: the PIN pad, its lockout, and the panel's auto-lock.

The PIN's key derivation (PBKDF2, about a tenth of a second) runs on a worker thread so no
frame freezes; its result comes back to the Qt thread through a queued signal. Wrong PINs are
counted by core's PinLockout, whose state a store keeps across restarts.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from enum import Enum
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement

from kiosk.core.calls import CallState, OpenCall
from kiosk.core.clock import Clock, SystemClock
from kiosk.core.listeners import Listeners
from kiosk.core.lockout import LockoutStore, MemoryLockoutStore, PinLockout
from kiosk.core.night import NightSchedule, parse_time_of_day, time_of_day_text
from kiosk.core.pin import DEMO_PIN, MAX_DIGITS, verify_pin

QML_IMPORT_NAME = "Kiosk.Backend"
QML_IMPORT_MAJOR_VERSION = 1

if TYPE_CHECKING:
    from kiosk.qt.room import RoomController

log = logging.getLogger(__name__)

Run = Callable[[Callable[[], None]], None]
Verify = Callable[[str, str], bool]


def run_on_worker_thread(fn: Callable[[], None]) -> None:
    threading.Thread(target=fn, name="pin-check", daemon=True).start()


@QmlElement
class NurseAccess(QObject):
    """Opens the nurse panel only after the right PIN; locks it again when the nurse leaves
    it, or after `auto_lock_minutes` without a touch."""

    padOpenChanged = Signal()
    grantedChanged = Signal()
    enteredCountChanged = Signal()
    statusChanged = Signal()
    # The panel may open (the room shows it), and it closed (the room returns home).
    granted = Signal()
    lockedAgain = Signal()
    # A wrong PIN (for the audit log); the pad locked after too many.
    pinRefused = Signal(bool)
    _checked = Signal(int, bool, bool)

    def __init__(self, pin_hash: str = "", *, max_tries: int = 5, lockout_minutes: float = 5,
                 auto_lock_minutes: float = 2, clock: Clock | None = None,
                 store: LockoutStore | None = None, run: Run | None = None,
                 verify: Verify = verify_pin, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pin_hash = pin_hash
        self._clock = clock or SystemClock()
        self._store = store or MemoryLockoutStore()
        self._lockout = PinLockout(self._clock, self._store, max_tries=max_tries,
                                   lock_minutes=lockout_minutes)
        self._run = run or run_on_worker_thread
        self._verify = verify
        self._pad_open = False
        self._granted = False
        self._demo_pin = False
        self._entered = ""
        self._checking = False
        self._wrong = False
        self._generation = 0
        self._result_connected = False
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(round(auto_lock_minutes * 60_000))
        self._idle.timeout.connect(self._idle_out)

    # ---- what QML binds to ----

    def _get_pad_open(self) -> bool:
        return self._pad_open

    def _get_granted(self) -> bool:
        return self._granted

    def _get_pin_configured(self) -> bool:
        return bool(self._pin_hash)

    def _get_demo_pin(self) -> bool:
        return self._demo_pin

    def _get_entered_count(self) -> int:
        return len(self._entered)

    def _get_checking(self) -> bool:
        return self._checking

    def _get_locked(self) -> bool:
        return self._lockout.view().locked

    def _get_can_type(self) -> bool:
        return bool(self._pin_hash) and not self._checking and not self._lockout.view().locked

    def _get_status_text(self) -> str:
        view = self._lockout.view()
        if not self._pin_hash:
            return self.tr("No nurse PIN is set up on this tablet, so the nurse panel stays "
                           "closed. For IT: run \"python main.py hash-pin\" and put the line it "
                           "prints in config/clinic.yaml as nurse.pin_hash.")
        if view.locked:
            minutes, seconds = divmod(view.seconds_left, 60)
            return self.tr("Too many wrong PINs. The pad opens again in %1.").replace(
                "%1", f"{minutes}:{seconds:02d}")
        if self._checking:
            return self.tr("Checking the PIN...")
        if self._wrong:
            return self.tr("Wrong PIN. %n more tries before the pad locks.", "",
                           view.tries_left)
        return self.tr("Enter the nurse PIN.")

    padOpen = Property(bool, _get_pad_open, notify=padOpenChanged)
    grantedAccess = Property(bool, _get_granted, notify=grantedChanged)
    pinConfigured = Property(bool, _get_pin_configured, notify=statusChanged)
    demoPin = Property(bool, _get_demo_pin, notify=grantedChanged)
    enteredCount = Property(int, _get_entered_count, notify=enteredCountChanged)
    checking = Property(bool, _get_checking, notify=statusChanged)
    locked = Property(bool, _get_locked, notify=statusChanged)
    canType = Property(bool, _get_can_type, notify=statusChanged)
    statusText = Property(str, _get_status_text, notify=statusChanged)

    # ---- what the nurse does ----

    @Slot()
    def ask(self) -> None:
        """The hold gesture: show the pad (it says so when no PIN is set up)."""
        self._entered = ""
        self._wrong = False
        self._set_pad(True)
        self._idle.start()
        self._follow_lockout()
        self.enteredCountChanged.emit()
        self.statusChanged.emit()

    @Slot(str)
    def pressDigit(self, digit: str) -> None:  # noqa: N802 (QML names)
        self._idle.start()
        if not self._get_can_type() or len(self._entered) >= MAX_DIGITS:
            return
        if len(digit) == 1 and digit.isdigit():
            self._entered += digit
            self.enteredCountChanged.emit()

    @Slot()
    def eraseDigit(self) -> None:  # noqa: N802 (QML names)
        self._idle.start()
        if self._entered and not self._checking:
            self._entered = self._entered[:-1]
            self.enteredCountChanged.emit()

    @Slot()
    def submit(self) -> None:
        self._idle.start()
        if not self._get_can_type() or not self._entered:
            return
        pin, self._entered = self._entered, ""
        self._checking = True
        self._generation += 1
        generation, stored, verify, done = (self._generation, self._pin_hash, self._verify,
                                            self._checked)
        self._connect_result()

        def check() -> None:  # on the worker thread: touches nothing but its arguments
            try:
                ok = verify(pin, stored)
            except ValueError:
                ok = False
            try:
                done.emit(generation, ok, ok and pin == DEMO_PIN)
            except RuntimeError:  # the app quit while the PIN was being checked
                log.debug("PIN check finished after the pad was gone")

        self.enteredCountChanged.emit()
        self.statusChanged.emit()
        self._run(check)

    def _connect_result(self) -> None:
        """The result comes back queued, also from a check run on this thread. Connected at the
        first check, not before the room's first frame: naming a connection type builds all
        of Qt's namespace enums (~25 ms)."""
        if self._result_connected:
            return
        from PySide6.QtCore import Qt

        self._checked.connect(self._on_checked, Qt.ConnectionType.QueuedConnection)
        self._result_connected = True

    @Slot()
    def cancel(self) -> None:
        self._generation += 1  # a check still running is ignored when it returns
        self._checking = False
        self._entered = ""
        self._set_pad(False)
        self._idle.stop()
        self.enteredCountChanged.emit()
        self.statusChanged.emit()

    @Slot()
    def lock(self) -> None:
        """The nurse left the panel (or it timed out): the next visit asks for the PIN."""
        self.cancel()
        if self._granted:
            self._granted = False
            self._demo_pin = False
            self.grantedChanged.emit()
            self.lockedAgain.emit()

    def apply_settings(self, pin_hash: str, *, max_tries: int, lockout_minutes: float,
                       auto_lock_minutes: float) -> None:
        """A reloaded config: the new PIN and lockout rules from the next PIN typed. Wrong PINs
        already counted (and a running lockout) stay counted: they live in the store."""
        self._pin_hash = pin_hash
        self._lockout = PinLockout(self._clock, self._store, max_tries=max_tries,
                                   lock_minutes=lockout_minutes)
        self._idle.setInterval(round(auto_lock_minutes * 60_000))
        self._follow_lockout()
        self.statusChanged.emit()

    def note_activity(self) -> None:
        if self._granted or self._pad_open:
            self._idle.start()

    # ---- inside ----

    @Slot(int, bool, bool)
    def _on_checked(self, generation: int, ok: bool, demo: bool) -> None:
        if generation != self._generation:
            return
        self._checking = False
        if ok:
            self._lockout.right_pin()
            self._wrong = False
            self._granted = True
            self._demo_pin = demo
            self._set_pad(False)
            self._idle.start()
            self.grantedChanged.emit()
            self.statusChanged.emit()
            self.granted.emit()
            return
        view = self._lockout.wrong_pin()
        self._wrong = True
        log.warning("wrong nurse PIN locked=%s tries_left=%d", view.locked, view.tries_left)
        self._follow_lockout()
        self.statusChanged.emit()
        self.pinRefused.emit(view.locked)

    def _follow_lockout(self) -> None:
        if self._lockout.view().locked:
            self._countdown.start()

    def _tick(self) -> None:
        if not self._lockout.view().locked:
            self._countdown.stop()
            self._wrong = False
        self.statusChanged.emit()

    def _idle_out(self) -> None:
        log.info("nurse panel locked after a quiet spell")
        self.lock()

    def _set_pad(self, value: bool) -> None:
        if value != self._pad_open:
            self._pad_open = value
            self.padOpenChanged.emit()


class ReloadPart(Enum):
    """A part of the settings a config reload changed (the IT page names it in words)."""

    REQUESTS = "requests"
    TEMPLATES = "session templates"
    GUIDE = "guide"
    ROOM_NAME = "room name"
    MUSIC = "music"
    NURSE = "nurse PIN and lockout"
    DISPLAY = "display"
    NEEDS_RESTART = "broker or state folder"


class CallsAtBedside(Protocol):
    """What the nurse desk needs of core's RoomCalls."""

    changed: Listeners[[]]

    @property
    def items(self) -> list[OpenCall]: ...

    @property
    def no_station_online(self) -> bool: ...

    @property
    def link_up(self) -> bool: ...

    def call_nurse(self, test: bool = False) -> str: ...

    def resolve_in_room(self, call_id: str) -> bool: ...

    def resolve_all_in_room(self) -> int: ...


class Resettable(Protocol):
    def reset(self) -> None: ...


RECENT_CALLS = 10
AUDIT_LINES = 12
GREETING_MS = 8000


@QmlElement
class NurseDesk(QObject):
    """What the nurse does at the bedside: "nurse is here", reset for the next patient, a test
    call with its measured time, this room's recent calls and the facts IT asks for."""

    openCallCountChanged = Signal()
    greetingChanged = Signal()
    recentCallsChanged = Signal()
    testCallTextChanged = Signal()
    diagnosticsChanged = Signal()
    auditLinesChanged = Signal()
    restAfterMinutesChanged = Signal()
    # For the audit log: (action, detail) with no patient data.
    acted = Signal(str, str)

    def __init__(self, calls: CallsAtBedside, room: RoomController, session: Resettable,
                 clock: Clock, facts: list[tuple[str, str]] | None = None,
                 receipt_timeout_seconds: float = 5.0, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._calls = calls
        self._room = room
        self._session = session
        self._clock = clock
        self._facts = list(facts or [])
        self._problems: list[str] = []
        self._reload_line = ""
        self._reload_problems: list[str] = []
        self._greeting = ""
        self._recent: list[dict[str, object]] = []
        self._test_call = ""
        self._test_started = 0.0
        self._test_text = ""
        self._latency_ms: float | None = None
        self._greeting_timer = QTimer(self)
        self._greeting_timer.setSingleShot(True)
        self._greeting_timer.setInterval(GREETING_MS)
        self._greeting_timer.timeout.connect(lambda: self._set_greeting(""))
        self._test_timer = QTimer(self)
        self._test_timer.setSingleShot(True)
        self._test_timer.setInterval(round(receipt_timeout_seconds * 1000))
        self._test_timer.timeout.connect(self._test_timed_out)
        self._open_ids: set[str] = set()
        self._audit_reader: Callable[[int], list[dict[str, Any]]] = lambda count: []
        self._on_tablet: QObject | None = None
        self._rest_default = 0.0
        self._rest_after = 0.0
        calls.changed.connect(self._calls_changed)
        self._calls_changed()

    # ---- what QML binds to ----

    def _get_open_call_count(self) -> int:
        return len([i for i in self._calls.items if i.call.call_id != self._test_call])

    def _get_greeting(self) -> str:
        return self._greeting

    def _get_recent_calls(self) -> list[str]:
        return [str(entry["line"]) for entry in self._recent]

    def _get_test_call_text(self) -> str:
        return self._test_text

    def _get_diagnostics(self) -> list[str]:
        lines = [f"{name}: {value}" for name, value in self._facts]
        lines.append(self.tr("Broker link: %1").replace(
            "%1", self.tr("up") if self._calls.link_up else self.tr("down")))
        lines.append(self.tr("Nurse station online: %1").replace(
            "%1", self.tr("no") if self._calls.no_station_online else self.tr("yes")))
        latency = (self.tr("not measured yet") if self._latency_ms is None
                   else f"{self._latency_ms:.0f} ms")
        lines.append(self.tr("Last test call: %1").replace("%1", latency))
        if self._reload_line:
            lines.append(self._reload_line)
        problems = self._reload_problems + self._problems
        if not problems:
            lines.append(self.tr("Config problems: none"))
        lines.extend(self.tr("Config problem: %1").replace("%1", p) for p in problems)
        return lines

    def _get_audit_lines(self) -> list[str]:
        lines = []
        for entry in self._audit_reader(AUDIT_LINES):
            at = time.strftime("%H:%M:%S", time.localtime(float(entry.get("at", 0))))
            lines.append(f"{at} {entry.get('event', '')} {entry.get('detail', '')}".rstrip())
        return lines

    def _get_on_tablet(self) -> QObject | None:
        return self._on_tablet

    def set_on_tablet(self, settings: QObject) -> None:
        """The room's settings changed on this tablet (set before the screen loads)."""
        self._on_tablet = settings

    openCallCount = Property(int, _get_open_call_count, notify=openCallCountChanged)
    onTablet = Property(QObject, _get_on_tablet, constant=True)

    def _get_rest_after(self) -> float:
        return self._rest_after

    # Minutes without a touch before the patient's screen darkens by itself (0: never).
    restAfterMinutes = Property(float, _get_rest_after, notify=restAfterMinutesChanged)

    def set_rest_default(self, minutes: float) -> None:
        """The clinic's display.rest_after_idle_minutes, which Reset returns to."""
        self._rest_default = minutes
        self._apply_rest_after(minutes)

    @Slot(float)
    def setRestAfterIdle(self, minutes: float) -> None:  # noqa: N802 (QML names)
        """For this patient: darken after this many quiet minutes (0: only when asked)."""
        self._apply_rest_after(minutes)
        self.acted.emit("rest after idle", f"minutes={minutes:g}")

    def _apply_rest_after(self, minutes: float) -> None:
        self._rest_after = minutes
        self._room.rest_after_idle(minutes)
        self.restAfterMinutesChanged.emit()
    auditLines = Property(list, _get_audit_lines, notify=auditLinesChanged)
    greeting = Property(str, _get_greeting, notify=greetingChanged)
    recentCalls = Property(list, _get_recent_calls, notify=recentCallsChanged)
    testCallText = Property(str, _get_test_call_text, notify=testCallTextChanged)
    diagnostics = Property(list, _get_diagnostics, notify=diagnosticsChanged)

    # ---- what the nurse does ----

    @Slot()
    def nurseIsHere(self) -> None:  # noqa: N802 (QML names)
        """Clears the room's open calls from the tablet; the patient sees it said first."""
        count = self._calls.resolve_all_in_room()
        self.acted.emit("nurse is here", f"resolved={count}")
        self._room.show("home")
        self._set_greeting(self.tr("Your nurse is here"))
        self._greeting_timer.start()

    @Slot()
    def dismissGreeting(self) -> None:  # noqa: N802 (QML names)
        """The patient touched "Your nurse is here": the calm home screen, at once."""
        self._greeting_timer.stop()
        self._set_greeting("")

    @Slot()
    def resetForNextPatient(self) -> None:  # noqa: N802 (QML names)
        """Everything a patient left: open requests (resolved by the room), the session and
        with it music, language and clock visibility, rest mode, and the calls listed here."""
        count = self._calls.resolve_all_in_room()
        self._session.reset()
        self._room.wake()
        self._apply_rest_after(self._rest_default)
        self._recent = []
        self._set_greeting("")
        self.recentCallsChanged.emit()
        self.acted.emit("reset for next patient", f"resolved={count}")

    @Slot()
    def placeTestCall(self) -> None:  # noqa: N802 (QML names)
        if self._test_call:
            return
        if any(item.call.urgent for item in self._calls.items):
            self._set_test_text(self.tr("A call is open: answer it before a test call."))
            return
        self._test_started = self._clock.monotonic()
        self._test_call = self._calls.call_nurse(test=True)
        self._test_timer.start()
        self._set_test_text(self.tr("Test call sent. Waiting for a nurse station..."))
        self.acted.emit("test call", "")
        self._calls_changed()

    def set_audit_reader(self, reader: Callable[[int], list[dict[str, Any]]]) -> None:
        """Where the panel reads the audit log's newest entries (newest first)."""
        self._audit_reader = reader
        self.acted.connect(lambda _action, _detail: self.auditLinesChanged.emit())
        self.auditLinesChanged.emit()

    @Slot()
    def refreshAudit(self) -> None:  # noqa: N802 (QML names)
        self.auditLinesChanged.emit()

    def set_config_problems(self, problems: list[str]) -> None:
        self._problems = list(problems)
        self.diagnosticsChanged.emit()

    def set_reload_result(self, parts: Sequence[ReloadPart], problems: Sequence[str]) -> None:
        """A config reload: what it changed, or the problems that kept the last good settings."""
        at = time.strftime("%H:%M", time.localtime(self._clock.wall()))
        self._reload_problems = list(problems)
        if problems:
            self._reload_line = self.tr(
                "Config changed at %1 but not used: this room keeps its last good settings "
                "until the problems below are fixed.").replace("%1", at)
        elif parts:
            words = ", ".join(self._part_words(p) for p in parts)
            self._reload_line = self.tr("Config reloaded at %1: %2.").replace(
                "%1", at).replace("%2", words)
        else:
            self._reload_line = self.tr("Config reloaded at %1: nothing this room uses "
                                        "changed.").replace("%1", at)
        self.diagnosticsChanged.emit()

    def _part_words(self, part: ReloadPart) -> str:
        words = {
            ReloadPart.REQUESTS: self.tr("request labels and priorities"),
            ReloadPart.TEMPLATES: self.tr("session templates (a running session keeps its own)"),
            ReloadPart.GUIDE: self.tr("guide content"),
            ReloadPart.ROOM_NAME: self.tr("room name"),
            ReloadPart.MUSIC: self.tr("volume limit and playlists"),
            ReloadPart.NURSE: self.tr("nurse PIN and lockout"),
            ReloadPart.DISPLAY: self.tr("rest and night dimming"),
            ReloadPart.NEEDS_RESTART: self.tr("broker or state folder (used after a restart)"),
        }
        return words[part]

    # ---- inside ----

    def _calls_changed(self) -> None:
        items = {i.call.call_id: i for i in self._calls.items}
        if self._test_call and self._test_call in items:
            state = items[self._test_call].state
            if state in (CallState.RECEIVED, CallState.ON_THE_WAY):
                self._test_received()
                return
        for call_id, item in items.items():
            if call_id not in self._open_ids and not item.call.test:
                self._remember(item)
        closed = self._open_ids - set(items)
        for call_id in sorted(closed):
            self.acted.emit("call closed", f"id={call_id[:8]}")
        for entry in self._recent:
            if entry["id"] in closed:
                entry["line"] = self.tr("%1 %2: closed").replace(
                    "%1", str(entry["time"])).replace("%2", str(entry["label"]))
        self._open_ids = set(items)
        self.openCallCountChanged.emit()
        self.recentCallsChanged.emit()
        self.diagnosticsChanged.emit()

    def _remember(self, item: OpenCall) -> None:
        self.acted.emit("call opened", f"id={item.call.call_id[:8]} kind={item.call.kind.value} "
                                       f"reason={item.call.reason}")
        at = time.strftime("%H:%M", time.localtime(item.call.created_at))
        label = self.tr("Call") if item.call.urgent else item.call.label
        line = self.tr("%1 %2: open").replace("%1", at).replace("%2", label)
        self._recent.insert(0, {"id": item.call.call_id, "time": at, "label": label,
                                "line": line})
        del self._recent[RECENT_CALLS:]

    def _test_received(self) -> None:
        self._latency_ms = (self._clock.monotonic() - self._test_started) * 1000
        call_id, self._test_call = self._test_call, ""
        self._test_timer.stop()
        self._calls.resolve_in_room(call_id)
        self._set_test_text(self.tr("A nurse station received the test call in %1 ms.").replace(
            "%1", f"{self._latency_ms:.0f}"))
        self.acted.emit("test call received", f"ms={self._latency_ms:.0f}")
        self.diagnosticsChanged.emit()

    def _test_timed_out(self) -> None:
        if not self._test_call:
            return
        call_id, self._test_call = self._test_call, ""
        self._calls.resolve_in_room(call_id)
        self._set_test_text(self.tr("No nurse station received the test call in time. Check "
                                    "that the station is running and on the network."))
        self.acted.emit("test call not received", "")

    def _set_greeting(self, text: str) -> None:
        if text != self._greeting:
            self._greeting = text
            self.greetingChanged.emit()

    def _set_test_text(self, text: str) -> None:
        self._test_text = text
        self.testCallTextChanged.emit()


# The room's overrides are kept as the PIN lockout is: one JSON object, in the product an atomic
# file in the state folder (kiosk.adapters.state_file.SessionStateFile).
JsonStore = LockoutStore
MemoryJsonStore = MemoryLockoutStore


class CapsMusic(Protocol):
    def setVolumeCap(self, percent: int) -> None: ...  # noqa: N802 (QML names)

    def reset_volume(self) -> None: ...

    def start_if_silent(self, name: str) -> bool: ...


class NightRoom(Protocol):
    def set_night(self, schedule: NightSchedule) -> None: ...


ROOM_CAP = "volume_cap_percent"
ROOM_NIGHT = "night"
ROOM_PLAYLIST = "default_playlist"
NIGHT_STEP_MINUTES = 30


def _night_from(saved: object) -> NightSchedule | None:
    """A night schedule as the overrides file keeps it; None when it is damaged."""
    if not isinstance(saved, dict):
        return None
    start = parse_time_of_day(str(saved.get("start", "")))
    end = parse_time_of_day(str(saved.get("end", "")))
    brightness = saved.get("brightness_percent")
    if start is None or end is None or not isinstance(brightness, int) \
            or not 10 <= brightness <= 100:
        return None
    return NightSchedule(start, end, brightness)


@QmlElement
class RoomOnTablet(QObject):
    """Settings a nurse changes for this room on the tablet, meant to outlive the patient (the
    room's volume limit), kept in an overrides file in the state folder and never written into
    the clinic's YAML; and the same limit for this patient only, which Reset undoes."""

    roomCapChanged = Signal()
    patientCapChanged = Signal()
    nightChanged = Signal()
    startPlaylistChanged = Signal()

    def __init__(self, store: JsonStore, music: CapsMusic, clinic_cap_percent: int,
                 parent: QObject | None = None, *, night_room: NightRoom | None = None,
                 clinic_night: NightSchedule | None = None,
                 clinic_playlist: str = "") -> None:
        super().__init__(parent)
        self._store = store
        self._music = music
        self._clinic_cap = clinic_cap_percent
        self._night_room = night_room
        self._clinic_night = clinic_night or NightSchedule()
        self._clinic_playlist = clinic_playlist
        self._overrides: dict[str, Any] = {}
        try:
            self._overrides = dict(store.load() or {})
        except OSError as error:
            log.warning("room overrides unreadable reason=%s", error)
        cap = self._overrides.get(ROOM_CAP)
        if not isinstance(cap, int) or not 0 <= cap <= 100:
            self._overrides.pop(ROOM_CAP, None)
        if ROOM_NIGHT in self._overrides and _night_from(self._overrides[ROOM_NIGHT]) is None:
            self._overrides.pop(ROOM_NIGHT)
        if not isinstance(self._overrides.get(ROOM_PLAYLIST, ""), str):
            self._overrides.pop(ROOM_PLAYLIST)
        self._patient_cap = self._room_cap()
        self._music.setVolumeCap(self._patient_cap)
        self._follow_night()

    def _room_cap(self) -> int:
        return int(self._overrides.get(ROOM_CAP, self._clinic_cap))

    def _get_room_cap(self) -> int:
        return self._room_cap()

    def _get_room_cap_changed_here(self) -> bool:
        return ROOM_CAP in self._overrides

    def _get_clinic_cap(self) -> int:
        return self._clinic_cap

    def _get_patient_cap(self) -> int:
        return self._patient_cap

    def _night(self) -> NightSchedule:
        return _night_from(self._overrides.get(ROOM_NIGHT)) or self._clinic_night

    def _get_night_text(self) -> str:
        return self._night_words(self._night())

    def _get_clinic_night_text(self) -> str:
        return self._night_words(self._clinic_night)

    def _get_night_changed_here(self) -> bool:
        return ROOM_NIGHT in self._overrides

    def _night_words(self, night: NightSchedule) -> str:
        if not night.dims:
            return self.tr("never dimmed")
        return self.tr("%1 to %2, the screen at %3%").replace(
            "%1", time_of_day_text(night.start_minute)).replace(
            "%2", time_of_day_text(night.end_minute)).replace(
            "%3", str(night.brightness_percent))

    # The night dimming schedule in words: this room's, and the clinic's (its way back).
    nightText = Property(str, _get_night_text, notify=nightChanged)
    clinicNightText = Property(str, _get_clinic_night_text, notify=nightChanged)
    nightChangedHere = Property(bool, _get_night_changed_here, notify=nightChanged)

    @Slot(int)
    def changeNightStart(self, steps: int) -> None:  # noqa: N802 (QML names)
        self._save_night(self._night().shifted(start_minutes=steps * NIGHT_STEP_MINUTES))

    @Slot(int)
    def changeNightEnd(self, steps: int) -> None:  # noqa: N802 (QML names)
        self._save_night(self._night().shifted(end_minutes=steps * NIGHT_STEP_MINUTES))

    @Slot(int)
    def changeNightBrightness(self, delta: int) -> None:  # noqa: N802 (QML names)
        self._save_night(self._night().shifted(brightness_percent=delta))

    @Slot()
    def useClinicNight(self) -> None:  # noqa: N802 (QML names)
        """The way back: the clinic's display.night_* settings."""
        self._overrides.pop(ROOM_NIGHT, None)
        self._save()
        self._follow_night()

    def set_clinic_night(self, night: NightSchedule) -> None:
        """A reloaded clinic.yaml's schedule (a schedule changed on this tablet still wins)."""
        self._clinic_night = night
        self._follow_night()

    def _save_night(self, night: NightSchedule) -> None:
        self._overrides[ROOM_NIGHT] = {"start": time_of_day_text(night.start_minute),
                                       "end": time_of_day_text(night.end_minute),
                                       "brightness_percent": night.brightness_percent}
        self._save()
        self._follow_night()

    def _follow_night(self) -> None:
        if self._night_room is not None:
            self._night_room.set_night(self._night())
        self.nightChanged.emit()

    def _get_start_playlist(self) -> str:
        return str(self._overrides.get(ROOM_PLAYLIST, self._clinic_playlist))

    def _get_start_playlist_changed_here(self) -> bool:
        return ROOM_PLAYLIST in self._overrides

    def _get_start_playlist_text(self) -> str:
        name, clinic = self._get_start_playlist(), self._clinic_playlist
        silence = self.tr("silence")
        if ROOM_PLAYLIST in self._overrides:
            return self.tr("Music when a session starts in this room: %1. Changed on this "
                           "tablet; the clinic's setting is %2.").replace(
                "%1", name or silence).replace("%2", clinic or silence)
        return self.tr("Music when a session starts in this room: %1 (the clinic's "
                       "setting).").replace("%1", name or silence)

    # The room's starting playlist, for every patient ("" for silence), and its words.
    startPlaylist = Property(str, _get_start_playlist, notify=startPlaylistChanged)
    startPlaylistChangedHere = Property(bool, _get_start_playlist_changed_here,
                                        notify=startPlaylistChanged)
    startPlaylistText = Property(str, _get_start_playlist_text, notify=startPlaylistChanged)

    @Slot(str)
    def chooseStartPlaylist(self, name: str) -> None:  # noqa: N802 (QML names)
        """This room's sessions start with this playlist ("": in silence), kept on the tablet."""
        self._overrides[ROOM_PLAYLIST] = name
        self._save()
        self.startPlaylistChanged.emit()

    @Slot()
    def useClinicStartPlaylist(self) -> None:  # noqa: N802 (QML names)
        """The way back: music.default_playlist from the room's YAML."""
        self._overrides.pop(ROOM_PLAYLIST, None)
        self._save()
        self.startPlaylistChanged.emit()

    def set_clinic_playlist(self, name: str, offered: Sequence[str]) -> None:
        """A reloaded room file's default playlist. A choice made on this tablet still wins,
        unless its playlist left the room's music."""
        self._clinic_playlist = name
        chosen = self._overrides.get(ROOM_PLAYLIST)
        if chosen and chosen not in offered:
            log.warning("starting playlist changed on this tablet is gone name=%s", chosen)
            self._overrides.pop(ROOM_PLAYLIST)
            self._save()
        self.startPlaylistChanged.emit()

    def session_started(self) -> None:
        """A nurse started a session: the room's starting playlist fades in, unless music
        already plays."""
        self._music.start_if_silent(self._get_start_playlist())

    roomCapPercent = Property(int, _get_room_cap, notify=roomCapChanged)
    roomCapChangedHere = Property(bool, _get_room_cap_changed_here, notify=roomCapChanged)
    clinicCapPercent = Property(int, _get_clinic_cap, notify=roomCapChanged)
    patientCapPercent = Property(int, _get_patient_cap, notify=patientCapChanged)

    @Slot(int)
    def changePatientCap(self, delta: int) -> None:  # noqa: N802 (QML names)
        self._set_patient_cap(max(0, min(100, self._patient_cap + delta)))

    @Slot(int)
    def changeRoomCap(self, delta: int) -> None:  # noqa: N802 (QML names)
        cap = max(0, min(100, self._room_cap() + delta))
        self._overrides[ROOM_CAP] = cap
        self._save()
        self._set_patient_cap(cap)

    @Slot()
    def useClinicRoomCap(self) -> None:  # noqa: N802 (QML names)
        """The way back: the clinic's own setting from the room's YAML."""
        self._overrides.pop(ROOM_CAP, None)
        self._save()
        self._set_patient_cap(self._clinic_cap)

    def set_clinic_cap(self, cap: int) -> None:
        """A reloaded room file's music.volume_cap_percent. A limit changed on this tablet still
        wins; a patient's own limit follows when it was the room's, and never stays above it."""
        before = self._room_cap()
        self._clinic_cap = cap
        after = self._room_cap()
        if self._patient_cap == before or self._patient_cap > after:
            self._set_patient_cap(after)
        else:
            self.roomCapChanged.emit()

    def patient_reset(self) -> None:
        """The room's limit again, and the music's level back to the room's quiet start."""
        self._set_patient_cap(self._room_cap())
        self._music.reset_volume()

    def _set_patient_cap(self, cap: int) -> None:
        self._patient_cap = cap
        self._music.setVolumeCap(cap)
        self.patientCapChanged.emit()
        self.roomCapChanged.emit()

    def _save(self) -> None:
        try:
            self._store.save(dict(self._overrides))
        except OSError as error:
            log.error("room overrides not saved reason=%s", error)
