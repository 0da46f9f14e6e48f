"""Tests of the window shell, mirroring app/ui/shell/."""
