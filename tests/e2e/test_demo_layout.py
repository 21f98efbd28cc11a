"""`make run` on one screen: the demo's station and room windows sit side by side inside the
screen, none covering another, also with no window manager (a bare Xvfb)."""

from __future__ import annotations

import itertools
import os
import re
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.app.demo import demo_layout
from kiosk.app.placement import Placement
from tests.support import need_binary, wait_until
from tests.test_startup import Process, room_env

SCREEN = Placement(0, 0, 1920, 1080)
_WINDOW = re.compile(r"^\s+(0x[0-9a-f]+) .*?\s(\d+)x(\d+)\+(-?\d+)\+(-?\d+)\s+\+-?\d+\+-?\d+$")


def overlap(a: Placement, b: Placement) -> bool:
    return (a.x < b.x + b.width and b.x < a.x + a.width and
            a.y < b.y + b.height and b.y < a.y + a.height)


def inside(a: Placement, screen: Placement) -> bool:
    return (a.x >= screen.x and a.y >= screen.y and a.x + a.width <= screen.x + screen.width
            and a.y + a.height <= screen.y + screen.height)


@pytest.mark.parametrize("rooms", [1, 2, 3, 4, 7, 12])
@pytest.mark.parametrize("screen", [SCREEN, Placement(0, 0, 1280, 800),
                                    Placement(0, 32, 2560, 1408)])
def test_the_layout_keeps_every_window_on_screen_and_apart(screen: Placement,
                                                            rooms: int) -> None:
    places = demo_layout(screen, rooms)
    assert len(places) == rooms + 1
    assert all(inside(p, screen) for p in places)
    assert not any(overlap(a, b) for a, b in itertools.combinations(places, 2))
    station, *room_cells = places
    assert station.width >= screen.width // 2 - 1, "the station gets half the screen"
    assert all(c.width >= c.height for c in room_cells), "room windows stay landscape"


@pytest.fixture
def xvfb(tmp_path: Path) -> Iterator[str]:
    """A bare X server (no window manager) with a 1920x1080 screen; yields its DISPLAY."""
    need_binary("Xvfb", "sudo apt-get install xvfb")
    need_binary("xwininfo", "sudo apt-get install x11-utils")
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0",
                               f"{SCREEN.width}x{SCREEN.height}x24", "-nolisten", "tcp"],
                              pass_fds=(write,), stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as handle:
        number = handle.readline().strip()
    try:
        assert number, "Xvfb did not say which display it took"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(10)


def viewable_windows(display: str) -> list[Placement]:
    env = {**os.environ, "DISPLAY": display}
    tree = subprocess.run(["xwininfo", "-root", "-children"], env=env, capture_output=True,
                          text=True, timeout=10).stdout
    found = []
    for line in tree.splitlines():
        match = _WINDOW.match(line)
        if not match:
            continue
        info = subprocess.run(["xwininfo", "-id", match.group(1)], env=env,
                              capture_output=True, text=True, timeout=10).stdout
        if "IsViewable" in info:
            w, h, x, y = (int(g) for g in match.groups()[1:])
            found.append(Placement(x, y, w, h))
    return found


@pytest.mark.slow
def test_the_demo_lays_out_the_station_and_rooms_side_by_side_without_a_window_manager(
        tmp_path: Path, xvfb: str) -> None:
    need_binary("mosquitto", "sudo apt-get install mosquitto")
    env = room_env(tmp_path, DISPLAY=xvfb)
    env.pop("QT_QPA_PLATFORM")
    demo = Process(["demo", "--rooms", "3"], env)
    try:
        def seen(text: str, count: int) -> bool:
            return sum(text in line for line in demo.lines) >= count

        wait_until(lambda: seen("first frame screen=station", 1) and
                   seen("first frame screen=room", 2), timeout=60, message="three windows")
        expected = demo_layout(SCREEN, 2)
        windows = wait_until(lambda: (lambda w: w if len(w) == 3 else None)(
            viewable_windows(xvfb)), timeout=20, message="three viewable windows")
        assert sorted(windows) == sorted(expected), windows
        assert not any(overlap(a, b) for a, b in itertools.combinations(windows, 2))
        assert seen("demo simulated rooms connected count=3", 1)
    finally:
        demo.proc.send_signal(signal.SIGINT)
        code = demo.proc.wait(30)
    assert code == 0


def test_a_demo_window_smaller_than_the_design_shows_the_design_scaled_down() -> None:
    from kiosk.app.demo import window_env
    from kiosk.app.placement import Placement

    half = window_env(Placement(960, 0, 960, 540))
    assert half["KIOSK_WINDOW_GEOMETRY"] == "960,0,960,540"
    assert float(half["QT_SCALE_FACTOR"]) == 0.675  # 540 / 800: the whole design fits
    assert "QT_SCALE_FACTOR" not in window_env(Placement(0, 0, 1920, 1080))
