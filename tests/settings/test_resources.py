"""What the configuration names on disk, as the settings API reports it: an error stops the
configuration, a warning leaves the room running with one part degraded."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.settings import (
    check_config,
    inspect_config,
    load_config,
    resource_problems,
)
from kiosk.settings.resources import SCAN_LIMIT, MusicCount, count_playable
from tests.settings.conftest import CLINIC, ROOM_1, WriteConfig


def _room_with(playlist: str) -> str:
    return ROOM_1 + "music:\n  playlists:\n" + playlist


def _tracks(folder: Path, *names: str, content: bytes = b"music") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_bytes(content)
    return folder


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {"KIOSK_STATE_DIR": str(tmp_path / "state")}


def test_a_missing_password_file_fails_the_check_with_its_line_but_not_the_room(
        config_dir: WriteConfig, env: dict[str, str]) -> None:
    base = config_dir(clinic=CLINIC + "broker:\n  password_file: secret.txt\n")
    assert [str(p) for p in check_config(base, env)] == [
        f"clinic.yaml line 4: broker.password_file: the password file {base}/secret.txt does "
        "not exist\n  hint: check the path; a relative path starts from the config folder"]
    # The room still starts (with its call button, saying the link cannot connect).
    assert load_config(base, env).clinic.broker.password_file == base / "secret.txt"


def test_a_password_file_of_spaces_is_empty(
        config_dir: WriteConfig, env: dict[str, str], tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("  \n\n")
    base = config_dir(clinic=CLINIC + f"broker:\n  password_file: {secret}\n")
    [problem] = check_config(base, env)
    assert (problem.line, problem.key, problem.is_warning) == (4, "broker.password_file", False)
    assert problem.message == f"the password file {secret} is empty"


def test_a_password_file_that_is_not_text_is_an_error(
        config_dir: WriteConfig, env: dict[str, str], tmp_path: Path) -> None:
    secret = tmp_path / "secret.bin"
    secret.write_bytes(b"\xff\xfe\x00s")
    base = config_dir(clinic=CLINIC + f"broker:\n  password_file: {secret}\n")
    assert [p.message for p in check_config(base, env)] == [
        f"the password file {secret} is not text"]


def test_a_folder_given_as_the_ca_file_is_an_error(
        config_dir: WriteConfig, env: dict[str, str], tmp_path: Path) -> None:
    base = config_dir(clinic=CLINIC + f"broker:\n  ca_file: {tmp_path}\n")
    assert [str(p) for p in check_config(base, env)] == [
        f"clinic.yaml line 4: broker.ca_file: the CA file {tmp_path} is a folder, not a file\n"
        "  hint: name the file inside it"]


def test_a_private_key_where_the_ca_belongs_holds_no_certificate(
        config_dir: WriteConfig, env: dict[str, str], tmp_path: Path) -> None:
    key = tmp_path / "ca.pem"
    key.write_text("-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n"
                   "-----END PRIVATE KEY-----\n")
    base = config_dir(clinic=CLINIC + f"broker:\n  ca_file: {key}\n")
    assert [p.message for p in check_config(base, env)] == [
        f"the CA file {key} holds no certificate in PEM form"]


def test_playlist_warnings_leave_the_config_usable_and_name_their_line(
        config_dir: WriteConfig, env: dict[str, str], tmp_path: Path) -> None:
    base = config_dir(rooms={"room-1.yaml": _room_with(
        f"    - name: Rain\n      path: {tmp_path}/rain\n      cover: rain.png\n")})
    config = load_config(base, env)
    assert config.rooms[0].music.playlists[0].name == "Rain"
    assert [str(p) for p in resource_problems(config, env)] == [
        f"warning: rooms/room-1.yaml line 7: music.playlists[Rain].path: the music folder "
        f"{tmp_path}/rain does not exist; the room will show this playlist as unavailable\n"
        "  hint: check the path; a relative path starts from the folder of rooms/room-1.yaml",
        f"warning: rooms/room-1.yaml line 8: music.playlists[Rain].cover: the cover image "
        f"{base}/rooms/rain.png does not exist; the playlist shows without a picture\n"
        "  hint: check the path; a relative path starts from the folder of rooms/room-1.yaml"]


def test_errors_come_before_warnings_and_only_errors_withhold_the_config(
        config_dir: WriteConfig, env: dict[str, str], tmp_path: Path) -> None:
    base = config_dir(
        clinic=CLINIC + "broker:\n  password_file: secret.txt\n",
        rooms={"room-1.yaml": _room_with(f"    - name: Rain\n      path: {tmp_path}/rain\n")})
    config, problems = inspect_config(base, env)
    assert config is None
    assert [(p.file, p.line, p.is_warning) for p in problems] == [
        ("clinic.yaml", 4, False), ("rooms/room-1.yaml", 7, True)]
    (base / "secret.txt").write_text("s3cret\n")
    config, problems = inspect_config(base, env)
    assert config is not None
    assert [(p.key, p.is_warning) for p in problems] == [("music.playlists[Rain].path", True)]


def test_music_is_counted_in_subfolders_and_only_playable_files_count(tmp_path: Path) -> None:
    folder = _tracks(tmp_path / "rain", "01-rain.ogg", "cover.jpg", "notes.txt")
    _tracks(folder / "disc-2", "02-rain.MP3", "03-rain.flac")
    _tracks(folder / "disc-2", "04-empty.ogg", content=b"")
    assert count_playable(folder) == MusicCount(playable=3, looked_at=6)


def test_a_playlist_with_three_tracks_gives_no_warning(
        config_dir: WriteConfig, env: dict[str, str], tmp_path: Path) -> None:
    folder = _tracks(tmp_path / "rain", "01.ogg", "02.ogg", "03.ogg")
    base = config_dir(rooms={"room-1.yaml": _room_with(
        f"    - name: Rain\n      path: {folder}\n")})
    assert count_playable(folder) == MusicCount(playable=3, looked_at=3)
    assert check_config(base, env) == []


def test_an_m3u_counts_the_entries_that_exist(
        config_dir: WriteConfig, env: dict[str, str], tmp_path: Path) -> None:
    _tracks(tmp_path / "music", "a.ogg", "b.mp3")
    m3u = tmp_path / "music" / "calm.m3u8"
    m3u.write_text(f"#EXTM3U\n#EXTINF:1,A\na.ogg\nfile://{tmp_path}/music/b.mp3\n"
                   "gone.ogg\nread-me.txt\n\n")
    assert count_playable(m3u) == MusicCount(playable=2, looked_at=4)


def test_an_m3u_whose_entries_are_all_gone_is_a_warning_with_the_count(
        config_dir: WriteConfig, env: dict[str, str], tmp_path: Path) -> None:
    m3u = tmp_path / "calm.m3u"
    m3u.write_text("gone-1.ogg\ngone-2.ogg\n")
    base = config_dir(rooms={"room-1.yaml": _room_with(
        f"    - name: Calm\n      path: {m3u}\n")})
    [problem] = check_config(base, env)
    assert (problem.line, problem.is_warning) == (7, True)
    assert problem.message == (f"no playable music in {m3u}: 0 playable files found among 2 "
                               "entries; the room will show this playlist as unavailable")


def test_counting_stops_at_the_limit_and_says_so(tmp_path: Path) -> None:
    folder = _tracks(tmp_path / "many", *(f"{n}.txt" for n in range(12)))
    assert count_playable(folder, limit=10) == MusicCount(0, 10, complete=False)
    assert SCAN_LIMIT >= 1000


def test_a_state_folder_named_in_clinic_yaml_that_cannot_be_made_names_its_line(
        config_dir: WriteConfig, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    base = config_dir(clinic=CLINIC + f"state_dir: {blocker}/state\n")
    [problem] = check_config(base, env={"HOME": str(tmp_path)})
    assert (problem.file, problem.line, problem.key, problem.is_warning) == (
        "clinic.yaml", 3, "state_dir", True)
    assert problem.message.startswith(f"the state folder {blocker}/state cannot be created: "
                                      f"{blocker} is a file, not a folder;")
    assert load_config(base, env={"HOME": str(tmp_path)}).state_dir == blocker / "state"


def test_looking_changes_nothing_on_disk(config_dir: WriteConfig, tmp_path: Path) -> None:
    state = tmp_path / "not-yet" / "state"
    base = config_dir()
    assert check_config(base, env={"KIOSK_STATE_DIR": str(state)}) == []
    assert not (tmp_path / "not-yet").exists()
