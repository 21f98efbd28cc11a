"""The way into the nurse panel for screenshots: the pad, a wrong PIN, the lockout, and the
panel opened with the demo PIN, each driven through the same slots a nurse's taps reach."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEventLoop, QTimer

from kiosk.core.clock import FakeClock
from kiosk.core.pin import DEMO_PIN
from kiosk.qt.nurse import NurseAccess
from kiosk.qt.room import RoomController

State = Callable[[RoomController, FakeClock], None]


def nurse_screenshot_states() -> list[tuple[str, State]]:
    return [
        ("nurse-pin-pad", _pad),
        ("nurse-pin-wrong", _wrong),
        ("nurse-pin-lockout", _lockout),
    ]


def unlock_nurse_panel(room: RoomController, pin: str = DEMO_PIN) -> None:
    """Types the PIN on the pad and waits (at most 10 s) for the check off the Qt thread."""
    room.openNursePanel()
    _type(room.nurse, pin, room.nurse.granted)
    room.openNursePanel()


def _type(nurse: NurseAccess, pin: str, done: object) -> None:
    for digit in pin:
        nurse.pressDigit(digit)
    loop = QEventLoop()
    done.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(10_000, loop.quit)
    nurse.submit()
    loop.exec()


def _pad(room: RoomController, clock: FakeClock) -> None:
    room.show("home")
    room.openNursePanel()
    for digit in "24":
        room.nurse.pressDigit(digit)


def _wrong(room: RoomController, clock: FakeClock) -> None:
    room.nurse.cancel()
    room.openNursePanel()
    _type(room.nurse, "1357", room.nurse.pinRefused)


def _lockout(room: RoomController, clock: FakeClock) -> None:
    while not room.nurse.locked:
        _type(room.nurse, "1357", room.nurse.pinRefused)
    clock.advance(83)
    room.nurse.ask()


def end_lockout(room: RoomController, clock: FakeClock) -> None:
    clock.advance(3600)
    room.nurse.cancel()

