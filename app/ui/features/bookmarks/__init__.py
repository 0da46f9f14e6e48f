"""Bookmarks: the Bookmarks menu, Ctrl+D, the Manage Bookmarks dialog, export and import."""
