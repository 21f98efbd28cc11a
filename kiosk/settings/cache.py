"""The last validated configuration, kept in the state folder so that the room's first frame
does not wait for the YAML files to be read and checked again (about 60 ms on a tablet).

`stored_config` gives the cached Config only when nothing it was built from has changed: the
same config folder, every clinic.yaml, rooms/*.yaml and content/*.yaml with the same size and
modification time (and no file added or removed), the same KIOSK_* environment (and XDG_STATE_HOME
and HOME, which choose the state folder), the same Python and the same code in kiosk/settings and
kiosk/core. Anything else, or a cache file that is corrupt or unreadable, gives None with one log
line, and the caller loads the files as usual. The app still reads the files again after the
first frame and applies any difference (kiosk.app.room).

The cache lives in the state folder the environment names (KIOSK_STATE_DIR, else the XDG state
folder), since the one clinic.yaml may name is not known before clinic.yaml is read. It holds
what the YAML says, nothing more: trusting it grants nothing the files would not. Only the
classes of kiosk.core, kiosk.settings and pathlib may be read back from it.
"""

from __future__ import annotations

import _pickle  # pickle's C core: the pickle module adds ~3 ms of set-up before the first frame
import io
import logging
import os
import sys
import zlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from kiosk.settings.model import Config

log = logging.getLogger(__name__)

FORMAT = 1
PICKLE_PROTOCOL = 5
CACHE_FOLDER = "config-cache"
READ_FOLDERS = ("rooms", "content")
# Besides KIOSK_*: the variables that choose the state folder.
STATE_VARIABLES = ("XDG_STATE_HOME", "HOME")
_CODE = (Path(__file__).resolve().parent, Path(__file__).resolve().parents[1] / "core")
_ALLOWED_MODULES = ("kiosk.core.", "kiosk.settings.", "pathlib")


def default_config_dir() -> Path:
    """The repository's config/ folder: the shipped demo."""
    return Path(__file__).resolve().parents[2] / "config"


def config_folder(config_dir: Path | None, env: Mapping[str, str]) -> Path:
    """The folder the configuration is read from: --config, else KIOSK_CONFIG, else config/."""
    if config_dir is None:
        config_dir = Path(env["KIOSK_CONFIG"]) if env.get("KIOSK_CONFIG") else default_config_dir()
    return config_dir.expanduser().resolve()


def cache_file(folder: Path, env: Mapping[str, str]) -> Path:
    """Where the cached configuration of `folder` is kept: one file per config folder and
    environment, so that two rooms sharing a state folder (the demo) keep one each."""
    if env.get("KIOSK_STATE_DIR"):
        state = Path(env["KIOSK_STATE_DIR"]).expanduser().resolve()
    elif env.get("XDG_STATE_HOME"):
        state = Path(env["XDG_STATE_HOME"]) / "infusion-kiosk"
    else:
        home = Path(env["HOME"]) if env.get("HOME") else Path.home()
        state = home / ".local" / "state" / "infusion-kiosk"
    # A name, not a secret: two checksums of the folder and the environment.
    text = repr((str(folder), _environment(env))).encode()
    name = f"{zlib.crc32(text):08x}{zlib.adler32(text):08x}"
    return state / CACHE_FOLDER / f"{name}.pickle"


def cache_key(folder: Path, env: Mapping[str, str]) -> dict[str, Any]:
    """Everything the loaded configuration depends on, cheaply: stat, not read."""
    files = [folder / "clinic.yaml"]
    for name in READ_FOLDERS:
        files.extend(sorted((folder / name).glob("*.yaml")))
    return {
        "format": FORMAT,
        "python": sys.version,
        "code": _code_stamp(),
        "folder": str(folder),
        "files": [_stamp(path) for path in files],
        "env": _environment(env),
    }


def _environment(env: Mapping[str, str]) -> list[tuple[str, str]]:
    return sorted((k, v) for k, v in env.items() if k.startswith("KIOSK_") or k in STATE_VARIABLES)


def stored_config(config_dir: Path | None, env: Mapping[str, str]) -> Config | None:
    """The cached configuration, when nothing it was built from has changed; else None."""
    folder = config_folder(config_dir, env)
    path = cache_file(folder, env)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        log.info("config cache: none yet path=%s", path)
        return None
    except OSError as error:
        log.info("config cache ignored: cannot be read (%s)", error)
        return None
    try:
        key, config = _SettingsUnpickler(io.BytesIO(data)).load()
    except Exception as error:  # noqa: BLE001 - any damage to the file means: read the YAML
        log.info("config cache ignored: the file is damaged (%s)", error)
        return None
    if not isinstance(config, Config):
        log.info("config cache ignored: it holds no configuration")
        return None
    if key != cache_key(folder, env):
        log.info("config cache ignored: the config files, environment or program changed")
        return None
    return config


def store_config(config: Config, config_dir: Path | None, env: Mapping[str, str]) -> None:
    """Keep a configuration that just validated, for the next start. A failure is logged and
    otherwise ignored: the next start reads the YAML."""
    folder = config_folder(config_dir, env)
    path = cache_file(folder, env)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial")
        partial.write_bytes(_pickle.dumps((cache_key(folder, env), config),
                                          protocol=PICKLE_PROTOCOL))
        os.replace(partial, path)
    except (OSError, _pickle.PicklingError) as error:
        log.info("config cache not written: %s", error)


def _stamp(path: Path) -> tuple[str, int, int]:
    try:
        found = path.stat()
    except OSError:
        return str(path), -1, -1
    return str(path), found.st_mtime_ns, found.st_size


def _code_stamp() -> list[tuple[str, int, int]]:
    return [_stamp(path) for folder in _CODE for path in sorted(folder.glob("*.py"))]


class _SettingsUnpickler(_pickle.Unpickler):
    """Reads back only the configuration's own types, never an arbitrary callable."""

    def find_class(self, module: str, name: str) -> Any:
        # A class defined in one of our modules (or a pathlib path), named directly: never a
        # dotted name, which would reach through a module's imports (os.system and the like).
        if module.startswith(_ALLOWED_MODULES) and "." not in name:
            found = super().find_class(module, name)
            if isinstance(found, type) and found.__module__ == module:
                return found
        raise _pickle.UnpicklingError(f"{module}.{name} is not part of a configuration")
