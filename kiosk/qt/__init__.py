"""QObjects that QML binds to. Translation between core and QML only; no clinical rules."""

import importlib

# Every module that declares @QmlElement types under "Kiosk.Backend".
_MODULES = ["kiosk.qt.room", "kiosk.qt.music", "kiosk.qt.session", "kiosk.qt.calls",
            "kiosk.qt.station", "kiosk.qt.response_times", "kiosk.qt.guide", "kiosk.qt.i18n",
            "kiosk.qt.speech"]


def register_types() -> None:
    """Importing a module registers its @QmlElement types; do it once, before loading QML."""
    for name in _MODULES:
        importlib.import_module(name)
