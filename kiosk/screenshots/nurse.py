"""The way into the nurse panel for screenshots: the pad, a wrong PIN, the lockout, and the
panel opened with the demo PIN, each driven through the same slots a nurse's taps reach."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from PySide6.QtCore import QEventLoop, QPointF, QTimer
from PySide6.QtQuick import QQuickItem, QQuickWindow

from kiosk.core.clock import FakeClock
from kiosk.core.pin import DEMO_PIN
from kiosk.qt.nurse import NurseAccess
from kiosk.qt.room import RoomController
from kiosk.screenshots.night import by_day

State = Callable[[RoomController, FakeClock], None]


def nurse_screenshot_states() -> list[tuple[str, State]]:
    return [
        ("nurse-pin-pad", _pad),
        ("nurse-pin-wrong", _wrong),
        ("nurse-pin-lockout", _lockout),
    ]


def unlock_nurse_panel(room: RoomController, pin: str = DEMO_PIN) -> None:
    """Types the PIN on the pad and waits (at most 10 s) for the check off the Qt thread."""
    room.openNursePanel()
    _type(_nurse(room), pin, _nurse(room).granted)
    room.openNursePanel()


def _nurse(room: RoomController) -> NurseAccess:
    return cast(NurseAccess, room.nurse)


def _type(nurse: NurseAccess, pin: str, done: object) -> None:
    for digit in pin:
        nurse.pressDigit(digit)
    loop = QEventLoop()
    done.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(10_000, loop.quit)
    nurse.submit()
    loop.exec()


def _pad(room: RoomController, clock: FakeClock) -> None:
    room.show("home")
    room.openNursePanel()
    for digit in "24":
        _nurse(room).pressDigit(digit)


def _wrong(room: RoomController, clock: FakeClock) -> None:
    _nurse(room).cancel()
    room.openNursePanel()
    _type(_nurse(room), "1357", _nurse(room).pinRefused)


def _lockout(room: RoomController, clock: FakeClock) -> None:
    while not _nurse(room).locked:
        _type(_nurse(room), "1357", _nurse(room).pinRefused)
    clock.advance(83)
    _nurse(room).ask()


def end_lockout(room: RoomController, clock: FakeClock) -> None:
    clock.advance(3600)
    _nurse(room).cancel()



def panel_pages(room: RoomController, window: QQuickWindow, shoot: Callable[[str], None]
                ) -> None:
    """The panel's pages, the reset confirmation and what the patient reads after "Nurse is
    here": the page and the confirmation are the panel's own QML state, set as its taps do."""
    unlock_nurse_panel(room)
    panel = _item(window, "nursePanel")
    for index, name in enumerate(("session", "patient", "calls", "it")):
        panel.setProperty("page", index)
        shoot(f"nurse-panel-page-{name}")
        if name == "patient":
            _room_settings(room, window, panel, shoot)
    # A config change that did not validate: the room keeps its last good settings.
    panel.property("desk").set_reload_result([], [
        "rooms/room-1.yaml line 9: music.volume_cap_percent: must be 100 or less (got 150)"])
    shoot("nurse-panel-page-it-reload-refused")
    panel.setProperty("page", 0)
    panel.setProperty("confirming", "reset")
    shoot("nurse-panel-reset-confirm")
    panel.setProperty("confirming", "end")
    shoot("nurse-panel-end-confirm")
    panel.setProperty("confirming", "")


def _room_settings(room: RoomController, window: QQuickWindow, panel: QQuickItem,
                   shoot: Callable[[str], None]) -> None:
    """The Patient page scrolled to the room's settings, two of them changed on this tablet."""
    on_tablet = panel.property("desk").property("onTablet")
    on_tablet.chooseStartPlaylist("Soft pads")
    on_tablet.changeNightStart(-2)
    for shot, first in (("room-music", "nurseStartPlaylistText"), ("night", "nurseNightText")):
        text = _item(window, first)
        page = text.parentItem()
        while page is not None and not page.inherits("QQuickFlickable"):
            page = page.parentItem()
        assert page is not None
        top = text.mapToItem(page.property("contentItem"), QPointF(0, 0)).y()
        bottom = page.property("contentHeight") - page.height()
        page.setProperty("contentY", max(0.0, min(top - 10, bottom)))
        shoot(f"nurse-panel-{shot}")
        page.setProperty("contentY", 0)
    on_tablet.useClinicStartPlaylist()
    on_tablet.useClinicNight()
    by_day(room)


def _item(window: QQuickWindow, name: str) -> QQuickItem:
    def walk(item: QQuickItem) -> QQuickItem | None:
        if item.objectName() == name:
            return item
        for child in item.childItems():
            found = walk(child)
            if found is not None:
                return found
        return None

    found = walk(window.contentItem())
    if found is None:
        raise RuntimeError(f"no item named {name} on the room screen")
    return found
