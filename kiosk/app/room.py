"""The patient's room, assembled in one place.

`assemble_room(config, room_settings, parts, post)` builds every backend the room's screen binds
to and wires them together. What differs between the product, the tests and the screenshot
renderer is passed in as `RoomParts` (clock, broker link, call outbox, session store, the one
libVLC engine, speech); `product_parts()` builds the real ones. A part that cannot be had (libVLC
missing, a broker password file that cannot be read, sounds missing) is replaced by nothing or by
an unstarted link, and the room says so on screen: it never takes down the call button.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QGuiApplication

from kiosk.app.late_link import LateRoomLink
from kiosk.app.shell import (
    QuitOnSignal,
    Screen,
    after_first_frame,
    create_gui_app,
    display_problem,
    load_window,
    on_quit,
    quit_on_signal,
    run_window,
    show_maintenance,
)
from kiosk.app.startup import step
from kiosk.core.calls import CallOutbox, RoomCalls
from kiosk.core.clock import Clock, SystemClock
from kiosk.core.listeners import Listeners
from kiosk.core.lockout import LockoutStore, MemoryLockoutStore
from kiosk.core.protocol import CallMessage, Resolved, SessionStatus
from kiosk.qt import ROOM_FIRST_FRAME
from kiosk.qt.calls import RequestChoice, RoomCallController
from kiosk.qt.i18n import LanguageController, translations
from kiosk.qt.nurse import JsonStore, MemoryJsonStore, NurseAccess, NurseDesk, RoomOnTablet
from kiosk.qt.room import Degraded, RoomController, TouchWatcher

if TYPE_CHECKING:
    # Imported where used, as the room completes after its first frame (the configuration's
    # model brings kiosk.core.guide in earlier, for its data classes).
    from kiosk.core.guide import GuideContent
    from kiosk.core.session import SessionStore
    from kiosk.core.templates import Phase
    from kiosk.qt.dispatch import Dispatcher
    from kiosk.qt.guide import GuideController
    from kiosk.qt.music import MusicController
    from kiosk.qt.session import SessionController
    from kiosk.qt.speech import SpeakerPort, SpeechController

log = logging.getLogger(__name__)

Post = Callable[[Callable[[], None]], None]


class RoomLinkPort(Protocol):
    """What the room needs of its broker link (kiosk.adapters.mqtt_link.RoomLink)."""

    connection_changed: Listeners[[bool]]

    @property
    def problem(self) -> str: ...

    def attach(self, listener: Any) -> None: ...

    def publish_call(self, call: CallMessage) -> bool: ...

    def publish_resolved(self, room: str, msg: Resolved) -> bool: ...

    def publish_session(self, msg: SessionStatus) -> bool: ...

    def start(self) -> None: ...

    def stop(self) -> None: ...


class AudioEngine(Protocol):
    """The room's one libVLC path (kiosk.adapters.vlc_player.VlcEngine)."""

    def deck(self) -> Any: ...

    def release(self) -> None: ...


class Cue(Protocol):
    problem: str | None

    def play(self) -> None: ...

    def release(self) -> None: ...


@dataclass
class RoomParts:
    """The parts that differ between the product, the tests and the screenshots."""

    clock: Clock
    link: RoomLinkPort
    outbox: CallOutbox
    session_store: SessionStore
    audio: AudioEngine | None
    audio_problem: str = ""
    # Builds a short sound on the room's audio path: (post, name) -> Cue, or None for silence.
    cue: Callable[[str], Cue | None] = lambda name: None
    # Scans playlists off the Qt thread and hands the results to the music controller.
    scan: Callable[[Any, MusicController], None] = lambda playlists, music: None
    # The room's voice (kiosk.adapters.speech.Speaker): None, and the room has no voice.
    speech: SpeakerPort | None = None
    # Wrong nurse PINs and the pad's lockout, kept across restarts in the product.
    lockout_store: LockoutStore = field(default_factory=MemoryLockoutStore)
    # Runs the PIN's key derivation off the Qt thread (None: a worker thread per check).
    pin_check_runner: Callable[[Callable[[], None]], None] | None = None
    # The audit log (kiosk.adapters.audit.AuditLog): record(event, detail), last(count).
    audit: Any = None
    # Settings changed on this tablet that outlive the patient (the room's volume limit).
    room_overrides: JsonStore = field(default_factory=MemoryJsonStore)


