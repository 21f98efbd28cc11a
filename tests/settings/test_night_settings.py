"""The night dimming schedule in clinic.yaml: quoted 24-hour times, checked like every option,
in plain words, and listed in the generated reference."""

from __future__ import annotations

import pytest

from kiosk.core.night import NightSchedule
from kiosk.settings import check_config, load_config, reference_markdown
from tests.settings.conftest import CLINIC, ROOM_1, WriteConfig


def test_the_shipped_defaults_dim_from_nine_at_night_to_seven_in_the_morning(
        config_dir: WriteConfig) -> None:
    night = load_config(config_dir(rooms={"room-1.yaml": ROOM_1})).clinic.display.night
    assert night == NightSchedule(21 * 60, 7 * 60, 40)
    assert night.dims_at(23 * 60) and night.dims_at(6 * 60 + 59)
    assert not night.dims_at(7 * 60) and not night.dims_at(12 * 60)


def test_a_quoted_schedule_is_read(config_dir: WriteConfig) -> None:
    clinic = CLINIC + ('display:\n  night_start: "22:30"\n  night_end: "6:00"\n'
                       "  night_brightness_percent: 25\n")
    night = load_config(config_dir(clinic=clinic, rooms={"room-1.yaml": ROOM_1})
                        ).clinic.display.night
    assert night == NightSchedule(22 * 60 + 30, 6 * 60, 25)


@pytest.mark.parametrize(("line", "expected"), [
    ("night_start: 21:00",
     'clinic.yaml line 4: display.night_start: YAML reads 21:00 as the number 1260\n'
     '  hint: wrap time values in quotes, like "21:00"'),
    ('night_start: "25:00"',
     'clinic.yaml line 4: display.night_start: must be a time of day like "21:00" '
     '(got "25:00")\n  hint: hours 00 to 23 and minutes 00 to 59, in quotes, like "21:30"'),
    ('night_end: "evening"',
     'clinic.yaml line 4: display.night_end: must be a time of day like "21:00" '
     '(got "evening")\n  hint: hours 00 to 23 and minutes 00 to 59, in quotes, like "21:30"'),
    ("night_brightness_percent: 5",
     "clinic.yaml line 4: display.night_brightness_percent: must be 10 or more (got 5)"),
])
def test_a_wrong_time_or_brightness_reads_as_plain_words(config_dir: WriteConfig, line: str,
                                                          expected: str) -> None:
    base = config_dir(clinic=CLINIC + f"display:\n  {line}\n", rooms={"room-1.yaml": ROOM_1})
    assert [str(p) for p in check_config(base)] == [expected]


def test_the_reference_lists_the_night_options_with_their_defaults() -> None:
    reference = reference_markdown()
    for key in ("display.night_start", "display.night_end", "display.night_brightness_percent"):
        assert key in reference
    assert "21:00" in reference and "07:00" in reference
