"""Compile every kiosk/i18n/*.ts to the .qm file Qt loads, when the .qm is missing or older.

Run by scripts/setup.sh (so `make run` and `make test` always have them) and by the tests'
conftest; quick when nothing changed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

I18N = Path(__file__).resolve().parents[1] / "kiosk" / "i18n"


def main() -> int:
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    for ts in sorted(I18N.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        done = subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)],
                              capture_output=True, text=True)
        if done.returncode != 0:
            print(f"could not compile {ts.name}: {done.stderr.strip()}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