@dataclass
class Room:
    """Every backend of the patient's screen: QML gets them as required properties."""

    config: Any
    room: RoomController
    music: MusicController
    session: SessionController
    calls: RoomCallController
    call_core: RoomCalls
    link: RoomLinkPort
    guide: GuideController
    language: LanguageController
    desk: NurseDesk
    releases: list[Callable[[], None]] = field(default_factory=list)
    # Replaced by the assembled voice; this one has none (available is False).
    speech: SpeechController = field(default_factory=lambda: _no_voice())
    room_id: str = ""
    # Scans a reloaded config's playlists (kiosk.app.reload) on the room's music path.
    rescan: Callable[[Any], None] = lambda playlists: None

    def backends(self) -> dict[str, QObject]:
        return {"room": self.room, "music": self.music, "session": self.session,
                "calls": self.calls, "guide": self.guide, "language": self.language,
                "desk": self.desk, "speech": self.speech}

    def start(self) -> None:
        self.link.start()

    def stop(self) -> None:
        """Stop the link first (it says goodbye), then release audio, last the engine."""
        for release in self.releases:
            release()


@dataclass
class CallPath:
    """What the first frame needs: the call button, live (a press places a call), and the
    room's own screen state (rest mode, the nurse's hold area). The rest joins it later."""

    room: RoomController
    calls: RoomCallController
    call_core: RoomCalls

    def backends(self) -> dict[str, QObject]:
        return {"room": self.room, "calls": self.calls}


def _no_voice() -> SpeechController:
    from kiosk.qt.speech import SpeechController

    return SpeechController(None, str)


def assemble_call_path(config: Any, room_settings: Any, parts: RoomParts,
                       parent: QObject | None = None) -> CallPath:
    clinic = config.clinic
    room = RoomController(room_settings.display_name, clinic.name, parent,
                          nurse=_nurse_access(clinic, parts), clock=parts.clock)
    room.rest_after_idle(clinic.display.rest_after_idle_minutes)
    call_core, calls = _calls(clinic, room_settings.id, parts)
    # A patient resting with eyes closed must see what happened to their call when they look.
    calls.callStateChanged.connect(room.wake)
    return CallPath(room, calls, call_core)


def assemble_room(config: Any, room_settings: Any, parts: RoomParts, post: Post,
                  parent: QObject | None = None) -> Room:
    """Every backend at once (tests, screenshots). The product builds the call path before its
    first frame and completes the room right after it (run_room)."""
    return complete_room(config, room_settings, parts,
                         assemble_call_path(config, room_settings, parts, parent))


