"""Config reload: a changed config folder is picked up without a restart when it validates.

`ConfigReloader` watches clinic.yaml, rooms/*.yaml and content/*.yaml (and their folders, so a
new file or one an editor replaced by renaming is seen too), waits for the writes to settle
(about a second), then reads the whole folder again through kiosk.settings. A folder that
validates is applied to the running room (`apply_settings`); one that does not leaves the room on
its last good settings, and the nurse panel's "For IT" page lists the problems.

What a reload applies live: request labels and priorities, session templates (a running session
keeps the template it started with), the guide content, the room's display name, the volume cap
and default level, the playlists (the music stops only if the playing playlist is gone), the
nurse PIN and its lockout settings, the rest and night dimming settings. The broker's address and
the state folder take a restart.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from kiosk.qt.calls import RequestChoice
from kiosk.qt.nurse import ReloadPart
from kiosk.settings import ConfigError, Problem, load_config, resolve_room

log = logging.getLogger(__name__)

DEBOUNCE_MS = 1000
WATCHED_FOLDERS = ("rooms", "content")


def changed_parts(old: Any, old_room: Any, new: Any, new_room: Any) -> list[ReloadPart]:
    """What differs between two loaded configurations, for this room."""
    before, after = old.clinic, new.clinic
    parts = []
    if before.requests != after.requests:
        parts.append(ReloadPart.REQUESTS)
    if before.session_templates != after.session_templates:
        parts.append(ReloadPart.TEMPLATES)
    if before.content != after.content:
        parts.append(ReloadPart.GUIDE)
    if old_room.display_name != new_room.display_name:
        parts.append(ReloadPart.ROOM_NAME)
    if old_room.music != new_room.music:
        parts.append(ReloadPart.MUSIC)
    if before.nurse != after.nurse:
        parts.append(ReloadPart.NURSE)
    if before.display != after.display:
        parts.append(ReloadPart.DISPLAY)
    if (before.broker, old.state_dir) != (after.broker, new.state_dir):
        parts.append(ReloadPart.NEEDS_RESTART)
    return parts


def apply_settings(room: Any, config: Any, room_settings: Any) -> None:
    """Hand a validated configuration to each controller of the running room (kiosk.app.room's
    Room); each keeps what a patient is in the middle of."""
    clinic = config.clinic
    nurse = clinic.nurse
    room.room.nurse.apply_settings(nurse.pin_hash, max_tries=nurse.max_pin_tries,
                                   lockout_minutes=nurse.lockout_minutes,
                                   auto_lock_minutes=nurse.auto_lock_minutes)
    room.room.set_room_name(room_settings.display_name)
    room.calls.set_choices([RequestChoice(r.id, r.label, r.priority) for r in clinic.requests])
    room.session.set_templates(list(clinic.session_templates))
    room.guide.set_contents(clinic.content)
    music = room_settings.music
    if room.music.apply_settings(music.playlists, music.default_volume_percent):
        room.rescan(music.playlists)
    on_tablet = room.desk.property("onTablet")
    on_tablet.set_clinic_cap(music.volume_cap_percent)
    on_tablet.set_clinic_night(clinic.display.night)
    on_tablet.set_clinic_playlist(music.default_playlist, [p.name for p in music.playlists])
    room.desk.set_rest_default(clinic.display.rest_after_idle_minutes)
    room.config = config


class ConfigReloader(QObject):
    """Watches the config folder on the Qt thread and reloads it once the writes settle."""

    # The parts a valid reload changed; the problems of one that did not validate.
    reloaded = Signal(list)
    refused = Signal(list)

    def __init__(self, room: Any, env: Mapping[str, str],
                 apply: Callable[[Any, Any, Any], None] = apply_settings,
                 debounce_ms: int = DEBOUNCE_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._room = room
        self._room_id = room.room_id
        self._env = dict(env)
        self._apply = apply
        self._config = room.config
        self._room_settings = self._config.room(self._room_id)
        self._folder: Path = self._config.config_dir
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._changed)
        self._watcher.directoryChanged.connect(self._changed)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(debounce_ms)
        self._settle.timeout.connect(self.reload)
        self._watch()

    def watched(self) -> list[str]:
        return sorted(self._watcher.files() + self._watcher.directories())

    def _watch(self) -> None:
        """(Again) watch every config file: an editor that saves by writing a new file and
        renaming it over the old one ends the old file's watch."""
        paths = [self._folder, self._folder / "clinic.yaml"]
        for name in WATCHED_FOLDERS:
            folder = self._folder / name
            paths.append(folder)
            paths.extend(sorted(folder.glob("*.yaml")))
        wanted = {str(p) for p in paths if p.exists()}
        missing = wanted - set(self._watcher.files()) - set(self._watcher.directories())
        if missing:
            self._watcher.addPaths(sorted(missing))

    def _changed(self, path: str) -> None:
        log.debug("config file changed path=%s", path)
        self._settle.start()

    def reload(self) -> None:
        self._watch()
        try:
            config = load_config(self._folder, self._env)
            room_settings = resolve_room(config, self._room_id, {})
        except ConfigError as error:
            self._refuse(list(error.problems))
            return
        parts = changed_parts(self._config, self._room_settings, config, room_settings)
        self._apply(self._room, config, room_settings)
        self._config, self._room_settings = config, room_settings
        log.info("config reloaded changed=%s",
                 ",".join(p.value for p in parts) if parts else "nothing")
        self._room.desk.set_reload_result(parts, [])
        self._room.desk.set_config_problems(self._resource_problems(config))
        self.reloaded.emit(parts)

    def _resource_problems(self, config: Any) -> list[str]:
        """What the new files name on disk (missing music, an unreadable broker file)."""
        from kiosk.settings import resource_problems

        return [str(p).replace("\n", " ") for p in resource_problems(config, self._env)]

    def _refuse(self, problems: list[Problem]) -> None:
        lines = [str(p).replace("\n", " ") for p in problems]
        for line in lines:
            log.warning("config not reloaded: %s", line)
        self._room.desk.set_reload_result([], lines)
        self.refused.emit(lines)
