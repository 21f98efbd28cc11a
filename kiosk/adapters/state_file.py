"""A JSON file in the state directory that keeps the room's session across restarts.

Implements kiosk.core.session.SessionStore. Writes are atomic: a temporary file in the same
directory is written and fsynced, renamed over the old file with os.replace, then the directory is
fsynced so the rename itself survives a power cut. A reader therefore sees the old file or the new
one, never half of one. A file that cannot be parsed is moved aside (kept for a look, it holds no
patient data) and read as "no session", with one log line.

Runs on the caller's thread (the Qt thread); a save is one small write and two fsyncs.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

TEMP_PREFIX = ".tmp-"


class SessionStateFile:
    def __init__(self, path: Path) -> None:
        self._path = path

    @property
    def path(self) -> Path:
        return self._path

    def load(self) -> dict[str, Any] | None:
        self._remove_leftover_temps()
        try:
            raw = self._path.read_bytes()
        except FileNotFoundError:
            return None
        import json  # here and in save(): the room's first frame usually reads no file (~2 ms)

        try:
            data = json.loads(raw.decode("utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            self._set_aside(f"not valid JSON: {e}")
            return None
        if not isinstance(data, dict):
            self._set_aside(f"expected a JSON object, got {type(data).__name__}")
            return None
        return data

    def save(self, state: dict[str, Any]) -> None:
        import json

        directory = self._path.parent
        directory.mkdir(parents=True, exist_ok=True)
        payload = json.dumps(state, indent=1, sort_keys=True, allow_nan=False).encode("utf-8")
        fd, temp_name = tempfile.mkstemp(dir=directory, prefix=TEMP_PREFIX + self._path.name)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(payload)
                f.flush()
                os.fsync(f.fileno())
            os.replace(temp_name, self._path)
        except BaseException:
            Path(temp_name).unlink(missing_ok=True)
            raise
        _fsync_directory(directory)

    def clear(self) -> None:
        try:
            self._path.unlink()
        except FileNotFoundError:
            return
        _fsync_directory(self._path.parent)

    def _set_aside(self, reason: str) -> None:
        aside = self._path.with_name(self._path.name + ".unreadable")
        log.warning("saved session file is unreadable, starting with no session path=%s "
                    "kept_as=%s reason=%s", self._path, aside.name, reason)
        try:
            os.replace(self._path, aside)
        except OSError as e:
            log.warning("could not move unreadable session file aside path=%s reason=%s",
                        self._path, e)

    def _remove_leftover_temps(self) -> None:
        """A crash between mkstemp and os.replace leaves a temp file; it never became the state."""
        directory = self._path.parent
        if not directory.is_dir():
            return
        for leftover in directory.glob(TEMP_PREFIX + self._path.name + "*"):
            leftover.unlink(missing_ok=True)
            log.info("removed half-written session file path=%s", leftover)


def _fsync_directory(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
