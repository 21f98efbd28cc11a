"""Hands work from foreign threads (libVLC, paho) to the Qt thread.

`Dispatcher.post(fn)` may be called from any thread; `fn` runs later on the thread that owns the
Dispatcher (the Qt thread), through a queued signal. It is the `post` that adapters are given.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal, Slot


class Dispatcher(QObject):
    _posted = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._posted.connect(self._run, Qt.ConnectionType.QueuedConnection)

    def post(self, fn: Callable[[], None]) -> None:
        self._posted.emit(fn)

    @Slot(object)
    def _run(self, fn: Callable[[], None]) -> None:
        fn()
