"""Memory of a room after many simulated sessions on an accelerated clock, in one process.

    .venv/bin/python tests/bench/bench_sessions.py [--sessions 1000] [--warm 50] [--json FILE]

The room is assembled as the screenshots assemble it (kiosk.app.room.assemble_room with
kiosk.screenshots.fakes.offline_parts: a FakeClock, a link that accepts every message, music on
libVLC's dummy output, the silent fake voice), and its home screen is loaded offscreen. Each
session, driven through the slots a nurse or a patient presses: start (alternating templates),
eyes-closed speech on, a playlist, the clock advanced through every phase in big steps, an urgent
call (receipt, "on my way", resolved in the room), a request (receipt, cancelled), music changes
(next, volume, pause and resume, another playlist, silence), a read-aloud line, the end, and
reset for the next patient. Each step is its own turn of the Qt event loop.

Baseline: this process's resident memory (VmRSS) after the first `--warm` sessions; the figure is
the growth from there to the end (goal <= 5 MB). Before each reading the garbage collector runs
and malloc returns its free pages (malloc_trim), so the growth is memory still held.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import gc
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from figures import Figures  # noqa: E402

MB = 1024 * 1024


def rss_mb(key: str = "VmRSS") -> float:
    gc.collect()
    with contextlib.suppress(OSError):  # not glibc: the reading includes malloc's free pages
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {key} in /proc/self/status")


def sessions(room: object, clock: object, count: int, warm: int,
             marks: dict[str, float]) -> Iterator[None]:
    """One step per yield: the caller runs the event loop between steps."""
    from kiosk.core.protocol import StationReply

    r = room  # type: ignore[assignment]
    templates = [t.id for t in r.config.clinic.session_templates]
    playlists = len(r.music.playlists)
    station = "station-bench"
    r.call_core.on_link_up()
    r.call_core.on_station_presence(station, True)
    for n in range(count):
        if n == warm:
            marks["warm"] = rss_mb()
            marks["warm_at"] = time.monotonic()
        session = r.session
        assert session.start(templates[n % len(templates)], 0), "the session did not start"
        r.speech.setSpeakToMe(True)
        yield
        r.music.playPlaylist(n % playlists)
        yield
        call_id = r.calls.callNurse()
        r.call_core.on_receipt(StationReply(call_id, station, clock.wall()))  # type: ignore
        yield
        r.call_core.on_ack(StationReply(call_id, station, clock.wall()))  # type: ignore
        yield
        r.calls.resolveInRoom(call_id)
        request_id = r.calls.request("water")
        r.call_core.on_receipt(StationReply(request_id, station, clock.wall()))  # type: ignore
        yield
        r.calls.cancelRequest(request_id)
        r.music.next()
        r.music.volumeUp()
        yield
        r.music.togglePause()
        yield
        r.music.togglePause()
        r.music.volumeDown()
        r.speech.say("You are safe. The nurse is nearby.")
        yield
        for _ in range(12):  # about two hours in ten-minute steps: every phase, then the end
            clock.advance(600)  # type: ignore[attr-defined]
            session.refresh()
            r.call_core.tick()
            yield
        r.music.playPlaylist((n + 1) % playlists)
        yield
        r.music.silence()
        session.endSession()
        session.reset()
        r.speech.setSpeakToMe(False)
        r.link.calls.clear()  # the fake link's record of sent calls, not the room's memory
        yield


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--warm", type=int, default=50)
    parser.add_argument("--json", type=Path, help="write the figures here (make bench)")
    args = parser.parse_args()
    if not 0 < args.warm < args.sessions:
        parser.error(f"--warm must be between 1 and --sessions - 1 (got {args.warm})")
    os.environ.update(QT_QPA_PLATFORM="offscreen", QT_QUICK_BACKEND="software",
                      QT_QUICK_CONTROLS_STYLE="Basic")
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    with tempfile.TemporaryDirectory() as state:
        env["KIOSK_STATE_DIR"] = state
        figures = run(args, env)
    figures.write(args.json)


def run(args: argparse.Namespace, env: dict[str, str]) -> Figures:
    from PySide6.QtCore import QTimer

    from kiosk.app.room import assemble_room
    from kiosk.app.shell import create_gui_app, load_window
    from kiosk.core.clock import FakeClock
    from kiosk.qt.dispatch import Dispatcher
    from kiosk.screenshots.fakes import offline_parts
    from kiosk.settings import load_config, resolve_room

    app = create_gui_app()
    config = load_config(None, env)
    settings = resolve_room(config, None, env)
    dispatcher = Dispatcher()
    clock = FakeClock()
    room = assemble_room(config, settings, offline_parts(dispatcher.post, clock), dispatcher.post)
    screen = load_window("Main", room.backends())
    screen.window.show()
    room.start()
    marks: dict[str, float] = {}
    failure: list[BaseException] = []
    steps = sessions(room, clock, args.sessions, args.warm, marks)
    started = time.monotonic()

    def step() -> None:
        try:
            next(steps)
        except StopIteration:
            app.exit(0)
            return
        except BaseException as error:  # noqa: BLE001 - reported after the loop ends
            failure.append(error)
            app.exit(0)
            return
        QTimer.singleShot(0, step)

    def wait_for_playlists() -> None:
        if all(p["trackCount"] for p in room.music.playlists):
            step()
        elif time.monotonic() - started > 30:
            failure.append(RuntimeError("the demo playlists were not scanned within 30 s"))
            app.exit(0)
        else:
            QTimer.singleShot(20, wait_for_playlists)

    QTimer.singleShot(0, wait_for_playlists)
    app.exec()
    if failure:
        raise failure[0]
    end = rss_mb()
    peak = rss_mb("VmHWM")
    elapsed = time.monotonic() - started
    per_session = (time.monotonic() - marks["warm_at"]) / (args.sessions - args.warm)
    screen.close()
    room.stop()
    growth = end - marks["warm"]
    print(f"{args.sessions} simulated sessions in {elapsed:.1f} s "
          f"({per_session * 1000:.0f} ms each after the first {args.warm}):")
    print(f"  RSS after {args.warm} sessions {marks['warm']:7.1f} MiB")
    print(f"  RSS after {args.sessions} sessions {end:7.1f} MiB  (growth {growth:+.2f} MiB, "
          f"{growth * 1024 / (args.sessions - args.warm):+.1f} KiB a session)")
    print(f"  peak (VmHWM)            {peak:7.1f} MiB")
    figures = Figures("sessions", args.sessions)
    figures.add(f"room: memory growth over sessions {args.warm}..{args.sessions}", growth,
                "MB", goal="<= 5 MB")
    figures.add(f"room: memory (RSS) after {args.sessions} sessions", end, "MiB",
                f"the same process after {args.warm} sessions", marks["warm"])
    return figures


if __name__ == "__main__":
    main()
