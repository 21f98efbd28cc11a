"""Settings load of the demo config, beside a bare yaml.safe_load of the same files.

    .venv/bin/python tests/bench/bench_settings.py [--runs 30] [--config DIR] [--json FILE]

- load_config: what the room and the station do at start when no cached config is usable
  (read, check, build the settings);
- check-config's full look (inspect_config: also what the files name on disk);
- baseline: yaml.safe_load of every YAML file of the same folder, nothing else.
Each is the median over `--runs` runs in this process, after one untimed warm-up.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from figures import Figures  # noqa: E402

from kiosk.settings import inspect_config, load_config  # noqa: E402


def median_ms(action: Callable[[], object], runs: int) -> float:
    action()  # imports, first-use caches: the start-up bench measures those
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--config", type=Path, default=ROOT / "config")
    parser.add_argument("--json", type=Path, help="write the figures here (make bench)")
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    files = sorted(args.config.rglob("*.yaml"))
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    def bare() -> None:
        for path in files:
            yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 (safe)

    def full_look() -> None:
        config, problems = inspect_config(args.config, env)
        if config is None:
            raise SystemExit(f"the config in {args.config} does not validate: {problems}")

    base = median_ms(bare, args.runs)
    load = median_ms(lambda: load_config(args.config, env), args.runs)
    look = median_ms(full_look, args.runs)
    print(f"{len(files)} YAML files in {args.config}, median of {args.runs}:")
    print(f"  bare yaml safe load ({loader.__name__})  {base:7.2f} ms")
    print(f"  load_config                     {load:7.2f} ms")
    print(f"  check-config's full look        {look:7.2f} ms")
    figures = Figures("settings", args.runs)
    baseline = f"bare yaml safe load of the same {len(files)} files"
    figures.add("settings: load_config of the demo config", load, "ms", baseline, base)
    figures.add("settings: check-config's full look (inspect_config)", look, "ms", baseline,
                base)
    figures.write(args.json)


if __name__ == "__main__":
    main()
