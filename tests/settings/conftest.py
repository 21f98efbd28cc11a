"""Config folders written into tmp_path, so each test shows the exact file a nurse would write."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

CLINIC = "clinic:\n  name: Test clinic\n"
ROOM_1 = "room:\n  id: room-1\n  display_name: Room 1\n"

WriteConfig = Callable[..., Path]


def write_config(base: Path, clinic: str | None = CLINIC, rooms: dict[str, str] | None = None,
                 ) -> Path:
    """A config folder with clinic.yaml and rooms/<name>.yaml; None leaves a file out."""
    base.mkdir(parents=True, exist_ok=True)
    (base / "rooms").mkdir(exist_ok=True)
    if clinic is not None:
        (base / "clinic.yaml").write_text(clinic, encoding="utf-8")
    for name, text in (rooms if rooms is not None else {"room-1.yaml": ROOM_1}).items():
        (base / "rooms" / name).write_text(text, encoding="utf-8")
    return base


@pytest.fixture
def config_dir(tmp_path: Path) -> WriteConfig:
    def make(clinic: str | None = CLINIC, rooms: dict[str, str] | None = None) -> Path:
        return write_config(tmp_path / "config", clinic, rooms)

    return make
