"""Theme: View > Theme, following the desktop or forcing light or dark."""
