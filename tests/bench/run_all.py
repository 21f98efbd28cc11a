"""`make bench`: run every tests/bench/bench_*.py, write one JSON file of results (machine, run
counts, figures beside their same-run baselines) and print a short table with the ratios.

    .venv/bin/python tests/bench/run_all.py [--out bench-results.json] [--quick] [NAME ...]

--quick shortens the long measuring windows and counts (idle CPU, music, sessions, station
scale) for a fast look; the figures in
the README come from a full run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
QUICK = {"bench_idle_cpu": ["--seconds", "15"], "bench_music": ["--seconds", "8"],
         "bench_startup": ["--runs", "5"], "bench_call_latency": ["--calls", "200"],
         "bench_memory_playing": ["--seconds", "5"], "bench_sessions": ["--sessions", "200"],
         "bench_settings": ["--runs", "10"],
         "bench_station_scale": ["--rooms", "200", "--burst", "100", "--idle-seconds", "5"]}


def machine() -> dict[str, object]:
    import PySide6

    return {"platform": platform.platform(), "python": platform.python_version(),
            "cpus": os.cpu_count(), "qt": PySide6.__version__,
            "processor": platform.processor() or platform.machine(),
            "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}


def run(script: Path, quick: bool, tmp: Path) -> dict[str, object]:
    out = tmp / f"{script.stem}.json"
    args = [sys.executable, str(script), "--json", str(out)]
    if quick:
        args += QUICK.get(script.stem, [])
    print(f"== {script.stem} {' '.join(args[4:])}", flush=True)
    started = time.monotonic()
    done = subprocess.run(args, cwd=ROOT)
    result: dict[str, object] = {"bench": script.stem, "seconds": time.monotonic() - started,
                                 "exit": done.returncode}
    if out.exists():
        result.update(json.loads(out.read_text()))
    return result


def table(results: list[dict[str, object]]) -> str:
    lines = [f"{'figure':<58} {'value':>12} {'baseline':>12} {'ratio':>7}  goal"]
    for result in results:
        figures = result.get("figures") or []
        if not figures:
            lines.append(f"{result['bench']}: no figures (exit {result['exit']})")
        for f in figures:  # type: ignore[union-attr]
            base = f["baseline_value"]
            ratio = f"{f['value'] / base:6.2f}x" if base else ""
            base_text = f"{base:10.2f}" if base is not None else ""
            lines.append(f"{f['name'][:58]:<58} {f['value']:10.2f} {f['unit'][:2]:<2}"
                         f"{base_text:>12} {ratio:>7}  {f.get('goal', '')}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "bench-results.json")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("names", nargs="*", help="only these benchmarks (e.g. bench_startup)")
    args = parser.parse_args()
    scripts = sorted(HERE.glob("bench_*.py"))
    if args.names:
        scripts = [s for s in scripts if s.stem in args.names]
    with tempfile.TemporaryDirectory() as tmp:
        results = [run(s, args.quick, Path(tmp)) for s in scripts]
    args.out.write_text(json.dumps({"machine": machine(), "quick": args.quick,
                                    "results": results}, indent=1))
    print()
    print(table(results))
    print(f"\nwritten to {args.out}")
    return 0 if all(r["exit"] == 0 for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
