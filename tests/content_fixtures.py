"""Small content documents for tests, and a helper that finds the expected position of a
finding from a ``⟨`` marker in the text (so no line numbers are hard-coded)."""

from __future__ import annotations

MARK = "⟨"

# A minimal document using every section type. Media paths point at files that
# `write_media` creates.
BASE = """\
kiosk:
  idle_timeout: 90
attract:
  highlights:
    - title: {zh: 欢迎, en: Welcome}
      section: history
sections:
  - id: history
    type: history
    title: {zh: 工业百年, en: A century of industry}
    eras:
      - id: cradle
        title: {zh: 发源地, en: The cradle}
        period: {zh: 约百年前, en: A century ago}
        events:
          - date: 1920
            title: {zh: 起步, en: The start}
            text: {zh: 市北孕育了青岛近代工业。, en: Shibei gave birth to modern industry.}
          - date: 2020-06-28
            title: {zh: 启动, en: Launch}
            text: {zh: 集聚区启动。, en: The cluster was launched.}
  - id: park
    type: park
    title: {zh: 产业园, en: The park}
    plan: {image: plan.svg, width: 1600, height: 1000}
    hotspots:
      - id: tower
        name: {zh: 研发楼, en: R&D building}
        description: {zh: 研发与总部。, en: R&D and headquarters.}
        rect: [100, 100, 200, 200]
        partners: [haier]
    figures:
      - value: 35000
        unit: {zh: 平方米, en: m²}
        label: {zh: 占地面积, en: Land}
        approx: true
  - id: partners
    type: partners
    title: {zh: 合作伙伴, en: Partners}
    categories:
      - id: flowers
        name: {zh: 五朵金花, en: Golden flowers}
    partners:
      - id: haier
        name: {zh: 海尔, en: Haier}
        category: flowers
        description: {zh: 家电企业。, en: An appliance maker.}
        website: https://www.haier.com
  - id: platform
    type: platform
    title: {zh: 卡奥斯, en: Kaos}
    figures:
      - value: 15
        label: {zh: 行业生态, en: Industry ecosystems}
    charts:
      - id: reach
        title: {zh: 覆盖, en: Reach}
        categories:
          - {zh: 行业生态, en: Ecosystems}
          - {zh: 细分行业, en: Sub-industries}
        series:
          - name: {zh: 数量, en: Count}
            values: [15, 60]
"""

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1600 1000" width="1600" '
    'height="1000"><rect x="0" y="0" width="1600" height="1000" fill="#13243A"/></svg>'
)


def edit(old: str, new: str, base: str = BASE) -> str:
    """``base`` with ``old`` replaced once by ``new`` (which may hold the ⟨ marker)."""
    assert base.count(old) == 1, f"fixture text {old!r} must occur exactly once"
    return base.replace(old, new)


def split_marker(text: str) -> tuple[str, int, int]:
    """Remove the ⟨ marker; return the text and the marker's 1-based line and column."""
    index = text.index(MARK)
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    return text.replace(MARK, "", 1), line, col
