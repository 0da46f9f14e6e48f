"""Help: Keyboard Shortcuts and About."""
