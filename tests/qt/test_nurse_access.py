"""The guard in front of the nurse panel, without QML: the PIN is checked off the Qt thread,
a wrong one never opens the panel, too many lock the pad, and the panel locks itself."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from kiosk.core.clock import FakeClock
from kiosk.core.lockout import MemoryLockoutStore
from kiosk.core.pin import hash_pin, verify_pin
from kiosk.qt.nurse import NurseAccess
from kiosk.qt.room import RoomController

STORED = hash_pin("4821", iterations=1000)


def type_pin(nurse: NurseAccess, pin: str) -> None:
    for digit in pin:
        nurse.pressDigit(digit)
    nurse.submit()


def test_the_key_derivation_runs_off_the_qt_thread(qtbot: QtBot) -> None:
    ran_on: list[threading.Thread] = []

    def verify(pin: str, stored: str) -> bool:
        ran_on.append(threading.current_thread())
        return verify_pin(pin, stored)

    room = RoomController("Room 1", nurse=NurseAccess(STORED, verify=verify))
    room.openNursePanel()
    with qtbot.waitSignal(room.nurse.granted, timeout=5000):
        type_pin(room.nurse, "4821")
    assert ran_on and ran_on[0] is not threading.main_thread()
    assert room.screen == "nurse"


def test_without_the_pin_the_panel_stays_shut_and_the_pad_opens(qtbot: QtBot) -> None:
    room = RoomController("Room 1", nurse=NurseAccess(STORED))
    room.openNursePanel()
    assert room.screen == "home" and room.nurse.padOpen
    with qtbot.waitSignal(room.nurse.pinRefused, timeout=5000):
        type_pin(room.nurse, "1111")
    assert room.screen == "home" and not room.nurse.grantedAccess
    assert room.nurse.statusText == "Wrong PIN. 4 more tries before the pad locks."


def test_too_many_wrong_pins_lock_the_pad_with_a_countdown_that_a_restart_keeps(
        qtbot: QtBot) -> None:
    clock, store = FakeClock(), MemoryLockoutStore()
    nurse = NurseAccess(STORED, max_tries=2, lockout_minutes=5, clock=clock, store=store)
    nurse.ask()
    for _ in range(2):
        with qtbot.waitSignal(nurse.pinRefused, timeout=5000):
            type_pin(nurse, "1111")
    assert nurse.locked and not nurse.canType
    assert nurse.statusText == "Too many wrong PINs. The pad opens again in 5:00."
    clock.advance(61)
    restarted = NurseAccess(STORED, max_tries=2, lockout_minutes=5, clock=clock, store=store)
    restarted.ask()
    assert restarted.locked
    assert restarted.statusText == "Too many wrong PINs. The pad opens again in 3:59."
    type_pin(restarted, "4821")
    assert not restarted.checking, "a locked pad does not even check the right PIN"


def test_no_pin_configured_says_so_and_never_opens(qtbot: QtBot) -> None:
    room = RoomController("Room 1")
    room.openNursePanel()
    assert room.screen == "home" and room.nurse.padOpen and not room.nurse.canType
    assert "No nurse PIN is set up" in room.nurse.statusText
    assert "hash-pin" in room.nurse.statusText


def test_the_panel_locks_itself_after_its_quiet_spell_and_leaving_it_locks_it(
        qtbot: QtBot) -> None:
    room = RoomController("Room 1", nurse=NurseAccess(STORED, auto_lock_minutes=0.5 / 60))
    room.openNursePanel()
    with qtbot.waitSignal(room.nurse.granted, timeout=5000):
        type_pin(room.nurse, "4821")
    assert room.screen == "nurse"
    qtbot.waitUntil(lambda: room.screen == "home", timeout=3000)
    assert not room.nurse.grantedAccess
    room.openNursePanel()
    assert room.screen == "home" and room.nurse.padOpen, "the next visit asks again"
    with qtbot.waitSignal(room.nurse.granted, timeout=5000):
        type_pin(room.nurse, "4821")
    room.show("home")
    assert not room.nurse.grantedAccess


def test_the_demo_pin_is_flagged_for_changing(qtbot: QtBot) -> None:
    nurse = NurseAccess(hash_pin("2468", iterations=1000))
    nurse.ask()
    with qtbot.waitSignal(nurse.granted, timeout=5000):
        type_pin(nurse, "2468")
    assert nurse.demoPin


def test_a_reloaded_pin_and_lockout_apply_from_the_next_pin_and_keep_the_wrong_ones_counted(
        qtbot: QtBot) -> None:
    clock, store = FakeClock(), MemoryLockoutStore()
    nurse = NurseAccess(STORED, max_tries=5, lockout_minutes=5, clock=clock, store=store)
    nurse.ask()
    with qtbot.waitSignal(nurse.pinRefused, timeout=5000):
        type_pin(nurse, "1111")
    nurse.apply_settings(hash_pin("7395", iterations=1000), max_tries=2, lockout_minutes=10,
                         auto_lock_minutes=1)
    assert nurse.statusText == "Wrong PIN. 1 more try before the pad locks."
    with qtbot.waitSignal(nurse.pinRefused, timeout=5000):
        type_pin(nurse, "4821")  # the old PIN no longer opens the panel
    assert nurse.locked
    assert nurse.statusText == "Too many wrong PINs. The pad opens again in 10:00."
    clock.advance(601)
    nurse.ask()
    with qtbot.waitSignal(nurse.granted, timeout=5000):
        type_pin(nurse, "7395")
    assert nurse.grantedAccess
