"""The configuration as the rest of the program sees it: frozen dataclasses, tuples, resolved paths.

`cross_check` finds the problems that span options or files (a phase naming a playlist no room
has, duplicate room ids); `build_config` turns checked values into the dataclasses once no
problem is left.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.core.guide import GuideContent
from kiosk.core.night import NightSchedule, parse_time_of_day
from kiosk.core.pin import PinError, check_stored_hash
from kiosk.core.playlist import Playlist
from kiosk.core.templates import Phase, SessionTemplate
from kiosk.settings.errors import ConfigError, Problem, did_you_mean

if TYPE_CHECKING:
    # Not at run time: a Config read back from the start-up cache (cache.py) needs these
    # classes without the YAML checker behind them.
    from kiosk.settings.validate import Checked


@dataclass(frozen=True)
class BrokerSettings:
    url: str
    host: str
    port: int
    tls: bool
    keepalive_seconds: int
    username: str
    password_file: Path | None
    ca_file: Path | None


@dataclass(frozen=True)
class NurseSettings:
    pin_hash: str
    auto_lock_minutes: int
    max_pin_tries: int
    lockout_minutes: int = 5


@dataclass(frozen=True)
class CallSettings:
    receipt_timeout_seconds: int
    retry_seconds: int
    escalation_minutes: int
    station_chime_repeat_seconds: int


@dataclass(frozen=True)
class RequestType:
    id: str
    label: str
    priority: str


@dataclass(frozen=True)
class AudioSettings:
    fade_in_seconds: float
    fade_out_seconds: float
    crossfade_seconds: float


@dataclass(frozen=True)
class SpeechSettings:
    """Spoken sentences: an espeak-ng voice per language, pace, loudness (capped by each room's
    music cap), and recordings that replace given sentences (text -> file)."""

    voices: Mapping[str, str]
    pace_percent: int
    loudness_percent: int
    not_through_repeat_seconds: int
    narration: Mapping[str, Path]


@dataclass(frozen=True)
class DisplaySettings:
    rest_after_idle_minutes: int
    night: NightSchedule = NightSchedule()


@dataclass(frozen=True)
class ClinicSettings:
    name: str
    language: str
    broker: BrokerSettings
    nurse: NurseSettings
    calls: CallSettings
    requests: tuple[RequestType, ...]
    audio: AudioSettings
    display: DisplaySettings
    speech: SpeechSettings
    session_templates: tuple[SessionTemplate, ...]
    content: Mapping[str, GuideContent]
    station_title: str

    def template(self, template_id: str) -> SessionTemplate:
        return next(t for t in self.session_templates if t.id == template_id)

    def content_for(self, language: str) -> GuideContent | None:
        """What the patient reads in `language`; None when config/content/ is missing."""
        return self.content.get(language)


@dataclass(frozen=True)
class MusicSettings:
    volume_cap_percent: int
    default_volume_percent: int
    playlists: tuple[Playlist, ...]
    default_playlist: str = ""


@dataclass(frozen=True)
class RoomSettings:
    id: str
    display_name: str
    language: str
    music: MusicSettings
    file: Path


@dataclass(frozen=True)
class Config:
    config_dir: Path
    clinic: ClinicSettings
    rooms: tuple[RoomSettings, ...]
    state_dir: Path

    def room(self, room_id: str) -> RoomSettings:
        """The room with this id; KeyError if there is none (resolve_room explains it)."""
        for room in self.rooms:
            if room.id == room_id:
                return room
        raise KeyError(room_id)


@dataclass(frozen=True)
class RoomFile:
    """One room file's checked values, with where it lives."""

    shown_as: str
    path: Path
    checked: Checked


def cross_check(clinic: Checked, clinic_file: str, rooms: list[RoomFile],
                topics: list[str] | None) -> list[Problem]:
    """`topics`: the guide topic ids in content/, None when there is no content folder."""
    problems: list[Problem] = []
    problems += _unique(clinic_file, clinic.values.get("requests", []), "id", "request id")
    templates: list[Checked] = clinic.values.get("session_templates", [])
    problems += _unique(clinic_file, templates, "id", "template id")
    playlists = [p.values["name"] for r in rooms
                 for p in r.checked.values.get("music.playlists", []) if "name" in p.values]
    for template in templates:
        problems += _check_template(clinic_file, template, playlists, topics)
    for room in rooms:
        problems += _check_room(room)
    problems += _unique_rooms(rooms)
    problems += _check_pin_hash(clinic_file, clinic)
    return problems


def _check_pin_hash(file: str, clinic: Checked) -> list[Problem]:
    stored = clinic.values.get("nurse.pin_hash", "")
    if not stored:
        return []
    try:
        check_stored_hash(stored)
    except PinError as error:
        return [Problem(file, clinic.lines.get("nurse.pin_hash"), "nurse.pin_hash", str(error),
                        "run `python main.py hash-pin` and paste the line it prints")]
    return []


