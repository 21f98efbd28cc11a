"""What a nurse or IT person reads when a config file is wrong: the exact words, file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.settings import ConfigError, Problem, check_config, load_config
from tests.settings.conftest import CLINIC, ROOM_1, WriteConfig

ROOM_2 = ROOM_1.replace("room-1", "room-2").replace("Room 1", "Room 2")

BAD_ROOMS = [
    ("volume over 100",
     ROOM_2 + "music:\n  volume_cap_percent: 150\n",
     ["rooms/room-2.yaml line 5: music.volume_cap_percent: must be 100 or less (got 150)"]),
    ("misspelt option",
     ROOM_2 + "music:\n  volume_cap: 50\n",
     ['rooms/room-2.yaml line 5: music: unknown option "volume_cap"\n'
      '  hint: did you mean "volume_cap_percent"?']),
    ("word for a number",
     ROOM_2 + "music:\n  default_volume_percent: loud\n",
     ['rooms/room-2.yaml line 5: music.default_volume_percent: must be a whole number '
      '(got "loud")']),
    ("quiet start above the cap",
     ROOM_2 + "music:\n  volume_cap_percent: 50\n  default_volume_percent: 60\n",
     ["rooms/room-2.yaml line 6: music.default_volume_percent: must be 50 or less, the volume "
      "cap (got 60)\n  hint: lower it, or raise music.volume_cap_percent"]),
    ("room id with a space",
     "room:\n  id: Room 2\n  display_name: Room 2\n",
     ['rooms/room-2.yaml line 2: room.id: must be a short id of lowercase letters, digits, '
      '"-" or "_" (got "Room 2")\n  hint: for example "room-2"']),
    ("room without an id",
     "room:\n  display_name: Room 2\n",
     ["rooms/room-2.yaml: room.id: missing: this file must set it"]),
    ("duplicate key",
     ROOM_2 + "music:\n  volume_cap_percent: 50\n  volume_cap_percent: 60\n",
     ["rooms/room-2.yaml line 6: music.volume_cap_percent: set twice, on line 5 and line 6\n"
      "  hint: keep one of them"]),
    ("playlist without a path, and an unknown phase",
     ROOM_2 + "music:\n  playlists:\n    - name: Rain\n      phases: [peak]\n",
     ['rooms/room-2.yaml line 6: music.playlists[Rain]: missing required option "path"',
      'rooms/room-2.yaml line 7: music.playlists[Rain].phases: must be one of settle, '
      'infusion, rest (got "peak")']),
    ("room id used twice",
     ROOM_1,
     ['rooms/room-2.yaml line 2: room.id: room id "room-1" is already used by '
      'rooms/room-1.yaml\n  hint: give each room its own id']),
]


@pytest.mark.parametrize(("room_2", "expected"), [c[1:] for c in BAD_ROOMS],
                         ids=[c[0] for c in BAD_ROOMS])
def test_a_bad_room_file_reads_as_plain_words_with_file_and_line(
        config_dir: WriteConfig, room_2: str, expected: list[str]) -> None:
    base = config_dir(rooms={"room-1.yaml": ROOM_1, "room-2.yaml": room_2})
    assert [str(p) for p in check_config(base)] == expected


TEMPLATE = """\
session_templates:
  - id: short
    name: Short
    phases:
      - {id: settle, name: Settle, minutes: 5}
      - {id: infusion, name: Infusion, minutes: 30, infusion: true}
