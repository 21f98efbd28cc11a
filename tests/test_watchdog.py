"""systemd's watchdog hears the kiosk: READY=1 after the first frame, WATCHDOG=1 every half of
WATCHDOG_USEC from the Qt thread, and silence while that thread is blocked (so systemd would
restart a frozen screen). A real datagram socket stands in for systemd's $NOTIFY_SOCKET."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtQuick import QQuickWindow
from pytestqt.qtbot import QtBot

from kiosk.app.watchdog import Watchdog
from tests.support import wait_until
from tests.test_startup import Process, room_env


class FakeSystemd:
    """Receives notifications on a reader thread, each with the monotonic time it arrived."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(str(path))
        self.sock.settimeout(0.1)
        self.heard: list[tuple[float, str]] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        while not self._stop.is_set():
            try:
                data = self.sock.recv(4096)
            except TimeoutError:
                continue
            with self._lock:
                self.heard.append((time.monotonic(), data.decode()))

    def messages(self) -> list[str]:
        with self._lock:
            return [m for _, m in self.heard]

    def times_of(self, message: str) -> list[float]:
        with self._lock:
            return [t for t, m in self.heard if m == message]

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.sock.close()


@pytest.fixture
def systemd(tmp_path: Path) -> Iterator[FakeSystemd]:
    fake = FakeSystemd(tmp_path / "notify.sock")
    yield fake
    fake.close()


def test_ready_after_the_first_frame_then_pings_that_stop_while_the_qt_thread_is_blocked(
        systemd: FakeSystemd, qtbot: QtBot) -> None:
    window = QQuickWindow()
    Watchdog(window, {"NOTIFY_SOCKET": str(systemd.path), "WATCHDOG_USEC": "400000"})
    assert systemd.messages() == [], "nothing before the first frame"
    window.resize(200, 200)
    window.show()
    qtbot.waitUntil(lambda: "READY=1" in systemd.messages(), timeout=5000)
    qtbot.waitUntil(lambda: len(systemd.times_of("WATCHDOG=1")) >= 3, timeout=5000)
    pings = systemd.times_of("WATCHDOG=1")
    gaps = [b - a for a, b in zip(pings, pings[1:], strict=False)]
    assert all(0.1 < g < 0.4 for g in gaps), f"pings every 0.2 s, got gaps {gaps}"

    blocked_from = time.monotonic()
    time.sleep(1.0)  # the frozen UI this watchdog exists for: the Qt thread does nothing
    blocked_until = time.monotonic()
    qtbot.waitUntil(lambda: systemd.times_of("WATCHDOG=1")[-1] > blocked_until, timeout=5000)
    during = [t for t in systemd.times_of("WATCHDOG=1") if blocked_from + 0.05 < t < blocked_until]
    assert during == [], "no ping may reach systemd while the Qt thread is blocked"
    window.close()


def test_the_room_process_tells_systemd_it_is_ready_and_keeps_pinging(
        systemd: FakeSystemd, tmp_path: Path) -> None:
    env = {**room_env(tmp_path), "NOTIFY_SOCKET": str(systemd.path), "WATCHDOG_USEC": "1000000"}
    room = Process(["room", "--windowed"], env)
    room.wait_for("first frame")
    wait_until(lambda: len(systemd.times_of("WATCHDOG=1")) >= 2, timeout=10,
               message="two watchdog pings from the room process")
    assert systemd.messages()[0] == "READY=1"
    assert len(systemd.times_of("WATCHDOG=1")) >= 2
    assert room.stop() == 0
    assert "STOPPING=1" in systemd.messages()


def test_outside_systemd_nothing_is_sent_and_nothing_breaks(qtbot: QtBot) -> None:
    window = QQuickWindow()
    watchdog = Watchdog(window, {})
    window.show()
    qtbot.waitExposed(window)
    watchdog.stopping()
    window.close()
