"""Every environment variable the program reads, declared once: the generated reference
(config/README.md) lists them, and a test checks that no other KIOSK_ variable is read."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Variable:
    name: str
    description: str
    test_only: bool = False


ENVIRONMENT: tuple[Variable, ...] = (
    Variable("KIOSK_CONFIG", "The config folder (default: config/ beside the program)."),
    Variable("KIOSK_ROOM", "This tablet's room id (default: the first room in the config); "
             "`--room` wins over it."),
    Variable("KIOSK_STATE_DIR", "Where the app writes its outbox, session and state (default: "
             "`state_dir` in clinic.yaml, else `$XDG_STATE_HOME/infusion-kiosk`)."),
    Variable("KIOSK_BROKER", "The broker, `mqtt://host:port` or `mqtts://host:port`, instead "
             "of `broker.url`."),
    Variable("KIOSK_STATION", "A nurse station's id (default: `station-` and the short host "
             "name); `--station` wins over it."),
    Variable("KIOSK_LOG_LEVEL", "How much the log says: DEBUG, INFO (the default), WARNING or "
             "ERROR."),
    Variable("KIOSK_WINDOW_GEOMETRY", "Where a `--windowed` room or station window goes: "
             "`x,y,width,height` in pixels, frame included (the demo sets it to lay its "
             "windows side by side)."),
    Variable("NOTIFY_SOCKET", "Set by systemd (`Type=notify`): where the kiosk says READY=1 "
             "after its first frame and WATCHDOG=1 while its screen runs. Unset: nothing is "
             "sent."),
    Variable("WATCHDOG_USEC", "Set by systemd from `WatchdogSec=`: the kiosk pings every half "
             "of it from the UI thread, so a frozen screen is restarted."),
    Variable("KIOSK_TEST_HOOKS", "Process tests only: `1` lets the two hooks below act. Each "
             "logs a warning; a deployment never sets these.", test_only=True),
    Variable("KIOSK_TEST_CALL_AFTER_START", "Process tests only: `1` presses the call button "
             "once the room has started.", test_only=True),
    Variable("KIOSK_TEST_START_SESSION", "Process tests only: a session template id the room "
             "starts through the nurse's own start slot.", test_only=True),
)


def environment_markdown() -> str:
    rows = "\n".join(f"| `{v.name}` | {v.description} |" for v in ENVIRONMENT)
    return ("\n## Environment\n\nThe environment overrides the files, for deployment scripts "
            "and tests. These are every variable the program reads:\n\n"
            f"| variable | meaning |\n|---|---|\n{rows}\n")
