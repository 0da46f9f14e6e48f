"""`python -m app`: the same as `main.py`."""

import sys

from app.main import main

sys.exit(main())