"""

BAD_CLINICS = [
    ("the PIN itself where its hash belongs",
     CLINIC + 'nurse:\n  pin_hash: "4821"\n',
     ["clinic.yaml line 4: nurse.pin_hash: the stored PIN hash is not one that "
      "`python main.py hash-pin` prints\n"
      "  hint: run `python main.py hash-pin` and paste the line it prints"]),
    ("retry of zero seconds",
     CLINIC + "calls:\n  retry_seconds: 0\n",
     ["clinic.yaml line 4: calls.retry_seconds: must be 1 or more (got 0)"]),
    ("fraction where a whole number is needed",
     CLINIC + "calls:\n  receipt_timeout_seconds: 5.5\n",
     ["clinic.yaml line 4: calls.receipt_timeout_seconds: must be a whole number (got 5.5)"]),
    ("quoted number",
     CLINIC + 'broker:\n  keepalive_seconds: "5"\n',
     ['clinic.yaml line 4: broker.keepalive_seconds: must be a whole number (got "5")\n'
      "  hint: remove the quotes"]),
    ("unknown language",
     "clinic:\n  language: fr\n",
     ['clinic.yaml line 2: clinic.language: must be one of en, es (got "fr")']),
    ("misspelt section",
     "clinc:\n  name: Test\n",
     ['clinic.yaml line 1: unknown option "clinc"\n  hint: did you mean "clinic"?']),
    ("web address for the broker",
     "broker:\n  url: http://broker:1883\n",
     ['clinic.yaml line 2: broker.url: must be mqtt://host:port or mqtts://host:port '
      '(got "http://broker:1883")\n  hint: for example mqtt://127.0.0.1:1883']),
    ("section written as a value",
     "audio: loud\n",
     ['clinic.yaml line 1: audio: must be a group of options like `name: value` (got "loud")\n'
      "  hint: see the audio section in config/README.md"]),
    ("request problems all reported together",
     "requests:\n  - {id: water, label: Water}\n  - {id: water, label: Tea, priority: urgent}\n"
     "  - {label: Juice}\n",
     ['clinic.yaml line 3: requests[water].priority: must be one of high, normal, low '
      '(got "urgent")',
      'clinic.yaml line 3: requests[water].id: request id "water" is used twice (first on '
      "line 2)",
      'clinic.yaml line 4: requests[3]: missing required option "id"']),
    ("no infusion phase",
     TEMPLATE.replace(", infusion: true", ""),
     ["clinic.yaml line 5: session_templates[short].phases: must have exactly one phase with "
      "infusion: true (found 0)"]),
    ("phase of zero minutes",
     TEMPLATE.replace("minutes: 5", "minutes: 0"),
     ["clinic.yaml line 5: session_templates[short].phases[settle].minutes: must be 1 or more "
      "(got 0)"]),
    ("phase naming a playlist no room has",
     TEMPLATE.replace("minutes: 5}", "minutes: 5, playlist: Slow wave}"),
     ['clinic.yaml line 5: session_templates[short].phases[settle].playlist: unknown playlist '
      '"Slow wave"\n  hint: did you mean "Slow waves"?']),
    ("nurse-set length outside its own range",
     TEMPLATE.replace("    phases:", "    nurse_sets_length: true\n    max_minutes: 20\n"
                                       "    phases:"),
     ["clinic.yaml line 8: session_templates[short].phases[infusion].minutes: must be between "
      "min_minutes and max_minutes, 10 to 20 (got 30)"]),
]

ROOM_WITH_MUSIC = ROOM_1 + "music:\n  playlists:\n    - {name: Slow waves, path: music}\n"


@pytest.mark.parametrize(("clinic", "expected"), [c[1:] for c in BAD_CLINICS],
                         ids=[c[0] for c in BAD_CLINICS])
def test_a_bad_clinic_file_reads_as_plain_words_with_file_and_line(
        config_dir: WriteConfig, clinic: str, expected: list[str]) -> None:
    base = config_dir(clinic=clinic, rooms={"room-1.yaml": ROOM_WITH_MUSIC})
    assert [str(p) for p in check_config(base)] == expected


def test_every_problem_in_every_file_is_reported_at_once(config_dir: WriteConfig) -> None:
    base = config_dir(clinic="calls:\n  retry_seconds: 0\n",
                      rooms={"room-1.yaml": ROOM_1 + "music:\n  volume_cap_percent: 150\n",
                             "room-2.yaml": "room:\n  id: room-2\n"})
    with pytest.raises(ConfigError) as caught:
        load_config(base, env={})
    assert [(p.file, p.key) for p in caught.value.problems] == [
        ("clinic.yaml", "calls.retry_seconds"),
        ("rooms/room-1.yaml", "music.volume_cap_percent"),
        ("rooms/room-2.yaml", "room.display_name"),
    ]
    assert "rooms/room-1.yaml line 5: music.volume_cap_percent" in str(caught.value)


def test_a_missing_clinic_file_or_room_folder_is_named(config_dir: WriteConfig) -> None:
    base = config_dir(clinic=None, rooms={})
    assert [str(p) for p in check_config(base)] == [
        "clinic.yaml: the file is missing\n"
        "  hint: every config folder needs clinic.yaml; copy the shipped one",
        "rooms/: no room files found\n"
        "  hint: add rooms/room-1.yaml with room.id and room.display_name",
    ]


def test_a_missing_config_folder_is_one_problem(tmp_path: Path) -> None:
    problems = check_config(tmp_path / "nowhere", env={})
    assert [p.message for p in problems] == ["the config folder does not exist"]


def test_problem_without_key_or_line_still_reads_cleanly() -> None:
    assert str(Problem("rooms/room-1.yaml", None, "", "the file is empty")) == (
        "rooms/room-1.yaml: the file is empty")
