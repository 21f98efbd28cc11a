"""Finds the tracks of each playlist: a folder scanned recursively, or an .m3u/.m3u8 file.

Threads: `scan_playlist` is plain blocking code. `LibraryScanner.scan` runs it on a worker thread
(a clinic library can hold thousands of files) and hands the results to the Qt thread through the
injected `post`; the worker touches nothing else.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from urllib.parse import unquote, urlparse

from kiosk.core.playlist import (
    AUDIO_EXTENSIONS,
    Playlist,
    ScannedPlaylist,
    Track,
    Unplayable,
    title_from_filename,
)

log = logging.getLogger(__name__)

Post = Callable[[Callable[[], None]], None]
PLAYLIST_EXTENSIONS = (".m3u", ".m3u8")


def scan_playlist(playlist: Playlist, base: Path | None = None) -> ScannedPlaylist:
    """Playable tracks of one playlist; unreadable entries are skipped with a log line."""
    root = Path(playlist.path)
    if base is not None and not root.is_absolute():
        root = base / root
    if root.suffix.lower() in PLAYLIST_EXTENSIONS:
        entries = _read_m3u(root)
        if entries is None:
            return ScannedPlaylist(playlist, problem=Unplayable.LIST_UNREADABLE)
    elif root.is_dir():
        entries = [(path, title_from_filename(path.stem)) for path in _walk(root)]
    else:
        log.warning("music folder missing playlist=%s path=%s", playlist.name, root)
        return ScannedPlaylist(playlist, problem=Unplayable.FOLDER_MISSING)
    tracks = [Track(str(path), title) for path, title in entries if _playable(path)]
    skipped = len(entries) - len(tracks)
    if tracks:
        return ScannedPlaylist(playlist, tuple(tracks), skipped=skipped)
    problem = Unplayable.NOTHING_PLAYABLE if entries else Unplayable.EMPTY
    return ScannedPlaylist(playlist, problem=problem, skipped=skipped)


def _walk(root: Path) -> list[Path]:
    found: list[Path] = []
    for folder, dirs, files in os.walk(root, onerror=_log_walk_error):
        dirs.sort()
        found.extend(Path(folder) / name for name in sorted(files)
                     if Path(name).suffix.lower() in AUDIO_EXTENSIONS)
    return found


def _log_walk_error(error: OSError) -> None:
    log.warning("skipped unreadable music folder path=%s reason=%s", error.filename, error.strerror)


def _read_m3u(path: Path) -> list[tuple[Path, str]] | None:
    try:
        text = path.read_text(encoding="utf-8-sig", errors="replace")
    except OSError as error:
        log.warning("skipped unreadable playlist path=%s reason=%s", path, error.strerror)
        return None
    entries: list[tuple[Path, str]] = []
    title = ""
    for raw in text.splitlines():
        line = raw.strip()
        if line.upper().startswith("#EXTINF:"):
            title = line.split(",", 1)[1].strip() if "," in line else ""
            continue
        if not line or line.startswith("#"):
            continue
        entry = _m3u_path(line, path.parent)
        if entry.suffix.lower() not in AUDIO_EXTENSIONS:
            log.warning("skipped playlist entry path=%s reason=not an audio file", entry)
        else:
            entries.append((entry, title or title_from_filename(entry.stem)))
        title = ""
    return entries


def _m3u_path(line: str, folder: Path) -> Path:
    if line.startswith("file://"):
        return Path(unquote(urlparse(line).path))
    # Relative entries are relative to the playlist file, so a copied folder keeps working.
    return folder / line.replace("\\", "/")


def _playable(path: Path) -> bool:
    """Exists, is a file, and a first byte can be read (an empty file is never music)."""
    try:
        with path.open("rb") as handle:
            if handle.read(1):
                return True
        reason = "empty file"
    except OSError as error:
        reason = error.strerror or type(error).__name__
    log.warning("skipped unreadable track path=%s reason=%s", path, reason)
    return False


class LibraryScanner:
    """Scans playlists off the Qt thread and posts the results back."""

    def __init__(self, post: Post, base: Path | None = None) -> None:
        self._post = post
        self._base = base

    def scan(self, playlists: Sequence[Playlist],
             done: Callable[[list[ScannedPlaylist]], None]) -> threading.Thread:
        worker = threading.Thread(target=self._run, args=(tuple(playlists), done),
                                  name="music-library-scan", daemon=True)
        worker.start()
        return worker

    def _run(self, playlists: tuple[Playlist, ...],
             done: Callable[[list[ScannedPlaylist]], None]) -> None:
        results = [self._scan_one(playlist) for playlist in playlists]
        self._post(lambda: done(results))

    def _scan_one(self, playlist: Playlist) -> ScannedPlaylist:
        try:
            result = scan_playlist(playlist, self._base)
        except Exception:  # noqa: BLE001 - one bad playlist must not hide the others
            log.exception("music scan failed playlist=%s", playlist.name)
            return ScannedPlaylist(playlist, problem=Unplayable.SCAN_FAILED)
        log.info("scanned playlist name=%s tracks=%d skipped=%d", playlist.name,
                 len(result.tracks), result.skipped)
        return result
