"""`python main.py report`: the clinic manager gets a CSV and a chart of response times, or a
plain sentence when there is nothing to report."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from PySide6.QtGui import QColor, QImage

from kiosk.adapters.response_store import ResponseStore
from kiosk.core.response_times import CallEvent, CallStep, day_bounds

ROOT = Path(__file__).resolve().parents[1]


def report(state: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
    env.update(KIOSK_STATE_DIR=str(state))
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "report", *args], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=60)


def record_calls(state: Path) -> tuple[float, int]:
    """Ten calls placed today, acknowledged after 10 s to 100 s, resolved after 3 times that."""
    start = day_bounds(date.today())[0]
    placed = start + (time.time() - start) / 2  # earlier today, whatever the hour now
    store = ResponseStore(state)
    for i in range(10):
        ack = 10.0 * (i + 1)
        for step, at, by in ((CallStep.PLACED, placed, ""),
                             (CallStep.ACKNOWLEDGED, placed + ack, "desk"),
                             (CallStep.RESOLVED, placed + 3 * ack, "desk")):
            store.record(CallEvent(f"c{i}", "room-1", "call", "urgent", 100, step, by, at))
    store.close()
    return placed, time.localtime(placed).tm_hour


def test_the_report_writes_a_csv_and_a_chart_of_todays_response_times(tmp_path: Path) -> None:
    _, hour = record_calls(tmp_path / "state")
    out = tmp_path / "report"
    done = report(tmp_path / "state", "--days", "1", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "10 calls" in done.stdout

    with (out / "response-times.csv").open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    today = date.today().isoformat()
    assert [(r["date"], r["hour"]) for r in rows] == [(today, f"{hour:02d}"), (today, "all")]
    for row in rows:
        assert row["calls"] == "10"
        assert (row["acknowledge_median_seconds"], row["acknowledge_p90_seconds"]) == ("55", "90")
        assert (row["resolve_median_seconds"], row["resolve_p90_seconds"]) == ("165", "270")

    chart = QImage(str(out / "response-times.png"))
    assert (chart.width(), chart.height()) == (1600, 900)
    median_blue = QColor("#2f6db5").rgb()
    blue = sum(1 for x in range(0, chart.width(), 4) for y in range(0, chart.height(), 4)
               if chart.pixel(x, y) == median_blue)
    assert blue > 50, "the median bars are drawn"


def test_a_state_folder_without_records_gets_a_plain_sentence(tmp_path: Path) -> None:
    done = report(tmp_path / "never-a-station", "--out", str(tmp_path / "out"))
    assert done.returncode == 1
    assert "No response times have been recorded" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "out").exists()


def test_days_without_calls_write_nothing_and_say_so(tmp_path: Path) -> None:
    ResponseStore(tmp_path / "state").close()
    done = report(tmp_path / "state", "--days", "7", "--out", str(tmp_path / "out"))
    assert done.returncode == 0
    assert "No calls were recorded from" in done.stdout
    assert not (tmp_path / "out").exists()


def test_a_number_of_days_out_of_range_is_refused_in_plain_words(tmp_path: Path) -> None:
    done = report(tmp_path / "state", "--days", "0")
    assert done.returncode == 2
    assert "--days must be between 1 and 366 (got 0)" in done.stderr
