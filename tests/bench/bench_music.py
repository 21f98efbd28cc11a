"""Music cost: our room player beside a bare libVLC player in the same run, and the library scan.

    .venv/bin/python tests/bench/bench_music.py [--seconds 20] [--aout dummy|pulse]

CPU: each player runs in a fresh process; the clock starts once the music has begun (start-up
is excluded) and CPU time (user + system, from getrusage) is divided by wall time. Ours is the
MusicController with its two decks, fades and Qt timer; the bare one is one libVLC player with
the same options. Scan: 5,000 tracks (tiny files) in 10 folder playlists, timed cold-ish.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from figures import Figures  # noqa: E402

COMMON = r'''
import resource, sys, time
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime
folder, seconds, aout = sys.argv[1], float(sys.argv[2]), sys.argv[3]
sys.path.insert(0, sys.argv[4])
from kiosk.adapters.vlc_player import DEFAULT_OPTIONS
options = (*DEFAULT_OPTIONS, "--aout=" + aout)
'''

BARE = COMMON + r'''
import os, vlc
instance = vlc.Instance(list(options))
player = instance.media_player_new()
track = sorted(os.path.join(folder, n) for n in os.listdir(folder))[0]
player.set_media(instance.media_new_path(track))
player.audio_set_volume(50)
player.play()
while (player.get_time() or 0) <= 0:
    time.sleep(0.01)
c0, t0 = cpu(), time.monotonic()
time.sleep(seconds)
print((cpu() - c0) / (time.monotonic() - t0) * 100)
'''

OURS = COMMON + r'''
from PySide6.QtCore import QCoreApplication, QTimer
from kiosk.core.fades import FadeSettings
from kiosk.core.playlist import Playlist
from kiosk.core.volume import VolumePolicy
from kiosk.qt.dispatch import Dispatcher
from tests.support.music import music_on_libvlc
app = QCoreApplication(sys.argv[:1])
dispatcher = Dispatcher()
music = music_on_libvlc([Playlist("Bench", folder)], dispatcher.post, FadeSettings(),
                        VolumePolicy(), options)
marks = {}
def start():
    if not music.playlists[0]["trackCount"]:
        QTimer.singleShot(20, start)
        return
    music.playPlaylist(0)
    # Measure the steady state: after the 4 s fade-in, as the patient mostly hears it.
    QTimer.singleShot(4500, begin)
def begin():
    marks["c0"], marks["t0"] = cpu(), time.monotonic()
    QTimer.singleShot(int(seconds * 1000), end)
def end():
    print((cpu() - marks["c0"]) / (time.monotonic() - marks["t0"]) * 100)
    music.silence()
    app.quit()
QTimer.singleShot(0, start)
app.exec()
'''


def make_track(folder: Path, seconds: float) -> None:
    sys.path.insert(0, str(ROOT))
    from tests.contract.conftest import write_tone

    folder.mkdir(parents=True, exist_ok=True)
    write_tone(folder / "01-tone.wav", seconds)


def cpu_percent(script: str, folder: Path, seconds: float, aout: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", script, str(folder), str(seconds), aout,
                          str(ROOT)], env=env, capture_output=True, text=True, timeout=120,
                         check=True)
    return float(out.stdout.strip().splitlines()[-1])


def scan_seconds(root: Path, tracks: int = 5000, playlists: int = 10) -> float:
    from kiosk.adapters.library import scan_playlist
    from kiosk.core.playlist import Playlist

    per = tracks // playlists
    lists = []
    for p in range(playlists):
        folder = root / f"list-{p}"
        folder.mkdir()
        for n in range(per):
            (folder / f"{n:04d}-track.ogg").write_bytes(b"O")
        lists.append(Playlist(f"List {p}", str(folder)))
    start = time.perf_counter()
    found = sum(len(scan_playlist(playlist).tracks) for playlist in lists)
    elapsed = time.perf_counter() - start
    assert found == tracks, found
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--aout", default="dummy")
    parser.add_argument("--json", type=Path, help="write the figures here (make bench)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "music"
        make_track(folder, args.seconds + 15)
        bare = cpu_percent(BARE, folder, args.seconds, args.aout)
        ours = cpu_percent(OURS, folder, args.seconds, args.aout)
        print(f"CPU while playing ({args.seconds:.0f} s, aout={args.aout}): "
              f"bare libVLC {bare:.2f} %  room player {ours:.2f} %  "
              f"(+{ours - bare:.2f} points of one core)")
        scan_root = Path(tmp) / "scan"
        scan_root.mkdir()
        scan = scan_seconds(scan_root)
        print(f"Library scan, 5,000 tracks in 10 folders: {scan:.3f} s")
    figures = Figures("music", 1)
    figures.add(f"room player: CPU while playing ({args.aout})", ours, "% of a core",
                "bare libVLC player", bare)
    figures.add("playlist scan of 5,000 files", scan * 1000, "ms")
    figures.write(args.json)


if __name__ == "__main__":
    main()