def _check_template(file: str, template: Checked, playlists: list[str],
                    topics: list[str] | None) -> list[Problem]:
    problems: list[Problem] = []
    phases: list[Checked] = template.values.get("phases", [])
    problems += _unique(file, phases, "id", "phase id")
    infusions = [p for p in phases if p.values.get("infusion")]
    # A phase whose infusion flag is itself wrong is already reported; counting would mislead.
    flags_known = all("infusion" in p.values for p in phases)
    if "phases" in template.values and flags_known and len(infusions) != 1:
        problems.append(Problem(file, template.lines.get("phases"), template.key("phases"),
                                f"must have exactly one phase with infusion: true "
                                f"(found {len(infusions)})"))
    problems += _check_length_range(file, template, infusions)
    for phase in phases:
        problems += _check_phase_links(file, phase, playlists, topics)
    return problems


def _check_length_range(file: str, template: Checked, infusions: list[Checked]) -> list[Problem]:
    low, high = template.values.get("min_minutes"), template.values.get("max_minutes")
    if low is None or high is None:
        return []
    if low > high:
        return [Problem(file, template.lines.get("max_minutes", template.line),
                        template.key("max_minutes"),
                        f"must be at least min_minutes (got {high}, min_minutes is {low})")]
    if not template.values.get("nurse_sets_length") or len(infusions) != 1:
        return []
    minutes = infusions[0].values.get("minutes")
    if minutes is None or low <= minutes <= high:
        return []
    return [Problem(file, infusions[0].lines.get("minutes"), infusions[0].key("minutes"),
                    f"must be between min_minutes and max_minutes, {low} to {high} "
                    f"(got {minutes})")]


def _check_phase_links(file: str, phase: Checked, playlists: list[str],
                       topics: list[str] | None) -> list[Problem]:
    problems: list[Problem] = []
    playlist = phase.values.get("playlist", "")
    if playlist and playlist not in playlists:
        problems.append(Problem(file, phase.lines.get("playlist"), phase.key("playlist"),
                                f'unknown playlist "{playlist}"',
                                did_you_mean(playlist, playlists)))
    for topic in phase.values.get("guide_topics", ()):
        if topics is not None and topic not in topics:
            problems.append(Problem(file, phase.lines.get("guide_topics"),
                                    phase.key("guide_topics"), f'unknown guide topic "{topic}"',
                                    did_you_mean(topic, topics)))
    return problems


def _check_room(room: RoomFile) -> list[Problem]:
    values = room.checked.values
    problems = _unique(room.shown_as, values.get("music.playlists", []), "name", "playlist name")
    cap = values.get("music.volume_cap_percent")
    start = values.get("music.default_volume_percent")
    if cap is not None and start is not None and start > cap:
        problems.append(Problem(
            room.shown_as, room.checked.lines.get("music.default_volume_percent"),
            "music.default_volume_percent",
            f"must be {cap} or less, the volume cap (got {start})",
            "lower it, or raise music.volume_cap_percent"))
    names = [p.values["name"] for p in values.get("music.playlists", []) if "name" in p.values]
    default = values.get("music.default_playlist")
    if default and default not in names:
        problems.append(Problem(
            room.shown_as, room.checked.lines.get("music.default_playlist"),
            "music.default_playlist", f'unknown playlist "{default}"',
            did_you_mean(default, names) or "name one of this room's music.playlists"))
    return problems


def _unique(file: str, records: Iterable[Checked], name: str, what: str) -> list[Problem]:
    records = list(records)
    counts = Counter(r.values.get(name) for r in records)
    problems = []
    seen: dict[object, Checked] = {}
    for record in records:
        value = record.values.get(name)
        if value is None or counts[value] < 2:
            continue
        first = seen.setdefault(value, record)
        if first is not record:
            problems.append(Problem(file, record.lines.get(name), record.key(name),
                                    f'{what} "{value}" is used twice '
                                    f"(first on line {first.lines.get(name)})"))
    return problems


def _unique_rooms(rooms: list[RoomFile]) -> list[Problem]:
    first_file: dict[str, str] = {}
    problems = []
    for room in rooms:
        room_id = room.checked.values.get("room.id")
        if room_id is None:
            continue
        if room_id in first_file:
            problems.append(Problem(room.shown_as, room.checked.lines.get("room.id"), "room.id",
                                    f'room id "{room_id}" is already used by '
                                    f"{first_file[room_id]}", "give each room its own id"))
        first_file.setdefault(room_id, room.shown_as)
    return problems


