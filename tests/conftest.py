"""Suite-wide set-up: Qt renders offscreen in software, and nothing writes outside tmp dirs."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")
os.environ.setdefault("QT_QUICK_CONTROLS_STYLE", "Basic")
for _var in ("KIOSK_CONFIG", "KIOSK_ROOM", "KIOSK_STATE_DIR", "KIOSK_BROKER"):
    os.environ.pop(_var, None)

import subprocess  # noqa: E402

import pytest  # noqa: E402

# The compiled translations (as scripts/setup.sh makes them), for a run of pytest on its own.
subprocess.run([sys.executable, str(ROOT / "scripts" / "build_translations.py")], check=True)


@pytest.fixture(autouse=True)
def _private_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test writes its state into its own temporary directory."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))


@pytest.fixture(scope="session")
def qapp() -> object:
    """pytest-qt's application is the app's own: the same style, QML types and translations."""
    from kiosk.app.shell import create_gui_app

    return create_gui_app()
