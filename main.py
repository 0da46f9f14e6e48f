"""Starts TIP Reference: the window, or a command-line command (see `main.py --help`)."""

import sys

from app.main import main

if __name__ == "__main__":
    sys.exit(main())
