"""YAML that would silently mean something else, or cannot be read at all: one clear problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.settings import check_config
from tests.settings.conftest import ROOM_1, WriteConfig

TRAPS = [
    ("yes for a switch",
     "session_templates:\n  - id: t\n    name: T\n    phases:\n"
     "      - {id: a, name: A, minutes: 5, infusion: yes}\n",
     "clinic.yaml line 5: session_templates[t].phases[a].infusion: YAML reads the bare word yes "
     "as true\n  hint: write true/false, or quote it if you meant text"),
    ("no as a language code",
     "clinic:\n  language: no\n",
     "clinic.yaml line 2: clinic.language: YAML reads the bare word no as false\n"
     "  hint: write true/false, or quote it if you meant text"),
    ("off as text",
     "station:\n  title: Off\n",
     "clinic.yaml line 2: station.title: YAML reads the bare word Off as false\n"
     "  hint: write true/false, or quote it if you meant text"),
    ("a time of day",
     "clinic:\n  name: 12:30\n",
     'clinic.yaml line 2: clinic.name: YAML reads 12:30 as the number 750\n'
     '  hint: wrap time values in quotes, like "12:30"'),
    ("a time for minutes",
     "display:\n  rest_after_idle_minutes: 1:30\n",
     'clinic.yaml line 2: display.rest_after_idle_minutes: YAML reads 1:30 as the number 90\n'
     '  hint: wrap time values in quotes, like "1:30"'),
    ("a leading zero",
     "nurse:\n  max_pin_tries: 07\n",
     "clinic.yaml line 2: nurse.max_pin_tries: YAML reads 07 oddly because of the leading zero\n"
     '  hint: quote it ("07") or drop the zero (7)'),
    ("a leading zero YAML keeps as text",
     "nurse:\n  pin_hash: 0891\n",
     "clinic.yaml line 2: nurse.pin_hash: YAML reads 0891 oddly because of the leading zero\n"
     '  hint: quote it ("0891") or drop the zero (891)'),
    ("true where text is expected",
     "station:\n  title: true\n",
     'clinic.yaml line 2: station.title: must be text (got true)\n'
     '  hint: put it in quotes if you meant the word: "true"'),
]


@pytest.mark.parametrize(("clinic", "expected"), [t[1:] for t in TRAPS],
                         ids=[t[0] for t in TRAPS])
def test_a_yaml_1_1_trap_is_refused_with_a_hint(config_dir: WriteConfig, clinic: str,
                                                expected: str) -> None:
    assert [str(p) for p in check_config(config_dir(clinic=clinic), env={})] == [expected]


def test_quoted_values_that_look_like_traps_are_accepted_as_text(
        config_dir: WriteConfig) -> None:
    base = config_dir(clinic='clinic:\n  name: "12:30"\n  language: "es"\n'
                             'station:\n  title: "no"\nbroker:\n  username: "0891"\n')
    assert check_config(base, env={}) == []


UNREADABLE = [
    ("empty", b"", "clinic.yaml: the file is empty\n"
                   "  hint: write the options in it, or delete the file"),
    ("only comments", b"# nothing yet\n", "clinic.yaml: the file is empty\n"
                                          "  hint: write the options in it, or delete the file"),
    ("a list at the top", b"- clinic\n",
     "clinic.yaml line 1: the file must be a list of options written as `name: value`\n"
     "  hint: see config/README.md for the options"),
    ("plain text", b"hello\n",
     "clinic.yaml line 1: the file must be a list of options written as `name: value`\n"
     "  hint: see config/README.md for the options"),
    ("tab indent", b"clinic:\n\tname: X\n",
     "clinic.yaml line 2: a tab is used to indent\n"
     "  hint: YAML needs spaces for indenting, not tabs"),
    ("NUL bytes", b"clinic:\n  name: X\0\0\n",
     "clinic.yaml: the file holds binary data, not text\n  hint: check this is the right file"),
    ("not UTF-8", b"clinic:\n  name: Cl\xe9nic\n",
     "clinic.yaml line 2: the file is not UTF-8 text\n  hint: save it as UTF-8 in your editor"),
    ("broken brackets", b"clinic: {name: X\n",
     "clinic.yaml line 2: this is not valid YAML: expected ',' or '}', but got '<stream end>'\n"
     "  hint: check the indenting and the colons on this line and the line before"),
    ("two documents", b"clinic:\n  name: X\n---\nstation:\n  title: Y\n",
     "clinic.yaml line 3: the file holds more than one document (a second --- line)\n"
     "  hint: keep one document per file"),
    ("a python tag", b"clinic:\n  name: !!python/object/apply:os.system [ls]\n",
     'clinic.yaml line 2: clinic.name: the tag "!!python/object/apply:os.system" is not '
     "allowed\n  hint: remove the tag; write the plain value"),
    ("an alias bomb",
     b'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n'
     b"c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n",
     "clinic.yaml line 1: anchors (&) and aliases (*) are not allowed\n"
     "  hint: write each value out in full"),
]


@pytest.mark.parametrize(("data", "expected"), [u[1:] for u in UNREADABLE],
                         ids=[u[0] for u in UNREADABLE])
def test_an_unreadable_file_gives_one_clear_problem_not_a_traceback(
        tmp_path: Path, config_dir: WriteConfig, data: bytes, expected: str) -> None:
    base = config_dir(rooms={"room-1.yaml": ROOM_1})
    (base / "clinic.yaml").write_bytes(data)
    assert [str(p) for p in check_config(base, env={})] == [expected]


def test_a_huge_file_is_refused_before_it_is_parsed(config_dir: WriteConfig) -> None:
    base = config_dir()
    # Not even valid YAML after the first line: a parse would report that, a size check does not.
    (base / "clinic.yaml").write_bytes(b"clinic:\n  name: X\n" + b"{[" * (600 * 1024))
    [problem] = check_config(base, env={})
    assert problem.message.startswith("the file is too big (")
    assert problem.message.endswith(" bytes, the limit is 1 MiB)")
