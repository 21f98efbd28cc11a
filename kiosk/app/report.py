"""`python main.py report [--days N] [--out DIR]`: the station's response times for the clinic
manager, as a CSV (per day and hour) and a chart (PNG, the last N days pooled by hour of day).

Reads the station's record in its state folder (KIOSK_STATE_DIR, else `state_dir` in the
configuration); run it on the station's computer. Needs no display.
"""

from __future__ import annotations

import csv
import os
import sys
from datetime import date, timedelta
from pathlib import Path

from kiosk.core.response_times import (
    CallEvent,
    Figures,
    day_bounds,
    day_figures,
    hour_of_day_figures,
)

CSV_NAME = "response-times.csv"
PNG_NAME = "response-times.png"
LONGEST_DAYS = 366

_HEADER = ["date", "hour", "calls", "acknowledge_median_seconds", "acknowledge_p90_seconds",
           "resolve_median_seconds", "resolve_p90_seconds"]


def run_report(config_dir: Path | None, days: int, out: Path) -> int:
    from kiosk.adapters.response_store import NoRecord, ResponseStore
    from kiosk.settings import ConfigError, load_config

    if not 1 <= days <= LONGEST_DAYS:
        print(f"--days must be between 1 and {LONGEST_DAYS} (got {days}).", file=sys.stderr)
        return 2
    try:
        state_dir = load_config(config_dir, os.environ).state_dir
    except ConfigError as error:
        print("\n".join(str(p) for p in error.problems), file=sys.stderr)
        print("The report cannot find the station's records: the configuration has problems "
              "(listed above).", file=sys.stderr)
        return 1
    try:
        store = ResponseStore(state_dir, create=False)
    except NoRecord:
        print(f"No response times have been recorded in {state_dir} yet. Run the report on "
              "the station's computer, with the station's state folder (KIOSK_STATE_DIR), "
              "after the station has seen some calls.", file=sys.stderr)
        return 1
    last = date.today()
    first = last - timedelta(days=days - 1)
    try:
        events = store.events(day_bounds(first)[0], day_bounds(last)[1])
    finally:
        store.close()
    hours, whole = hour_of_day_figures(events, first, last)
    period = _period(first, last)
    if whole.calls == 0:
        print(f"No calls were recorded {period}; nothing was written.")
        return 0
    csv_path, png_path = out / CSV_NAME, out / PNG_NAME
    try:
        out.mkdir(parents=True, exist_ok=True)
        _write_csv(csv_path, events, first, last)
        _write_png(png_path, hours, whole, _dates(first, last))
    except OSError as error:
        print(f"The report could not be written to {out}: {error}", file=sys.stderr)
        return 1
    print(f"{whole.calls} calls {period}.")
    print(f"Wrote {csv_path} and {png_path}.")
    return 0


def _period(first: date, last: date) -> str:
    if first == last:
        return f"on {first.isoformat()}"
    return f"from {first.isoformat()} to {last.isoformat()}"


def _dates(first: date, last: date) -> str:
    return first.isoformat() if first == last else f"{first.isoformat()} – {last.isoformat()}"


def _seconds(value: float | None) -> str:
    return "" if value is None else f"{value:.0f}"


def _row(day: str, hour: str, f: Figures) -> list[str]:
    return [day, hour, str(f.calls), _seconds(f.acknowledge_median),
            _seconds(f.acknowledge_p90), _seconds(f.resolve_median), _seconds(f.resolve_p90)]


def _write_csv(path: Path, events: list[CallEvent], first: date, last: date) -> None:
    """One row per day and hour with calls, and one row per day ("all") for the whole day.
    An empty cell means no call of that hour reached that step."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(_HEADER)
        day = first
        while day <= last:
            result = day_figures(events, day)
            for hour, figures in enumerate(result.hours):
                if figures.calls:
                    writer.writerow(_row(day.isoformat(), f"{hour:02d}", figures))
            writer.writerow(_row(day.isoformat(), "all", result.whole_day))
            day += timedelta(days=1)


def _write_png(path: Path, hours: list[Figures], whole: Figures, period: str) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from kiosk.qt.i18n import install_translations
    from kiosk.qt.response_chart import render_chart

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    assert isinstance(app, QGuiApplication)
    install_translations(app)
    render_chart(hours, whole, period, path)
