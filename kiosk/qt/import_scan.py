"""A quicker answer to the question PySide6 asks of every module imported after it.

PySide6 hooks the import system: for each module imported once PySide6 is loaded, it reads the
module's whole source through `inspect.getsource` (linecache, tokenize) to learn whether the word
"PySide6" appears in it, which decides whether its opt-in `__feature__` switches apply there. On
the way to the room's first frame that is some 70 modules and about 7 ms (measured). Reading the
file's bytes gives the same answer in about a quarter of the time. Anything that is not a plain
.py file, or a PySide6 without this hook, keeps PySide6's own behaviour.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

# Where PySide6 6.x keeps its import hook once PySide6.QtCore is loaded.
_FEATURE_MODULES = ("PySide6.support.feature", "shibokensupport.feature")


def quicken_import_scan() -> bool:
    """Import PySide6.QtCore and replace its per-module source scan; True if it was replaced."""
    import PySide6.QtCore  # noqa: F401 - loads the hook this replaces

    for name in _FEATURE_MODULES:
        feature = sys.modules.get(name)
        original = getattr(feature, "_mod_uses_pyside", None)
        if feature is None or not callable(original):
            continue
        if getattr(original, "quickened", False):
            return True

        def uses_pyside(module: ModuleType,
                        original: Callable[[ModuleType], object] = original) -> bool:
            path = getattr(module, "__file__", None)
            if isinstance(path, str) and path.endswith(".py"):
                try:
                    with open(path, "rb") as source:
                        return b"PySide6" in source.read()
                except OSError:
                    pass
            return bool(original(module))

        uses_pyside.quickened = True  # type: ignore[attr-defined]
        feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
        return True
    return False
