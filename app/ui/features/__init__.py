"""One package per feature, each installed by the composition root (app/ui/compose.py)."""