def build_clinic(values: dict[str, Any], config_dir: Path, broker_url: str,
                 content: Mapping[str, GuideContent]) -> ClinicSettings:
    """Dataclasses from checked clinic values. `broker_url` may come from KIOSK_BROKER."""
    from kiosk.settings.validate import parse_broker_url

    parsed = parse_broker_url(broker_url)
    assert parsed is not None
    host, port, tls = parsed
    return ClinicSettings(
        name=values["clinic.name"],
        language=values["clinic.language"],
        broker=BrokerSettings(
            url=broker_url, host=host, port=port, tls=tls,
            keepalive_seconds=values["broker.keepalive_seconds"],
            username=values["broker.username"],
            password_file=_optional_path(values["broker.password_file"], config_dir),
            ca_file=_optional_path(values["broker.ca_file"], config_dir)),
        nurse=NurseSettings(values["nurse.pin_hash"], values["nurse.auto_lock_minutes"],
                            values["nurse.max_pin_tries"], values["nurse.lockout_minutes"]),
        calls=CallSettings(values["calls.receipt_timeout_seconds"],
                           values["calls.retry_seconds"], values["calls.escalation_minutes"],
                           values["calls.station_chime_repeat_seconds"]),
        requests=tuple(RequestType(**r.values) for r in values["requests"]),
        audio=AudioSettings(values["audio.fade_in_seconds"], values["audio.fade_out_seconds"],
                            values["audio.crossfade_seconds"]),
        display=DisplaySettings(values["display.rest_after_idle_minutes"], _night(values)),
        speech=SpeechSettings(
            voices={"en": values["speech.voice_en"], "es": values["speech.voice_es"]},
            pace_percent=values["speech.pace_percent"],
            loudness_percent=values["speech.loudness_percent"],
            not_through_repeat_seconds=values["speech.not_through_repeat_seconds"],
            narration={n.values["text"]: _path(n.values["file"], config_dir)
                       for n in values["speech.narration"]}),
        session_templates=tuple(_template(t.values) for t in values["session_templates"]),
        content=content,
        station_title=values["station.title"],
    )


def _night(values: dict[str, Any]) -> NightSchedule:
    start = parse_time_of_day(values["display.night_start"])
    end = parse_time_of_day(values["display.night_end"])
    assert start is not None and end is not None  # checked against the schema
    return NightSchedule(start, end, values["display.night_brightness_percent"])


def _template(values: dict[str, Any]) -> SessionTemplate:
    phases = tuple(Phase(**{**p.values, "guide_topics": tuple(p.values["guide_topics"])})
                   for p in values["phases"])
    return SessionTemplate(id=values["id"], name=values["name"], phases=phases,
                           nurse_sets_length=values["nurse_sets_length"],
                           min_minutes=values["min_minutes"], max_minutes=values["max_minutes"])


def build_room(room: RoomFile, clinic_language: str) -> RoomSettings:
    values = room.checked.values
    base = room.path.parent
    playlists = tuple(
        Playlist(name=p.values["name"], path=str(_path(p.values["path"], base)),
                 description=p.values["description"],
                 cover=str(_optional_path(p.values["cover"], base) or ""),
                 phases=tuple(p.values["phases"]), shuffle=p.values["shuffle"],
                 repeat=p.values["repeat"])
        for p in values["music.playlists"])
    return RoomSettings(
        id=values["room.id"], display_name=values["room.display_name"],
        language=values.get("room.language") or clinic_language,
        music=MusicSettings(values["music.volume_cap_percent"],
                            values["music.default_volume_percent"], playlists,
                            values["music.default_playlist"]),
        file=room.path)


def _path(text: str, base: Path) -> Path:
    """A path as written, relative to `base` unless absolute; `~` means the user's home."""
    path = Path(text).expanduser()
    return path if path.is_absolute() else (base / path).resolve()


def _optional_path(text: str, base: Path) -> Path | None:
    return _path(text, base) if text else None


def resolve_room(config: Config, room_id: str | None = None,
                 env: Mapping[str, str] = os.environ) -> RoomSettings:
    """This tablet's room: `room_id` (from --room), else KIOSK_ROOM, else the first room."""
    wanted = room_id or env.get("KIOSK_ROOM") or None
    if wanted is None:
        return config.rooms[0]
    try:
        return config.room(wanted)
    except KeyError:
        raise ConfigError([unknown_room(config, wanted, "room" if room_id else "KIOSK_ROOM")]
                          ) from None


def unknown_room(config: Config, room_id: str, source: str) -> Problem:
    ids = [r.id for r in config.rooms]
    return Problem("environment" if source == "KIOSK_ROOM" else "command line", None, source,
                   f'unknown room "{room_id}" (rooms: {", ".join(ids)})',
                   did_you_mean(room_id, ids))
