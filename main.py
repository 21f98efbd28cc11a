"""Entry point: python main.py [subcommand] ..."""

import sys

from kiosk.cli import main

if __name__ == "__main__":
    sys.exit(main())
