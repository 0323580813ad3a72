"""Partners (interim): a heading per category, a card per partner (name, description, tags)."""

from __future__ import annotations

from kiosk.content.model import Partner, PartnersSection
from kiosk.i18n import tr
from kiosk.sections.layout import ScrollingPage
from kiosk.sections.registry import register_page


def partner_tags(partner: Partner, lang: str) -> str:
    return "  ·  ".join(t.get(lang) for t in partner.tags)


def website_text(partner: Partner) -> str:
    url = partner.website or ""
    return url.split("://", 1)[-1].rstrip("/")


@register_page("partners")
class PartnersPage(ScrollingPage):
    default_icon = "mdi6.domain"

    def build(self) -> None:
        section = self.section
        assert isinstance(section, PartnersSection)
        for category in section.categories:
            members = [p for p in section.partners if p.category == category.id]
            if not members:
                continue
            n = len(members)
            self.add_heading(category.name, note=lambda lang, n=n: tr("partners.count", lang, n=n))
            if category.description:
                self.add_text(category.description)
            grid = self.add_grid(max_columns=3)
            for partner in members:
                card = self.add_card(grid)
                card.add_text(partner.name, role="h3")
                if partner.short_name:
                    card.add_text(partner.short_name, role="label", tone="accent")
                card.add_text(partner.description, role="body")
                if partner.tags:
                    card.add_text(lambda lang, p=partner: partner_tags(p, lang), role="caption", tone="muted")
                if partner.website:
                    card.add_text(website_text(partner), role="caption", tone="primary")
                card.body.addStretch(1)
