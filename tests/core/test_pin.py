"""The nurse PIN is kept only as a salted hash that the right PIN, and only it, matches."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.core.pin import PinError, hash_pin, verify_pin

ROOT = Path(__file__).resolve().parents[2]


def test_the_right_pin_matches_and_a_wrong_one_does_not() -> None:
    stored = hash_pin("4821", iterations=1000)
    assert "4821" not in stored
    assert verify_pin("4821", stored)
    assert not verify_pin("4822", stored)


def test_two_hashes_of_one_pin_differ_so_equal_pins_cannot_be_spotted() -> None:
    assert hash_pin("4821", iterations=1000) != hash_pin("4821", iterations=1000)


@pytest.mark.parametrize("pin, message", [("12", "4 to 12 digits"), ("12a4", "digits only")])
def test_unusable_pins_are_refused_in_plain_words(pin: str, message: str) -> None:
    with pytest.raises(PinError, match=message):
        hash_pin(pin)


def test_a_damaged_stored_hash_is_a_plain_error() -> None:
    with pytest.raises(PinError, match="hash-pin"):
        verify_pin("4821", "4821")


def test_hash_pin_command_prints_a_hash_that_verifies() -> None:
    done = subprocess.run([sys.executable, "main.py", "hash-pin"], cwd=ROOT, input="4821\n",
                          capture_output=True, text=True, timeout=30)
    assert done.returncode == 0
    assert verify_pin("4821", done.stdout.strip())