def complete_room(config: Any, room_settings: Any, parts: RoomParts, first: CallPath) -> Room:
    """Music, session, speech, guide, language and the nurse desk, around the call path.
    Their modules are imported here, not before the first frame, which can do without them."""
    from kiosk.core.session import SessionModel
    from kiosk.qt.session import SessionController, connect_room

    clinic = config.clinic
    room, calls, call_core = first.room, first.calls, first.call_core
    music = _music(config, room_settings, parts)
    parts.scan(room_settings.music.playlists, music)
    session = SessionController(SessionModel(parts.clock, parts.session_store),
                                list(clinic.session_templates))
    end_cue = parts.cue("session end")
    connect_room(session, room, end_cue.play if end_cue else lambda: None)
    tone = parts.cue("call not through")
    if tone is not None:
        calls.notThrough.connect(tone.play)
    press = parts.cue("call press")
    if press is not None:
        calls.callPressed.connect(press.play)
    connect_session_to_music(session, music)
    publish_session_to_station(session, parts.link, room_settings.id)
    speech = _speech(clinic, parts, music, session, calls, tone)
    guide, language = _guide_and_language(config, room_settings, room, session, music, calls,
                                          call_core)
    desk = NurseDesk(call_core, room, session, parts.clock, _facts_for_it(config, room_settings),
                     clinic.calls.receipt_timeout_seconds, room)
    if parts.audit is not None:
        audit_room(parts.audit, room, desk, session)
    on_tablet = RoomOnTablet(parts.room_overrides, music,
                             room_settings.music.volume_cap_percent, room, night_room=room,
                             clinic_night=clinic.display.night,
                             clinic_playlist=room_settings.music.default_playlist)
    session.patientReset.connect(on_tablet.patient_reset)
    follow_session_starts(session, on_tablet.session_started)
    desk.set_on_tablet(on_tablet)
    desk.set_rest_default(clinic.display.rest_after_idle_minutes)
    assembled = Room(config, room, music, session, calls, call_core, parts.link, guide,
                     language, desk)
    assembled.releases.extend((parts.link.stop, parts.outbox.close))
    assembled.releases.extend(c.release for c in (end_cue, tone, press) if c is not None)
    assembled.speech = speech
    assembled.room_id = room_settings.id
    assembled.rescan = lambda playlists: parts.scan(playlists, music)
    if parts.speech is not None:
        assembled.releases.append(parts.speech.release)  # its deck, before the engine
    if parts.audio is not None:
        assembled.releases.append(parts.audio.release)  # last: after every deck is released
    _report_degraded(room, parts, (end_cue, tone, press))
    if parts.speech is not None and parts.speech.problem:
        _degraded(room, Degraded.SOUNDS, f"the voice is off: {parts.speech.problem}")
    return assembled


def audit_room(audit: Any, room: RoomController, desk: NurseDesk,
               session: SessionController) -> None:
    """What goes in the audit log: the panel opened and closed, wrong PINs and lockouts, every
    nurse action, calls opened and closed, and session changes; never patient data."""
    nurse = cast(NurseAccess, room.nurse)
    nurse.granted.connect(lambda: audit.record("nurse panel opened"))
    nurse.lockedAgain.connect(lambda: audit.record("nurse panel closed"))
    nurse.pinRefused.connect(
        lambda locked: audit.record("PIN pad locked" if locked else "wrong PIN"))
    desk.acted.connect(audit.record)
    session.sessionStateChanged.connect(
        lambda: audit.record("session", str(session.property("sessionState"))))
    desk.set_audit_reader(audit.last)


def _facts_for_it(config: Any, room_settings: Any) -> list[tuple[str, str]]:
    from importlib.metadata import PackageNotFoundError, version

    try:
        release = version("infusion-kiosk")
    except PackageNotFoundError:
        release = "source checkout"
    return [("Room id", room_settings.id), ("Broker", config.clinic.broker.url),
            ("Version", release), ("State folder", str(config.state_dir))]


def _speech(clinic: Any, parts: RoomParts, music: MusicController, session: SessionController,
            calls: RoomCallController, tone: Cue | None) -> SpeechController:
    """The room's voice: read-aloud for every screen, and with "Speak to me" on every call
    state, music confirmation and the end of the session said as it happens. The music ducks
    under each sentence. The call path only ever hands speech a sentence: it never waits."""
    from kiosk.qt.speech import CallVoice, SpeechController, session_end_sentence

    speech = SpeechController(parts.speech, lambda: translations().language or "en")
    if parts.speech is not None:
        parts.speech.speaking.connect(music.duck)
    music.confirm.connect(speech.confirm)
    session.sessionEnded.connect(lambda _info: speech.confirm(session_end_sentence()))
    session.patientReset.connect(speech.reset)
    CallVoice(speech, calls, tone.play if tone is not None else lambda: None,
              clinic.speech.not_through_repeat_seconds, speech)
    return speech


def _nurse_access(clinic: Any, parts: RoomParts) -> NurseAccess:
    nurse = clinic.nurse
    return NurseAccess(nurse.pin_hash, max_tries=nurse.max_pin_tries,
                       lockout_minutes=nurse.lockout_minutes,
                       auto_lock_minutes=nurse.auto_lock_minutes, clock=parts.clock,
                       store=parts.lockout_store, run=parts.pin_check_runner)


