"""The room's first frame loads only what the call button needs: the rest of the room (music,
session, guide, voice, the broker link) and the libraries only they use come after it. Loading
them first keeps the patient longer without a call button after every restart
(tests/bench/bench_startup.py measures the time; this guards what is loaded)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# The product's own start (kiosk.app.room.run_room), stopped at its first frame.
PROBE = """
import os, sys
from kiosk.qt.import_scan import quicken_import_scan
quicken_import_scan()
from kiosk.app import room, shell

def at_first_frame(window, what):
    def report():
        print("MODULES " + ",".join(sorted(sys.modules)), flush=True)
        os._exit(0)
    window.frameSwapped.connect(report)

shell.log_first_frame = at_first_frame
room.run_room(None, None, True)
"""

AFTER_THE_FIRST_FRAME = [
    # the rest of the room
    "kiosk.qt.music", "kiosk.qt.session", "kiosk.qt.guide", "kiosk.qt.speech",
    "kiosk.core.session",
    "kiosk.adapters.vlc_player", "kiosk.adapters.mqtt_link", "kiosk.adapters.speech",
    "kiosk.app.reload",
    # libraries only they, a PIN check, a call or a message use
    "vlc", "paho", "yaml", "PySide6.QtQuick", "json", "uuid", "hashlib", "difflib", "pickle",
    "socket",
]


def first_frame_modules(state: Path) -> set[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env.update(QT_QPA_PLATFORM="offscreen", QT_QUICK_BACKEND="software",
               KIOSK_STATE_DIR=str(state))
    result = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60, check=False)
    lines = [x for x in result.stdout.splitlines() if x.startswith("MODULES ")]
    assert lines, f"no first frame: {result.stderr[-2000:]}"
    return set(lines[0].removeprefix("MODULES ").split(","))


def test_the_first_frame_loads_the_call_path_and_not_the_rest_of_the_room(
        tmp_path: Path) -> None:
    first_frame_modules(tmp_path)  # the first start reads the YAML and caches it
    loaded = first_frame_modules(tmp_path)
    # What the call button needs is there ...
    for needed in ("kiosk.core.calls", "kiosk.adapters.outbox", "kiosk.qt.calls"):
        assert needed in loaded
    # ... and nothing of the rest.
    early = [name for name in AFTER_THE_FIRST_FRAME
             if name in loaded or any(m.startswith(name + ".") for m in loaded)]
    assert early == [], f"loaded before the first frame: {early}"
