"""The room's own state: rest mode after a quiet spell, woken and postponed by touches."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtTest import QTest

from kiosk.qt.room import RoomController, TouchWatcher


def test_the_screen_darkens_after_the_configured_quiet_spell(qtbot) -> None:  # type: ignore[no-untyped-def]
    room = RoomController("Room 1")
    room.rest_after_idle(0.3 / 60)  # 0.3 s
    qtbot.waitUntil(lambda: room.restMode, timeout=3000)


def test_a_touch_postpones_rest_mode(qtbot) -> None:  # type: ignore[no-untyped-def]
    room = RoomController("Room 1")
    app = QGuiApplication.instance()
    watcher = TouchWatcher(room)
    app.installEventFilter(watcher)
    window = QWindow()
    window.resize(200, 200)
    window.show()
    try:
        room.rest_after_idle(0.6 / 60)  # 0.6 s
        for _ in range(4):
            qtbot.wait(300)
            QTest.mouseClick(window, Qt.MouseButton.LeftButton, pos=QPoint(50, 50))
        assert not room.restMode, "touches every 0.3 s keep the screen awake"
        qtbot.waitUntil(lambda: room.restMode, timeout=3000)
    finally:
        app.removeEventFilter(watcher)
        window.close()


def test_zero_minutes_never_darkens_by_itself(qtbot) -> None:  # type: ignore[no-untyped-def]
    room = RoomController("Room 1")
    room.rest_after_idle(0)
    qtbot.wait(300)
    assert not room.restMode


def test_the_clock_on_screen_is_the_rooms_clock_that_night_dimming_reads(qtbot) -> None:  # type: ignore[no-untyped-def]
    import time

    from PySide6.QtCore import QLocale, QTime

    from kiosk.core.clock import FakeClock
    from kiosk.core.night import NightSchedule

    late = time.mktime((2027, 1, 15, 23, 40, 0, 0, 0, -1))  # 23:40, local time
    room = RoomController("Room 1", clock=FakeClock(wall=late))
    assert room.clockText == QLocale().toString(QTime(23, 40), QLocale.FormatType.ShortFormat)
    room.set_night(NightSchedule(22 * 60, 6 * 60, 30))
    assert room.nightDimmed, "at the hour its clock shows, the screen is dimmed for the night"
