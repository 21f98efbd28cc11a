"""Scanning playlists: folders and M3U files, with broken entries skipped and explained."""

from __future__ import annotations

import os
import queue
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.adapters.library import LibraryScanner, scan_playlist
from kiosk.core.playlist import Playlist, ScannedPlaylist, Unplayable
from tests.support import wait_until


def _file(path: Path, data: bytes = b"OggS-not-really") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_a_folder_is_scanned_recursively_in_name_order(tmp_path: Path) -> None:
    _file(tmp_path / "b" / "02_second.ogg")
    _file(tmp_path / "a" / "01_first-light.mp3")
    _file(tmp_path / "cover.jpg")
    _file(tmp_path / "notes.txt")
    result = scan_playlist(Playlist("Calm", str(tmp_path)))
    assert [t.title for t in result.tracks] == ["First light", "Second"]
    assert result.available


def test_an_m3u_with_relative_paths_titles_and_a_missing_entry(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    _file(tmp_path / "music" / "one.flac")
    _file(tmp_path / "music" / "empty.wav", b"")
    m3u = tmp_path / "lists" / "calm.m3u8"
    m3u.parent.mkdir()
    m3u.write_text("#EXTM3U\n#EXTINF:61,Morning mist\n../music/one.flac\n"
                   "../music/gone.ogg\n../music/empty.wav\n", encoding="utf-8")
    result = scan_playlist(Playlist("Calm", str(m3u)))
    assert [t.title for t in result.tracks] == ["Morning mist"]
    assert result.skipped == 2
    assert "gone.ogg" in caplog.text and "empty file" in caplog.text


def test_an_empty_folder_is_unavailable_and_says_it_is_empty(tmp_path: Path) -> None:
    result = scan_playlist(Playlist("Calm", str(tmp_path)))
    assert not result.available
    assert result.problem is Unplayable.EMPTY


def test_a_missing_folder_is_unavailable_and_says_it_is_missing(tmp_path: Path) -> None:
    result = scan_playlist(Playlist("Calm", str(tmp_path / "nowhere")))
    assert not result.available and result.problem is Unplayable.FOLDER_MISSING


def test_a_folder_of_only_unreadable_files_says_nothing_is_playable(tmp_path: Path) -> None:
    _file(tmp_path / "a.ogg", b"")
    os.symlink(tmp_path / "gone.ogg", tmp_path / "b.ogg")
    result = scan_playlist(Playlist("Calm", str(tmp_path)))
    assert result.problem is Unplayable.NOTHING_PLAYABLE


def test_five_thousand_tracks_are_scanned_off_the_ui_thread(tmp_path: Path) -> None:
    for n in range(5000):
        _file(tmp_path / f"disc{n // 500}" / f"{n:04d}.ogg", b"x")
    posted: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
    results: list[list[ScannedPlaylist]] = []
    worker = LibraryScanner(posted.put).scan([Playlist("Big", str(tmp_path))], results.append)

    def delivered() -> bool:
        while not posted.empty():
            posted.get()()
        return bool(results)

    wait_until(delivered, timeout=30, message="scan results")
    assert worker.name == "music-library-scan"
    assert len(results[0][0].tracks) == 5000
