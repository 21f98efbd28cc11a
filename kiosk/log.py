"""One line per event on stderr, in a shape journald and grep both read well.

`2026-11-25T22:40:01.123Z INFO kiosk.app.shell first frame ms=142`. Under systemd
(JOURNAL_STREAM set) the timestamp is left to the journal.
"""

from __future__ import annotations

import logging
import os
import sys
import time


class _LineFormatter(logging.Formatter):
    def __init__(self, with_time: bool) -> None:
        super().__init__()
        self._with_time = with_time

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage().replace("\n", " | ")
        if record.exc_info:
            error = record.exc_info[1]
            message += f" error={type(error).__name__}: {error}".replace("\n", " | ")
        head = f"{record.levelname} {record.name} {message}"
        if not self._with_time:
            return head
        stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
        return f"{stamp}.{int(record.msecs):03d}Z {head}"


def setup_logging(level: str | None = None) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_LineFormatter(with_time="JOURNAL_STREAM" not in os.environ))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level or os.environ.get("KIOSK_LOG_LEVEL", "INFO"))
