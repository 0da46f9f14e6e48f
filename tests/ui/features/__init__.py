"""Tests of each feature, mirroring app/ui/features/."""
