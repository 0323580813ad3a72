"""The partner grid's rows: a list model of group headers, partner cards and a footer.

:meth:`PartnerListModel.set_filter` shows one category or all of them (``None``), grouped
in the content's category order; partners whose category is unknown come last, without a
header. No Qt widgets here: the model is what a view or a test reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from kiosk.content.model import Category, Partner, PartnersSection
from kiosk.widgets.monogram import BADGE_STYLE_COUNT
from kiosk.widgets.monogram_set import distinct_monograms

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
CATEGORY_ROLE = Qt.ItemDataRole.UserRole + 3

TAG_SEPARATOR = "  ·  "


class RowKind(IntEnum):
    HEADER = 0
    CARD = 1
    FOOTER = 2


@dataclass(frozen=True)
class GridRow:
    kind: RowKind
    partner: Partner | None = None
    category: Category | None = None
    count: int = 0

    @property
    def key(self) -> str:
        if self.partner is not None:
            return self.partner.id
        return self.category.id if self.category is not None else ""


def partner_title(partner: Partner, lang: str) -> str:
    return partner.name.get(lang)


# -- model --------------------------------------------------------------------------------


class PartnerListModel(QAbstractListModel):
    """Rows of the grid for the current filter (``None`` = every category)."""

    def __init__(self, section: PartnersSection, lang: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.section = section
        self.lang = lang
        self._filter: str | None = None
        self._categories = {c.id: c for c in section.categories}
        self._partners = {p.id: p for p in section.partners}
        members: dict[str, list[Partner]] = {c.id: [] for c in section.categories}
        orphans: list[Partner] = []
        for p in section.partners:
            (members.get(p.category, orphans)).append(p)
        #: (category or None for partners whose category is unknown, members) in order.
        self.groups: list[tuple[Category | None, list[Partner]]] = [
            (c, members[c.id]) for c in section.categories if members[c.id]
        ]
        if orphans:
            self.groups.append((None, orphans))
        self._rows: list[GridRow] = []
        self._row_of: dict[str, int] = {}
        self._monograms: dict[str, dict[str, tuple[str, int]]] = {}
        self._rebuild()

    # -- queries ------------------------------------------------------------------------
    @property
    def filter(self) -> str | None:
        return self._filter

    def categories(self) -> list[tuple[Category, int]]:
        """The categories that have partners, with their counts, in content order."""
        return [(c, len(ms)) for c, ms in self.groups if c is not None]

    def total(self) -> int:
        return len(self._partners)

    def partner(self, partner_id: str) -> Partner | None:
        return self._partners.get(partner_id)

    def category(self, category_id: str) -> Category | None:
        return self._categories.get(category_id)

    def row(self, i: int) -> GridRow:
        return self._rows[i]

    def row_of_partner(self, partner_id: str) -> int | None:
        return self._row_of.get(partner_id)

    def monogram(self, partner_id: str, lang: str) -> tuple[str, int]:
        """(letters, colourway) of a partner's badge, distinct across the section."""
        table = self._monograms.get(lang)
        if table is None:
            entries = [(p.id, p.name.get(lang), p.short_name.get(lang) if p.short_name else None)
                       for p in self._partners.values()]
            table = self._monograms[lang] = distinct_monograms(entries, lang, BADGE_STYLE_COUNT)
        return table.get(partner_id, ("?", 0))

    def visible_partner_ids(self) -> list[str]:
        return [r.partner.id for r in self._rows if r.partner is not None]

    # -- commands -----------------------------------------------------------------------
    def set_filter(self, category_id: str | None) -> bool:
        """Show only ``category_id`` (``None``: all). Returns whether anything changed."""
        if category_id is not None and not any(c is not None and c.id == category_id for c, _ in self.groups):
            category_id = None  # unknown, or a category without partners: show them all
        if category_id == self._filter:
            return False
        self.beginResetModel()
        self._filter = category_id
        self._rebuild()
        self.endResetModel()
        return True

    def set_language(self, lang: str) -> None:
        if lang != self.lang:
            self.lang = lang
            if self._rows:
                self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def _rebuild(self) -> None:
        rows: list[GridRow] = []
        for category, members in self.groups:
            if self._filter is not None and (category is None or category.id != self._filter):
                continue
            if category is not None:
                rows.append(GridRow(RowKind.HEADER, category=category, count=len(members)))
            rows.extend(GridRow(RowKind.CARD, partner=p, category=category) for p in members)
        rows.append(GridRow(RowKind.FOOTER))
        self._rows = rows
        self._row_of = {r.partner.id: i for i, r in enumerate(rows) if r.partner is not None}

    # -- Qt -----------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if row.partner is not None:
                return row.partner.name.get(self.lang)
            if row.category is not None:
                return row.category.name.get(self.lang)
            return ""
        if role == KIND_ROLE:
            return int(row.kind)
        if role == ID_ROLE:
            return row.key
        if role == CATEGORY_ROLE:
            return row.category.id if row.category is not None else ""
        return None
