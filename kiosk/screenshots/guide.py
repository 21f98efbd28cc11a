"""Guide and language states for screenshots: the "What you may feel" card during the drip,
the topic list and one topic, in each language, and the whole home screen in Spanish.

Each state starts a session on the room's fake clock (20 minutes in: the infusion phase), then
picks the language, since "reset for next patient" returns the room to its own language.
"""

from __future__ import annotations

from collections.abc import Callable

from kiosk.app.room import Room
from kiosk.core.clock import FakeClock

TEMPLATE_ID = "ketamine-40"
IN_THE_DRIP_SECONDS = 20 * 60.0
SHOWN_TOPIC = "dissociation"

State = Callable[[Room, FakeClock], None]


def guide_screenshot_states() -> list[tuple[str, State]]:
    states: list[tuple[str, State]] = []
    for language in ("en", "es"):
        states += [
            (f"guide-card-{language}", _on(language, "home")),
            (f"guide-list-{language}", _on(language, "guide")),
            (f"guide-topic-{language}", _on(language, "topic")),
        ]
    states.append(("home-es", _home_without_session("es")))
    return states


def _on(language: str, screen: str) -> State:
    def state(room: Room, clock: FakeClock) -> None:
        _in_the_drip(room, clock)
        room.language.setLanguage(language)
        room.guide.showTopic(SHOWN_TOPIC)
        room.room.show(screen)
    return state


def _home_without_session(language: str) -> State:
    def state(room: Room, clock: FakeClock) -> None:
        room.session.reset()
        room.room.wake()
        room.language.setLanguage(language)
        room.room.show("home")
    return state


def _in_the_drip(room: Room, clock: FakeClock) -> None:
    room.session.reset()
    room.room.wake()
    room.session.start(TEMPLATE_ID, 0)
    clock.advance(IN_THE_DRIP_SECONDS)
    room.session.refresh()
    room.session.declinePlaylist()
