"""The start-up cache of the last validated configuration (kiosk.settings.cache): used only
while nothing it was built from has changed, and ignored, with one log line, when it is stale,
damaged or written by another version of the program."""

from __future__ import annotations

import logging
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.settings import cache as config_cache
from kiosk.settings import load_config
from kiosk.settings.cache import cache_file, config_folder, store_config, stored_config
from tests.settings.conftest import ROOM_1, WriteConfig

ROOT = Path(__file__).resolve().parents[2]


def env_for(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {"KIOSK_STATE_DIR": str(tmp_path / "state"), "HOME": str(tmp_path)}
    env.update(extra)
    return env


def cached(config: Path, env: dict[str, str]) -> object:
    store_config(load_config(config, env), config, env)
    return stored_config(config, env)


def test_an_unchanged_config_folder_starts_from_the_cache_with_the_same_settings(
        config_dir: WriteConfig, tmp_path: Path) -> None:
    config, env = config_dir(), env_for(tmp_path)
    assert stored_config(config, env) is None, "nothing cached before the first start"
    assert cached(config, env) == load_config(config, env)


def test_the_cache_is_read_without_the_yaml_checker(config_dir: WriteConfig,
                                                      tmp_path: Path) -> None:
    config, env = config_dir(), env_for(tmp_path)
    store_config(load_config(config, env), config, env)
    script = ("import sys; from pathlib import Path; "
              "from kiosk.settings.cache import stored_config; "
              f"found = stored_config(Path({str(config)!r}), {env!r}); "
              "print(found is not None, 'yaml' in sys.modules, "
              "'kiosk.settings.validate' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout.split()
    assert out == ["True", "False", "False"]


def test_a_changed_room_file_is_read_again(config_dir: WriteConfig, tmp_path: Path) -> None:
    config, env = config_dir(), env_for(tmp_path)
    assert cached(config, env) is not None
    (config / "rooms" / "room-1.yaml").write_text(ROOM_1.replace("Room 1", "Room One"))
    assert stored_config(config, env) is None


def test_an_edit_of_the_same_size_is_seen_by_its_modification_time(
        config_dir: WriteConfig, tmp_path: Path) -> None:
    config, env = config_dir(), env_for(tmp_path)
    assert cached(config, env) is not None
    room = config / "rooms" / "room-1.yaml"
    before = room.stat().st_mtime_ns
    room.write_text(ROOM_1.replace("Room 1", "Room 2"))
    os.utime(room, ns=(before + 1_000_000, before + 1_000_000))
    assert stored_config(config, env) is None


def test_a_new_room_file_or_content_file_is_read_again(config_dir: WriteConfig,
                                                       tmp_path: Path) -> None:
    config, env = config_dir(), env_for(tmp_path)
    assert cached(config, env) is not None
    (config / "rooms" / "room-2.yaml").write_text(ROOM_1.replace("1", "2"))
    assert stored_config(config, env) is None
    assert cached(config, env) is not None
    (config / "content").mkdir()
    (config / "content" / "en.yaml").write_text("guide: []\n")
    assert stored_config(config, env) is None


def test_a_changed_environment_is_read_again(config_dir: WriteConfig, tmp_path: Path) -> None:
    config, env = config_dir(), env_for(tmp_path)
    assert cached(config, env) is not None
    assert stored_config(config, env | {"KIOSK_BROKER": "mqtt://10.0.0.9:1883"}) is None
    assert stored_config(config, env | {"KIOSK_ROOM": "room-1"}) is None


def test_a_damaged_cache_file_is_ignored_with_one_log_line(
        config_dir: WriteConfig, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    config, env = config_dir(), env_for(tmp_path)
    assert cached(config, env) is not None
    path = cache_file(config_folder(config, env), env)
    path.write_bytes(path.read_bytes()[:40])
    with caplog.at_level(logging.INFO, logger="kiosk.settings.cache"):
        assert stored_config(config, env) is None
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 1 and "damaged" in lines[0]


def test_a_cache_from_another_version_of_the_program_is_ignored(
        config_dir: WriteConfig, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    config, env = config_dir(), env_for(tmp_path)
    assert cached(config, env) is not None
    monkeypatch.setattr(config_cache, "_code_stamp", lambda: [("model.py", 1, 2)])
    with caplog.at_level(logging.INFO, logger="kiosk.settings.cache"):
        assert stored_config(config, env) is None
    assert "program changed" in caplog.text
    monkeypatch.setattr(config_cache, "FORMAT", config_cache.FORMAT + 1)
    assert stored_config(config, env) is None


class _Planted:
    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (print, ("planted code ran",))


def test_a_cache_holding_anything_but_settings_is_refused_without_running_it(
        config_dir: WriteConfig, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config, env = config_dir(), env_for(tmp_path)
    assert cached(config, env) is not None
    path = cache_file(config_folder(config, env), env)
    key = config_cache.cache_key(config_folder(config, env), env)
    path.write_bytes(pickle.dumps((key, _Planted())))
    assert stored_config(config, env) is None
    assert "planted code ran" not in capsys.readouterr().out


def test_a_state_folder_that_cannot_be_written_only_costs_the_cache(
        config_dir: WriteConfig, tmp_path: Path) -> None:
    config = config_dir()
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the state folder should be")
    env = env_for(tmp_path, KIOSK_STATE_DIR=str(blocker))
    store_config(load_config(config, env), config, env)
    assert stored_config(config, env) is None


def test_two_rooms_sharing_a_state_folder_keep_a_cache_each(config_dir: WriteConfig,
                                                             tmp_path: Path) -> None:
    config = config_dir(rooms={"room-1.yaml": ROOM_1,
                               "room-2.yaml": ROOM_1.replace("1", "2")})
    first, second = (env_for(tmp_path, KIOSK_ROOM=room) for room in ("room-1", "room-2"))
    assert cached(config, first) is not None
    assert cached(config, second) is not None
    assert stored_config(config, first) is not None, "the second room's start kept the first's"


def _short_text(text: str) -> bytes:
    data = text.encode()
    return b"\x8c" + bytes([len(data)]) + data  # SHORT_BINUNICODE


def test_a_cache_cannot_reach_through_one_of_our_modules_to_what_it_imports() -> None:
    import io

    # Protocol 4 names a global by a dotted path: kiosk.settings.cache -> os.getcwd, then calls it.
    payload = (b"\x80\x04" + _short_text("kiosk.settings.cache") + _short_text("os.getcwd")
               + b"\x93" + b")" + b"R" + b".")
    with pytest.raises(pickle.UnpicklingError, match="not part of a configuration"):
        config_cache._SettingsUnpickler(io.BytesIO(payload)).load()
