"""Memory of the room while music plays, beside a bare QML window plus a bare python-vlc player
playing the same kind of file, in one process, in the same run.

    .venv/bin/python tests/bench/bench_memory_playing.py [--seconds 20] [--json FILE]

The room: a process built as the product builds it (kiosk.app.room.assemble_room with
product_parts: the MQTT link to a private Mosquitto, the SQLite outbox, the voice), its home
screen loaded offscreen, the demo config's first playlist started through the music
controller's slot (the one the patient's button calls), to libVLC's dummy output.
The baseline: one process with the bare QML window of baseline.py and one python-vlc player with
the product's libVLC options, playing that playlist's first file.
Both run at the same time. Once each says it plays, resident memory (VmRSS, /proc) is sampled
every 0.25 s for `--seconds`: steady is the median of the samples, peak is VmHWM at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from baseline import BARE_QML_WINDOW  # noqa: E402
from figures import Figures  # noqa: E402

from kiosk.adapters.broker import PrivateBroker  # noqa: E402
from kiosk.adapters.vlc_player import DEFAULT_OPTIONS  # noqa: E402

OPTIONS = (*DEFAULT_OPTIONS, "--aout=dummy")

ROOM = r'''
import os, sys
sys.path.insert(0, os.getcwd())
from PySide6.QtCore import QTimer
from kiosk.app.room import assemble_room, product_parts
from kiosk.app.shell import create_gui_app, load_window
from kiosk.qt.dispatch import Dispatcher
from kiosk.settings import load_config, resolve_room
options = tuple(__import__("json").loads(sys.argv[1]))
app = create_gui_app()
config = load_config(None, os.environ)
settings = resolve_room(config, None, os.environ)
dispatcher = Dispatcher()
room = assemble_room(config, settings, product_parts(config, settings, dispatcher.post, options),
                     dispatcher.post)
screen = load_window("Main", room.backends())
screen.window.show()
room.start()
asked = []
def poll():
    music = room.music
    if music.playing:
        print("playing", music.nowPlayingTitle, file=sys.stderr, flush=True)
        return
    if not asked and music.playlists and music.playlists[0]["trackCount"]:
        music.playPlaylist(0)
        asked.append(True)
    QTimer.singleShot(50, poll)
QTimer.singleShot(0, poll)
app.exec()
'''

BARE = BARE_QML_WINDOW.replace("app.exec()", r'''
import json, vlc
from PySide6.QtCore import QTimer
instance = vlc.Instance(json.loads(sys.argv[1]))
player = instance.media_player_new()
player.set_media(instance.media_new_path(sys.argv[2]))
player.audio_set_volume(35)
player.play()
def poll():
    if (player.get_time() or 0) > 0:
        print("playing", sys.argv[2], file=sys.stderr, flush=True)
        return
    QTimer.singleShot(50, poll)
QTimer.singleShot(0, poll)
app.exec()
''')


def memory_mb(pid: int, key: str) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {key} for process {pid}")


class Player:
    """A child process that says "playing" on stderr once its music has begun."""

    def __init__(self, cmd: list[str], env: dict[str, str]) -> None:
        self.proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stderr=subprocess.PIPE,
                                     stdout=subprocess.DEVNULL, text=True)
        self.playing = threading.Event()
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.lines.append(line.rstrip())
            if line.startswith("playing"):
                self.playing.set()

    def wait_playing(self, what: str, timeout: float = 60) -> None:
        if not self.playing.wait(timeout):
            self.stop()
            tail = "\n  ".join(self.lines[-10:])
            raise RuntimeError(f"the {what} did not start playing within {timeout:.0f} s; "
                               f"its last lines:\n  {tail}")

    def stop(self) -> None:
        self.proc.kill()
        self.proc.wait(10)


def first_track() -> Path:
    sys.path.insert(0, str(ROOT))
    from kiosk.settings import load_config, resolve_room

    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    settings = resolve_room(load_config(None, env), None, env)
    folder = Path(settings.music.playlists[0].path)
    return sorted(p for p in folder.iterdir() if p.is_file())[0]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--json", type=Path, help="write the figures here (make bench)")
    args = parser.parse_args()
    track = first_track()
    options = json.dumps(list(OPTIONS))
    with tempfile.TemporaryDirectory() as state, PrivateBroker() as broker:
        env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
        env.update(QT_QPA_PLATFORM="offscreen", QT_QUICK_BACKEND="software",
                   QT_QUICK_CONTROLS_STYLE="Basic", KIOSK_STATE_DIR=state,
                   KIOSK_BROKER=broker.url)
        players = {"room": Player([sys.executable, "-c", ROOM, options], env),
                   "bare": Player([sys.executable, "-c", BARE, options, str(track)], env)}
        try:
            players["bare"].wait_playing("bare QML window with python-vlc")
            players["room"].wait_playing("room")
            samples: dict[str, list[float]] = {name: [] for name in players}
            end = time.monotonic() + args.seconds
            while time.monotonic() < end:
                for name, player in players.items():
                    samples[name].append(memory_mb(player.proc.pid, "VmRSS"))
                time.sleep(0.25)  # the sampling interval of a measuring window
            peak = {name: memory_mb(p.proc.pid, "VmHWM") for name, p in players.items()}
            for name, player in players.items():
                if player.proc.poll() is not None:
                    raise RuntimeError(f"the {name} process ended while measured")
        finally:
            for player in players.values():
                player.stop()
    steady = {name: statistics.median(values) for name, values in samples.items()}
    print(f"memory while playing over {args.seconds:.0f} s (MiB), libVLC dummy output:")
    print(f"  bare QML window + python-vlc ({track.name})  steady {steady['bare']:6.1f}  "
          f"peak {peak['bare']:6.1f}")
    print(f"  room, playlist playing                     steady {steady['room']:6.1f}  "
          f"peak {peak['room']:6.1f}")
    figures = Figures("memory while playing", len(samples["room"]))
    baseline = "bare QML window + python-vlc player, one process"
    figures.add("room playing: steady memory (median RSS)", steady["room"], "MiB", baseline,
                steady["bare"])
    figures.add("room playing: peak memory (VmHWM)", peak["room"], "MiB", baseline,
                peak["bare"])
    figures.write(args.json)


if __name__ == "__main__":
    main()