def _music(config: Any, room_settings: Any, parts: RoomParts) -> MusicController:
    from kiosk.core.fades import FadeSettings
    from kiosk.core.volume import VolumePolicy
    from kiosk.qt.music import MusicController

    audio = config.clinic.audio
    fades = FadeSettings(fade_in_seconds=audio.fade_in_seconds,
                         fade_out_seconds=audio.fade_out_seconds,
                         crossfade_seconds=audio.crossfade_seconds)
    settings = room_settings.music
    policy = VolumePolicy(cap_percent=settings.volume_cap_percent,
                          default_percent=settings.default_volume_percent)
    decks = (parts.audio.deck(), parts.audio.deck()) if parts.audio is not None else None
    return MusicController(settings.playlists, decks, fades, policy,
                           unavailable=parts.audio_problem)


def _calls(clinic: Any, room_id: str, parts: RoomParts
           ) -> tuple[RoomCalls, RoomCallController]:
    core = RoomCalls(room_id, parts.clock, parts.outbox, parts.link,
                     receipt_timeout_seconds=clinic.calls.receipt_timeout_seconds,
                     retry_seconds=clinic.calls.retry_seconds)
    parts.link.attach(core)
    choices = [RequestChoice(r.id, r.label, r.priority) for r in clinic.requests]
    controller = RoomCallController(core, choices)
    parts.link.connection_changed.connect(controller.set_link_up)
    return core, controller


def _guide_and_language(config: Any, room_settings: Any, room: RoomController,
                        session: SessionController, music: MusicController,
                        calls: RoomCallController,
                        call_core: RoomCalls) -> tuple[GuideController, LanguageController]:
    """The guide follows the session's phase; the patient's language (the room's own until the
    patient or the nurse picks another, and again after "reset for next patient") chooses the
    interface's words and the clinic's texts: guide, request labels, phase names and lines."""
    from kiosk.core.guide import AFTER_SESSION
    from kiosk.core.session import SessionState
    from kiosk.qt.guide import GuideController
    from kiosk.settings.schema import LANGUAGES

    clinic = config.clinic
    offered = [code for code in LANGUAGES if clinic.content_for(code) is not None]
    language = LanguageController(offered or [room_settings.language], room_settings.language,
                                  room)
    guide = GuideController(clinic.content, language.current(), clinic.language, call_core, room)

    def words_in_language() -> None:
        content = guide.content_for(language.current())  # as a config reload left it
        guide.set_language(language.current())
        calls.set_patient_labels(guide.patient_labels())
        session.set_phase_words(phase_words(content))
        room.retranslate()
        # The music card's "unavailable" line and the reason on a playlist that cannot play are
        # worded when read: ask QML to read them again.
        music.availableChanged.emit()
        music.playlistsChanged.emit()

    def follow_phase() -> None:
        view = session.view()
        if view.state is SessionState.ENDED:
            guide.set_phase(AFTER_SESSION)
        elif view.phase is not None and view.state is not SessionState.NONE:
            guide.set_phase(view.phase.id, view.phase.guide_topics)
        else:
            guide.set_phase(None)

    words_in_language()
    follow_phase()
    language.languageChanged.connect(words_in_language)
    guide.contentsReplaced.connect(words_in_language)
    session.patientReset.connect(language.reset)
    session.sessionStateChanged.connect(follow_phase)
    session.phaseIndexChanged.connect(follow_phase)
    calls.requestsChanged.connect(lambda: guide.set_open_requests(calls.property("requests")))
    return guide, language


def phase_words(content: GuideContent | None) -> Callable[[str, Phase], tuple[str, str]]:
    """A phase's name and line in the content's language; the template's own words (clinic.yaml)
    where the content has none."""
    def words(template_id: str, phase: Phase) -> tuple[str, str]:
        if content is None:
            return phase.name, phase.description
        try:
            found = content.phase_words(template_id, phase.id)
        except KeyError:
            return phase.name, phase.description
        return found.name, found.line
    return words


