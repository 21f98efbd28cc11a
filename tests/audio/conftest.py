"""A private PulseAudio with a null sink, so tests can hear what libVLC plays."""

from __future__ import annotations

import array
import os
import queue
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kiosk.core.fades import Mixer
from tests.support import need_binary, wait_until

SINK = "kiosk_test"
RATE = 48000  # the null sink's rate, and the recordings'
# A null sink wakes up slowly: a stream started in its first seconds is heard late and libVLC
# drops that much of it. Tests pump this long, recording, before they play.
SINK_WAKE_SECONDS = 2.5


@pytest.fixture(scope="module")
def pulse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """Start PulseAudio as its own process; yield the environment that reaches it."""
    daemon = need_binary("pulseaudio", "apt-get install pulseaudio")
    need_binary("parec", "apt-get install pulseaudio-utils")
    root = tmp_path_factory.mktemp("pulse")
    runtime = root / "runtime"
    runtime.mkdir()
    socket = root / "native"
    script = root / "default.pa"
    script.write_text(f"load-module module-null-sink sink_name={SINK} rate={RATE}\n"
                      f"load-module module-native-protocol-unix socket={socket} "
                      "auth-anonymous=1\n"
                      f"set-default-sink {SINK}\n", encoding="utf-8")
    # As root PulseAudio wants a home and a runtime dir of its own; give it private ones.
    env = dict(os.environ, HOME=str(root), PULSE_RUNTIME_PATH=str(runtime),
               XDG_RUNTIME_DIR=str(runtime), PULSE_SERVER=f"unix:{socket}")
    log = (root / "pulse.log").open("wb")
    process = subprocess.Popen([daemon, "-n", "--daemonize=no", "--exit-idle-time=-1",
                                "--system=false", "--disallow-exit", "-F", str(script)],
                               env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_until(lambda: socket.exists() or process.poll() is not None, timeout=10,
                   message="the PulseAudio socket")
        assert process.poll() is None, Path(log.name).read_text(errors="replace")
        saved = {k: os.environ.get(k) for k in ("PULSE_SERVER", "PULSE_RUNTIME_PATH")}
        os.environ["PULSE_SERVER"] = env["PULSE_SERVER"]
        os.environ["PULSE_RUNTIME_PATH"] = env["PULSE_RUNTIME_PATH"]
        yield env
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


class Recording:
    """parec on the null sink's monitor, read on a thread: 16-bit mono samples at RATE."""

    def __init__(self, env: dict[str, str]) -> None:
        self._process = subprocess.Popen(
            ["parec", f"--device={SINK}.monitor", "--raw", "--format=s16le", f"--rate={RATE}",
             "--channels=1", "--latency-msec=10"], env=env, stdout=subprocess.PIPE)
        self._data = bytearray()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self._process.stdout is not None
        while chunk := self._process.stdout.read(4096):
            self._data += chunk

    def stop(self) -> array.array[int]:
        self._process.terminate()
        self._process.wait(timeout=5)
        self._reader.join(timeout=5)
        samples = array.array("h")
        samples.frombytes(bytes(self._data[: len(self._data) // 2 * 2]))
        return samples


def pump(posted: queue.SimpleQueue[Callable[[], None]], mixer: Mixer, seconds: float,
         until: Callable[[], bool] = lambda: False) -> None:
    """Stand in for the Qt thread: deliver posted work and step the mixer when it asks."""
    end = time.monotonic() + seconds
    while time.monotonic() < end and not until():
        while not posted.empty():
            posted.get()()
        delay = mixer.step() or 0.03
        time.sleep(min(delay, 0.03, max(0.0, end - time.monotonic())))
