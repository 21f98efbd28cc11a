"""Check one file's tree against the schema, collecting every problem and filling in defaults.

The result is a `Checked` group: values by option name plus the line each came from, so the
cross-file checks in model.py can still name a line. Values that fail are replaced by their
default (or left out when required) so checking can go on and report everything at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from kiosk.core.night import parse_time_of_day
from kiosk.settings.errors import Problem, did_you_mean, shown
from kiosk.settings.schema import Kind, Option
from kiosk.settings.yamlload import REFUSED, Map, Node, Scalar, Seq

SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
_LEADING_ZERO = re.compile(r"^[-+]?0[0-9_]+$")
_TEXT_KINDS = (Kind.TEXT, Kind.PATH, Kind.SLUG, Kind.CHOICE, Kind.BROKER_URL, Kind.TIME_OF_DAY)


@dataclass
class Checked:
    """Checked values of one file or one record. `label` is how problems name it."""

    label: str
    line: int | None
    values: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int | None] = field(default_factory=dict)

    def key(self, name: str) -> str:
        return f"{self.label}.{name}" if self.label else name


class _Invalid:
    """Marks a value that failed its check (a problem is already recorded)."""


INVALID = _Invalid()


def parse_broker_url(text: str) -> tuple[str, int, bool] | None:
    """(host, port, tls) from mqtt://host:port or mqtts://host:port; None if it is not one."""
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in ("mqtt", "mqtts") or not parts.hostname:
        return None
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username:
        return None
    tls = parts.scheme == "mqtts"
    return parts.hostname, port or (8883 if tls else 1883), tls