def _report_degraded(room: RoomController, parts: RoomParts, cues: tuple[Cue | None, ...]
                     ) -> None:
    """Parts that could not be had, for the staff line on the patient's screen (and the log)."""
    if parts.link.problem:
        _degraded(room, Degraded.CALLS, parts.link.problem)
    if parts.outbox.problem:
        _degraded(room, Degraded.STORAGE, parts.outbox.problem)
    if parts.audio is None and parts.audio_problem:
        _degraded(room, Degraded.MUSIC, parts.audio_problem)
    for cue in cues:
        if cue is not None and cue.problem:
            _degraded(room, Degraded.SOUNDS, cue.problem)


def _degraded(room: RoomController, part: Degraded, detail: str) -> None:
    log.warning("room runs without a part part=%s reason=%s", part.value, detail)
    room.add_degraded(part, detail)


def follow_session_starts(session: SessionController, started: Callable[[], None]) -> None:
    """Calls `started` when a nurse starts a session (not when one is restored at start-up)."""
    from kiosk.core.session import SessionState

    last = {"state": session.view().state}

    def follow() -> None:
        state = session.view().state
        if state is SessionState.RUNNING and last["state"] in (SessionState.NONE,
                                                                SessionState.ENDED):
            started()
        last["state"] = state

    session.sessionStateChanged.connect(follow)


def connect_session_to_music(session: SessionController, music: MusicController) -> None:
    """A suggested playlist the patient accepts starts playing; reset for the next patient
    silences the music; a phase marked fade_music_at_end fades the music out as it ends (the
    fade-out starts at the phase boundary, which the session reports within its poll interval)."""
    def play_named(name: str) -> None:
        for index, playlist in enumerate(music.property("playlists")):
            if playlist["name"] == name and playlist["available"]:
                music.playPlaylist(index)
                return
        log.warning("suggested playlist not playable name=%s", name)

    session.playlistAccepted.connect(play_named)
    session.patientReset.connect(music.silence)
    fade_when_this_ends = {"phase": False}

    def on_phase(info: dict[str, Any]) -> None:
        if fade_when_this_ends["phase"]:
            log.info("music fades out at the end of a phase")
            music.silence()
        fade_when_this_ends["phase"] = bool(info.get("fadeMusicAtEnd"))

    def on_end(_info: dict[str, Any]) -> None:
        if fade_when_this_ends["phase"]:
            music.silence()
        fade_when_this_ends["phase"] = False

    session.phaseChanged.connect(on_phase)
    session.sessionEnded.connect(on_end)


def publish_session_to_station(session: SessionController, link: RoomLinkPort,
                               room_id: str) -> None:
    """The station shows each room's phase and time left: publish on every visible change (the
    minutes-left text changes once a minute while a session runs), and again when the link comes
    back, for a status changed while the broker was unreachable, and at once when the link is
    already up (the product starts it before the rest of the room is built)."""
    from kiosk.core.session import SessionState

    def publish() -> None:
        view = session.view()
        phase = view.phase
        link.publish_session(SessionStatus(
            room=room_id, running=view.state is SessionState.RUNNING,
            phase=phase.id if phase else "", phase_label=phase.name if phase else "",
            remaining_seconds=int(view.remaining_seconds),
            infusion_complete=view.infusion_complete, at=time.time()))

    for signal_ in (session.sessionStateChanged, session.phaseNameChanged,
                    session.minutesLeftTextChanged, session.infusionCompleteChanged):
        signal_.connect(publish)
    link.connection_changed.connect(lambda up: publish() if up else None)
    if getattr(link, "connected", False):
        publish()


def product_parts(config: Any, room_settings: Any, post: Post,
                  vlc_options: tuple[str, ...] | None = None) -> RoomParts:
    """The real parts: the system clock, the MQTT link, the SQLite outbox and the session file
    in the state folder, and one libVLC instance for the music and every cue."""
    parts = product_call_parts(config, room_settings, post)
    add_product_sound(parts, config, room_settings, post, vlc_options)
    return parts


