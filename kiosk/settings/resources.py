"""What the configuration names on disk: the broker's password and CA files, the playlists' music
folders, M3U files and covers, and the state folder.

Only looks: nothing is created or written, so `check-config` can run on a tablet in use.
Errors are the files without which the room cannot reach a station (a password or CA file that
is missing, unreadable, empty or not a certificate). Warnings are the parts the room runs without:
a playlist with nothing playable (its card says it is unavailable), a missing cover (no picture),
a state folder it cannot write (calls still go out, but are not kept across a restart).
"""

from __future__ import annotations

import os
import ssl
import stat
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from kiosk.core.playlist import AUDIO_EXTENSIONS
from kiosk.settings.errors import Problem, Severity
from kiosk.settings.model import Config, RoomFile
from kiosk.settings.validate import Checked

# Counting stops here: enough to tell "nothing playable" from a real library, and a clinic's
# library of many thousands of files is still looked at in a few milliseconds.
SCAN_LIMIT = 5000
PLAYLIST_FILE_EXTENSIONS = (".m3u", ".m3u8")
MAX_PASSWORD_BYTES = 64 * 1024
_MUSIC_WORDS = ", ".join(sorted(AUDIO_EXTENSIONS))
_UNAVAILABLE = "the room will show this playlist as unavailable"
_FROM_CONFIG = "a relative path starts from the config folder"
_NOT_KEPT = ("the room still runs and sends calls, but open calls and a running session will "
             "not survive a restart")


@dataclass(frozen=True)
class Where:
    """The option that names a file: its config file, the line of its key, its dotted key."""

    file: str
    line: int | None
    key: str

    def problem(self, severity: Severity, message: str, hint: str) -> Problem:
        return Problem(self.file, self.line, self.key, message, hint, severity)


@dataclass(frozen=True)
class MusicCount:
    """What a look at a music folder or M3U file found. `looked_at` counts files (or entries)
    seen, playable or not; `complete` is False when counting stopped at SCAN_LIMIT."""

    playable: int
    looked_at: int
    complete: bool = True


def broker_file_problems(config: Config, clinic: Checked, clinic_file: str) -> list[Problem]:
    """Errors for a broker password or CA file that the room could not use to connect."""
    broker = config.clinic.broker
    problems: list[Problem] = []
    if broker.password_file is not None:
        where = Where(clinic_file, clinic.lines.get("broker.password_file"),
                      "broker.password_file")
        problems += _password_file(Path(broker.password_file), where)
    if broker.ca_file is not None:
        where = Where(clinic_file, clinic.lines.get("broker.ca_file"), "broker.ca_file")
        problems += _ca_file(Path(broker.ca_file), where)
    return problems


def music_problems(config: Config, rooms: list[RoomFile]) -> list[Problem]:
    """Warnings for playlists with nothing playable and covers that cannot be shown."""
    problems: list[Problem] = []
    for room in config.rooms:
        room_file = next((r for r in rooms if r.path == room.file), None)
        shown_as = room_file.shown_as if room_file else room.file.name
        records = {r.values.get("name"): r
                   for r in (room_file.checked.values.get("music.playlists", [])
                             if room_file else [])}
        for playlist in room.music.playlists:
            record = records.get(playlist.name)
            problems += _playlist(Path(playlist.path), _record_where(shown_as, record, "path",
                                                                     playlist.name))
            if playlist.cover:
                problems += _cover(Path(playlist.cover),
                                   _record_where(shown_as, record, "cover", playlist.name))
    return problems


def state_dir_problems(state_dir: Path, where: Where) -> list[Problem]:
    """A warning when the state folder cannot be created or written (see adapters/outbox.py:
    calls are then kept in memory only)."""
    reason = _unwritable(state_dir)
    if reason is None:
        return []
    return [where.problem(
        Severity.WARNING, f"the state folder {state_dir} {reason}; {_NOT_KEPT}",
        "make it a folder the kiosk's user can write, or set KIOSK_STATE_DIR or state_dir in "
        "clinic.yaml to one")]


def count_playable(path: Path, limit: int = SCAN_LIMIT) -> MusicCount | None:
    """Playable files in a music folder (with its subfolders) or listed in an .m3u/.m3u8 file;
    None when there is no such folder or file. Playable, as the room's library scan sees it: an
    audio extension (kiosk.core.playlist.AUDIO_EXTENSIONS), a regular file, not empty, readable.
    Raises OSError when an M3U file exists but cannot be read."""
    if path.suffix.lower() in PLAYLIST_FILE_EXTENSIONS:
        return _count_m3u(path, limit) if path.is_file() else None
    return _count_folder(path, limit) if path.is_dir() else None


# ---- broker files ----

