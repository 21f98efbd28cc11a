"""Safe, line-aware YAML reading.

PyYAML composes the document into nodes (with the safe resolver only); we turn those nodes into a
small tree that keeps the line of every key and value, so every problem can name its line. Anchors
and aliases are refused outright: the config never needs them and they allow an "alias bomb".
Duplicate keys are an error naming both lines, where plain PyYAML silently keeps the last.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.events import AliasEvent, NodeEvent

from kiosk.settings.errors import Problem

MAX_FILE_BYTES = 1024 * 1024

_LEADING_TAB = re.compile(r"^ *\t", re.MULTILINE)
_SURROGATE = re.compile("[\ud800-\udfff]")
_STANDARD_TAGS = frozenset(
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
)


@dataclass(frozen=True)
class Scalar:
    """A single value. `text` is the source text; `plain` means it was written without quotes."""

    value: object
    line: int
    text: str
    plain: bool


@dataclass(frozen=True)
class Seq:
    items: tuple[Node, ...]
    line: int


@dataclass(frozen=True)
class Entry:
    key: str
    key_line: int
    value: Node


@dataclass(frozen=True)
class Map:
    entries: tuple[Entry, ...]
    line: int

    def get(self, key: str) -> Entry | None:
        return next((e for e in self.entries if e.key == key), None)


Node = Scalar | Seq | Map

REFUSED = object()
"""The value of a node already reported as a problem (a refused tag): checks skip it."""


class _NoAnchorsError(Exception):
    def __init__(self, line: int) -> None:
        self.line = line


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses anchors and aliases while composing, before anything expands."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        _refuse_anchors(event)
        return super().compose_node(parent, index)


def _refuse_anchors(event: Any) -> None:
    if isinstance(event, AliasEvent) or (isinstance(event, NodeEvent) and event.anchor is not None):
        raise _NoAnchorsError(_line(event.start_mark) or 1)


# LibYAML's parser (PyYAML's C extension) reads a config about ten times faster than the pure
# Python one, which counts at start-up: the events are looked at for anchors first (the C
# composer cannot be told to refuse them), then the C parser composes the nodes.
_FAST = getattr(yaml, "CSafeLoader", None) if yaml.__with_libyaml__ else None


def _compose(text: str) -> tuple[Any, Any]:
    """(root node, loader). A file LibYAML cannot read is read again by the pure Python parser,
    whose messages the problems quote: errors are rare, and the same file reads the same way."""
    if _FAST is not None:
        try:
            for event in yaml.parse(text, Loader=_FAST):
                _refuse_anchors(event)
            fast = _FAST(text)
            return fast.get_single_node(), fast
        except yaml.YAMLError:
            pass
    loader = _StrictLoader(text)
    try:
        return loader.get_single_node(), loader
    except BaseException:
        loader.dispose()
        raise


def load_yaml(path: Path, shown_as: str) -> tuple[Map | None, list[Problem]]:
    """Read one config file. Returns its top-level mapping, or None and the problems that stop it.

    `shown_as` is how problems name the file (relative to the config directory).
    """
    text, problem = _read_text(path, shown_as)
    if problem:
        return None, [problem]
    assert text is not None
    return parse_yaml(text, shown_as)


def parse_yaml(text: str, shown_as: str) -> tuple[Map | None, list[Problem]]:
    def fail(line: int | None, message: str, hint: str = "") -> tuple[None, list[Problem]]:
        return None, [Problem(shown_as, line, "", message, hint)]

    tab = _LEADING_TAB.search(text)
    if tab:
        line = text.count("\n", 0, tab.start()) + 1
        return fail(line, "a tab is used to indent", "YAML needs spaces for indenting, not tabs")
    try:
        root, loader = _compose(text)
    except _NoAnchorsError as e:
        return fail(e.line, "anchors (&) and aliases (*) are not allowed",
                    "write each value out in full")
    except yaml.composer.ComposerError as e:
        return fail(_line(e.problem_mark),
                    "the file holds more than one document (a second --- line)",
                    "keep one document per file")
    except yaml.reader.ReaderError as e:
        return fail(text.count("\n", 0, e.position) + 1,
                    f"the file holds a character YAML does not allow (code {e.character!r})",
                    "retype this line in a plain text editor")
    except yaml.MarkedYAMLError as e:
        return fail(_line(e.problem_mark), f"this is not valid YAML: {e.problem or e.context}",
                    "check the indenting and the colons on this line and the line before")
    except yaml.YAMLError as e:
        return fail(None, f"this is not valid YAML: {e}")
    except RecursionError:
        return fail(None, "the file is nested far too deeply to be a config file",
                    "check this is the right file")
    if root is None:
        return fail(None, "the file is empty", "write the options in it, or delete the file")
    if not isinstance(root, yaml.MappingNode):
        return fail(root.start_mark.line + 1,
                    "the file must be a list of options written as `name: value`",
                    "see config/README.md for the options")
    problems: list[Problem] = []
    tree = _convert(root, loader, shown_as, "", problems)
    loader.dispose()
    assert isinstance(tree, Map)
    return tree, problems


def _read_text(path: Path, shown_as: str) -> tuple[str | None, Problem | None]:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, Problem(shown_as, None, "",
                                 f"the file is too big ({size} bytes, the limit is 1 MiB)",
                                 "a config file is a few kilobytes; check this is the right file")
        data = path.read_bytes()
    except OSError as e:
        return None, Problem(shown_as, None, "", f"cannot read the file ({e.strerror})")
    if b"\0" in data:
        return None, Problem(shown_as, None, "", "the file holds binary data, not text",
                             "check this is the right file")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        return None, Problem(shown_as, line, "", "the file is not UTF-8 text",
                             "save it as UTF-8 in your editor")


def _convert(node: yaml.Node, loader: yaml.SafeLoader, shown_as: str, path: str,
             problems: list[Problem]) -> Node:
    line = node.start_mark.line + 1
    if node.tag not in _STANDARD_TAGS:
        problems.append(Problem(shown_as, line, path,
                                f'the tag "{_short_tag(node.tag)}" is not allowed',
                                "remove the tag; write the plain value"))
        return Scalar(REFUSED, line, "", False)
    if isinstance(node, yaml.MappingNode):
        return _convert_map(node, loader, shown_as, path, problems)
    if isinstance(node, yaml.SequenceNode):
        items = tuple(_convert(child, loader, shown_as, path, problems) for child in node.value)
        return Seq(items, line)
    assert isinstance(node, yaml.ScalarNode)
    try:
        value = loader.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError):
        # An explicit tag whose text does not fit it, like `!!int loud`, or a number too long for
        # Python to convert (over 4,300 digits): keep the text, the checks refuse it plainly.
        value = node.value
    if isinstance(value, str) and _SURROGATE.search(value):
        problems.append(Problem(shown_as, line, path, "this text holds a character that is not "
                                "text (an escaped surrogate such as \\ud800)",
                                "retype the value without escapes"))
        return Scalar(REFUSED, line, "", False)
    return Scalar(value, line, node.value, not node.style)


def _convert_map(node: yaml.MappingNode, loader: yaml.SafeLoader, shown_as: str, path: str,
                 problems: list[Problem]) -> Map:
    entries: dict[str, Entry] = {}
    for key_node, value_node in node.value:
        key_line = key_node.start_mark.line + 1
        if not isinstance(key_node, yaml.ScalarNode):
            problems.append(Problem(shown_as, key_line, path, "an option name must be a word"))
            continue
        # The source text, not the resolved value: `on:` is the option "on", not true.
        key = str(key_node.value)
        dotted = f"{path}.{key}" if path else key
        first = entries.get(key)
        if first is not None:
            problems.append(Problem(
                shown_as, key_line, dotted,
                f"set twice, on line {first.key_line} and line {key_line}",
                "keep one of them"))
            continue
        value = _convert(value_node, loader, shown_as, dotted, problems)
        entries[key] = Entry(key, key_line, value)
    return Map(tuple(entries.values()), node.start_mark.line + 1)


def _short_tag(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")


def _line(mark: Any) -> int | None:
    return int(mark.line) + 1 if mark is not None else None