def add_product_sound(parts: RoomParts, config: Any, room_settings: Any, post: Post,
                      vlc_options: tuple[str, ...] | None = None) -> None:
    """The sound parts, which the call button's first frame can do without: one libVLC
    instance for the music, every cue and the voice, and the playlist scanner."""
    from kiosk.adapters.cues import CALL_NOT_THROUGH, CALL_PRESS, SESSION_END, CuePlayer
    from kiosk.adapters.library import LibraryScanner
    from kiosk.adapters.vlc_player import DEFAULT_OPTIONS, open_engine

    engine, audio_problem = open_engine(post, vlc_options or DEFAULT_OPTIONS)
    cues = {"session end": SESSION_END, "call not through": CALL_NOT_THROUGH,
            "call press": CALL_PRESS}

    def cue(name: str) -> Cue | None:
        return CuePlayer(post, cues[name], engine=engine)

    def scan(playlists: Any, music: MusicController) -> None:
        LibraryScanner(post).scan(playlists, music.apply_scan)

    parts.audio, parts.audio_problem = engine, audio_problem or ""
    parts.speech = _speaker(config, room_settings, post, engine, audio_problem or "")
    parts.cue, parts.scan = cue, scan


def product_call_parts(config: Any, room_settings: Any, post: Post,
                       link_at_start: bool = False) -> RoomParts:
    """The real parts the call path needs, with no sound yet (add_product_sound).
    `link_at_start`: the broker link (and paho) is made when it starts, not now: a link that
    cannot be used says so only from then on."""
    from kiosk.adapters.audit import AuditLog
    from kiosk.adapters.outbox import SqliteOutbox
    from kiosk.adapters.state_file import SessionStateFile

    room_id = room_settings.id
    state_dir: Path = config.state_dir

    def link() -> RoomLinkPort:
        from kiosk.adapters.mqtt_link import BrokerEndpoint, RoomLink

        return RoomLink(room_id, BrokerEndpoint.from_settings(config.clinic.broker, room_id),
                        post)

    return RoomParts(
        clock=SystemClock(),
        link=LateRoomLink(link) if link_at_start else link(),
        # One outbox per room, so two rooms sharing a state folder (the demo) never share calls.
        outbox=SqliteOutbox(state_dir / "calls" / room_id),
        session_store=SessionStateFile(state_dir / "sessions" / f"{room_id}.json"),
        # The same atomic JSON file as the session: wrong PINs survive a restart.
        lockout_store=SessionStateFile(state_dir / "nurse" / f"{room_id}-pin-lockout.json"),
        audit=AuditLog(state_dir / "audit" / f"{room_id}.jsonl"),
        room_overrides=SessionStateFile(state_dir / "overrides" / f"{room_id}.json"),
        audio=None)


def _speaker(config: Any, room_settings: Any, post: Post, engine: Any, audio_problem: str
             ) -> SpeakerPort:
    """espeak-ng on a deck of the room's libVLC engine, as loud as the clinic set but never
    above this room's music cap; sentences cached in the state folder."""
    from kiosk.adapters.speech import EspeakEngine, Speaker, Voice
    from kiosk.core.fades import DUCK_DOWN_SECONDS, DUCK_GAIN
    from kiosk.core.volume import VolumePolicy

    settings = config.clinic.speech
    # The voice and the ducked music together stay under the room's cap.
    cap = VolumePolicy(cap_percent=room_settings.music.volume_cap_percent * (1 - DUCK_GAIN),
                       default_percent=settings.loudness_percent)
    voice = Voice(voices=settings.voices, pace_percent=settings.pace_percent,
                  units=cap.units_for(settings.loudness_percent), narration=settings.narration)
    return Speaker(post, engine.deck() if engine is not None else None, EspeakEngine(), voice,
                   config.state_dir / "speech", deck_problem=audio_problem,
                   lead_seconds=DUCK_DOWN_SECONDS)


