"""QObjects that QML binds to. Translation between core and QML only; no clinical rules."""

import importlib
from collections.abc import Sequence

# Every module that declares @QmlElement types under "Kiosk.Backend".
_MODULES = ["kiosk.qt.room", "kiosk.qt.music", "kiosk.qt.session", "kiosk.qt.calls",
            "kiosk.qt.station", "kiosk.qt.response_times", "kiosk.qt.guide", "kiosk.qt.i18n",
            "kiosk.qt.speech"]
# What the room's first frame binds to (the call column); the room imports the rest, and so
# registers their types, as it completes itself after that frame.
ROOM_FIRST_FRAME = ["kiosk.qt.room", "kiosk.qt.calls", "kiosk.qt.i18n"]


def register_types(modules: Sequence[str] | None = None) -> None:
    """Importing a module registers its @QmlElement types; do it once, before loading QML.
    `modules`: the ones to import now (default: every one)."""
    for name in _MODULES if modules is None else modules:
        importlib.import_module(name)
