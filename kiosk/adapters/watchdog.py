"""systemd's service notification, spoken without a library: datagrams to $NOTIFY_SOCKET.

`READY=1` tells systemd the kiosk is up (after its first frame); `WATCHDOG=1`, sent every half
of $WATCHDOG_USEC, tells it the UI still turns. The caller sends the pings from the Qt thread's
own timer, so a frozen event loop stops them and systemd restarts the kiosk
(`WatchdogSec=` in config/systemd/). Outside systemd both variables are unset and nothing is
sent. A socket that cannot be reached is logged once; the kiosk runs on.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

log = logging.getLogger(__name__)

NOTIFY_SOCKET = "NOTIFY_SOCKET"  # both declared in kiosk/settings/environment.py
WATCHDOG_USEC = "WATCHDOG_USEC"


class Notifier:
    def __init__(self, env: Mapping[str, str]) -> None:
        address = env.get(NOTIFY_SOCKET, "")
        # A leading "@" names a socket in the abstract namespace.
        self._address = "\0" + address[1:] if address.startswith("@") else address
        self._failed = False
        self.watchdog_usec = _whole(env.get(WATCHDOG_USEC, ""))

    @property
    def active(self) -> bool:
        return bool(self._address)

    @property
    def ping_interval_ms(self) -> int:
        """Half the watchdog period, as systemd advises (0: no watchdog asked for)."""
        return self.watchdog_usec // 2000 if self._address else 0

    def ready(self) -> None:
        self._send(b"READY=1")

    def ping(self) -> None:
        self._send(b"WATCHDOG=1")

    def stopping(self) -> None:
        self._send(b"STOPPING=1")

    def _send(self, message: bytes) -> None:
        if not self._address:
            return
        import socket  # here, not before the first frame: READY=1 is sent after it

        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as s:
                s.sendto(message, self._address)
        except OSError as error:
            if not self._failed:
                log.error("cannot notify systemd socket=%s reason=%s", self._address, error)
            self._failed = True


def _whole(text: str) -> int:
    return int(text) if text.isdigit() else 0
