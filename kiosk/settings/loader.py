"""Reading and checking config/ (kiosk.settings re-exports what is public here)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from kiosk.settings.cache import config_folder, default_config_dir
from kiosk.settings.content import (
    ContentFile,
    build_content,
    check_content,
    read_content,
    reading_level_warnings,
    topic_ids,
)
from kiosk.settings.errors import ConfigError, Problem, Severity, format_problems
from kiosk.settings.model import (
    Config,
    RoomFile,
    RoomSettings,
    build_clinic,
    build_room,
    cross_check,
    resolve_room,
    unknown_room,
)
from kiosk.settings.reference import reference_markdown
from kiosk.settings.resources import (
    Where,
    broker_file_problems,
    music_problems,
    state_dir_problems,
)
from kiosk.settings.schema import CLINIC_OPTIONS, ROOM_OPTIONS
from kiosk.settings.validate import Checked, FileChecker, parse_broker_url
from kiosk.settings.yamlload import Map, load_yaml

__all__ = [
    "Config",
    "ConfigError",
    "Problem",
    "RoomSettings",
    "Severity",
    "check_config",
    "default_config_dir",
    "format_problems",
    "inspect_config",
    "load_config",
    "reference_markdown",
    "resolve_room",
    "resource_problems",
]

CLINIC_FILE = "clinic.yaml"
ROOMS_DIR = "rooms"
ENVIRONMENT = "environment"


def load_config(config_dir: Path | None = None,
                 env: Mapping[str, str] = os.environ) -> Config:
    """Read and check the whole configuration. Raises ConfigError listing every error.

    What the files name on disk is not looked at here (the music folders are not scanned, an
    unusable broker file does not stop the room: its link says so on screen); the app asks
    `resource_problems` for those.
    """
    config, problems = _load(config_dir, env, on_disk=False)
    if config is None:
        raise ConfigError(problems)
    return config


def check_config(config_dir: Path | None = None,
                 env: Mapping[str, str] = os.environ) -> list[Problem]:
    """Every problem in the configuration, errors first, then warnings. No errors means it is
    good to use; warnings name the parts that will run degraded."""
    return inspect_config(config_dir, env)[1]


def inspect_config(config_dir: Path | None = None, env: Mapping[str, str] = os.environ,
                   ) -> tuple[Config | None, list[Problem]]:
    """The configuration (None when it has an error) and every problem: errors, then warnings.
    What `python main.py check-config` prints."""
    return _load(config_dir, env, on_disk=True)


def resource_problems(config: Config, env: Mapping[str, str] = os.environ) -> list[Problem]:
    """What a loaded configuration names on disk, looked at now: errors first, then warnings.

    Errors: a broker password file that is missing, unreadable or empty; a CA file that is
    missing, unreadable or holds no PEM certificate. Warnings (`Problem.is_warning`): a playlist's
    music folder or M3U file that is missing or holds nothing playable (with the count found), a
    cover image that cannot be read, a state folder that cannot be created or written. Each names
    its file, the line of the key, the dotted key and a hint, like every other problem. For the
    app to log at start-up and to show degraded parts; the files are read again for their lines.
    Nothing is created or written.
    """
    clinic, rooms, _content, problems = _check_files(config.config_dir)
    if problems:
        return problems  # the files changed since the configuration was loaded
    return _ordered(_resources(config, clinic, rooms, env))


def _load(config_dir: Path | None, env: Mapping[str, str], on_disk: bool,
          ) -> tuple[Config | None, list[Problem]]:
    base = config_folder(config_dir, env)
    if not base.is_dir():
        return None, [Problem(str(base), None, "", "the config folder does not exist",
                              "check --config or KIOSK_CONFIG")]
    clinic, rooms, content, problems = _check_files(base)
    broker_url, env_problems = _environment(env, clinic.values.get("broker.url", ""))
    problems += env_problems
    if problems:
        return None, _ordered(problems)
    config = Config(
        config_dir=base,
        clinic=build_clinic(clinic.values, base, broker_url, build_content(content or [])),
        rooms=tuple(build_room(r, clinic.values["clinic.language"]) for r in rooms),
        state_dir=_state_dir(base, clinic.values["state_dir"], env),
    )
    room_id = env.get("KIOSK_ROOM")
    if room_id and room_id not in {r.id for r in config.rooms}:
        return None, [unknown_room(config, room_id, "KIOSK_ROOM")]
    if not on_disk:
        return config, []
    found = _ordered(_resources(config, clinic, rooms, env) + _content_warnings(content))
    has_error = any(not p.is_warning for p in found)
    return (None if has_error else config), found


def _check_files(base: Path,
                 ) -> tuple[Checked, list[RoomFile], list[ContentFile] | None, list[Problem]]:
    """Every file read and checked against the schema, and the problems that span files.
    The content files are None when the config folder has no content/."""
    clinic_checker = FileChecker(CLINIC_FILE)
    clinic_tree, problems = _read(base / CLINIC_FILE, CLINIC_FILE)
    clinic = clinic_checker.check_file(clinic_tree, CLINIC_OPTIONS)
    problems += clinic_checker.problems
    rooms, room_problems = _read_rooms(base)
    problems += room_problems
    content, content_problems = read_content(base)
    problems += content_problems
    if content is not None:
        problems += check_content(content, clinic, CLINIC_FILE,
                                  [(r.shown_as, r.checked) for r in rooms])
    problems += cross_check(clinic, CLINIC_FILE, rooms,
                            None if content is None else topic_ids(content))
    return clinic, rooms, content, problems


def _resources(config: Config, clinic: Checked, rooms: list[RoomFile], env: Mapping[str, str],
               ) -> list[Problem]:
    """What the files name on disk: the broker's files (errors); playlists, covers and the
    state folder (warnings)."""
    return (broker_file_problems(config, clinic, CLINIC_FILE) + music_problems(config, rooms)
            + state_dir_problems(config.state_dir, _state_dir_origin(clinic, env)))


def _ordered(problems: list[Problem]) -> list[Problem]:
    """Errors, then warnings; each by file, then line, so the list reads top to bottom like the
    files (a stable sort keeps the order found within a line)."""
    return sorted(problems, key=lambda p: (p.severity is Severity.WARNING, p.file, p.line or 0))


def _read(path: Path, shown_as: str) -> tuple[Map | None, list[Problem]]:
    if not path.is_file():
        return None, [Problem(shown_as, None, "", "the file is missing",
                              "every config folder needs clinic.yaml; copy the shipped one")]
    return load_yaml(path, shown_as)


def _read_rooms(base: Path) -> tuple[list[RoomFile], list[Problem]]:
    paths = sorted((base / ROOMS_DIR).glob("*.yaml"))
    if not paths:
        return [], [Problem(f"{ROOMS_DIR}/", None, "", "no room files found",
                            "add rooms/room-1.yaml with room.id and room.display_name")]
    rooms: list[RoomFile] = []
    problems: list[Problem] = []
    for path in paths:
        shown_as = f"{ROOMS_DIR}/{path.name}"
        tree, read_problems = load_yaml(path, shown_as)
        checker = FileChecker(shown_as)
        checked = checker.check_file(tree, ROOM_OPTIONS)
        problems += read_problems + checker.problems
        rooms.append(RoomFile(shown_as, path, checked))
    return rooms, problems


def _content_warnings(content: list[ContentFile] | None) -> list[Problem]:
    return [] if content is None else reading_level_warnings(content)


def _environment(env: Mapping[str, str], broker_url: str) -> tuple[str, list[Problem]]:
    override = env.get("KIOSK_BROKER")
    if not override:
        return broker_url, []
    if parse_broker_url(override) is None:
        return broker_url, [Problem(ENVIRONMENT, None, "KIOSK_BROKER",
                                    f'must be mqtt://host:port or mqtts://host:port '
                                    f'(got "{override}")', "for example mqtt://127.0.0.1:1883")]
    return override, []


def _state_dir(base: Path, configured: str, env: Mapping[str, str]) -> Path:
    """KIOSK_STATE_DIR, else state_dir from clinic.yaml, else the XDG state folder."""
    if env.get("KIOSK_STATE_DIR"):
        return Path(env["KIOSK_STATE_DIR"]).expanduser().resolve()
    if configured:
        path = Path(configured).expanduser()
        return path if path.is_absolute() else (base / path).resolve()
    if env.get("XDG_STATE_HOME"):
        return Path(env["XDG_STATE_HOME"]) / "infusion-kiosk"
    home = Path(env["HOME"]) if env.get("HOME") else Path.home()
    return home / ".local" / "state" / "infusion-kiosk"


def _state_dir_origin(clinic: Checked, env: Mapping[str, str]) -> Where:
    """Where the state folder was chosen, in the order `_state_dir` follows."""
    if env.get("KIOSK_STATE_DIR"):
        return Where(ENVIRONMENT, None, "KIOSK_STATE_DIR")
    return Where(CLINIC_FILE, clinic.lines.get("state_dir"), "state_dir")
