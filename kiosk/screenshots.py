"""`python main.py screenshots OUTDIR`: every screen and state, at 1280x800 and 1920x1080.

Part of the composition layer (with app.py): each size renders in a child process, because the
offscreen screen's size is fixed when Qt starts.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

SIZES = [(1280, 800), (1920, 1080)]

# A scenario puts the screen into one state: name -> function(backends).
Scenario = tuple[str, Callable[[dict[str, Any]], None]]


def render_all(outdir: Path, config_dir: Path | None) -> int:
    from kiosk.qt.capture import offscreen_platform

    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kiosk-shots-") as tmp:
        for width, height in SIZES:
            env = dict(os.environ, QT_QPA_PLATFORM=offscreen_platform(width, height, Path(tmp)),
                       QT_QUICK_BACKEND="software", KIOSK_STATE_DIR=str(Path(tmp) / "state"))
            cmd = [sys.executable, "-m", "kiosk.screenshots", str(outdir), f"{width}x{height}"]
            if config_dir:
                cmd.append(str(config_dir))
            if subprocess.run(cmd, env=env).returncode != 0:
                log.error("screenshots failed size=%dx%d", width, height)
                return 1
    names = sorted(p.name for p in outdir.glob("*.png"))
    print("\n".join(names))
    return 0


def room_scenarios() -> list[Scenario]:
    def home(b: dict[str, Any]) -> None:
        b["room"].wake()

    def rest(b: dict[str, Any]) -> None:
        b["room"].rest()

    return [("home", home), ("rest-mode", rest)]


def _render_size(outdir: Path, size: str, config_dir: Path | None) -> None:
    from kiosk.app import build_room, create_gui_app, load_window
    from kiosk.qt.capture import grab, reduce_motion, settle
    from kiosk.settings import Problem, load_config

    app = create_gui_app()
    config = load_config(config_dir, os.environ)
    screen = load_window("Main", build_room(config, None))
    reduce_motion(screen.engine)
    width, height = (int(v) for v in size.split("x"))
    screen.window.setGeometry(0, 0, width, height)
    screen.window.show()
    settle(300)
    for name, setup in room_scenarios():
        setup(screen.backends)
        grab(screen.window, outdir / f"room-{name}-{size}.png")
    screen.window.hide()

    sample = [Problem("rooms/room-2.yaml", 14, "music.volume_cap_percent",
                      "must be 100 or less (got 150)"),
              Problem("clinic.yaml", 3, "clinic.langauge", 'unknown option "langauge"',
                      'did you mean "language"?')]
    broken = load_window("Maintenance", {"problems": [str(p) for p in sample]})
    reduce_motion(broken.engine)
    broken.window.setGeometry(0, 0, width, height)
    broken.window.show()
    grab(broken.window, outdir / f"room-maintenance-{size}.png")
    del app


if __name__ == "__main__":
    from kiosk.log import setup_logging

    setup_logging()
    _render_size(Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]) if len(sys.argv) > 3 else None)