def run_room(config_dir: Path | None, room_id: str | None, windowed: bool) -> int:
    from kiosk.settings.errors import ConfigError
    from kiosk.settings.model import resolve_room

    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    step("imports")
    app = create_gui_app(ROOM_FIRST_FRAME)
    quitter = quit_on_signal(app)
    staged: StagedRoom | None = None
    try:
        config, cached = start_config(config_dir, os.environ)
        settings = resolve_room(config, room_id, os.environ)
        step("config")
        post = PostAfterFirstFrame()
        parts = product_call_parts(config, settings, post, link_at_start=True)
        staged = StagedRoom(config, settings, parts, assemble_call_path(config, settings, parts),
                            lambda parts: add_product_sound(parts, config, settings, post),
                            prepare=lambda: post.start(app))
        staged.confirm_config = lambda reloader: confirm_config(reloader, config, cached,
                                                                config_dir, os.environ)
        step("call_path")
        screen = load_window("Main", staged.first.backends())
        step("qml")
    except ConfigError as error:
        screen = show_maintenance([str(p) for p in error.problems])
    except Exception as error:  # noqa: BLE001 - the last line of defence: never a crash loop
        log.debug("room could not be assembled", exc_info=True)
        screen = show_maintenance([f"The room could not start: {error}"])
        staged = None
    return _run(app, screen, staged, windowed, quitter)


def start_config(config_dir: Path | None, env: Mapping[str, str]) -> tuple[Any, bool]:
    """The configuration for the first frame: the one cached at the last start when none of
    its files changed (True), else the files read and checked now, and cached (False)."""
    from kiosk.settings.cache import store_config, stored_config

    config = stored_config(config_dir, env)
    if config is not None:
        return config, True
    from kiosk.settings import load_config

    config = load_config(config_dir, env)
    store_config(config, config_dir, env)
    return config, False


def confirm_config(reloader: Any, used: Any, cached: bool, config_dir: Path | None,
                   env: Mapping[str, str]) -> None:
    """After the first frame: a configuration from the start-up cache is checked against the
    files (read in full), and a difference is applied as a config reload would, and cached."""
    if not cached:
        return
    from kiosk.settings import ConfigError, load_config
    from kiosk.settings.cache import store_config

    try:
        fresh = load_config(config_dir, env)
    except ConfigError:
        log.warning("config cache: the files no longer validate; reloading them")
        reloader.reload()
        return
    if fresh != used:
        store_config(fresh, config_dir, env)
        log.warning("config cache: the files differ from the cached settings; reloading them")
        reloader.reload()


class PostAfterFirstFrame:
    """The `post` of the parts built before the first frame, to a Dispatcher made after it:
    the Dispatcher's queued connection names one of Qt's connection types, and the first use
    of that namespace builds all of its enums (about 25 ms). Nothing posts before then: the
    link starts, and the sound parts are made, after the frame."""

    def __init__(self) -> None:
        self._dispatcher: Dispatcher | None = None

    def start(self, parent: QObject) -> None:
        """On the Qt thread, before anything may post."""
        from kiosk.qt.dispatch import Dispatcher

        self._dispatcher = Dispatcher(parent)

    def __call__(self, fn: Callable[[], None]) -> None:
        if self._dispatcher is None:
            raise RuntimeError("posted to the Qt thread before the room's first frame")
        self._dispatcher.post(fn)


