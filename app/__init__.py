"""TIP Reference: an offline reader for counter-trafficking country profiles."""

__version__ = "1.0.0"

APP_NAME = "TIP Reference"
APP_ID = "tip-reference"
