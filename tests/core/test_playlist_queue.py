"""The play queue: in order, shuffled without immediate repeats, repeating or ending."""

from __future__ import annotations

import random

from kiosk.core.playlist import PlayQueue, Track, title_from_filename

TRACKS = tuple(Track(f"/m/{n}.ogg", f"Track {n}") for n in range(5))


def test_tracks_play_in_order_and_repeat() -> None:
    queue = PlayQueue(TRACKS, shuffle=False, repeat=True)
    played = [queue.next() for _ in range(7)]
    assert played == [*TRACKS, TRACKS[0], TRACKS[1]]


def test_without_repeat_the_music_ends_after_the_last_track() -> None:
    queue = PlayQueue(TRACKS, repeat=False)
    assert [queue.next() for _ in range(5)] == list(TRACKS)
    assert queue.next() is None


def test_shuffle_plays_every_track_once_per_round_and_never_twice_in_a_row() -> None:
    for seed in range(300):
        queue = PlayQueue(TRACKS, shuffle=True, repeat=True, rng=random.Random(seed))
        played = [queue.next() for _ in range(25)]
        for start in range(0, 25, 5):
            assert set(played[start:start + 5]) == set(TRACKS)
        assert all(a != b for a, b in zip(played, played[1:], strict=False))


def test_a_one_track_playlist_repeats_that_track() -> None:
    queue = PlayQueue(TRACKS[:1], shuffle=True)
    assert [queue.next() for _ in range(3)] == [TRACKS[0]] * 3


def test_an_empty_playlist_plays_nothing() -> None:
    assert PlayQueue(()).next() is None


def test_titles_come_from_file_names_without_track_numbers() -> None:
    assert title_from_filename("03_slow-waves") == "Slow waves"
    assert title_from_filename("evening tones") == "Evening tones"
    assert title_from_filename("2024") == "2024"