def _password_file(path: Path, where: Where) -> list[Problem]:
    unusable = _unreadable(path, "password file", _FROM_CONFIG)
    if unusable:
        return [where.problem(Severity.ERROR, *unusable)]
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_PASSWORD_BYTES + 1)
    except OSError as error:
        return [where.problem(Severity.ERROR, *_cannot_read(path, "password file", error))]
    if len(data) > MAX_PASSWORD_BYTES:
        return [where.problem(Severity.ERROR,
                              f"the password file {path} is too large to be a password",
                              "name the file that holds only the broker password")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return [where.problem(Severity.ERROR, f"the password file {path} is not text",
                              "save it as plain text with the broker password on one line")]
    if not text.strip():
        return [where.problem(Severity.ERROR, f"the password file {path} is empty",
                              "put the broker password in it, on one line")]
    return []


def _ca_file(path: Path, where: Where) -> list[Problem]:
    unusable = _unreadable(path, "CA file", _FROM_CONFIG)
    if unusable:
        return [where.problem(Severity.ERROR, *unusable)]
    # The same call the MQTT client makes with this file, so a pass here is a pass there.
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    try:
        context.load_verify_locations(cafile=str(path))
    except ssl.SSLError:
        pass
    except OSError as error:
        return [where.problem(Severity.ERROR, *_cannot_read(path, "CA file", error))]
    if context.cert_store_stats()["x509"]:
        return []
    return [where.problem(
        Severity.ERROR, f"the CA file {path} holds no certificate in PEM form",
        "use the clinic's CA certificate, the text that starts with -----BEGIN CERTIFICATE-----; "
        "convert a binary .der or .cer file with: openssl x509 -inform der -in FILE -out ca.pem")]


# ---- playlists ----

def _record_where(shown_as: str, record: Checked | None, field: str, name: str) -> Where:
    if record is None:
        return Where(shown_as, None, f"music.playlists[{name}].{field}")
    return Where(shown_as, record.lines.get(field), record.key(field))


def _playlist(path: Path, where: Where) -> list[Problem]:
    is_m3u = path.suffix.lower() in PLAYLIST_FILE_EXTENSIONS
    what = "playlist file" if is_m3u else "music folder"
    try:
        count = count_playable(path)
    except OSError as error:
        message, hint = _cannot_read(path, what, error)
        return [where.problem(Severity.WARNING, f"{message}; {_UNAVAILABLE}", hint)]
    if count is None and not is_m3u and path.exists():
        return [where.problem(Severity.WARNING,
                              f"{path} is a file, not a music folder or an .m3u/.m3u8 playlist; "
                              f"{_UNAVAILABLE}", "name the folder that holds the music")]
    if count is None:
        return [where.problem(Severity.WARNING,
                              f"the {what} {path} does not exist; {_UNAVAILABLE}",
                              f"check the path; {_from_room(where)}")]
    if count.playable:
        return []
    items = "entries" if is_m3u else "files"
    among = f"among the first {count.looked_at} {items}" if not count.complete \
        else f"among {count.looked_at} {items}"
    hint = (f"list music files in it, one path per line, relative to the playlist file "
            f"({_MUSIC_WORDS}); each must exist and not be empty" if is_m3u
            else f"put music files in it ({_MUSIC_WORDS}); empty files do not count")
    return [where.problem(Severity.WARNING,
                          f"no playable music in {path}: 0 playable files found {among}; "
                          f"{_UNAVAILABLE}", hint)]


def _cover(path: Path, where: Where) -> list[Problem]:
    unusable = _unreadable(path, "cover image", _from_room(where))
    if unusable is None:
        try:
            with path.open("rb"):
                return []
        except OSError as error:
            unusable = _cannot_read(path, "cover image", error)
    message, hint = unusable
    return [where.problem(Severity.WARNING, f"{message}; the playlist shows without a picture",
                          hint)]


def _count_folder(root: Path, limit: int) -> MusicCount:
    playable = looked_at = 0
    folders = [str(root)]
    while folders:
        try:
            with os.scandir(folders.pop()) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False):
                        folders.append(entry.path)
                        continue
                    if looked_at == limit:
                        return MusicCount(playable, looked_at, complete=False)
                    looked_at += 1
                    playable += _is_music(entry.path)
        except OSError:
            continue  # an unreadable subfolder is skipped, as the room's library scan does
    return MusicCount(playable, looked_at)


def _count_m3u(path: Path, limit: int) -> MusicCount:
    with path.open("rb") as handle:
        text = handle.read().decode("utf-8-sig", errors="replace")
    playable = looked_at = 0
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if looked_at == limit:
            return MusicCount(playable, looked_at, complete=False)
        looked_at += 1
        playable += _is_music(_m3u_entry(line, path.parent))
    return MusicCount(playable, looked_at)


def _m3u_entry(line: str, folder: Path) -> str:
    """Resolved as the room's library scan resolves it (kiosk/adapters/library.py)."""
    if line.startswith("file://"):
        return unquote(urlparse(line).path)
    return str(folder / line.replace("\\", "/"))


def _is_music(path: str) -> bool:
    if os.path.splitext(path)[1].lower() not in AUDIO_EXTENSIONS:
        return False
    try:
        info = os.stat(path)
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and info.st_size > 0 and os.access(path, os.R_OK)


# ---- shared ----

def _from_room(where: Where) -> str:
    return f"a relative path starts from the folder of {where.file}"


def _unreadable(path: Path, what: str, relative: str) -> tuple[str, str] | None:
    """(message, hint) when `path` is not a file that can be opened; None when it may be."""
    try:
        mode = path.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        return f"the {what} {path} does not exist", f"check the path; {relative}"
    except OSError as error:
        return _cannot_read(path, what, error)
    if stat.S_ISDIR(mode):
        return (f"the {what} {path} is a folder, not a file", "name the file inside it")
    if not stat.S_ISREG(mode):
        return (f"the {what} {path} is not a regular file", "name a regular file")
    return None


def _cannot_read(path: Path, what: str, error: OSError) -> tuple[str, str]:
    reason = (error.strerror or type(error).__name__).lower()
    return (f"the {what} {path} cannot be read ({reason})",
            "let the kiosk's user read it (for example chmod 640 and the kiosk's group)")


def _unwritable(folder: Path) -> str | None:
    """Why the kiosk could not create or write `folder`; None when it could."""
    if folder.exists():
        if not folder.is_dir():
            return "is a file, not a folder"
        return None if os.access(folder, os.W_OK | os.X_OK) else "cannot be written"
    parent = folder.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        return f"cannot be created: {parent} is a file, not a folder"
    if not os.access(parent, os.W_OK | os.X_OK):
        return f"cannot be created: {parent} cannot be written"
    return None
