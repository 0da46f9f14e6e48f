"""History: Back and Forward through the pages read this session (kept in memory only)."""
