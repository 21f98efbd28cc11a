"""Memory of a room after many simulated sessions on an accelerated clock, in one process.

    .venv/bin/python tests/bench/bench_sessions.py [--sessions 1000] [--warm 50] [--json FILE]

The room is assembled as the screenshots assemble it (kiosk.app.room.assemble_room with
kiosk.screenshots.fakes.offline_parts: a FakeClock, a link that accepts every message, music on
libVLC's dummy output), with the product's voice (espeak-ng, cached, played on a deck of the
same libVLC engine), and its home screen is loaded offscreen. Each
session, driven through the slots a nurse or a patient presses: start (alternating templates),
eyes-closed speech on, a playlist, the clock advanced through every phase in big steps, an urgent
call (receipt, "on my way", resolved in the room), a request (receipt, cancelled), music changes
(next, volume, pause and resume, another playlist, silence), a read-aloud line, the end, and
reset for the next patient. Each step is its own turn of the Qt event loop.

Memory (VmRSS) is read every 10 sessions, each time after the garbage collector has run and
malloc has returned its free pages (malloc_trim), so a reading is memory still held. Readings
still move by a megabyte or two with the worker threads' passing allocations (the voice's
renderer, libVLC's), so the baseline is the median reading over the 100 sessions after the first
`--warm`, and the end the median over the last 100: the figure is the growth between the two
(goal <= 5 MB). A steady leak moves both medians apart as much as it moves single readings.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import gc
import os
import statistics
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


SAMPLE_EVERY = 10
WINDOW = 100  # sessions in each median window


def sessions(room: object, clock: object, count: int, warm: int,
             marks: dict[str, float], readings: dict[int, float]) -> Iterator[None]:
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
            marks["warm_at"] = time.monotonic()
        if n >= warm and n % SAMPLE_EVERY == 0:
            readings[n] = rss_mb()
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


def real_voice(config: object, settings: object, post: object, engine: object) -> object:
    """The product's voice (espeak-ng, cached, on a deck of the room's libVLC engine): every
    state change is said in eyes-closed mode, and each session reads a line aloud."""
    from kiosk.app.room import _speaker

    voice = _speaker(config, settings, post, engine, "")  # type: ignore[arg-type]
    if voice.problem:
        raise SystemExit(f"the voice is not available here: {voice.problem}")
    return voice


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--warm", type=int, default=50)
    parser.add_argument("--json", type=Path, help="write the figures here (make bench)")
    args = parser.parse_args()
    if args.warm < 1 or args.sessions - args.warm < WINDOW:
        parser.error(f"--sessions must be at least --warm + {WINDOW}, and --warm at least 1")
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
    parts = offline_parts(dispatcher.post, clock)
    parts.speech = real_voice(config, settings, dispatcher.post, parts.audio)
    room = assemble_room(config, settings, parts, dispatcher.post)
    screen = load_window("Main", room.backends())
    screen.window.show()
    room.start()
    marks: dict[str, float] = {}
    readings: dict[int, float] = {}
    failure: list[BaseException] = []
    steps = sessions(room, clock, args.sessions, args.warm, marks, readings)
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
    readings[args.sessions] = rss_mb()
    peak = rss_mb("VmHWM")
    elapsed = time.monotonic() - started
    per_session = (time.monotonic() - marks["warm_at"]) / (args.sessions - args.warm)
    screen.close()
    room.stop()
    first = [mb for n, mb in readings.items() if n <= args.warm + WINDOW]
    last = [mb for n, mb in readings.items() if n >= args.sessions - WINDOW]
    start_mb, end_mb = statistics.median(first), statistics.median(last)
    growth = end_mb - start_mb
    span = f"{args.warm}..{args.warm + WINDOW}"
    print(f"{args.sessions} simulated sessions in {elapsed:.1f} s "
          f"({per_session * 1000:.0f} ms each after the first {args.warm}):")
    print(f"  RSS over sessions {span:>12}: median {start_mb:7.1f} MiB "
          f"(readings {min(first):.1f} to {max(first):.1f})")
    last_span = f"{args.sessions - WINDOW}..{args.sessions}"
    print(f"  RSS over sessions {last_span:>12}: median {end_mb:7.1f} MiB "
          f"(readings {min(last):.1f} to {max(last):.1f})")
    print(f"  growth {growth:+.2f} MiB ({growth * 1024 / (args.sessions - args.warm):+.1f} KiB "
          f"a session); after the last session {readings[args.sessions]:.1f} MiB")
    print(f"  peak (VmHWM)            {peak:7.1f} MiB")
    figures = Figures("sessions", args.sessions)
    figures.add(f"room: memory growth over sessions {args.warm}..{args.sessions}", growth,
                "MB", goal="<= 5 MB")
    figures.add(f"room: memory (RSS), median of sessions {last_span}", end_mb, "MiB",
                f"the same process, sessions {span}", start_mb)
    return figures


if __name__ == "__main__":
    main()
