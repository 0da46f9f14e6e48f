"""Back/forward over the pages a user visited, kept in memory only: nothing of it reaches the disk."""

from __future__ import annotations

from app.model import Address

# Enough for a working day; the oldest entries drop out first.
HISTORY_LIMIT = 500


class History:
    """A browser-style history: visiting a page after going back drops the pages ahead of it."""

    def __init__(self, limit: int = HISTORY_LIMIT) -> None:
        self._entries: list[Address] = []
        self._position = -1
        self._limit = max(1, limit)

    @property
    def current(self) -> Address | None:
        return self._entries[self._position] if self._entries else None

    @property
    def can_go_back(self) -> bool:
        return self._position > 0

    @property
    def can_go_forward(self) -> bool:
        return 0 <= self._position < len(self._entries) - 1

    def visit(self, address: Address) -> None:
        """Record a page the user opened; the same page twice in a row counts once."""
        if self.current == address:
            return
        del self._entries[self._position + 1 :]
        self._entries.append(address)
        if len(self._entries) > self._limit:
            del self._entries[: len(self._entries) - self._limit]
        self._position = len(self._entries) - 1

    def back(self) -> Address | None:
        """The page before the current one (and move there), or None at the start."""
        if not self.can_go_back:
            return None
        self._position -= 1
        return self._entries[self._position]

    def forward(self) -> Address | None:
        """The page after the current one (and move there), or None at the end."""
        if not self.can_go_forward:
            return None
        self._position += 1
        return self._entries[self._position]

    def clear(self) -> None:
        self._entries.clear()
        self._position = -1

    def __len__(self) -> int:
        return len(self._entries)
