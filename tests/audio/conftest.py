"""A private PulseAudio with a null sink, so tests can hear what libVLC plays."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support import need_binary, wait_until

SINK = "kiosk_test"


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
    script.write_text(f"load-module module-null-sink sink_name={SINK} rate=48000\n"
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
