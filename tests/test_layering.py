"""Core and settings must load without Qt, libVLC or MQTT: a fresh interpreter proves it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PROBE = """
import pkgutil, sys
import kiosk.core, kiosk.settings
for package in (kiosk.core, kiosk.settings):
    for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        __import__(module.name)
kiosk.settings.load_config(env={})
heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "vlc", "paho"))
print(",".join(heavy))
"""


def test_core_and_settings_import_without_qt_vlc_or_mqtt() -> None:
    result = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True,
                            text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"imported: {result.stdout.strip()}"