class StagedRoom:
    """The product's room in two steps: the call path before the first frame, everything else
    right after it (`prepare`, then the link starts, then `add_sound` completes the parts),
    handed to the open window."""

    def __init__(self, config: Any, settings: Any, parts: RoomParts, first: CallPath,
                 add_sound: Callable[[RoomParts], None],
                 prepare: Callable[[], None] = lambda: None) -> None:
        self.config, self.settings, self.parts = config, settings, parts
        self.first = first
        self._add_sound = add_sound
        self._prepare = prepare
        self.assembled: Room | None = None
        # Checks the configuration the room started with, once its reloader exists.
        self.confirm_config: Callable[[Any], None] = lambda reloader: None

    def start(self, screen: Screen) -> None:
        on_quit(self.stop)
        after_first_frame(screen.window, lambda: self.complete(screen))

    def complete(self, screen: Screen) -> None:
        # Touches count towards rest mode from here: no one touches the screen before its first
        # frame, and a Python filter sees every event the app gets, many before that frame
        # (about 10 ms of them).
        app = QGuiApplication.instance()
        if app is not None:
            app.installEventFilter(TouchWatcher(self.first.room))
        # The link connects from here: its thread would hold up the first frame, and no one
        # can press the button before that frame anyway. A press queues in the outbox.
        self._prepare()
        self.parts.link.start()
        try:
            self._add_sound(self.parts)
            assembled = complete_room(self.config, self.settings, self.parts, self.first)
        except Exception:  # noqa: BLE001 - the call button stays live whatever fails here
            log.exception("room runs with its call button only")
            return
        self.assembled = assembled
        late = {name: backend for name, backend in assembled.backends().items()
                if name not in self.first.backends()}
        for name, backend in late.items():
            if backend.parent() is None:
                backend.setParent(screen.engine)
            screen.window.setProperty(name, backend)
        screen.backends.update(late)
        step("complete")
        apply_test_hooks(assembled, os.environ)
        from kiosk.app.reload import ConfigReloader

        reloader = ConfigReloader(assembled, os.environ, parent=assembled.room)
        QTimer.singleShot(0, reloader, lambda: self.confirm_config(reloader))
        QTimer.singleShot(0, lambda: assembled.desk.set_config_problems(
            log_resource_problems(assembled.config)))

    def stop(self) -> None:
        if self.assembled is not None:
            self.assembled.stop()
            return
        self.parts.link.stop()
        self.parts.outbox.close()


def _run(app: QGuiApplication, screen: Screen, staged: StagedRoom | None, windowed: bool,
         quitter: QuitOnSignal) -> int:
    if staged is None:
        return run_window(app, screen, "maintenance", windowed, quitter=quitter)
    room = staged.first.room
    staged.start(screen)
    return run_window(app, screen, "room", windowed, before_quit=room.allow_close,
                      quitter=quitter)


def log_resource_problems(config: Any) -> list[str]:
    """What check-config would say about the files the config names, in the log, after the
    first frame (it reads the music folders): the screen already shows what is degraded.
    Returns them, one line each, for the nurse panel's diagnostics."""
    from kiosk.settings import resource_problems

    lines = []
    for problem in resource_problems(config, os.environ):
        line = str(problem).replace("\n", " ")
        log.warning("config %s%s", "" if problem.is_warning else "error: ", line)
        lines.append(line)
    return lines


# ---- test hooks: only here, only when the test harness asks ----------------------------------

TEST_HOOKS = "KIOSK_TEST_HOOKS"  # each declared in kiosk/settings/environment.py
TEST_CALL_AFTER_START = "KIOSK_TEST_CALL_AFTER_START"
TEST_START_SESSION = "KIOSK_TEST_START_SESSION"


def apply_test_hooks(room: Room, env: Mapping[str, str]) -> list[str]:
    """Process tests drive the room from outside, through the environment, and only when they
    also set KIOSK_TEST_HOOKS=1. Each hook acts through the same slot a person would press, and
    logs a warning: a deployment must never set these. Returns the hooks applied."""
    if env.get(TEST_HOOKS) != "1":
        return []
    applied: list[str] = []
    template_id = env.get(TEST_START_SESSION, "")
    if template_id:
        started = room.session.start(template_id, 0)
        log.warning("session started by test hook template=%s started=%s", template_id,
                    started)
        applied.append(TEST_START_SESSION)
    if env.get(TEST_CALL_AFTER_START) == "1":
        def place() -> None:
            log.warning("call placed by test hook id=%s", room.calls.callNurse())

        QTimer.singleShot(0, room.calls, place)
        applied.append(TEST_CALL_AFTER_START)
    return applied
