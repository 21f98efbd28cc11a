"""`python main.py check-config DIR` as IT runs it, on a copy of the shipped config with one thing
broken on disk: what it prints (file, line, key, plain words, hint) and how it exits."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support import need_binary

ROOT = Path(__file__).resolve().parents[2]
SHIPPED_MUSIC = "../../assets/music/demo"
PLAYLISTS = ("slow-waves", "soft-pads", "evening-tones")
BROKER_LINES = "  keepalive_seconds: 5\n"  # broker.password_file / ca_file go on line 13


class ConfigCopy:
    """A copy of config/ in tmp_path whose playlists point at small music folders beside it."""

    def __init__(self, tmp_path: Path) -> None:
        self.tmp = tmp_path
        self.dir = tmp_path / "config"
        shutil.copytree(ROOT / "config", self.dir)
        self.music = tmp_path / "music"
        for name in PLAYLISTS:
            for n in range(1, 4):
                track = self.music / name / f"0{n}-{name}.ogg"
                track.parent.mkdir(parents=True, exist_ok=True)
                track.write_bytes(b"OggS not decoded by check-config")
        for room in ("room-1.yaml", "room-2.yaml"):
            self.edit(f"rooms/{room}", SHIPPED_MUSIC, str(self.music))
        self.state = tmp_path / "state"

    def edit(self, name: str, old: str, new: str) -> None:
        path = self.dir / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {name}"
        path.write_text(text.replace(old, new), encoding="utf-8")

    def broker_option(self, line: str) -> None:
        self.edit("clinic.yaml", BROKER_LINES, BROKER_LINES + f"  {line}\n")

    def check(self, **env: str) -> tuple[int, list[str]]:
        clean = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
        clean.update({"KIOSK_STATE_DIR": str(self.state), **env})
        done = subprocess.run([sys.executable, "main.py", "check-config", str(self.dir)],
                              cwd=ROOT, env=clean, capture_output=True, text=True, timeout=60)
        assert done.stderr == "", done.stderr
        return done.returncode, done.stdout.splitlines()


@pytest.fixture
def copy(tmp_path: Path) -> ConfigCopy:
    return ConfigCopy(tmp_path)


def _valid(copy: ConfigCopy, warnings: int = 0) -> str:
    tail = f", with {warnings} warning{'s' if warnings != 1 else ''}" if warnings else ""
    return f"Configuration in {copy.dir} is valid: rooms room-1, room-2{tail}."


def test_the_copied_config_with_its_music_is_valid_without_warnings(copy: ConfigCopy) -> None:
    assert copy.check() == (0, [_valid(copy)])


def _password_missing(copy: ConfigCopy) -> list[str]:
    copy.broker_option("password_file: secret.txt")
    return [f"clinic.yaml line 13: broker.password_file: the password file {copy.dir}/secret.txt "
            "does not exist",
            "  hint: check the path; a relative path starts from the config folder"]


def _password_empty(copy: ConfigCopy) -> list[str]:
    (copy.dir / "secret.txt").write_text("\n")
    copy.broker_option("password_file: secret.txt")
    return [f"clinic.yaml line 13: broker.password_file: the password file {copy.dir}/secret.txt "
            "is empty",
            "  hint: put the broker password in it, on one line"]


def _password_a_folder(copy: ConfigCopy) -> list[str]:
    (copy.dir / "secrets").mkdir()
    copy.broker_option("password_file: secrets")
    return [f"clinic.yaml line 13: broker.password_file: the password file {copy.dir}/secrets "
            "is a folder, not a file",
            "  hint: name the file inside it"]


def _ca_missing(copy: ConfigCopy) -> list[str]:
    copy.broker_option("ca_file: /nowhere/ca.pem")
    return ["clinic.yaml line 13: broker.ca_file: the CA file /nowhere/ca.pem does not exist",
            "  hint: check the path; a relative path starts from the config folder"]


def _ca_not_a_certificate(copy: ConfigCopy) -> list[str]:
    (copy.dir / "ca.pem").write_text("the clinic's CA goes here\n")
    copy.broker_option("ca_file: ca.pem")
    return [f"clinic.yaml line 13: broker.ca_file: the CA file {copy.dir}/ca.pem holds no "
            "certificate in PEM form",
            "  hint: use the clinic's CA certificate, the text that starts with "
            "-----BEGIN CERTIFICATE-----; convert a binary .der or .cer file with: "
            "openssl x509 -inform der -in FILE -out ca.pem"]


ERRORS: list[tuple[str, Callable[[ConfigCopy], list[str]]]] = [
    ("password file missing", _password_missing),
    ("password file empty", _password_empty),
    ("password file a folder", _password_a_folder),
    ("CA file missing", _ca_missing),
    ("CA file not a certificate", _ca_not_a_certificate),
]


@pytest.mark.parametrize("case", [c[1] for c in ERRORS], ids=[c[0] for c in ERRORS])
def test_a_broker_file_the_room_could_not_connect_with_is_an_error_with_file_and_line(
        copy: ConfigCopy, case: Callable[[ConfigCopy], list[str]]) -> None:
    expected = case(copy)
    assert copy.check() == (1, [*expected, "1 problem found; nothing was changed."])


def test_a_real_ca_certificate_and_password_file_pass(copy: ConfigCopy) -> None:
    openssl = need_binary("openssl", "sudo apt-get install openssl")
    subprocess.run([openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt",
                    "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2", "-subj",
                    "/CN=Clinic CA", "-keyout", str(copy.tmp / "ca.key"),
                    "-out", str(copy.dir / "ca.pem")], check=True, capture_output=True)
    (copy.dir / "secret.txt").write_text("s3cret\n")
    copy.broker_option("password_file: secret.txt\n  ca_file: ca.pem")
    assert copy.check(KIOSK_BROKER="mqtts://127.0.0.1:8883") == (0, [_valid(copy)])


def test_a_missing_music_folder_is_a_warning_and_the_config_stays_valid(
        copy: ConfigCopy) -> None:
    shutil.rmtree(copy.music / "soft-pads")
    folder = copy.music / "soft-pads"
    unavailable = "the room will show this playlist as unavailable"
    assert copy.check() == (0, [
        f"warning: rooms/room-1.yaml line 17: music.playlists[Soft pads].path: the music folder "
        f"{folder} does not exist; {unavailable}",
        "  hint: check the path; a relative path starts from the folder of rooms/room-1.yaml",
        f"warning: rooms/room-2.yaml line 16: music.playlists[Soft pads].path: the music folder "
        f"{folder} does not exist; {unavailable}",
        "  hint: check the path; a relative path starts from the folder of rooms/room-2.yaml",
        _valid(copy, warnings=2)])


def test_a_music_folder_with_nothing_playable_is_a_warning_with_the_count(
        copy: ConfigCopy) -> None:
    folder = copy.music / "evening-tones"
    shutil.rmtree(folder)
    (folder / "notes").mkdir(parents=True)
    (folder / "notes" / "read-me.txt").write_text("tracks come later")
    (folder / "01-evening-tones.ogg").write_bytes(b"")
    assert copy.check() == (0, [
        f"warning: rooms/room-1.yaml line 21: music.playlists[Evening tones].path: no playable "
        f"music in {folder}: 0 playable files found among 2 files; the room will show this "
        "playlist as unavailable",
        "  hint: put music files in it (.flac, .m4a, .mp3, .oga, .ogg, .opus, .wav); empty "
        "files do not count",
        _valid(copy, warnings=1)])


def test_a_state_folder_under_a_file_is_a_warning_naming_the_folder(copy: ConfigCopy) -> None:
    blocker = copy.tmp / "a-file"
    blocker.write_text("")
    assert copy.check(KIOSK_STATE_DIR=str(blocker / "state")) == (0, [
        f"warning: environment: KIOSK_STATE_DIR: the state folder {blocker}/state cannot be "
        f"created: {blocker} is a file, not a folder; the room still runs and sends calls, but "
        "open calls and a running session will not survive a restart",
        "  hint: make it a folder the kiosk's user can write, or set KIOSK_STATE_DIR or "
        "state_dir in clinic.yaml to one",
        _valid(copy, warnings=1)])


def test_errors_come_first_then_warnings_and_only_errors_fail(copy: ConfigCopy) -> None:
    expected = _password_missing(copy)
    shutil.rmtree(copy.music / "evening-tones")
    code, lines = copy.check()
    assert code == 1
    assert lines[:2] == expected
    assert lines[2].startswith("warning: rooms/room-1.yaml line 21: "
                               "music.playlists[Evening tones].path: the music folder ")
    assert lines[-1] == "1 problem found (and 1 warning); nothing was changed."
