"""The partners page's previewable states (see :mod:`kiosk.states`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.states import Reach, section_memory, section_state, visitor_tap

if TYPE_CHECKING:
    from kiosk.sections.partners.page import PartnersPage


@section_state("partners", "detail", "a partner's card with the QR code of its website")
def _detail(page: PartnersPage) -> None:
    ids = page.grid.visible_cards()
    with_site = [pid for pid in ids if (p := page.model.partner(pid)) is not None and p.website]
    pid = (with_site or ids or [""])[0]
    if pid:
        visitor_tap(page.grid.viewport(), page.grid.card_rect(pid).center())


@section_state("partners", "category", "one category chosen with its chip")
def _category(page: PartnersPage) -> None:
    categories = page.model.categories()
    if categories:
        page.show_category(categories[0][0].id)


@section_state("partners", "end", "scrolled to the last row")
def _end(page: PartnersPage) -> None:
    bar = page.grid.verticalScrollBar()
    bar.setValue(bar.maximum())


@section_memory("partners")
def _remember(page: PartnersPage) -> Reach:
    """Across a visitor-mode switch: the category chosen and the open partner card."""
    category = page.chips.current
    partner = page.detail.partner.id if page.detail.is_open and page.detail.partner is not None else None

    def restore(new: PartnersPage) -> None:
        new.show_category(category)
        if partner is not None:
            new.open_partner(partner)

    return restore
