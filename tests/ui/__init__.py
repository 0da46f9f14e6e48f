"""Widget tests, through pytest-qt with real key presses and clicks."""
