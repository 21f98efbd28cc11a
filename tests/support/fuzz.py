"""A small seeded byte-level fuzzer for network input: mutates valid payloads the way a broken
or hostile publisher might (bit flips, inserted, deleted, repeated and spliced bytes, truncation,
odd JSON tokens, wrong field types) and makes pure random bytes. Seeded, so a failure repeats."""

from __future__ import annotations

import json
import random
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

DOCS_PROTOCOL = Path(__file__).resolve().parents[2] / "docs" / "protocol.md"

# Byte strings that break naive parsers: JSON's non-standard constants, numbers too big for a
# float or for int(), deep nesting, lone surrogates, control and bidi characters, bad UTF-8.
TOKENS = [
    b"NaN", b"Infinity", b"-Infinity", b"1e999", b"-1e999", b"9" * 5000, b"-0", b"1.5e308",
    b"[" * 3000, b"{\"a\":" * 1500, b"\"\\ud800\"", b"\"\\u0000\"", b"\"a\\nb\"", b"\\u202e",
    b"true", b"false", b"null", b"{}", b"[]", b"\"\"", b"\xff", b"\xc3", b"\xed\xa0\x80",
    b"\xef\xbb\xbf", b"\x00", b"\"v\":2", b"\"v\":true", b"\"v\":1.0", b",", b":", b"\"",
    b"\\", b"}", b"]", b" " * 64, "\u202e\u2028".encode(), b"18446744073709551617",
]

# JSON values to put in place of a field: wrong types, edge numbers, hostile text.
VALUES: list[object] = [
    None, True, False, 0, -1, 1, 2**31, 2**63, 10**300, -(10**300), 1.5, -0.0, float("nan"),
    float("inf"), float("-inf"), 1e308, -1e308, "", "x" * 300, "x" * 70_000, "a\x00b",
    "room-1\n", "\ud800", "\u202eevil", "line\u2028break", "call", "request", "room",
    "station", "urgent", [], [1, 2], {}, {"v": 1}, "1", "1764109800.0", [[[[[[[[]]]]]]]],
]


@dataclass
class Tally:
    """How many inputs one fuzz run tried, and what became of them."""

    name: str
    tried: int = 0
    refused: int = 0
    accepted: int = 0

    def line(self) -> str:
        return (f"{self.name}: {self.tried} inputs tried, {self.refused} refused, "
                f"{self.accepted} accepted")


def documented_payloads() -> list[dict[str, object]]:
    """Every JSON example in docs/protocol.md, so the fuzz starts from what others will send."""
    blocks = re.findall(r"```json\n(.*?)```", DOCS_PROTOCOL.read_text(), flags=re.S)
    return [json.loads(block) for block in blocks]


