"""Profiles: Add Profile, Open Profiles Folder, Reload Profiles and the Problems dialog."""
