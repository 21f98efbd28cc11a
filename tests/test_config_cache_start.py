"""The room started twice: the second start takes its settings from the cache of the first, and
still finds out, after its first frame, when the files say something else."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from tests.test_startup import Process, room_env

ROOT = Path(__file__).resolve().parents[1]


def test_a_second_start_uses_the_cache_and_applies_files_that_differ_from_it(
        tmp_path: Path) -> None:
    config = tmp_path / "config"
    shutil.copytree(ROOT / "config", config)
    env = room_env(tmp_path)
    args = ["room", "--windowed", "--config", str(config)]
    first = Process(args, env)
    first.wait_for("first frame screen=room")
    assert any("config cache: none yet" in x for x in first.lines)
    assert first.stop() == 0
    # An edit the cache cannot see (same size, same modification time) is still applied.
    room_file = config / "rooms" / "room-1.yaml"
    before = room_file.stat()
    text = room_file.read_text()
    assert "Room 1" in text
    room_file.write_text(text.replace("Room 1", "Room 9"))
    os.utime(room_file, ns=(before.st_atime_ns, before.st_mtime_ns))
    second = Process(args, env)
    second.wait_for("first frame screen=room")
    assert not any("none yet" in x or "cache ignored" in x for x in second.lines), (
        "the second start took its settings from the cache")
    second.wait_for("files differ from the cached settings")
    assert "room name" in second.wait_for("config reloaded changed=")
    assert second.stop() == 0