class Mutator:
    """Seeded mutations of valid payloads. `payload(seeds)` returns one fuzzed byte string."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def payload(self, seeds: list[bytes]) -> bytes:
        roll = self.rng.random()
        if roll < 0.1:
            return self.random_bytes()
        if roll < 0.45:
            return self.field_mutation(self.rng.choice(seeds))
        data = self.rng.choice(seeds)
        for _ in range(self.rng.randint(1, 4)):
            data = self.byte_mutation(data, seeds)
        return data

    def random_bytes(self) -> bytes:
        size = self.rng.choice([0, 1, 2, 8, 64, 300, 9000])
        return self.rng.randbytes(size)

    def byte_mutation(self, data: bytes, seeds: list[bytes]) -> bytes:
        rng = self.rng
        pos = rng.randint(0, len(data))
        op = rng.randrange(8)
        if op == 0 and data:  # flip one bit
            i = rng.randrange(len(data))
            return data[:i] + bytes([data[i] ^ (1 << rng.randrange(8))]) + data[i + 1:]
        if op == 1 and data:  # overwrite one byte
            i = rng.randrange(len(data))
            return data[:i] + bytes([rng.randrange(256)]) + data[i + 1:]
        if op == 2:  # insert random bytes
            return data[:pos] + rng.randbytes(rng.randint(1, 8)) + data[pos:]
        if op == 3:  # delete a span
            return data[:pos] + data[pos + rng.randint(1, 16):]
        if op == 4:  # repeat a span
            end = min(len(data), pos + rng.randint(1, 32))
            return data[:end] + data[pos:end] * rng.randint(1, 50) + data[end:]
        if op == 5:  # splice with another payload
            other = rng.choice(seeds)
            return data[:pos] + other[rng.randint(0, len(other)):]
        if op == 6:  # truncate
            return data[:pos]
        return data[:pos] + rng.choice(TOKENS) + data[pos:]

    def field_mutation(self, seed: bytes) -> bytes:
        """Keep the JSON well formed but give one or more fields a wrong or hostile value."""
        rng = self.rng
        d: dict[str, object] = json.loads(seed)
        for _ in range(rng.randint(1, 3)):
            key = rng.choice([*d, "v", "extra"])
            if rng.random() < 0.15:
                d.pop(key, None)
            else:
                d[key] = rng.choice(VALUES)
        return json.dumps(d).encode("utf-8", "surrogatepass")

    def topic(self, room: str, call_ids: list[str]) -> str:
        """A topic under kiosk/v1 that is often valid, sometimes subtly not."""
        rng = self.rng
        ids = [room, "room-2", "desk", *call_ids]
        odd = ["", "+", "#", "room 1", "room-1\n", "x" * 65, "\x00", "\ud800", "..", "v1",
               "r\u00e9", "calls", "presence"]
        shape = rng.choice([
            ["rooms", "ID", "presence"], ["stations", "ID", "presence"], ["rooms", "ID", "session"],
            ["rooms", "ID", "calls", "ID"], ["rooms", "ID", "calls", "ID", "receipt"],
            ["rooms", "ID", "calls", "ID", "ack"], ["rooms", "ID", "calls", "ID", "resolved"],
            ["rooms", "ID", "calls", "ID", "overdue"], ["rooms", "ID", "calls", "ID", "ID", "ack"],
            ["rooms"], [],
        ])
        parts = ["kiosk", "v1"] + [rng.choice(ids) if s == "ID" else s for s in shape]
        if rng.random() < 0.2:
            parts[rng.randrange(len(parts))] = rng.choice(odd)
        if rng.random() < 0.05:
            parts.insert(rng.randrange(len(parts) + 1), rng.choice(odd))
        return "/".join(parts)


def bounded(count: int, seconds: float) -> Iterator[int]:
    """range(count), stopped early if the deadline passes, so a slow machine stays quick."""
    deadline = time.monotonic() + seconds
    for i in range(count):
        if time.monotonic() > deadline:
            return
        yield i


def run(tally: Tally, inputs: Iterator[object], parse: Callable[[object], object],
        refused: type[BaseException], check: Callable[[object], None]) -> list[str]:
    """Feed every input to `parse`; return a line for each input that raised anything other
    than `refused` (empty when all is well). `check` inspects what was accepted."""
    escaped: list[str] = []
    for item in inputs:
        tally.tried += 1
        try:
            result = parse(item)
        except refused:
            tally.refused += 1
            continue
        except Exception as e:  # what this fuzz exists to find
            escaped.append(f"{type(e).__name__}: {str(e)[:80]} <- {repr(item)[:120]}")
            continue
        tally.accepted += 1
        check(result)
    return escaped


def report(request: pytest.FixtureRequest, title: str, tallies: list[Tally]) -> None:
    """Write the counts to the terminal, past pytest's output capture: the issue asks for the
    number of inputs tried to be visible in every run, not only with -s."""
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter is None or capture is None:
        return
    with capture.global_and_fixture_disabled():
        reporter.write("\n")
        for tally in tallies:
            reporter.write_line(f"{title}: {tally.line()}")
