"""A private Mosquitto for the demo, commissioning checks and tests.

It runs as a child process listening on 127.0.0.1 only, on a free port chosen at start and kept
across `restart()`, so clients reconnect to the same address after an outage.
"""

from __future__ import annotations

import logging
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

log = logging.getLogger(__name__)

INSTALL_HINT = "Mosquitto is not installed: sudo apt-get install mosquitto"


class BrokerError(RuntimeError):
    pass


def find_mosquitto() -> str:
    found = shutil.which("mosquitto")
    if found:
        return found
    if os.access("/usr/sbin/mosquitto", os.X_OK):
        return "/usr/sbin/mosquitto"
    raise BrokerError(INSTALL_HINT)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PrivateBroker:
    HOST = "127.0.0.1"

    def __init__(self, *, persistence: bool = False, work_dir: Path | None = None,
                 port: int | None = None, tls_cert_key: tuple[Path, Path] | None = None,
                 password_file: Path | None = None, acl_file: Path | None = None) -> None:
        """`tls_cert_key` serves mqtts with that certificate and key; `password_file` (made by
        mosquitto_passwd) turns anonymous access off; `acl_file` limits each user's topics."""
        self._binary = find_mosquitto()
        self._own_dir = work_dir is None
        self.work_dir = Path(tempfile.mkdtemp(prefix="kiosk-broker-")) if work_dir is None \
            else work_dir
        self.port = port or free_port()
        self._persistence = persistence
        self._tls = tls_cert_key
        self._password_file = password_file
        self._acl_file = acl_file
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        scheme = "mqtts" if self._tls else "mqtt"
        return f"{scheme}://{self.HOST}:{self.port}"

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def start(self, timeout: float = 10.0) -> None:
        if self.running:
            return
        config = self._write_config()
        log_file = open(self.work_dir / "mosquitto.log", "ab")  # noqa: SIM115 - child owns it
        self._process = subprocess.Popen([self._binary, "-c", str(config)], stdout=log_file,
                                         stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        log_file.close()
        self._wait_accepting(timeout)
        log.info("private broker started port=%s pid=%s", self.port, self._process.pid)

    def stop(self, timeout: float = 5.0) -> None:
        if self._process is None:
            return
        self._process.terminate()
        try:
            self._process.wait(timeout)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait(timeout)
        self._process = None
        log.info("private broker stopped port=%s", self.port)

    def restart(self) -> None:
        self.stop()
        self.start()

    def close(self) -> None:
        self.stop()
        if self._own_dir:
            shutil.rmtree(self.work_dir, ignore_errors=True)

    def __enter__(self) -> PrivateBroker:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _write_config(self) -> Path:
        lines = [
            f"listener {self.port} {self.HOST}",
            "set_tcp_nodelay true",
            # Every retained message goes to a connecting station at once; Mosquitto's default
            # queue (1000) would drop open calls beyond about 450 rooms.
            "max_queued_messages 10000",
            "log_dest stdout",
            "log_type error",
            "log_type warning",
        ]
        if os.geteuid() == 0:
            # Started as root (containers, CI), mosquitto would switch to its own user and then
            # fail to read our private files; this broker is loopback-only and short-lived.
            lines.append("user root")
        if self._password_file is None:
            lines.append("allow_anonymous true")
        else:
            lines += ["allow_anonymous false", f"password_file {self._password_file}"]
        if self._acl_file is not None:
            lines.append(f"acl_file {self._acl_file}")
        if self._tls is not None:
            lines += [f"certfile {self._tls[0]}", f"keyfile {self._tls[1]}"]
        if self._persistence:
            lines += ["persistence true", f"persistence_location {self.work_dir}/",
                      "autosave_interval 1"]
        path = self.work_dir / "mosquitto.conf"
        path.write_text("\n".join(lines) + "\n")
        return path

    def _wait_accepting(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self._process is not None
            if self._process.poll() is not None:
                raise BrokerError(f"mosquitto exited at start, see {self.work_dir}/mosquitto.log")
            try:
                socket.create_connection((self.HOST, self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.02)  # polling a child's port: there is no event to wait on
        self.stop()
        raise BrokerError(f"mosquitto did not accept connections within {timeout} s")
