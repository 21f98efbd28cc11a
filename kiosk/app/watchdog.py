"""Keeping systemd told that the kiosk's screen is alive (kiosk.adapters.watchdog speaks the
protocol). READY=1 goes out after the first frame; WATCHDOG=1 from a timer on the Qt thread, so
a blocked event loop falls silent and systemd restarts the kiosk after WatchdogSec."""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from kiosk.adapters.watchdog import Notifier
from kiosk.app.shell import on_first_frame

if TYPE_CHECKING:
    from PySide6.QtQuick import QQuickWindow

log = logging.getLogger(__name__)


class Watchdog(QObject):
    def __init__(self, window: QQuickWindow, env: Mapping[str, str] | None = None) -> None:
        super().__init__(window)
        self._notifier = Notifier(os.environ if env is None else env)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._notifier.ping)
        if not self._notifier.active:
            return
        on_first_frame(window, self._first_frame)

    def _first_frame(self) -> None:
        self._notifier.ready()
        interval = self._notifier.ping_interval_ms
        log.info("told systemd the kiosk is ready watchdog_ping_ms=%d", interval)
        if interval > 0:
            self._notifier.ping()
            self._timer.start(interval)

    def stopping(self) -> None:
        self._timer.stop()
        self._notifier.stopping()
