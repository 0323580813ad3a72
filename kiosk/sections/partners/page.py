"""Partners: company and institution cards, grouped and filtered by category, each opening
a detail card with a QR code of its website.

Landscape: the title across the top (the "tap a card" hint at its right), the category
chips as a rail on the left and the card grid on the right. Portrait: the title, the chips in
wrapping rows and the hint, then the grid. The grid is one
:class:`~kiosk.sections.partners.grid.PartnerGridView` (model/view, painted cards), so 1,000
partners build and scroll as quickly as 20. In "All" the cards are grouped under a heading
per category (name, count, description); a chip shows one group.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt, Signal
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content.model import PartnersSection, SectionBase
from kiosk.i18n import LANGS, tr
from kiosk.sections.base import PageContext, SectionPage
from kiosk.sections.layout import AccentRule
from kiosk.sections.partners.detail import PartnerDetail
from kiosk.sections.partners.filter import CategoryBar
from kiosk.sections.partners.grid import PartnerGridView
from kiosk.sections.partners.model import PartnerListModel
from kiosk.sections.registry import register_page
from kiosk.widgets.kinetic import KineticScrollArea
from kiosk.widgets.labels import TextLabel, resolve
from kiosk.widgets.scroll_cue import ScrollCue

ALL = ""
RAIL_WIDTH = 540
"""Width of the category rail (landscape), in design units."""


def count_text(n: int, lang: str) -> str:
    return tr("partners.count", lang, n=n)


@register_page("partners")
class PartnersPage(SectionPage):
    default_icon = "mdi6.domain"

    item_tapped = Signal(str)
    """Analytics: ``"partner:<id>"`` when a card is opened, ``"category:<id>"`` (``"category:all"``)
    when a chip is tapped."""

    def __init__(self, section: SectionBase, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(section, context, parent)
        assert isinstance(section, PartnersSection)
        theme = self.theme
        rail = theme.landscape or theme.reach  # reach mode's band is wide and short: the rail
        self.model = PartnerListModel(section, self.lang, self)
        entries = [(ALL, lambda l: tr("partners.all", l), self.model.total())]
        entries += [(c.id, c.name.get, n) for c, n in self.model.categories()]
        self.grid = PartnerGridView(
            theme, self.model, images=context.images, media=context.media, count_text=count_text,
            mouse_drag=context.mouse_drag, parent=self,
        )
        self.chips = CategoryBar(theme, entries, self.lang, rail=rail)
        self.title_label = TextLabel(theme, section.title, self.lang, role="h1")
        self.title_label.setObjectName("page-title")
        self.subtitle_label = TextLabel(theme, section.subtitle, self.lang, role="lead", tone="muted")
        self.hint_label = TextLabel(theme, lambda l: tr("partners.hint", l), self.lang, role="caption", tone="muted")
        self.hint_label.setObjectName("partners-hint")
        self.rail_scroll: KineticScrollArea | None = None
        (self._build_landscape if rail else self._build_portrait)()

        self.grid_cue = ScrollCue(theme, self.grid, self.lang, fades=False)
        if self.rail_scroll is not None:
            self.rail_cue = ScrollCue(theme, self.rail_scroll, self.lang)
        self.detail = PartnerDetail(theme, self.lang, images=context.images, media=context.media,
                                    mouse_drag=context.mouse_drag, parent=self)
        self.detail.badge.monogram_of = self.model.monogram
        self.chips.selected.connect(self._on_chips_selected)
        self.grid.card_tapped.connect(self._on_grid_card_tapped)

    # -- building ------------------------------------------------------------------------
    def _header(self, margin: int, *, hint_beside: bool = False) -> QVBoxLayout:
        """Title, accent rule, subtitle; with ``hint_beside`` the hint sits at the right
        end of the title row (landscape has room there)."""
        th = self.theme
        column = QVBoxLayout()
        column.setContentsMargins(margin, th.space("md") if th.reach else th.px(40), margin, 0)
        column.setSpacing(0)
        if hint_beside:
            row = QHBoxLayout()
            row.setSpacing(th.space("xl"))
            row.addWidget(self.title_label, 1, Qt.AlignmentFlag.AlignBottom)
            self.hint_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
            self.hint_label.setFixedWidth(th.px(720))
            row.addWidget(self.hint_label, 0, Qt.AlignmentFlag.AlignBottom)
            column.addLayout(row)
        else:
            column.addWidget(self.title_label)
        column.addSpacing(th.space("sm"))
        column.addWidget(AccentRule(self))
        column.addSpacing(th.space("sm"))
        column.addWidget(self.subtitle_label)
        return column

    def _margin(self) -> int:
        th = self.theme
        return th.px(48) if th.reach else th.px(96) if th.landscape else th.px(64)

    def _build_landscape(self) -> None:
        """Title across the top; the category rail on the left, the grid on the right.
        Reach mode's band (wide and short, in both orientations) takes this layout too:
        the header above the band shows title and subtitle, the hint heads the band and
        the rail is narrower (its names wrap in two lines)."""
        th = self.theme
        m = self._margin()
        page = QVBoxLayout(self)
        page.setContentsMargins(0, 0, 0, 0)
        page.setSpacing(0)
        header = self._header(m, hint_beside=not th.reach)
        if th.reach:
            header.addWidget(self.hint_label)
        page.addLayout(header)
        page.addSpacing(th.space("xs"))
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.rail_scroll = KineticScrollArea(th, mouse_drag=self.context.mouse_drag, parent=self)
        self.rail_scroll.setObjectName("partners-rail")
        rail = QWidget()
        rail.setObjectName("scroll-content")
        column = QVBoxLayout(rail)
        # the first chip lines up with the first group heading in the grid
        column.setContentsMargins(m, self.grid.spacing() + self.grid.delegate.header_top, th.px(16), th.space("md"))
        column.setSpacing(0)
        column.addWidget(self.chips)
        column.addStretch(1)
        self.rail_scroll.setWidget(rail)
        rail_w = min(RAIL_WIDTH, round(th.width / th.scale * 0.36)) if th.reach else RAIL_WIDTH
        self.rail_scroll.setFixedWidth(m + th.px(rail_w + 16))
        row.addWidget(self.rail_scroll)
        row.addSpacing(th.px(40) - self.grid.spacing())
        row.addWidget(self.grid, 1)
        page.addLayout(row, 1)
        self.grid.setViewportMargins(0, 0, m - self.grid.spacing() - th.px(8), 0)

    def _build_portrait(self) -> None:
        """Title, the chips in wrapping rows and the hint; the grid below."""
        th = self.theme
        margin = th.px(64)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        head = self._header(margin)
        head.addSpacing(th.space("lg"))
        head.addWidget(self.chips)
        head.addSpacing(th.space("sm"))
        head.addWidget(self.hint_label)
        column.addLayout(head)
        column.addSpacing(th.space("xs"))
        column.addWidget(self.grid, 1)
        self.grid.setViewportMargins(margin - self.grid.spacing(), 0, margin - self.grid.spacing() - th.px(8), 0)

    # -- visitor actions ----------------------------------------------------------------
    def show_category(self, category_id: str) -> None:
        """Show one category's partners (``""``: all of them), from the top."""
        self.chips.set_current(category_id)
        if self.model.set_filter(category_id or None):
            self.grid.reset_scroll()

    def open_partner(self, partner_id: str) -> bool:
        partner = self.model.partner(partner_id)
        if partner is None:
            return False
        self.detail.show_partner(partner, self.model.category(partner.category))
        return True

    def open_item(self, item_id: str) -> bool:
        """Deep link: all categories, the partner's card in view, its detail open."""
        if self.model.partner(item_id) is None:
            return False
        self.show_category(ALL)
        self.grid.reveal(item_id)
        return self.open_partner(item_id)

    # -- SectionPage hooks --------------------------------------------------------------
    def retranslate(self, lang: str) -> None:
        # SectionPage.set_language has re-rendered every Localized child (labels, chips,
        # the detail card, the grid); this only makes the grid's part explicit (a no-op now).
        self.grid.set_language(lang)

    def reset(self) -> None:
        super().reset()
        self.detail.close_detail()
        self.show_category(ALL)
        self.grid.reset_scroll()

    def on_hidden(self) -> None:
        self.detail.finish()

    def allows_swipe_at(self, pos: QPoint) -> bool:
        return self.swipe_navigation and self.detail.isHidden()

    def resizeEvent(self, e: QResizeEvent) -> None:
        super().resizeEvent(e)
        self.detail.setGeometry(self.rect())
        self._pin_header_heights()

    def _pin_header_heights(self) -> None:
        """Give the header texts the height of their taller language, so switching
        language never moves the chips or the grid."""
        section = self.section
        width = self.width() - 2 * self._margin()
        hint_w = self.hint_label.maximumWidth() if self.theme.landscape and not self.theme.reach else width
        title_w = width - hint_w - self.theme.space("xl") if self.theme.landscape else width  # shares its row
        pins = [
            (self.title_label, section.title, title_w),
            (self.subtitle_label, section.subtitle, width),
            (self.hint_label, lambda l: tr("partners.hint", l), hint_w),
        ]
        for label, source, w in pins:
            if source is None or w <= 0:
                continue
            fm = QFontMetrics(label.font())
            flags = int(Qt.TextFlag.TextWordWrap)
            h = max(fm.boundingRect(QRect(0, 0, w, 100000), flags, resolve(source, lang)).height() for lang in LANGS)
            label.setMinimumHeight(h)

    # -- wiring ---------------------------------------------------------------------------
    def _on_chips_selected(self, category_id: str) -> None:
        self.show_category(category_id)
        self.item_tapped.emit(f"category:{category_id or 'all'}")

    def _on_grid_card_tapped(self, partner_id: str) -> None:
        if self.open_partner(partner_id):
            self.item_tapped.emit(f"partner:{partner_id}")
