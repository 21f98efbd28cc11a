"""Hands work from foreign threads (libVLC, paho) to the Qt thread.

`Dispatcher.post(fn)` may be called from any thread; `fn` runs later on the thread that owns the
Dispatcher (the Qt thread), through a queued signal. It is the `post` that adapters are given.
A posted function that raises is logged (once per source and kind of error, repeats counted) and
goes no further: an exception that reached Qt's event loop could end the program, and the next
posted function (the next call, receipt or track) must still run.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal, Slot

from kiosk.core.failures import FailureLog

log = logging.getLogger(__name__)


class Dispatcher(QObject):
    _posted = Signal(object, str)

    def __init__(self, parent: QObject | None = None, *,
                 failures: FailureLog | None = None) -> None:
        super().__init__(parent)
        self._failures = failures or FailureLog(log, "posted function failed")
        self._posted.connect(self._run, Qt.ConnectionType.QueuedConnection)

    def post(self, fn: Callable[[], None], *, source: str = "") -> None:
        """`source` names where `fn` came from in the log (default: the function's name)."""
        self._posted.emit(fn, source)

    @Slot(object, str)
    def _run(self, fn: Callable[[], None], source: str) -> None:
        try:
            fn()
        except Exception as e:
            self._failures.report(source or getattr(fn, "__qualname__", repr(fn)), e)
