"""The window shell: the main window and what every page needs; it imports no feature."""
