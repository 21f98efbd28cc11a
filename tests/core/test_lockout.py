"""Wrong nurse PINs lock the pad for a while; the count and the lockout survive a restart."""

from __future__ import annotations

from pathlib import Path

from kiosk.adapters.state_file import SessionStateFile
from kiosk.core.clock import FakeClock
from kiosk.core.lockout import MemoryLockoutStore, PinLockout


def lockout(clock: FakeClock, store: object) -> PinLockout:
    return PinLockout(clock, store, max_tries=3, lock_minutes=5)  # type: ignore[arg-type]


def test_the_third_wrong_pin_locks_the_pad_for_five_minutes() -> None:
    clock = FakeClock()
    pad = lockout(clock, MemoryLockoutStore())
    assert pad.wrong_pin().tries_left == 2
    assert pad.wrong_pin().tries_left == 1
    view = pad.wrong_pin()
    assert view.locked and view.seconds_left == 300
    clock.advance(299.5)
    assert pad.view().locked and pad.view().seconds_left == 1
    clock.advance(0.5)
    assert not pad.view().locked
    assert pad.view().tries_left == 3, "after a lockout the nurse has a fresh set of tries"


def test_wrong_pins_while_locked_do_not_lengthen_the_lockout() -> None:
    clock = FakeClock()
    pad = lockout(clock, MemoryLockoutStore())
    for _ in range(3):
        pad.wrong_pin()
    clock.advance(100)
    assert pad.wrong_pin().seconds_left == 200


def test_the_right_pin_clears_the_count() -> None:
    pad = lockout(FakeClock(), MemoryLockoutStore())
    pad.wrong_pin()
    pad.wrong_pin()
    pad.right_pin()
    assert pad.wrong_pin().tries_left == 2


def test_a_restart_keeps_both_the_count_and_the_lockout(tmp_path: Path) -> None:
    clock = FakeClock()
    path = tmp_path / "nurse" / "room-1-pin-lockout.json"
    first = lockout(clock, SessionStateFile(path))
    first.wrong_pin()
    first.wrong_pin()
    restarted = lockout(clock, SessionStateFile(path))
    assert restarted.view().tries_left == 1
    restarted.wrong_pin()
    clock.advance(60)
    again = lockout(clock, SessionStateFile(path))
    assert again.view().locked and again.view().seconds_left == 240


def test_a_clock_stepped_back_never_makes_the_lockout_longer_than_configured() -> None:
    clock = FakeClock()
    pad = lockout(clock, MemoryLockoutStore())
    for _ in range(3):
        pad.wrong_pin()
    clock.jump_wall(-3600)
    assert pad.view().seconds_left == 300


class BrokenStore:
    def load(self) -> None:
        raise NotADirectoryError("state is a file")

    def save(self, state: object) -> None:
        raise NotADirectoryError("state is a file")


def test_an_unusable_state_folder_still_counts_and_locks_in_memory() -> None:
    pad = lockout(FakeClock(), BrokenStore())
    for _ in range(3):
        pad.wrong_pin()
    assert pad.view().locked