class FileChecker:
    """Checks the trees of one file; `problems` collects everything found."""

    def __init__(self, shown_as: str) -> None:
        self.file = shown_as
        self.problems: list[Problem] = []

    def problem(self, line: int | None, key: str, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.file, line, key, message, hint))

    def check_file(self, tree: Map | None, options: tuple[Option, ...]) -> Checked:
        out = Checked("", None)
        if tree is not None:
            self._check_map(tree, _option_tree(options), "", out)
        already = len(self.problems)
        self._fill_missing(options, out, None)
        if tree is None:
            # The file could not be read, and that problem is reported; "missing" would only
            # repeat it.
            del self.problems[already:]
        return out

    def _check_map(self, node: Map, tree: dict[str, Any], path: str, out: Checked) -> None:
        for entry in node.entries:
            dotted = f"{path}.{entry.key}" if path else entry.key
            child = tree.get(entry.key)
            if child is None:
                self.problem(entry.key_line, path, f'unknown option "{entry.key}"',
                             did_you_mean(entry.key, tree))
            elif isinstance(child, Option):
                self._store(child, child.key, entry.value, dotted, out)
            elif isinstance(entry.value, Map):
                self._check_map(entry.value, child, dotted, out)
            else:
                self.problem(entry.key_line, dotted,
                             f"must be a group of options like `name: value` "
                             f"(got {_shown_node(entry.value)})",
                             f"see the {dotted} section in config/README.md")

    def _store(self, option: Option, name: str, node: Node, key: str, out: Checked) -> None:
        # The line is kept even for a bad value, so it is not reported again as missing.
        out.lines[name] = node.line
        value = self.value(option, node, key)
        if value is not INVALID:
            out.values[name] = value

    def _fill_missing(self, options: tuple[Option, ...], out: Checked, line: int | None) -> None:
        """Defaults for options not written; a problem for each required one."""
        for option in options:
            name = option.name if out.label else option.key
            if name in out.lines or name in out.values:
                continue
            if option.required and out.label:
                self.problem(line, out.label, f'missing required option "{name}"')
            elif option.required:
                self.problem(None, name, "missing: this file must set it")
            elif option.kind is Kind.RECORDS:
                out.values[name] = [self._record_default(option, out.key(name), i, d)
                                    for i, d in enumerate(_records(option.default))]
            elif option.default is not None:
                out.values[name] = option.default

    def _record_default(self, option: Option, key: str, index: int,
                        data: dict[str, Any]) -> Checked:
        record = Checked(_record_label(key, index, data), None)
        for fld in option.fields:
            if fld.name in data and fld.kind is Kind.RECORDS:
                record.values[fld.name] = [
                    self._record_default(fld, record.key(fld.name), i, d)
                    for i, d in enumerate(data[fld.name])]
            elif fld.name in data:
                record.values[fld.name] = data[fld.name]
        self._fill_missing(option.fields, record, None)
        return record

    def value(self, option: Option, node: Node, key: str) -> Any:
        if isinstance(node, Scalar) and node.value is REFUSED:
            return INVALID
        if option.kind is Kind.RECORDS:
            return self._records(option, node, key)
        if option.kind in (Kind.SLUG_LIST, Kind.CHOICE_LIST):
            return self._list(option, node, key)
        if not isinstance(node, Scalar):
            self.problem(node.line, key, f"must be {_kind_words(option)} "
                         f"(got {_shown_node(node)})")
            return INVALID
        return self._scalar(option, node, key)

    def _scalar(self, option: Option, node: Scalar, key: str) -> Any:
        trap = _yaml11_trap(node)
        if trap:
            self.problem(node.line, key, *trap)
            return INVALID
        if node.value is None:
            self.problem(node.line, key, "has no value",
                         "write a value, or delete the line to use the default")
            return INVALID
        if option.kind in _TEXT_KINDS:
            return self._text(option, node, key)
        if option.kind is Kind.SWITCH:
            return self._switch(node, key)
        return self._number(option, node, key)

    def _text(self, option: Option, node: Scalar, key: str) -> Any:
        if isinstance(node.value, bool):
            self.problem(node.line, key, f"must be {_kind_words(option)} (got {shown(node.value)})",
                         f'put it in quotes if you meant the word: "{node.text}"')
            return INVALID
        # A bare number or date is taken exactly as written: `name: 1.10` stays "1.10".
        text = node.value if isinstance(node.value, str) else node.text
        return self._text_rules(option, text, node.line, key)

    def _text_rules(self, option: Option, text: str, line: int, key: str) -> Any:
        if option.kind is Kind.SLUG and not SLUG.match(text):
            self.problem(line, key, f"must be {_kind_words(option)} (got {shown(text)})",
                         f'for example "{_slugify(text)}"')
            return INVALID
        if option.kind is Kind.CHOICE and text not in option.choices:
            self.problem(line, key, f"must be {_kind_words(option)} (got {shown(text)})",
                         did_you_mean(text, option.choices))
            return INVALID
        if option.kind is Kind.BROKER_URL and parse_broker_url(text) is None:
            self.problem(line, key, f"must be {_kind_words(option)} (got {shown(text)})",
                         "for example mqtt://127.0.0.1:1883")
            return INVALID
        if option.kind is Kind.TIME_OF_DAY and parse_time_of_day(text) is None:
            self.problem(line, key, f"must be {_kind_words(option)} (got {shown(text)})",
                         'hours 00 to 23 and minutes 00 to 59, in quotes, like "21:30"')
            return INVALID
        if option.kind is Kind.TEXT and "\n" in text.strip():
            self.problem(line, key, "must be one line of text")
            return INVALID
        return text

    def _switch(self, node: Scalar, key: str) -> Any:
        if isinstance(node.value, bool):
            return node.value
        self.problem(node.line, key, f"must be true or false (got {shown(node.value)})")
        return INVALID

    def _number(self, option: Option, node: Scalar, key: str) -> Any:
        value = node.value
        whole = option.kind is Kind.WHOLE_NUMBER
        fits = isinstance(value, int) or (not whole and isinstance(value, float))
        if isinstance(value, bool) or not fits:
            hint = "remove the quotes" if isinstance(value, str) and _is_number(value) else ""
            self.problem(node.line, key, f"must be {_kind_words(option)} (got {shown(value)})",
                         hint)
            return INVALID
        assert isinstance(value, int | float)
        if option.maximum is not None and value > option.maximum:
            self.problem(node.line, key,
                         f"must be {_number_text(option.maximum)} or less (got {value})")
            return INVALID
        if option.minimum is not None and value < option.minimum:
            self.problem(node.line, key,
                         f"must be {_number_text(option.minimum)} or more (got {value})")
            return INVALID
        return float(value) if not whole else value

    def _list(self, option: Option, node: Node, key: str) -> Any:
        if not isinstance(node, Seq):
            self.problem(node.line, key, f"must be a list (got {_shown_node(node)})",
                         "write it as [a, b] or one `- item` per line")
            return INVALID
        item_kind = Kind.SLUG if option.kind is Kind.SLUG_LIST else Kind.CHOICE
        item_option = Option(option.key, item_kind, None, "", choices=option.choices)
        items = [self.value(item_option, item, key) for item in node.items]
        if any(item is INVALID for item in items):
            return INVALID
        return tuple(items)

    def _records(self, option: Option, node: Node, key: str) -> Any:
        if not isinstance(node, Seq):
            self.problem(node.line, key, f"must be a list of entries (got {_shown_node(node)})",
                         "start each entry with `- ` on its own line")
            return INVALID
        records: list[Checked] = []
        for index, item in enumerate(node.items):
            record = self._record(option, index, item, key)
            if record is not None:
                records.append(record)
        return records

    def _record(self, option: Option, index: int, node: Node, key: str) -> Checked | None:
        if not isinstance(node, Map):
            self.problem(node.line, key,
                         f"each entry must be a group of options like `id: ...` "
                         f"(got {_shown_node(node)})")
            return None
        label = _record_label(key, index, _plain_values(node))
        record = Checked(label, node.line)
        fields = {f.name: f for f in option.fields}
        for entry in node.entries:
            fld = fields.get(entry.key)
            if fld is None:
                self.problem(entry.key_line, label, f'unknown option "{entry.key}"',
                             did_you_mean(entry.key, fields))
                continue
            self._store(fld, fld.name, entry.value, f"{label}.{fld.name}", record)
        self._fill_missing(option.fields, record, node.line)
        return record


