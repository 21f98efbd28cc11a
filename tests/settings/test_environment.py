"""Every environment variable the program reads is declared once and listed in the reference."""

from __future__ import annotations

import re
from pathlib import Path

from kiosk.settings import reference_markdown
from kiosk.settings.environment import ENVIRONMENT

KIOSK = Path(__file__).resolve().parents[2] / "kiosk"


def test_every_kiosk_variable_in_the_code_is_declared_and_in_the_reference() -> None:
    read = set()
    for source in KIOSK.rglob("*.py"):
        # Ours, and the two that systemd sets for the watchdog (kiosk/adapters/watchdog.py).
        read |= set(re.findall(r'"(KIOSK_[A-Z_]+|NOTIFY_SOCKET|WATCHDOG_USEC)"',
                               source.read_text(encoding="utf-8")))
    declared = {v.name for v in ENVIRONMENT}
    assert read <= declared, f"read but not declared: {sorted(read - declared)}"
    assert declared <= read, f"declared but never read: {sorted(declared - read)}"
    reference = reference_markdown()
    assert all(f"`{name}`" in reference for name in declared)
