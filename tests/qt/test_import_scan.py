"""The quicker PySide6 import scan gives PySide6's own answers, and is in place for the app."""

from __future__ import annotations

import importlib
import sys

import pytest

from kiosk.qt.import_scan import quicken_import_scan


def _feature() -> object:
    for name in ("PySide6.support.feature", "shibokensupport.feature"):
        if name in sys.modules:
            return sys.modules[name]
    pytest.fail("PySide6's import hook module was not found")


def test_the_quicker_scan_answers_as_pyside_does() -> None:
    import PySide6.QtCore  # noqa: F401

    feature = _feature()
    current = feature._mod_uses_pyside  # type: ignore[attr-defined]
    # PySide6's own scan (kept as the quicker one's fallback once replaced)
    original = current.__defaults__[0] if getattr(current, "quickened", False) else current
    assert quicken_import_scan(), "PySide6 moved its import hook: the app starts slower"
    quick = feature._mod_uses_pyside  # type: ignore[attr-defined]
    assert getattr(quick, "quickened", False)
    names = ["kiosk.qt.room", "kiosk.qt.calls", "kiosk.app.shell", "kiosk.core.clock",
             "kiosk.core.protocol", "kiosk.settings.model", "json", "sqlite3", "math"]
    answers = {}
    for name in names:
        module = importlib.import_module(name)
        answers[name] = quick(module)
        assert answers[name] == original(module), name
    # Both kinds occur: modules that use Qt, and modules that do not.
    assert answers["kiosk.qt.room"] and not answers["kiosk.core.clock"]


def test_a_second_call_keeps_one_quicker_scan() -> None:
    assert quicken_import_scan()
    first = _feature()._mod_uses_pyside  # type: ignore[attr-defined]
    assert quicken_import_scan()
    assert _feature()._mod_uses_pyside is first  # type: ignore[attr-defined]
