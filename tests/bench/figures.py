"""Figures a benchmark reports, each beside the bare baseline measured in the same run.

Each bench_*.py takes `--json FILE` and writes its figures there; tests/bench/run_all.py (`make
bench`) runs them all, merges the files with the machine's description and prints one table.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path


@dataclass
class Figure:
    name: str
    value: float
    unit: str
    baseline: str = ""
    baseline_value: float | None = None
    goal: str = ""

    @property
    def ratio(self) -> float | None:
        if not self.baseline_value:
            return None
        return self.value / self.baseline_value


@dataclass
class Figures:
    bench: str
    runs: int
    figures: list[Figure] = field(default_factory=list)

    def add(self, name: str, value: float, unit: str, baseline: str = "",
            baseline_value: float | None = None, goal: str = "") -> None:
        self.figures.append(Figure(name, value, unit, baseline, baseline_value, goal))

    def write(self, path: Path | None) -> None:
        if path is None:
            return
        path.write_text(json.dumps({"bench": self.bench, "runs": self.runs,
                                    "figures": [asdict(f) for f in self.figures]}, indent=1))
