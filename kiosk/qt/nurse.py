"""The guard in front of the nurse panel: the PIN pad, its lockout, and the panel's auto-lock.

The PIN's key derivation (PBKDF2, about a tenth of a second) runs on a worker thread so no
frame freezes; its result comes back to the Qt thread through a queued signal. Wrong PINs are
counted by core's PinLockout, whose state a store keeps across restarts.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import Property, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement

from kiosk.core.clock import Clock, SystemClock
from kiosk.core.lockout import LockoutStore, MemoryLockoutStore, PinLockout
from kiosk.core.pin import DEMO_PIN, MAX_DIGITS, verify_pin

QML_IMPORT_NAME = "Kiosk.Backend"
QML_IMPORT_MAJOR_VERSION = 1

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
        self._lockout = PinLockout(clock or SystemClock(), store or MemoryLockoutStore(),
                                   max_tries=max_tries, lock_minutes=lockout_minutes)
        self._run = run or run_on_worker_thread
        self._verify = verify
        self._pad_open = False
        self._granted = False
        self._demo_pin = False
        self._entered = ""
        self._checking = False
        self._wrong = False
        self._generation = 0
        self._checked.connect(self._on_checked, Qt.ConnectionType.QueuedConnection)
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
    pinConfigured = Property(bool, _get_pin_configured, constant=True)
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

        def check() -> None:  # on the worker thread: touches nothing but its arguments
            try:
                ok = verify(pin, stored)
            except ValueError:
                ok = False
            done.emit(generation, ok, ok and pin == DEMO_PIN)

        self.enteredCountChanged.emit()
        self.statusChanged.emit()
        self._run(check)

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
