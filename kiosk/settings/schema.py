"""Every configuration option, declared once.

This declaration drives validation, the defaults and the generated reference (config/README.md).
Keys are dotted paths inside their file (`music.volume_cap_percent`); a unit is part of the name.
A list of records (`requests`, `session_templates`) declares the fields of one record in `fields`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from kiosk.core.guide import AFTER_SESSION


class Kind(Enum):
    TEXT = "text"
    WHOLE_NUMBER = "whole number"
    NUMBER = "number"
    SWITCH = "true or false"
    CHOICE = "one of"
    PATH = "file or folder path"
    SLUG = "short id"
    BROKER_URL = "broker address"
    SLUG_LIST = "list of short ids"
    CHOICE_LIST = "list, each one of"
    RECORDS = "list of entries"
    TIME_OF_DAY = "time of day"


@dataclass(frozen=True)
class Option:
    """One option. `default` None with `required` means the file must set it.

    `default_text` replaces the default in the reference when the real default is computed.
    """

    key: str
    kind: Kind
    default: object
    description: str
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()
    fields: tuple[Option, ...] = ()
    required: bool = False
    default_text: str = ""

    @property
    def name(self) -> str:
        return self.key.rsplit(".", 1)[-1]

    @property
    def unit(self) -> str:
        for suffix in ("seconds", "minutes", "percent"):
            if self.name.endswith("_" + suffix):
                return suffix
        return ""


LANGUAGES = ("en", "es")
PRIORITIES = ("high", "normal", "low")
PLAYLIST_PHASES = ("settle", "infusion", "rest")


def _record(*pairs: tuple[str, object]) -> dict[str, object]:
    return dict(pairs)


def _request(rid: str, label: str, priority: str) -> dict[str, object]:
    return _record(("id", rid), ("label", label), ("priority", priority))


def _phase(pid: str, name: str, minutes: int, description: str,
           **flags: object) -> dict[str, object]:
    return {"id": pid, "name": name, "minutes": minutes, "description": description, **flags}


DEFAULT_REQUESTS = (
    _request("water", "Water", "low"),
    _request("blanket", "Blanket or feeling cold", "low"),
    _request("bathroom", "Bathroom", "normal"),
    _request("sick", "Feeling sick", "high"),
    _request("iv_site", "Pain or a problem at the IV", "high"),
    _request("anxious", "Feeling anxious", "high"),
    _request("other", "Something else", "normal"),
)

DEFAULT_TEMPLATES = (
    {
        "id": "ketamine-40",
        "name": "Ketamine infusion, 40 min",
        "phases": [
            _phase("settle", "Settling in", 5,
                   "Get comfortable. The nurse is close by if you need anything."),
            _phase("infusion", "Infusion", 40,
                   "You may feel far away, floaty or sleepy. This is common, and it fades.",
                   infusion=True),
            _phase("rest", "Resting", 60,
                   "The planned time for the drip is over. Rest with your eyes closed until "
                   "you feel clear.",
                   rest_mode=True, fade_music_at_end=True),
        ],
    },
    {
        "id": "iv-infusion",
        "name": "IV infusion",
        "nurse_sets_length": True,
        "phases": [
            _phase("settle", "Settling in", 5,
                   "Get comfortable. The nurse is close by if you need anything."),
            _phase("infusion", "Infusion", 60,
                   "Rest, listen to music, or call the nurse if something feels wrong.",
                   infusion=True),
            _phase("rest", "Resting", 15,
                   "The planned time for the drip is over. Rest a little before you get up.",
                   fade_music_at_end=True),
        ],
    },
)

Opt = Option
K = Kind

REQUEST_FIELDS = (
    Opt("id", K.SLUG, None, "Short id sent to the station; never shown to the patient.",
      required=True),
    Opt("label", K.TEXT, None,
      "What the station shows. The patient's button shows the label in content/<language>.yaml.",
      required=True),
    Opt("priority", K.CHOICE, "normal",
      "How the station ranks it: high comes first. An urgent call always outranks requests.",
      choices=PRIORITIES),
)

PHASE_FIELDS = (
    Opt("id", K.SLUG, None, "Short id of the phase, unique within its template.", required=True),
    Opt("name", K.TEXT, None, "Phase name the patient sees, like \"Settling in\".", required=True),
    Opt("minutes", K.WHOLE_NUMBER, None,
      "How long the phase lasts. For the infusion phase of a template where the nurse sets the "
      "length, this is the length offered first.", minimum=1, maximum=720, required=True),
    Opt("description", K.TEXT, "",
      "One line on what this phase usually feels like, in plain words (grade 6). The patient "
      "reads the line in content/<language>.yaml; this one is the fallback."),
    Opt("infusion", K.SWITCH, False,
      "This phase is the infusion itself. Each template has exactly one. Its end notifies the "
      "station and plays a soft cue."),
    Opt("playlist", K.TEXT, "",
      "Name of a playlist to suggest when the phase starts. Empty: keep what is playing."),
    Opt("guide_topics", K.SLUG_LIST, (),
      "Ids of guide topics to list first during this phase of this template only, besides the "
      "topics whose own phases name it. Checked against the topics in content/."),
    Opt("rest_mode", K.SWITCH, False,
      "Darken the screen during this phase, leaving a dim call button and the timer."),
    Opt("fade_music_at_end", K.SWITCH, False, "Fade the music out slowly when this phase ends."),
)

TEMPLATE_FIELDS = (
    Opt("id", K.SLUG, None, "Short id of the template.", required=True),
    Opt("name", K.TEXT, None, "Name the nurse picks from, like \"Ketamine infusion, 40 min\".",
      required=True),
    Opt("nurse_sets_length", K.SWITCH, False,
      "The nurse chooses the infusion length when starting a session."),
    Opt("min_minutes", K.WHOLE_NUMBER, 10,
      "Shortest infusion the nurse may choose, when nurse_sets_length is true.",
      minimum=1, maximum=720),
    Opt("max_minutes", K.WHOLE_NUMBER, 600,
      "Longest infusion the nurse may choose, when nurse_sets_length is true.",
      minimum=1, maximum=720),
    Opt("phases", K.RECORDS, None, "The phases in order.", fields=PHASE_FIELDS, required=True),
)

PLAYLIST_FIELDS = (
    Opt("name", K.TEXT, None,
      "Playlist name the patient sees; session phases refer to it by this name.", required=True),
    Opt("path", K.PATH, None,
      "A folder (scanned with its subfolders) or an .m3u/.m3u8 file, relative to this file. "
      "One that is missing or holds nothing playable is a warning in check-config, with the "
      "count found; the room shows the playlist as unavailable and runs on.", required=True),
    Opt("description", K.TEXT, "", "One line about the music."),
    Opt("cover", K.PATH, "",
        "An image shown with the playlist, relative to this file. Empty: none. One that "
        "cannot be read is a warning; the playlist shows without a picture."),
    Opt("phases", K.CHOICE_LIST, PLAYLIST_PHASES,
      "Session phases this playlist suits.", choices=PLAYLIST_PHASES),
    Opt("shuffle", K.SWITCH, False, "Play the tracks in random order."),
    Opt("repeat", K.SWITCH, True, "Start again after the last track."),
)

NARRATION_FIELDS = (
    Opt("text", K.TEXT, None,
      "The sentence exactly as the kiosk speaks it, in either language, like \"A nurse is on "
      "the way\".", required=True),
    Opt("file", K.PATH, None,
      "A recording of that sentence (WAV, OGG or MP3), relative to the config folder. One "
      "that is missing falls back to the synthetic voice and is logged.", required=True),
)

CLINIC_OPTIONS = (
    Opt("clinic.name", K.TEXT, "Infusion clinic", "The clinic's name, shown on the nurse screens."),
    Opt("clinic.language", K.CHOICE, "en", "Language of the screens unless a room sets its own.",
      choices=LANGUAGES),
    Opt("broker.url", K.BROKER_URL, "mqtt://127.0.0.1:1883",
      "The MQTT broker that rooms and stations share: mqtt://host:port, or mqtts://host:port "
      "for TLS. KIOSK_BROKER overrides it."),
    Opt("broker.keepalive_seconds", K.WHOLE_NUMBER, 5,
      "How often a tablet tells the broker it is alive. A silent tablet shows at the station "
      "after about one and a half times this.", minimum=2, maximum=60),
    Opt("broker.username", K.TEXT, "", "Broker user name. Empty: connect without one."),
    Opt("broker.password_file", K.PATH, "",
      "A file holding the broker password, relative to the config folder. Empty: no password. "
      "A file that is missing, unreadable or empty is an error."),
    Opt("broker.ca_file", K.PATH, "",
      "Certificate authority file (PEM) for mqtts://, relative to the config folder. Empty: "
      "the system's certificates. A file that is missing, unreadable or holds no certificate "
      "is an error."),
    Opt("state_dir", K.PATH, "",
      "Where the app keeps its state (the call outbox, the running session). Relative to the "
      "config folder. KIOSK_STATE_DIR overrides it. A folder that cannot be created or "
      "written is a warning: calls still go out, but are not kept across a restart.",
      default_text="$XDG_STATE_HOME/infusion-kiosk, else ~/.local/state/infusion-kiosk"),
    Opt("nurse.pin_hash", K.TEXT, "",
      "Hash of the nurse PIN, printed by `python main.py hash-pin`. Never the PIN itself."),
    Opt("nurse.auto_lock_minutes", K.WHOLE_NUMBER, 2,
      "The nurse panel closes and returns to the patient's screen after this long without a "
      "touch.", minimum=1, maximum=240),
    Opt("nurse.max_pin_tries", K.WHOLE_NUMBER, 5,
      "Wrong PINs in a row before the PIN pad locks for nurse.lockout_minutes.", minimum=1,
      maximum=20),
    Opt("nurse.lockout_minutes", K.WHOLE_NUMBER, 5,
      "How long the PIN pad stays locked after too many wrong PINs. A restart does not end "
      "it.", minimum=1, maximum=240),
    Opt("calls.receipt_timeout_seconds", K.WHOLE_NUMBER, 5,
      "If no station confirms a call within this time, the room says plainly that the call did "
      "not get through and tells the patient to call out.", minimum=1, maximum=60),
    Opt("calls.retry_seconds", K.WHOLE_NUMBER, 3,
      "How often the room sends an unconfirmed call again.", minimum=1, maximum=60),
    Opt("calls.escalation_minutes", K.WHOLE_NUMBER, 3,
      "A call nobody has acknowledged for this long is marked overdue at the station.",
      minimum=1, maximum=60),
    Opt("calls.station_chime_repeat_seconds", K.WHOLE_NUMBER, 10,
      "The station repeats its chime this often while a call is open.", minimum=3, maximum=60),
    Opt("requests", K.RECORDS, DEFAULT_REQUESTS,
      "The request buttons the patient sees, in order. Writing this list replaces the default "
      "list.", fields=REQUEST_FIELDS),
    Opt("audio.fade_in_seconds", K.NUMBER, 4.0, "Music starts this slowly from silence.",
      minimum=0, maximum=30),
    Opt("audio.fade_out_seconds", K.NUMBER, 2.0, "Music fades out over this time on pause or stop.",
      minimum=0, maximum=30),
    Opt("audio.crossfade_seconds", K.NUMBER, 6.0, "Overlap between one track and the next.",
      minimum=0, maximum=12),
    Opt("speech.voice_en", K.TEXT, "en-us",
      "The espeak-ng voice for English (`espeak-ng --voices=en` lists them)."),
    Opt("speech.voice_es", K.TEXT, "es",
      "The espeak-ng voice for Spanish (`espeak-ng --voices=es` lists them)."),
    Opt("speech.pace_percent", K.WHOLE_NUMBER, 80,
      "How fast the kiosk speaks, as a share of espeak-ng's usual pace of 175 words a minute "
      "(80: about 140). Slower is easier for a drowsy listener.", minimum=50, maximum=150),
    Opt("speech.loudness_percent", K.WHOLE_NUMBER, 60,
      "How loud the spoken sentences are, on the music's scale; never above the room's "
      "music.volume_cap_percent. The music ducks underneath while a sentence plays.",
      minimum=10, maximum=100),
    Opt("speech.not_through_repeat_seconds", K.WHOLE_NUMBER, 30,
      "With \"Speak to me\" on, a call that did not get through is said again, with its "
      "tone, this often until it gets through.", minimum=10, maximum=300),
    Opt("speech.narration", K.RECORDS, (),
      "Recorded sentences, used instead of the synthetic voice: a human voice is kinder.",
      fields=NARRATION_FIELDS),
    Opt("display.rest_after_idle_minutes", K.WHOLE_NUMBER, 0,
      "Darken the screen after this long without a touch. 0: only when a phase or the patient "
      "asks for rest.", minimum=0, maximum=240),
    Opt("display.night_start", K.TIME_OF_DAY, "21:00",
      "From this time the patient's screen is dimmed for the night (all but the call button). "
      "Write it in quotes, 24-hour clock: \"21:00\". A nurse may change it for one room on "
      "the tablet."),
    Opt("display.night_end", K.TIME_OF_DAY, "07:00",
      "The night dimming ends at this time, in quotes: \"07:00\". The same time as "
      "display.night_start: never dimmed."),
    Opt("display.night_brightness_percent", K.WHOLE_NUMBER, 40,
      "How bright the screen stays at night. 100: no night dimming.", minimum=10, maximum=100),
    Opt("session_templates", K.RECORDS, DEFAULT_TEMPLATES,
      "The kinds of session a nurse can start. Writing this list replaces the default list.",
      fields=TEMPLATE_FIELDS),
    Opt("station.title", K.TEXT, "Nurse station", "Title of the nurse station screen."),
)

ROOM_OPTIONS = (
    Opt("room.id", K.SLUG, None,
      "This room's id, unique in the clinic. KIOSK_ROOM or --room picks a room by it.",
      required=True),
    Opt("room.display_name", K.TEXT, None,
      "The room's name at the station, like \"Room 1\". Never a patient's name.", required=True),
    Opt("room.language", K.CHOICE, None, "Language of this room's screen.", choices=LANGUAGES,
      default_text="same as clinic.language"),
    Opt("music.volume_cap_percent", K.WHOLE_NUMBER, 70,
      "Nothing plays louder than this, whatever the patient chooses.", minimum=0, maximum=100),
    Opt("music.default_volume_percent", K.WHOLE_NUMBER, 35,
      "Volume at the start of a session: a quiet start. Must not be above the cap.",
      minimum=0, maximum=100),
    Opt("music.playlists", K.RECORDS, (), "The music this room offers, in order.",
      fields=PLAYLIST_FIELDS),
    Opt("music.default_playlist", K.TEXT, "",
      "The playlist that fades in when a nurse starts a session and no music is playing: a "
      "name from music.playlists. Empty: sessions start in silence. A nurse may change it for "
      "this room on the tablet."),
)

CONTENT_REQUEST_FIELDS = (
    Opt("id", K.SLUG, None, "A request id from clinic.yaml.", required=True),
    Opt("label", K.TEXT, None, "What the patient's button says, in plain words.", required=True),
)

CONTENT_PHASE_FIELDS = (
    Opt("id", K.SLUG, None, "A phase id of this template in clinic.yaml.", required=True),
    Opt("name", K.TEXT, None, "Phase name the patient sees, like \"Resting\".", required=True),
    Opt("description", K.TEXT, None,
      "One line on what usually happens in this phase, measured for reading level like the "
      "topics. Never say that the medicine has stopped: the timer cannot know.", required=True),
)

CONTENT_TEMPLATE_FIELDS = (
    Opt("id", K.SLUG, None, "A session template id from clinic.yaml.", required=True),
    Opt("phases", K.RECORDS, None, "Every phase of that template.", fields=CONTENT_PHASE_FIELDS,
      required=True),
)

CONTENT_TOPIC_FIELDS = (
    Opt("id", K.SLUG, None,
      "Short id, the same in every language; phases in clinic.yaml name it in guide_topics.",
      required=True),
    Opt("title", K.TEXT, None, "The topic's title, like \"Feeling sleepy\".", required=True),
    Opt("summary", K.TEXT, None, "One sentence the patient sees without scrolling.",
      required=True),
    Opt("feels_like", K.TEXT, None, "What it feels like.", required=True),
    Opt("is_it_normal", K.TEXT, None,
      "Is it normal: how common, in whole numbers (\"about 1 in 4 people\"), and how long it "
      "usually lasts.", required=True),
    Opt("what_helps", K.TEXT, None, "What helps.", required=True),
    Opt("call_the_nurse", K.TEXT, None,
      "When to call the nurse. Say what the nurse can do, never what the nurse will do.",
      required=True),
    Opt("phases", K.SLUG_LIST, None,
      f"Phase ids in which this topic is most likely; it is listed first then. Phase ids of "
      f"the session templates, or {AFTER_SESSION} for once the session has ended. The "
      f"same in every language.", required=True),
)

CONTENT_OPTIONS = (
    Opt("language", K.CHOICE, None,
      "The language of this file; the file is named after it. clinic.language and every "
      "room.language need a file. A config folder without content/ still runs, with an empty "
      "guide and clinic.yaml's English words.", choices=LANGUAGES, required=True),
    Opt("reviewed_by", K.TEXT, "",
      "Who reviewed this text for the clinic (a role, like \"Medical lead\"). Empty: not "
      "reviewed, and the screens say so."),
    Opt("reviewed_on", K.TEXT, "",
      "When it was reviewed, like \"2025-03-31\". Set together with reviewed_by."),
    Opt("requests", K.RECORDS, None,
      "A label for every request in clinic.yaml.", fields=CONTENT_REQUEST_FIELDS, required=True),
    Opt("session_templates", K.RECORDS, None,
      "A name and a line for every phase of every session template in clinic.yaml.",
      fields=CONTENT_TEMPLATE_FIELDS, required=True),
    Opt("topics", K.RECORDS, None,
      "The \"What you may feel\" guide, in the order a patient sees it. Each topic's summary "
      "and parts are measured for reading level (English: Flesch-Kincaid grade 6 or below; "
      "Spanish: Fernandez-Huerta 70 or more); a text that reads harder is a warning, and is "
      "still shown. Titles and labels are too short to measure.",
      fields=CONTENT_TOPIC_FIELDS, required=True),
)

FILES = (("clinic.yaml", CLINIC_OPTIONS), ("rooms/<id>.yaml", ROOM_OPTIONS),
         ("content/<language>.yaml", CONTENT_OPTIONS))
