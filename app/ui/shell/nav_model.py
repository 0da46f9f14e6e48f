"""The navigation tree's model: profiles at the top level, their sections below.

A thin QAbstractItemModel over the Library, answering from the immutable model on demand, so a
library of a thousand profiles costs nothing until its rows are shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex

from app.user_file import shown_path

if TYPE_CHECKING:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QIcon

    from app.model import Address, Library, Profile, Section
    from app.search_hits import HitCounts

_PROFILE_ID = 0  # internalId of a profile row; a section row stores its profile's row + 1

ModelIndex = QModelIndex | QPersistentModelIndex

_DISPLAY_ROLE, _DECORATION_ROLE, _TOOL_TIP_ROLE, _ACCESSIBLE_DESCRIPTION_ROLE = 0, 1, 3, 12  # Qt.ItemDataRole


class NavModel(QAbstractItemModel):
    """Profiles and their sections; `AddressRole` gives the address ("lao-pdr/challenges")."""

    # Qt.ItemDataRole values as plain ints: this model never names `Qt`, whose Python enums PySide6
    # builds on first use (more than 10 ms and a few MiB; see main_window).
    AddressRole = 0x0100 + 1  # UserRole + 1

    def __init__(self, library: Library | None, parent: Any = None) -> None:
        super().__init__(parent)
        self._library = library
        self._hit_counts: HitCounts | None = None

    # -- our API -----------------------------------------------------------------------------

    @property
    def library(self) -> Library | None:
        return self._library

    @property
    def _profiles(self) -> tuple[Profile, ...]:
        return self._library.profiles if self._library is not None else ()

    def set_library(self, library: Library) -> None:
        self.beginResetModel()
        self._library = library
        self._hit_counts = None
        self.endResetModel()

    def set_hit_counts(self, counts: HitCounts | None) -> None:
        """Show how many search hits each section has (None, or counts of no hit: no search active).
        The counts are kept as given, never copied: they count a section when its row is painted."""
        self._hit_counts = counts
        rows = self.rowCount()
        if rows:
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, 0), [_DISPLAY_ROLE])
        for row in range(rows):
            parent = self.index(row, 0)
            children = self.rowCount(parent)
            if children:
                self.dataChanged.emit(
                    self.index(0, 0, parent), self.index(children - 1, 0, parent), [_DISPLAY_ROLE]
                )

    def index_of(self, address: Address) -> QModelIndex:
        """The row of a profile or section address; invalid when the library has no such thing."""
        resolved = self._library.resolve(address.section_address) if self._library is not None else None
        if resolved is None:
            return QModelIndex()
        profile, section = resolved
        profile_row = self._profiles.index(profile)
        if section is None:
            return self.index(profile_row, 0)
        return self.index(profile.sections.index(section), 0, self.index(profile_row, 0))

    def address(self, index: ModelIndex) -> Address | None:
        node = self._node(index)
        if node is None:
            return None
        profile, section = node
        from app.model import Address

        return Address(profile.id, section.id if section else None)

    # -- QAbstractItemModel ------------------------------------------------------------------

    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            if row < len(self._profiles):
                return self.createIndex(row, 0, id=_PROFILE_ID)
            return QModelIndex()
        if parent.internalId() != _PROFILE_ID:
            return QModelIndex()
        profile = self._profiles[parent.row()]
        if row < len(profile.sections):
            return self.createIndex(row, 0, id=parent.row() + 1)
        return QModelIndex()

    def parent(self, index: ModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == _PROFILE_ID:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, id=_PROFILE_ID)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._profiles)
        if parent.column() != 0 or parent.internalId() != _PROFILE_ID:
            return 0
        return len(self._profiles[parent.row()].sections)

    def columnCount(self, _parent: ModelIndex = QModelIndex()) -> int:
        return 1

    def hasChildren(self, parent: ModelIndex = QModelIndex()) -> bool:
        return self.rowCount(parent) > 0

    # flags(): QAbstractItemModel's own (enabled, selectable) is what every row needs.

    def data(self, index: ModelIndex, role: int = _DISPLAY_ROLE) -> Any:
        node = self._node(index)
        if node is None:
            return None
        profile, section = node
        address = f"{profile.id}/{section.id}" if section else profile.id
        if role == _DISPLAY_ROLE:
            title = section.title if section else profile.name
            hits = self._hit_count(profile, section)
            return f"{title}  ({hits})" if hits is not None else title
        if role == _TOOL_TIP_ROLE:
            if section is None:
                where = shown_path(profile.path)
                return f"{profile.name}: {len(profile.sections)} sections, from {where}. {profile.trust.summary}."
            return f"{section.title} ({address})"
        if role == self.AddressRole:
            return address
        if role == _ACCESSIBLE_DESCRIPTION_ROLE:
            return f"country profile, {profile.trust.summary}" if section is None else f"section of {profile.name}"
        if role == _DECORATION_ROLE and section is None:
            return trust_icon(profile.trust.state)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:  # 0: DisplayRole
        from PySide6.QtCore import Qt

        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and section == 0:
            return "Profiles"
        return None

    # -- helpers -----------------------------------------------------------------------------

    def _node(self, index: ModelIndex) -> tuple[Profile, Section | None] | None:
        if not index.isValid() or index.model() is not self:
            return None
        if index.internalId() == _PROFILE_ID:
            if index.row() >= len(self._profiles):
                return None
            return self._profiles[index.row()], None
        profile_row = index.internalId() - 1
        if profile_row >= len(self._profiles):
            return None
        profile = self._profiles[profile_row]
        if index.row() >= len(profile.sections):
            return None
        return profile, profile.sections[index.row()]

    def _hit_count(self, profile: Profile, section: Section | None) -> int | None:
        counts = self._hit_counts
        if counts is None or not counts:
            return None
        if section is None:
            return counts.profile_total(profile.id)
        return counts.get(f"{profile.id}/{section.id}", 0)


_TRUST_ICONS: dict[str, QIcon] = {}


def trust_icon(state: str) -> QIcon | None:
    """A profile row's mark of who vouches for it: a tick for a trusted publisher's signature, a
    warning sign for a profile nobody trusted signed; none for the app's own (the accessible
    description and the tooltip say the same in words)."""
    from app.model import NOT_VERIFIED, VERIFIED

    if state not in (VERIFIED, NOT_VERIFIED):
        return None
    if state not in _TRUST_ICONS:
        from PySide6.QtWidgets import QApplication, QStyle

        pixmap = QStyle.StandardPixmap.SP_DialogApplyButton if state == VERIFIED \
            else QStyle.StandardPixmap.SP_MessageBoxWarning
        _TRUST_ICONS[state] = QApplication.style().standardIcon(pixmap)
    return _TRUST_ICONS[state]
