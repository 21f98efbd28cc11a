"""A function posted to the Qt thread that raises is logged once, with its source, and the next
posted function still runs: one bad message or callback never stops the room or the station."""

from __future__ import annotations

import logging
import threading

import pytest
from pytestqt.qtbot import QtBot

from kiosk.core.failures import FailureLog
from kiosk.qt.dispatch import Dispatcher


class ManualClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _boom() -> None:
    raise KeyError("no such call")


def _warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records
            if r.name == "kiosk.qt.dispatch" and r.levelno == logging.WARNING]


def test_a_raising_posted_function_is_logged_with_its_source_and_the_next_one_still_runs(
        qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    dispatcher = Dispatcher()
    ran: list[str] = []
    dispatcher.post(_boom, source="vlc end-of-track")
    dispatcher.post(lambda: ran.append("next"))
    qtbot.waitUntil(lambda: ran == ["next"], timeout=2000)
    assert _warnings(caplog) == [
        "posted function failed source=vlc end-of-track error=KeyError: 'no such call'"]


def test_without_a_source_the_log_names_the_function(
        qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    dispatcher = Dispatcher()
    ran: list[str] = []
    dispatcher.post(_boom)
    dispatcher.post(lambda: ran.append("next"))
    qtbot.waitUntil(lambda: bool(ran), timeout=2000)
    assert _warnings(caplog) == ["posted function failed source=_boom error=KeyError: "
                                 "'no such call'"]


def test_a_failure_posted_from_a_foreign_thread_is_caught_on_the_qt_thread(
        qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    dispatcher = Dispatcher()
    ran: list[str] = []
    threads = [threading.Thread(target=dispatcher.post, args=(_boom,), kwargs={"source": "paho"}),
               threading.Thread(target=dispatcher.post, args=(lambda: ran.append("next"),))]
    for thread in threads:
        thread.start()
        thread.join()
    qtbot.waitUntil(lambda: bool(ran), timeout=2000)
    assert len(_warnings(caplog)) == 1


def test_the_same_failure_repeated_is_logged_once_then_counted_once_a_minute(
        qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    clock = ManualClock()
    dispatcher = Dispatcher(failures=FailureLog(logging.getLogger("kiosk.qt.dispatch"),
                                                "posted function failed", clock=clock))
    ran: list[int] = []
    for _ in range(50):
        dispatcher.post(_boom, source="mqtt 'kiosk/v1/rooms/room-1/presence'")
    dispatcher.post(lambda: ran.append(1))
    qtbot.waitUntil(lambda: bool(ran), timeout=2000)
    assert len(_warnings(caplog)) == 1

    clock.now = 61.0
    dispatcher.post(_boom, source="mqtt 'kiosk/v1/rooms/room-1/presence'")
    dispatcher.post(lambda: ran.append(2))
    qtbot.waitUntil(lambda: len(ran) == 2, timeout=2000)
    assert _warnings(caplog)[1:] == [
        "posted function failed source=mqtt 'kiosk/v1/rooms/room-1/presence' error=KeyError "
        "repeated 50 times in the last 60 s"]


def test_a_different_source_or_error_gets_its_own_line(
        qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    dispatcher = Dispatcher()
    ran: list[int] = []

    def bad_value() -> None:
        raise ValueError("bad")

    dispatcher.post(_boom, source="a")
    dispatcher.post(_boom, source="b")
    dispatcher.post(bad_value, source="a")
    dispatcher.post(_boom, source="a")
    dispatcher.post(lambda: ran.append(1))
    qtbot.waitUntil(lambda: bool(ran), timeout=2000)
    assert [w.split(":")[0] for w in _warnings(caplog)] == [
        "posted function failed source=a error=KeyError",
        "posted function failed source=b error=KeyError",
        "posted function failed source=a error=ValueError"]


def test_the_traceback_goes_to_debug_level(
        qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="kiosk.qt.dispatch")
    dispatcher = Dispatcher()
    ran: list[int] = []
    dispatcher.post(_boom, source="x")
    dispatcher.post(lambda: ran.append(1))
    qtbot.waitUntil(lambda: bool(ran), timeout=2000)
    debug = [r.getMessage() for r in caplog.records if r.levelno == logging.DEBUG]
    assert any("Traceback" in line and "_boom" in line for line in debug)


def test_a_flood_of_made_up_sources_is_remembered_only_up_to_a_bound(
        caplog: pytest.LogCaptureFixture) -> None:
    """A publisher inventing topics cannot grow memory without end: the oldest are forgotten
    (and logged anew if they come back), the newest stay counted."""
    failures = FailureLog(logging.getLogger("test.flood"), "ignored message", remembered=10)
    for n in range(1000):
        failures.report(f"topic-{n}", KeyError(n))
    caplog.clear()
    failures.report("topic-999", KeyError(999))
    assert caplog.records == []
    failures.report("topic-0", KeyError(0))
    assert [r.getMessage() for r in caplog.records] == [
        "ignored message source=topic-0 error=KeyError: 0"]
