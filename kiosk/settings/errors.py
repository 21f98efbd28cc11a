"""Problems found in the configuration, worded for the nurse or IT person who wrote the file."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum


class Severity(Enum):
    """An error stops the configuration from being used; a warning leaves one part degraded
    (a playlist shown as unavailable, calls not kept across a restart) while the room runs."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the configuration.

    `file` is relative to the config directory (``rooms/room-2.yaml``), or ``environment`` for a
    variable such as KIOSK_BROKER. `line` is 1-based, None when no line applies.
    """

    file: str
    line: int | None
    key: str
    message: str
    hint: str = ""
    severity: Severity = Severity.ERROR

    @property
    def is_warning(self) -> bool:
        return self.severity is Severity.WARNING

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file} line {self.line}"
        head = f"{where}: {self.key}: {self.message}" if self.key else f"{where}: {self.message}"
        if self.is_warning:
            head = f"warning: {head}"
        return f"{head}\n  hint: {self.hint}" if self.hint else head


class ConfigError(Exception):
    """The configuration cannot be used. Carries every error found, not just the first."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: list[Problem] = list(problems)
        super().__init__(format_problems(self.problems))


def format_problems(problems: Iterable[Problem]) -> str:
    return "\n".join(str(p) for p in problems)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A hint naming the closest known name, or "" when nothing is close enough to help."""
    import difflib  # only when a name is wrong: not on every start

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f'did you mean "{close[0]}"?' if close else ""


def shown(value: object) -> str:
    """A value as the person wrote it: text in double quotes, numbers and booleans bare."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "a group of options"
    return str(value)
