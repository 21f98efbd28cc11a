"""Command line: `python main.py [subcommand] ...`. The subcommands and options are stable:
tests, docs and operators rely on them (see DESIGN.md)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from kiosk.log import setup_logging


def _config_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, metavar="DIR",
                        help="configuration directory (default: $KIOSK_CONFIG, else config/)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python main.py",
        description="Infusion-room comfort kiosk: the patient's screen and the nurse station.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    room = sub.add_parser("room", help="the patient's screen (the default)")
    _config_arg(room)
    room.add_argument("--room", metavar="ID", help="this tablet's room id (default: $KIOSK_ROOM, "
                      "else the first room in the config)")
    room.add_argument("--windowed", action="store_true", help="a 1280x800 window, for development")

    station = sub.add_parser("station", help="the nurse station: every room and open call")
    _config_arg(station)
    station.add_argument("--windowed", action="store_true",
                         help="a 1280x800 window, for development")
    station.add_argument("--station", metavar="ID", help="this station's id (default: "
                         "$KIOSK_STATION, else station- and the short host name)")

    demo = sub.add_parser("demo", help="a private broker, a station and the demo rooms, all "
                          "windowed side by side")
    demo.add_argument("--rooms", type=int, default=0, metavar="N",
                      help="also N simulated rooms (MQTT clients, no windows), to show the "
                      "station full (default: 0)")

    call_test = sub.add_parser("call-test", help="commissioning: send a test call, wait for a "
                               "station receipt, print the latency; exit 0, or 1 with a reason")
    _config_arg(call_test)
    call_test.add_argument("--room", metavar="ID", help="this tablet's room id (default: "
                           "$KIOSK_ROOM, else the first room in the config)")

    check = sub.add_parser("check-config", help="validate the configuration; exit 0, or 1 with "
                           "every problem")
    check.add_argument("dir", nargs="?", type=Path, metavar="DIR")

    sub.add_parser("config-reference", help="print the generated settings reference (Markdown)")
    sub.add_parser("hash-pin", help="read a nurse PIN, print the hash for nurse.pin_hash")

    report = sub.add_parser("report", help="station: response times as a CSV and a chart "
                            "(PNG) for the clinic manager")
    _config_arg(report)
    report.add_argument("--days", type=int, default=1, metavar="N",
                        help="the last N days, today included (default: 1, today)")
    report.add_argument("--out", type=Path, default=Path("."), metavar="DIR",
                        help="where to write response-times.csv and response-times.png "
                        "(default: the current folder)")

    shots = sub.add_parser("screenshots", help="render every screen and state to PNG")
    shots.add_argument("outdir", type=Path, metavar="OUTDIR")
    _config_arg(shots)
    return parser


def main(argv: list[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    # `python main.py [--config DIR] ...` with no subcommand means the room.
    if not args_list or args_list[0].startswith("-") and args_list[0] not in ("-h", "--help"):
        args_list.insert(0, "room")
    args = parser.parse_args(args_list)
    setup_logging()

    if args.command in ("room", "station", "demo"):
        from kiosk.qt.import_scan import quicken_import_scan

        quicken_import_scan()  # before the app's modules: PySide6 scans each one as it loads
    if args.command == "room":
        from kiosk.app.room import run_room
        return run_room(args.config, args.room, args.windowed)
    if args.command == "station":
        from kiosk.app.station import run_station
        return run_station(args.config, args.windowed, args.station)
    if args.command == "demo":
        from kiosk.app.demo import run_demo
        return run_demo(args.rooms)
    if args.command == "call-test":
        from kiosk.app.calltest import run_call_test
        return run_call_test(args.config, args.room)
    if args.command == "check-config":
        return check_config(args.dir)
    if args.command == "config-reference":
        from kiosk.settings import reference_markdown
        sys.stdout.write(reference_markdown())
        return 0
    if args.command == "hash-pin":
        return hash_pin_command()
    if args.command == "report":
        from kiosk.app.report import run_report
        return run_report(args.config, args.days, args.out)
    if args.command == "screenshots":
        from kiosk.screenshots import render_all
        return render_all(args.outdir, args.config)
    parser.print_help()
    return 2


def check_config(directory: Path | None) -> int:
    """Prints every error, then every warning; exit 1 only for errors (a warning names a part
    that will run degraded, and the room still starts)."""
    from kiosk.settings import inspect_config

    def count(n: int, word: str) -> str:
        return f"{n} {word}{'s' if n != 1 else ''}"

    config, problems = inspect_config(directory, os.environ)
    errors = [p for p in problems if not p.is_warning]
    warnings = [p for p in problems if p.is_warning]
    for problem in errors + warnings:
        print(problem)
    if config is None:
        also = f" (and {count(len(warnings), 'warning')})" if warnings else ""
        print(f"{count(len(errors), 'problem')} found{also}; nothing was changed.")
        return 1
    rooms = ", ".join(r.id for r in config.rooms)
    with_warnings = f", with {count(len(warnings), 'warning')}" if warnings else ""
    print(f"Configuration in {config.config_dir} is valid: rooms {rooms}{with_warnings}.")
    return 0


def hash_pin_command() -> int:
    """Reads the PIN twice at a terminal (once from a pipe) and prints only its hash."""
    import getpass

    from kiosk.core.pin import PinError, hash_pin

    if sys.stdin.isatty():
        pin = getpass.getpass("New nurse PIN (digits): ")
        if getpass.getpass("The same PIN again: ") != pin:
            print("The two PINs differ; nothing was printed.", file=sys.stderr)
            return 1
    else:
        pin = sys.stdin.readline().strip()
    try:
        print(hash_pin(pin))
    except PinError as error:
        print(f"Not a usable PIN: {error}.", file=sys.stderr)
        return 1
    print("Put this line in clinic.yaml as nurse.pin_hash.", file=sys.stderr)
    return 0
