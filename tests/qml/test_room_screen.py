"""The patient's home screen, loaded offscreen with real backend objects."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest

from kiosk.app.room import assemble_room, product_parts
from kiosk.app.shell import Screen, create_gui_app, load_window
from kiosk.qt.dispatch import Dispatcher
from kiosk.settings import load_config, resolve_room
from tests.qml.helpers import (
    accessible_name,
    background_behind,
    centre,
    contrast,
    find,
    items,
    scene_rect,
    shown,
    targets,
)


@pytest.fixture
def room_screen(qtbot, monkeypatch, tmp_path) -> Iterator[Screen]:  # type: ignore[no-untyped-def]
    """The room as the app composes it from the shipped config, with its broker unreachable
    (a closed loopback port), so nothing here depends on a network."""
    create_gui_app()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    monkeypatch.setenv("KIOSK_BROKER", f"mqtt://127.0.0.1:{closed_port}")
    monkeypatch.setenv("KIOSK_STATE_DIR", str(tmp_path / "state"))
    config = load_config(None)
    settings = resolve_room(config)
    dispatcher = Dispatcher()
    room = assemble_room(config, settings, product_parts(config, settings, dispatcher.post),
                         dispatcher.post)
    room.start()
    screen = load_window("Main", room.backends())
    screen.window.setGeometry(0, 0, 1280, 800)
    screen.window.show()
    qtbot.waitExposed(screen.window)
    theme = screen.engine.singletonInstance("Kiosk", "Theme")
    theme.setProperty("reducedMotion", True)
    yield screen
    screen.close()
    room.stop()


def test_home_shows_room_name_clock_and_the_four_areas(room_screen: Screen) -> None:
    assert find(room_screen.window, "roomName").property("text") == "Room 1"
    assert ":" in find(room_screen.window, "clock").property("text")
    for area in ("musicArea", "sessionArea", "guideArea"):
        assert shown(find(room_screen.window, area))
    assert shown(find(room_screen.window, "callNurseButton"))


def test_the_guide_card_opens_every_topic_and_says_the_sample_text_is_not_reviewed(
        room_screen: Screen) -> None:
    guide = find(room_screen.window, "guideArea")
    texts = [i.property("text") for i in items(guide) if i.inherits("QQuickText") and shown(i)]
    assert "All topics (13) ›" in texts
    assert "Sample text, not yet reviewed" in texts
    assert shown(find(room_screen.window, "guideOpenButton"))


def test_with_no_station_reachable_the_call_button_says_so_before_it_is_pressed(
        room_screen: Screen, qtbot) -> None:  # type: ignore[no-untyped-def]
    button = find(room_screen.window, "callNurseButton")
    qtbot.waitUntil(lambda: "call out" in str(button.property("shownStatus")).lower())


def test_every_interactive_item_has_an_object_name_and_an_accessible_name(
        room_screen: Screen) -> None:
    room_screen.backends["room"].rest()
    every = [i for i in items(room_screen.window.contentItem())
             if i.inherits("QQuickAbstractButton") or i.inherits("QQuickMouseArea")]
    assert len(every) >= 3
    for item in every:
        assert item.objectName(), f"an interactive {item.metaObject().className()} has no name"
        assert accessible_name(item), f"{item.objectName()} has no Accessible.name"


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
def test_call_button_is_the_largest_target_and_every_target_is_at_least_110_px(
        room_screen: Screen, size: tuple[int, int], qtbot) -> None:  # type: ignore[no-untyped-def]
    room_screen.window.setGeometry(0, 0, *size)
    qtbot.wait(50)
    shown_targets = targets(room_screen.window)
    assert shown_targets
    areas = {t.objectName(): t.width() * t.height() for t in shown_targets}
    assert max(areas, key=lambda k: areas[k]) == "callNurseButton"
    for target in shown_targets:
        _, _, w, h = scene_rect(target)
        assert w >= 110 and h >= 110, f"{target.objectName()} is {w:.0f}x{h:.0f} px"


def test_theme_text_colours_reach_7_to_1_on_their_backgrounds(room_screen: Screen) -> None:
    theme = room_screen.engine.singletonInstance("Kiosk", "Theme")
    pairs = theme.property("pairs").toVariant()
    assert len(pairs) >= 5
    for fg, bg in pairs:
        ratio = contrast(QColor(theme.property(fg)), QColor(theme.property(bg)))
        assert ratio >= 7.0, f"{fg} on {bg} is only {ratio:.1f}:1"


@pytest.mark.parametrize("resting", [False, True])
def test_every_shown_text_is_large_and_at_least_7_to_1_where_it_is_drawn(
        room_screen: Screen, resting: bool, qtbot) -> None:  # type: ignore[no-untyped-def]
    if resting:
        room_screen.backends["room"].rest()
        qtbot.wait(50)
    texts = [i for i in items(room_screen.window.contentItem())
             if i.inherits("QQuickText") and shown(i) and i.property("text")]
    assert texts
    for text in texts:
        ratio = contrast(text.property("color"), background_behind(text, room_screen.window))
        assert ratio >= 7.0, f"'{text.property('text')}' has contrast {ratio:.1f}:1"
        assert text.property("font").pixelSize() >= 24, f"'{text.property('text')}' is too small"


def tap(screen: Screen, point: QPoint) -> None:
    QTest.mouseClick(screen.window, Qt.MouseButton.LeftButton, pos=point)


def test_rest_mode_darkens_all_but_the_call_button_and_first_touch_only_wakes(
        room_screen: Screen, qtbot) -> None:  # type: ignore[no-untyped-def]
    room = room_screen.backends["room"]
    rest_button = find(room_screen.window, "restButton")
    tap(room_screen, centre(rest_button).toPoint())
    qtbot.waitUntil(lambda: room.restMode)
    assert shown(find(room_screen.window, "restOverlay"))
    assert shown(find(room_screen.window, "callNurseButton"))
    # A touch where the "Darken screen" button was only wakes the screen; it presses nothing.
    tap(room_screen, centre(rest_button).toPoint())
    qtbot.waitUntil(lambda: not room.restMode)
    qtbot.wait(50)
    assert not room.restMode


def test_the_patient_cannot_close_the_window(room_screen: Screen, qtbot) -> None:  # type: ignore[no-untyped-def]
    room_screen.window.close()
    qtbot.wait(50)
    assert room_screen.window.isVisible()
    room_screen.backends["room"].allow_close()
    room_screen.window.close()
    qtbot.waitUntil(lambda: not room_screen.window.isVisible())


def test_a_missing_sound_and_an_unusable_broker_file_are_named_on_screen_beside_the_call_button(
        qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from kiosk.adapters.cues import CALL_NOT_THROUGH, CALL_PRESS, SESSION_END, CuePlayer
    from kiosk.screenshots.fakes import offline_parts

    create_gui_app()
    config = load_config(None, {})
    dispatcher = Dispatcher()
    parts = offline_parts(dispatcher.post, with_audio=False, scan=lambda playlists, music: None)
    cues = {"session end": SESSION_END, "call not through": CALL_NOT_THROUGH,
            "call press": CALL_PRESS}
    parts.cue = lambda name: CuePlayer(dispatcher.post, cues[name], tmp_path / f"{name}.wav")
    parts.link.problem = "the broker password file /etc/kiosk/pw cannot be read (it is a folder)"
    room = assemble_room(config, config.rooms[0], parts, dispatcher.post)
    screen = load_window("Main", room.backends())
    try:
        screen.window.setGeometry(0, 0, 1280, 800)
        screen.window.show()
        qtbot.waitExposed(screen.window)
        def notes() -> list[str]:
            return [str(i.property("text")) for i in items(screen.window.contentItem())
                    if i.objectName() == "degradedNote" and shown(i)]

        qtbot.waitUntil(lambda: len(notes()) == 5, timeout=3000)  # calls, music, three sounds
        notes_shown = notes()
        assert any("cannot reach the nurse station" in n and "/etc/kiosk/pw" in n
                   for n in notes_shown), notes_shown
        assert any("a sound will not play" in n for n in notes_shown), notes_shown
        assert shown(find(screen.window, "callNurseButton"))
    finally:
        screen.close()
        room.stop()
