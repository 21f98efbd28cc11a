"""The only reader of config/: load, check and document the configuration.

Reads config/clinic.yaml, every config/rooms/*.yaml and every config/content/<language>.yaml
(what the patient reads, content.py), checks them against the one schema in schema.py, and
returns frozen dataclasses. Every problem is collected before anything is raised.
The environment overrides the files: KIOSK_CONFIG, KIOSK_ROOM, KIOSK_STATE_DIR, KIOSK_BROKER.

check-config then looks at what the files name on disk (resources.py): an error there (a broker
password or CA file the room could not connect with) fails the check; a warning
(`Problem.is_warning`) names a part that will run degraded: a playlist with nothing playable, a
missing cover, a state folder that cannot be written. The room and the station do not refuse to
start over these: they come up with the call button and say on screen which part is degraded.

The loader and its YAML checker are imported on first use, not with the package: the room's
first frame takes its configuration from the start-up cache (cache.py) when it can, and needs
only the model's types then.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.settings.loader import (
        Config,
        ConfigError,
        Problem,
        RoomSettings,
        Severity,
        check_config,
        default_config_dir,
        format_problems,
        inspect_config,
        load_config,
        reference_markdown,
        resolve_room,
        resource_problems,
    )

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


def __getattr__(name: str) -> Any:
    loader = importlib.import_module("kiosk.settings.loader")
    try:
        return getattr(loader, name)
    except AttributeError:
        raise AttributeError(f"module 'kiosk.settings' has no attribute {name!r}") from None
