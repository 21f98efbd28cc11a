"""The settings reference (config/README.md), generated from the schema so it cannot drift."""

from __future__ import annotations

from typing import Any

import yaml

from kiosk.settings.environment import environment_markdown
from kiosk.settings.schema import FILES, Kind, Option

_INTRO = """\
# Configuration reference

Generated from `kiosk/settings/schema.py` by `python main.py config-reference`. Do not edit this
file by hand: change the schema and generate it again (a test checks that the two agree).

The configuration is this folder: `clinic.yaml` holds what the whole clinic shares, and
`rooms/` holds one file per room (every `*.yaml` file there is read). Check your changes with
`python main.py check-config`: it lists every problem at once, with its file and line, like

    rooms/room-2.yaml line 14: music.volume_cap_percent: must be 100 or less (got 150)

Options written with dots are nested in the file: `music.volume_cap_percent` is written as

    music:
      volume_cap_percent: 60

Put text that looks like a number, a time or yes/no in quotes (`"12:30"`, `"no"`), because YAML
would otherwise read it as something else; the check refuses those with a hint.

The content shipped here (phase descriptions, guide topics, request labels) is a sample: the
clinic's medical lead must review it before use.

## Environment

These override the files, for deployment scripts and tests:

- `KIOSK_CONFIG`: the config folder (default: this folder); `--config` wins over it.
- `KIOSK_ROOM`: this tablet's room id (default: the first room file); `--room` wins over it.
- `KIOSK_STATE_DIR`: where the app writes its state; overrides `state_dir`.
- `KIOSK_BROKER`: `mqtt://host:port` or `mqtts://host:port`; overrides `broker.url`.
"""


def reference_markdown() -> str:
    parts = [_INTRO]
    for file_name, options in FILES:
        parts.append(f"\n## {file_name}\n")
        section = None
        for option in options:
            current = option.key.split(".")[0]
            if current != section:
                parts.append(f"\n### {current}\n")
            section = current
            parts.append(_option(option))
    parts.append(environment_markdown())
    return "".join(parts)


def _option(option: Option) -> str:
    text = f"\n#### `{option.key}`\n\n{_facts(option)}\n\n{option.description}\n"
    if option.kind is Kind.RECORDS:
        text += _records(option)
    return text


def _facts(option: Option) -> str:
    facts = [_kind_text(option)]
    if option.unit:
        facts.append(option.unit)
    if option.minimum is not None and option.maximum is not None:
        facts.append(f"{_num(option.minimum)} to {_num(option.maximum)}")
    facts.append(_default_text(option))
    return ", ".join(facts)


def _kind_text(option: Option) -> str:
    if option.kind in (Kind.CHOICE, Kind.CHOICE_LIST):
        return f"{option.kind.value}: " + " | ".join(option.choices)
    return str(option.kind.value)


def _default_text(option: Option) -> str:
    if option.required:
        return "required"
    if option.default_text:
        return f"default: {option.default_text}"
    if option.kind is Kind.RECORDS:
        return "default: below" if option.default else "default: none"
    return f"default: `{_yaml_value(option.default)}`"


def _records(option: Option) -> str:
    text = "\nEach entry has:\n\n" + _fields(option.fields, "")
    if option.default:
        dumped: str = yaml.safe_dump({option.key.split(".")[-1]: _plain(option.default)},
                                sort_keys=False, allow_unicode=True, width=90)
        block = "".join(f"    {line}\n" for line in dumped.splitlines())
        text += f"\nDefault:\n\n{block}"
    return text


def _fields(fields: tuple[Option, ...], indent: str) -> str:
    lines = []
    for fld in fields:
        lines.append(f"{indent}- `{fld.name}` ({_facts(fld)}): {fld.description}\n")
        if fld.kind is Kind.RECORDS:
            lines.append(f"{indent}  Each entry has:\n" + _fields(fld.fields, indent + "  "))
    return "".join(lines)


def _plain(value: Any) -> Any:
    """Tuples as lists, so the YAML dump reads like a config file."""
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _yaml_value(value: object) -> str:
    if value == "":
        return '""'
    dumped = str(yaml.safe_dump(_plain(value), default_flow_style=True, width=1000))
    return dumped.strip().removesuffix("...").strip()


def _num(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else str(number)
