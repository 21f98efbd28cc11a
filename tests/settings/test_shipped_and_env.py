"""The shipped demo config, the generated reference, the defaults, and environment overrides."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kiosk.settings import (
    ConfigError,
    check_config,
    default_config_dir,
    load_config,
    reference_markdown,
    resolve_room,
)
from kiosk.settings.schema import CLINIC_OPTIONS, ROOM_OPTIONS, Kind, Option
from kiosk.settings.validate import FileChecker
from kiosk.settings.yamlload import parse_yaml
from tests.settings.conftest import ROOM_1, WriteConfig


def test_the_shipped_config_loads_without_a_problem() -> None:
    assert check_config(default_config_dir(), env={}) == []
    config = load_config(default_config_dir(), env={})
    assert [r.id for r in config.rooms] == ["room-1", "room-2"]
    assert [len(r.music.playlists) for r in config.rooms] == [3, 2]
    assert [t.id for t in config.clinic.session_templates] == ["ketamine-40", "iv-infusion"]
    assert config.clinic.template("ketamine-40").infusion_phase.minutes == 40


def test_shipped_playlists_point_at_the_demo_music_folders() -> None:
    room = load_config(default_config_dir(), env={}).room("room-1")
    demo = (default_config_dir().parent / "assets" / "music" / "demo").resolve()
    assert [Path(p.path) for p in room.music.playlists] == [
        demo / "slow-waves", demo / "soft-pads", demo / "evening-tones"]


def test_config_readme_is_the_generated_reference() -> None:
    readme = (default_config_dir() / "README.md").read_text(encoding="utf-8")
    assert readme == reference_markdown(), "run: python main.py config-reference > config/README.md"


def _all_options() -> list[Option]:
    return [*CLINIC_OPTIONS, *ROOM_OPTIONS]


@pytest.mark.parametrize("option", [o for o in _all_options() if o.default is not None],
                         ids=lambda o: o.key)
def test_every_default_passes_its_own_check(option: Option) -> None:
    document = _nested(option.key, _plain(option.default))
    tree, problems = parse_yaml(yaml.safe_dump(document, sort_keys=False), "defaults.yaml")
    checker = FileChecker("defaults.yaml")
    options = CLINIC_OPTIONS if option in CLINIC_OPTIONS else ROOM_OPTIONS
    checker.check_file(tree, tuple(o for o in options if not o.required))
    assert problems + checker.problems == []


def test_every_option_says_what_it_does_and_names_its_unit() -> None:
    for option in _all_options():
        assert option.description.strip(), option.key
        if option.kind in (Kind.WHOLE_NUMBER, Kind.NUMBER) and option.maximum is not None:
            limits_need_unit = option.key.split(".")[-1] not in (
                "max_pin_tries", "min_minutes", "max_minutes", "minutes")
            assert option.unit or not limits_need_unit, option.key


def _nested(key: str, value: object) -> dict[str, object]:
    *sections, name = key.split(".")
    document: dict[str, object] = {name: value}
    for section in reversed(sections):
        document = {section: document}
    return document


def _plain(value: object) -> object:
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def test_kiosk_config_picks_the_folder_when_none_is_given(config_dir: WriteConfig) -> None:
    base = config_dir()
    assert load_config(None, env={"KIOSK_CONFIG": str(base)}).config_dir == base.resolve()


def test_kiosk_broker_overrides_the_clinic_broker(config_dir: WriteConfig) -> None:
    config = load_config(config_dir(), env={"KIOSK_BROKER": "mqtts://broker.example:8884"})
    broker = config.clinic.broker
    assert (broker.host, broker.port, broker.tls) == ("broker.example", 8884, True)


def test_a_bad_kiosk_broker_is_a_plain_problem(config_dir: WriteConfig) -> None:
    problems = check_config(config_dir(), env={"KIOSK_BROKER": "localhost:1883"})
    assert [str(p) for p in problems] == [
        'environment: KIOSK_BROKER: must be mqtt://host:port or mqtts://host:port '
        '(got "localhost:1883")\n  hint: for example mqtt://127.0.0.1:1883']


def test_state_dir_comes_from_xdg_then_the_file_then_kiosk_state_dir(
        config_dir: WriteConfig, tmp_path: Path) -> None:
    base = config_dir()
    xdg = {"XDG_STATE_HOME": str(tmp_path / "xdg")}
    assert load_config(base, env=xdg).state_dir == tmp_path / "xdg" / "infusion-kiosk"
    assert load_config(base, env={"HOME": str(tmp_path)}).state_dir == (
        tmp_path / ".local" / "state" / "infusion-kiosk")
    base = config_dir(clinic="state_dir: ../state\n")
    assert load_config(base, env=xdg).state_dir == (base.parent / "state").resolve()
    override = {**xdg, "KIOSK_STATE_DIR": str(tmp_path / "elsewhere")}
    assert load_config(base, env=override).state_dir == tmp_path / "elsewhere"


def test_the_room_is_the_argument_then_kiosk_room_then_the_first(
        config_dir: WriteConfig) -> None:
    base = config_dir(rooms={"a.yaml": ROOM_1, "b.yaml": "room:\n  id: room-2\n"
                                                          "  display_name: Room 2\n"})
    config = load_config(base, env={})
    assert resolve_room(config, None, env={}).id == "room-1"
    assert resolve_room(config, None, env={"KIOSK_ROOM": "room-2"}).id == "room-2"
    assert resolve_room(config, "room-1", env={"KIOSK_ROOM": "room-2"}).id == "room-1"


def test_an_unknown_room_names_the_rooms_there_are(config_dir: WriteConfig) -> None:
    base = config_dir()
    with pytest.raises(ConfigError) as caught:
        load_config(base, env={"KIOSK_ROOM": "room-11"})
    assert str(caught.value) == ('environment: KIOSK_ROOM: unknown room "room-11" '
                                 '(rooms: room-1)\n  hint: did you mean "room-1"?')
    with pytest.raises(ConfigError, match='command line: room: unknown room "lobby"'):
        resolve_room(load_config(base, env={}), "lobby", env={})


def test_room_language_follows_the_clinic_unless_set(config_dir: WriteConfig) -> None:
    base = config_dir(clinic="clinic:\n  language: es\n",
                      rooms={"a.yaml": ROOM_1, "b.yaml": "room:\n  id: room-2\n  display_name:"
                                                         " Room 2\n  language: en\n"})
    assert [r.language for r in load_config(base, env={}).rooms] == ["es", "en"]
