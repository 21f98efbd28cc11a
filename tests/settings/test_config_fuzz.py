"""The settings loader fuzzed: generated mutations of the shipped demo config (bytes) and of
single values (YAML text a person might type). Whatever the files hold, loading raises only
ConfigError, with every problem in plain words; nothing else escapes (a crash at start-up would
be a crash loop with no call button)."""

from __future__ import annotations

import os
import random
import shutil
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.settings import ConfigError, inspect_config
from tests.support.fuzz import Mutator, Tally, bounded, report, run

SHIPPED = Path(__file__).resolve().parents[2] / "config"
FILES = ["clinic.yaml", "rooms/room-1.yaml", "content/en.yaml", "content/es.yaml"]
# What a person (or a broken editor) might put where a value belongs.
VALUES = ["", "~", "no", "yes", "on", "12:30", "07", "0x1F", "1e999", "-1", "9" * 400, "[1, 2]",
          "{a: 1}", "[", "{", "'", '"', '"\\ud800"', "!!python/object/apply:os.system [ls]",
          "!!binary aGVsbG8=", "*nowhere", "&a [*a, *a]", "- a\n- b", "|\n  block", "\t",
          "x" * 70_000, "…", "\x7f", "\x1e", "\u202e", "null", ".nan", "-.inf", "2026-12-01",
          "@", "%", "? complex key"]
TALLIES: list[Tally] = []
# Fixed, so a failure repeats; FUZZ_SEED explores other inputs by hand.
SEED = int(os.environ.get("FUZZ_SEED", "0"))


@pytest.fixture(scope="module", autouse=True)
def _report_counts(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    report(request, "settings fuzz", TALLIES)


@pytest.fixture
def config_copy(tmp_path: Path) -> Path:
    target = tmp_path / "config"
    shutil.copytree(SHIPPED, target)
    return target


def _load(config: Path) -> object:
    """What check-config does (the room's load_config is the same reading, less the look at
    the files on disk): a config, or ConfigError with every problem."""
    loaded, problems = inspect_config(config, {"KIOSK_STATE_DIR": str(config.parent / "state")})
    if loaded is None:
        raise ConfigError(problems)
    assert all(str(p) for p in problems)
    return loaded


def _usable(config: object) -> None:
    assert config is not None


@pytest.mark.parametrize("name", FILES)
def test_byte_mutations_of_a_shipped_file_raise_only_config_errors(
        config_copy: Path, name: str) -> None:
    original = (SHIPPED / name).read_bytes()
    mutator = Mutator(seed=zlib.crc32(name.encode()) + SEED)
    tally = Tally(f"{name} byte mutations")
    TALLIES.append(tally)

    def inputs() -> Iterator[object]:
        for _ in bounded(150, seconds=5):
            data = mutator.byte_mutation(original, [original])
            (config_copy / name).write_bytes(data)
            yield data

    def parse(_data: object) -> object:
        return _load(config_copy)

    escaped = run(tally, inputs(), parse, ConfigError, _usable)
    assert not escaped, escaped[:5]
    assert tally.tried >= 10


def test_single_odd_values_in_the_demo_config_raise_only_config_errors(
        config_copy: Path) -> None:
    rng = random.Random(11 + SEED)
    originals = {name: (SHIPPED / name).read_text(encoding="utf-8") for name in FILES[:2]}
    tally = Tally("single values")
    TALLIES.append(tally)

    def inputs() -> Iterator[object]:
        for _ in bounded(400, seconds=5):
            name = rng.choice(list(originals))
            lines = originals[name].splitlines()
            keyed = [i for i, line in enumerate(lines)
                     if ":" in line and not line.lstrip().startswith("#")]
            index = rng.choice(keyed)
            key = lines[index].split(":", 1)[0]
            lines[index] = f"{key}: {rng.choice(VALUES)}"
            (config_copy / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
            for other, text in originals.items():
                if other != name:
                    (config_copy / other).write_text(text, encoding="utf-8")
            yield (name, lines[index])

    def parse(_item: object) -> object:
        return _load(config_copy)

    escaped = run(tally, inputs(), parse, ConfigError, _usable)
    assert not escaped, escaped[:5]
    assert tally.tried >= 20


# What the fuzz found, kept as plain cases.
@pytest.mark.parametrize(("name", "old", "new", "said"), [
    ("rooms/room-1.yaml", "display_name: Room 1", 'display_name: "Room \\ud800"',
     "holds a character that is not text"),
    ("clinic.yaml", "name: Infusion clinic", "name: Infusion \x7f clinic",
     "a character YAML does not allow"),
    ("clinic.yaml", "name: Infusion clinic", "name: [" + "[" * 3000,
     "nested far too deeply"),
    ("content/en.yaml", 'reviewed_by: ""', "reviewed_by: " + "9" * 5000,
     "content/en.yaml line"),
])
def test_what_the_fuzz_found_reads_as_a_plain_problem(
        config_copy: Path, name: str, old: str, new: str, said: str) -> None:
    path = config_copy / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        _load(config_copy)
    assert any(said in str(p) for p in raised.value.problems), raised.value.problems