def _option_tree(options: tuple[Option, ...]) -> dict[str, Any]:
    tree: dict[str, Any] = {}
    for option in options:
        *sections, name = option.key.split(".")
        branch = tree
        for section in sections:
            branch = branch.setdefault(section, {})
        branch[name] = option
    return tree


def _records(default: object) -> list[dict[str, Any]]:
    assert isinstance(default, tuple | list)
    return [dict(d) for d in default]


def _plain_values(node: Map) -> dict[str, Any]:
    return {e.key: e.value.value for e in node.entries if isinstance(e.value, Scalar)}


def _record_label(key: str, index: int, data: dict[str, Any]) -> str:
    """`session_templates[ketamine-40]` when the entry has a usable id or name, else its number."""
    for name in ("id", "name"):
        value = data.get(name)
        if isinstance(value, str) and value and "\n" not in value:
            return f"{key}[{value}]"
    return f"{key}[{index + 1}]"


def _yaml11_trap(node: Scalar) -> tuple[str, str] | None:
    """(message, hint) when YAML 1.1 read a bare value as something the writer rarely meant."""
    if not node.plain:
        return None
    text, value = node.text, node.value
    if isinstance(value, bool) and text.lower() not in ("true", "false"):
        return (f"YAML reads the bare word {text} as {shown(value)}",
                "write true/false, or quote it if you meant text")
    if isinstance(value, int | float) and not isinstance(value, bool) and ":" in text:
        return (f"YAML reads {text} as the number {value}",
                f'wrap time values in quotes, like "{text}"')
    if _LEADING_ZERO.match(text):
        return (f"YAML reads {text} oddly because of the leading zero",
                f'quote it ("{text}") or drop the zero ({text.lstrip("0") or "0"})')
    return None


def _kind_words(option: Option) -> str:
    if option.kind is Kind.CHOICE:
        return "one of " + ", ".join(option.choices)
    return {
        Kind.TEXT: "text",
        Kind.PATH: "a file or folder path",
        Kind.SLUG: 'a short id of lowercase letters, digits, "-" or "_"',
        Kind.WHOLE_NUMBER: "a whole number",
        Kind.NUMBER: "a number",
        Kind.SWITCH: "true or false",
        Kind.BROKER_URL: "mqtt://host:port or mqtts://host:port",
        Kind.SLUG_LIST: "a list of short ids",
        Kind.CHOICE_LIST: "a list",
        Kind.RECORDS: "a list of entries",
        Kind.TIME_OF_DAY: 'a time of day like "21:00"',
    }[option.kind]


def _shown_node(node: Node) -> str:
    if isinstance(node, Map):
        return "a group of options"
    if isinstance(node, Seq):
        return "a list"
    return shown(node.value)


def _number_text(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else str(number)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "room-1"
