"""The room as the patient's screen sees it: its name, a calm clock, rest mode, and what each
area says while its feature is missing or unavailable."""

from __future__ import annotations

import time
from enum import Enum

from PySide6.QtCore import Property, QEvent, QLocale, QObject, QTime, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement

from kiosk.core.clock import Clock, SystemClock
from kiosk.core.night import NightSchedule
from kiosk.qt.nurse import NurseAccess

QML_IMPORT_NAME = "Kiosk.Backend"
QML_IMPORT_MAJOR_VERSION = 1


class Degraded(Enum):
    """A part of the room that could not start; the room runs on without it."""

    CALLS = "calls"
    STORAGE = "storage"
    MUSIC = "music"
    SOUNDS = "sounds"


@QmlElement
class RoomController(QObject):
    clockTextChanged = Signal()
    restModeChanged = Signal()
    screenChanged = Signal()
    closeAllowedChanged = Signal()
    degradedChanged = Signal()
    roomNameChanged = Signal()
    nightChanged = Signal()

    def __init__(self, room_name: str = "", clinic_name: str = "",
                 parent: QObject | None = None, nurse: NurseAccess | None = None,
                 clock: Clock | None = None) -> None:
        super().__init__(parent)
        self._clock = clock or SystemClock()
        # No dimming until the assembly hands over the clinic's (or this tablet's) schedule.
        self._night = NightSchedule(0, 0, 100)
        self._night_dimmed = False
        # Without a configured PIN the guard stays shut and says why.
        self._nurse = nurse or NurseAccess()
        self._nurse.setParent(self)
        self._nurse.granted.connect(self.openNursePanel)
        self._nurse.lockedAgain.connect(self._leave_nurse_panel)
        self._room_name = room_name
        self._clinic_name = clinic_name
        self._clock_text = ""
        self._rest_mode = False
        self._screen = "home"
        self._close_allowed = False
        self._degraded: list[str] = []
        self._degraded_parts: list[tuple[Degraded, str]] = []
        self._clock_timer = QTimer(self)
        self._clock_timer.setSingleShot(True)
        self._clock_timer.timeout.connect(self._tick_clock)
        self._tick_clock()
        self._idle_timer = QTimer(self)
        self._idle_timer.setSingleShot(True)
        self._idle_timer.timeout.connect(self.rest)

    # The clock shows hours and minutes only and wakes once a minute, on the minute. It reads
    # the room's clock, as night dimming does, so the two always agree.
    def _tick_clock(self) -> None:
        wall = self._clock.wall()
        local = time.localtime(wall)
        now = QTime(local.tm_hour, local.tm_min, local.tm_sec)
        text = QLocale().toString(now, QLocale.FormatType.ShortFormat)
        if text != self._clock_text:
            self._clock_text = text
            self.clockTextChanged.emit()
        into_minute_ms = local.tm_sec * 1000 + int(wall % 1 * 1000)
        self._clock_timer.start(max(200, 60_000 - into_minute_ms + 50))
        self._follow_night()

    def _follow_night(self) -> None:
        local = time.localtime(self._clock.wall())
        dimmed = self._night.dims_at(local.tm_hour * 60 + local.tm_min)
        if dimmed != self._night_dimmed:
            self._night_dimmed = dimmed
            self.nightChanged.emit()

    def set_night(self, schedule: NightSchedule) -> None:
        """The night dimming schedule (the clinic's, or this tablet's), followed from now."""
        self._night = schedule
        self.nightChanged.emit()  # its brightness may be new
        self._follow_night()

    def _get_night_dimmed(self) -> bool:
        return self._night_dimmed

    def _get_night_brightness(self) -> float:
        return self._night.brightness_percent / 100

    # In the night window the patient's screen dims to nightBrightness (0..1), call button aside.
    nightDimmed = Property(bool, _get_night_dimmed, notify=nightChanged)
    nightBrightness = Property(float, _get_night_brightness, notify=nightChanged)

    def _get_room_name(self) -> str:
        return self._room_name

    def _get_clinic_name(self) -> str:
        return self._clinic_name

    def _get_clock_text(self) -> str:
        return self._clock_text

    def _get_rest_mode(self) -> bool:
        return self._rest_mode

    def _get_screen(self) -> str:
        return self._screen

    def _get_close_allowed(self) -> bool:
        return self._close_allowed

    def _get_degraded(self) -> list[str]:
        return self._degraded

    def _get_nurse(self) -> NurseAccess:
        return self._nurse

    roomName = Property(str, _get_room_name, notify=roomNameChanged)
    clinicName = Property(str, _get_clinic_name, constant=True)
    clockText = Property(str, _get_clock_text, notify=clockTextChanged)
    restMode = Property(bool, _get_rest_mode, notify=restModeChanged)
    screen = Property(str, _get_screen, notify=screenChanged)
    closeAllowed = Property(bool, _get_close_allowed, notify=closeAllowedChanged)
    # Parts of this room that could not start, one plain line each, for staff.
    degraded = Property(list, _get_degraded, notify=degradedChanged)
    nurse = Property(NurseAccess, _get_nurse, constant=True)

    def set_room_name(self, name: str) -> None:
        """A reloaded room file's room.display_name."""
        if name != self._room_name:
            self._room_name = name
            self.roomNameChanged.emit()

    def retranslate(self) -> None:
        """A new interface language: the time in its format, the staff lines in its words."""
        self._tick_clock()
        parts, self._degraded_parts, self._degraded = self._degraded_parts, [], []
        for part, detail in parts:
            self.add_degraded(part, detail)
        self.degradedChanged.emit()

    @Slot()
    def rest(self) -> None:
        self._set_rest(True)

    @Slot()
    def wake(self) -> None:
        self._set_rest(False)

    def _set_rest(self, value: bool) -> None:
        if value != self._rest_mode:
            self._rest_mode = value
            self.restModeChanged.emit()

    @Slot(str)
    def show(self, screen: str) -> None:
        if screen == "nurse" and not self._nurse.grantedAccess:
            self._nurse.ask()
            return
        if screen != self._screen:
            leaving_panel = self._screen == "nurse"
            self._screen = screen
            self.screenChanged.emit()
            if leaving_panel:
                self._nurse.lock()

    @Slot()
    def openNursePanel(self) -> None:  # noqa: N802 (QML names)
        """The one way into the nurse panel: without the right PIN it shows the PIN pad."""
        self.show("nurse")

    def _leave_nurse_panel(self) -> None:
        if self._screen == "nurse":
            self.show("home")

    def rest_after_idle(self, minutes: float) -> None:
        """Darken the screen after this many minutes without a touch (0: never by itself)."""
        self._idle_timer.setInterval(round(minutes * 60_000))
        self.note_activity()

    def note_activity(self) -> None:
        self._nurse.note_activity()
        if self._idle_timer.interval() > 0:
            self._idle_timer.start()

    def allow_close(self) -> None:
        """Only the app itself (on SIGTERM, or a nurse's exit) lets the window close."""
        self._close_allowed = True
        self.closeAllowedChanged.emit()

    def add_degraded(self, part: Degraded, detail: str) -> None:
        """A part that could not start says so on screen, in plain words, for staff."""
        lines = {
            Degraded.CALLS: self.tr("For staff: this tablet cannot reach the nurse station: %1"),
            Degraded.STORAGE: self.tr("For staff: calls and the session are not kept across a "
                                      "restart: %1"),
            Degraded.MUSIC: self.tr("For staff: music is unavailable: %1"),
            Degraded.SOUNDS: self.tr("For staff: a sound will not play: %1"),
        }
        line = lines[part].replace("%1", detail)
        if line not in self._degraded:
            self._degraded_parts.append((part, detail))
            self._degraded = [*self._degraded, line]
            self.degradedChanged.emit()


class TouchWatcher(QObject):
    """Tells the room about every press or touch anywhere in the app, without consuming it,
    so rest mode can start after a quiet spell."""

    _PRESSES = (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin)

    def __init__(self, room: RoomController) -> None:
        super().__init__(room)
        self._room = room

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in self._PRESSES:
            self._room.note_activity()
        return False
