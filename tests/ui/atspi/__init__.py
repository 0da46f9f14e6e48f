"""What a Linux screen reader receives, read through AT-SPI (the probe runs under the system Python)."""
