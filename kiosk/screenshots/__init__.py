"""`python main.py screenshots OUTDIR`: every screen and state, at 1280x800 and 1920x1080.

Each size renders in a child process (`python -m kiosk.screenshots`), because the offscreen
screen's size is fixed when Qt starts. The room is assembled exactly as the product assembles it
(kiosk.app.room.assemble_room), with the parts in fakes.py: a fake clock and a link with no
broker, so each picture shows one exact state.
"""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)

SIZES = [(1280, 800), (1920, 1080)]


def render_all(outdir: Path, config_dir: Path | None) -> int:
    from kiosk.screenshots.capture import offscreen_platform

    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kiosk-shots-") as tmp:
        for width, height in SIZES:
            env = dict(os.environ, QT_QPA_PLATFORM=offscreen_platform(width, height, Path(tmp)),
                       QT_QUICK_BACKEND="software", KIOSK_STATE_DIR=str(Path(tmp) / "state"),
                       KIOSK_BROKER=f"mqtt://127.0.0.1:{_closed_port()}")
            cmd = [sys.executable, "-m", "kiosk.screenshots", str(outdir), f"{width}x{height}"]
            if config_dir:
                cmd.append(str(config_dir))
            if subprocess.run(cmd, env=env).returncode != 0:
                log.error("screenshots failed size=%dx%d", width, height)
                return 1
    print("\n".join(sorted(p.name for p in outdir.glob("*.png"))))
    return 0


def _closed_port() -> int:
    """A loopback port nobody listens on: the pictures never depend on a broker."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
