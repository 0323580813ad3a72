"""docs/content-reference.md, generated from the model: every block, every key, required
or optional, allowed values and limits, and copy-paste examples of common tasks.

Regenerate with ``python -m kiosk.content.reference > docs/content-reference.md``; a test
fails when the committed file differs. No Qt here.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from kiosk.content import media
from kiosk.content.checks import MAX_EN_WORDS, MAX_ZH_CHARS, field_meta
from kiosk.content.descriptions import BLOCKS, describe_field
from kiosk.content.fields import MAX_ABS_VALUE, PANEL, Limit, Media
from kiosk.content.schema import models, schema

EXAMPLES: list[tuple[str, str, str, str]] = [
    ("带标志的合作单位", "A partner with a logo", "Partner", """\
- id: haier
  name: {zh: 海尔集团, en: Haier Group}
  short_name: {zh: 海尔, en: Haier}
  category: flowers
  description:
    zh: 全球领先的家电企业，卡奥斯平台的发起者。
    en: A world-leading appliance maker that founded the Kaos platform.
  logo: images/haier.png
  website: https://www.haier.com
  tags:
    - {zh: 家电, en: Appliances}
"""),
    ("带照片的历史事件", "An event with a photo", "Event", """\
- date: "2020-06"
  title: {zh: 集聚区启动, en: The cluster is launched}
  text:
    zh: 青岛工业互联网集聚区在市北区启动建设。
    en: Work on the Qingdao Industrial Internet Cluster began in Shibei.
  image: images/launch.jpg
  featured: true
"""),
    ("矩形热区", "A hotspot as a rectangle", "Hotspot", """\
- id: tower
  kind: building
  name: {zh: 研发楼, en: R&D building}
  description: {zh: 研发与总部。, en: R&D and headquarters.}
  rect: [100, 100, 200, 120]
  partners: [haier]
"""),
    ("多边形热区", "A hotspot as a polygon", "Hotspot", """\
- id: north-zone
  kind: zone
  name: {zh: 北区, en: North zone}
  description: {zh: 产业园北区。, en: The north of the park.}
  polygon: [[100, 100], [400, 100], [450, 260], [100, 260]]
"""),
    ("图表的数据组", "A chart with series", "Chart", """\
- id: reach
  title: {zh: 平台覆盖, en: Platform reach}
  kind: bar
  categories:
    - {zh: 行业生态, en: Ecosystems}
    - {zh: 细分行业, en: Sub-industries}
  series:
    - name: {zh: 数量, en: Count}
      values: [15, 60]
  unit: {zh: 个, en: ""}
"""),
    ("板块视频", "A section video", "Video", """\
file: media/intro.mp4
caption: {zh: 园区介绍, en: The park in two minutes}
poster: images/intro.jpg
"""),
    ("待机轮播的一页", "An attract highlight", "Highlight", """\
- title: {zh: 世界工业互联网之都, en: World Industrial Internet Capital}
  image: images/skyline.jpg
  figure:
    value: 15000000000
    unit: {zh: 元, en: yuan}
    label: {zh: 年产值目标, en: Output target}
    approx: true
  section: park
"""),
]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _ref_name(prop: dict[str, Any]) -> str | None:
    ref = prop.get("$ref", "")
    return ref.rsplit("/", 1)[-1] if ref else None


def allowed(prop: dict[str, Any]) -> str:
    """What a JSON Schema property allows, in a few words (both languages)."""
    if "anyOf" in prop or "oneOf" in prop:
        options = [allowed(p) for p in prop.get("anyOf", prop.get("oneOf", []))
                   if p.get("type") != "null"]
        return " / ".join(dict.fromkeys(options))
    name = _ref_name(prop)
    if name == "Text":
        return "文字 text {zh, en}"
    if name:
        return f"[{name}](#{name.lower()})"
    if "enum" in prop or "const" in prop:
        return " | ".join(f"`{v}`" for v in prop.get("enum", [prop.get("const")]))
    kind = prop.get("type")
    if kind == "array":
        items = prop.get("items", {})
        size = _size(prop.get("minItems"), prop.get("maxItems"), "项 items")
        return f"列表 list of {allowed(items)}{size}"
    words = {"string": "文字 text", "integer": "整数 whole number", "number": "数字 number",
             "boolean": "`true` | `false`"}.get(str(kind), str(kind))
    if "pattern" in prop:
        words += f" `{prop['pattern']}`"
    if "format" in prop:
        words += f" ({prop['format']})"
    lo, hi = prop.get("minimum", prop.get("exclusiveMinimum")), prop.get("maximum")
    if lo is not None or hi is not None:
        if lo == -MAX_ABS_VALUE and hi == MAX_ABS_VALUE:
            words += " (≤ 10^15)"
        else:
            words += f" {_num(lo) if lo is not None else '…'}–{_num(hi) if hi is not None else '…'}"
    return words


def _num(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _size(least: Any, most: Any, unit: str) -> str:
    if least is None and most is None:
        return ""
    if most is None:
        return f", ≥ {least} {unit}"
    if least == most:
        return f", {most} {unit}"
    return f", {least or 0}–{most} {unit}"


def limits(cls: type[BaseModel], key: str) -> str:
    found: list[str] = []
    for meta in field_meta(cls, key):
        if isinstance(meta, Limit):
            found.append(f"中文 ≤ {meta.zh} 字, English ≤ {meta.en} chars")
        elif meta is PANEL:
            found.append(f"中文 ≤ {MAX_ZH_CHARS} 字, English ≤ {MAX_EN_WORDS} words")
        elif isinstance(meta, Media):
            found.append(_media_limit(meta))
    return "; ".join(found)


def _media_limit(meta: Media) -> str:
    if meta.kind == "svg":
        return (f"SVG ≤ {media.MAX_SVG_BYTES // 2**20} MB, self-contained, "
                "no script / external links")
    if meta.kind == "video":
        return ", ".join(sorted(media.VIDEO_FORMATS))
    return (f"{', '.join(sorted(media.IMAGE_FORMATS))}; ≤ {media.MAX_IMAGE_BYTES // 2**20} MB, "
            f"≤ {media.MAX_SIDE} px")


def _required(cls: type[BaseModel], key: str) -> str:
    field = cls.model_fields[key]
    if field.is_required():
        return "**必填 required**"
    default = field.get_default(call_default_factory=True)
    if default in (None, [], "") or isinstance(default, BaseModel):
        return "可选 optional"
    shown = str(default).lower() if isinstance(default, bool) else default
    return f"可选 optional (默认 default `{shown}`)"


def _order() -> list[str]:
    """Model names in reading order: breadth-first from Content through the fields."""
    known, body = models(), schema()
    order, queue = [], ["Content"]
    while queue:
        name = queue.pop(0)
        if name in order or name not in known:
            continue
        order.append(name)
        sub = body if name == "Content" else body["$defs"].get(name, {})
        for prop in sub.get("properties", {}).values():
            queue.extend(_refs(prop))
    return order


def _refs(prop: Any) -> list[str]:
    if isinstance(prop, dict):
        name = _ref_name(prop)
        return ([name] if name else []) + [r for v in prop.values() for r in _refs(v)]
    if isinstance(prop, list):
        return [r for v in prop for r in _refs(v)]
    return []


def _block(name: str, cls: type[BaseModel], body: dict[str, Any]) -> list[str]:
    zh, en = BLOCKS.get(name, ("", ""))
    out = [f"### {name}", "", f"{zh}  ", f"{en}", "",
           "| 键 key | 必填 required | 取值 allowed values | 上限 limits | 说明 | Description |",
           "| --- | --- | --- | --- | --- | --- |"]
    for key, prop in body.get("properties", {}).items():
        doc = describe_field(cls, key) or ("", "")
        out.append(f"| `{key}` | {_required(cls, key)} | {_cell(allowed(prop))} | "
                   f"{_cell(limits(cls, key))} | {_cell(doc[0])} | {_cell(doc[1])} |")
    return [*out, ""]


def reference() -> str:
    body, known = schema(), models()
    out = [
        "# content.yaml 参考 · content.yaml reference", "",
        "<!-- Generated from the content model by "
        "`python -m kiosk.content.reference > docs/content-reference.md`; "
        "a test keeps it in sync. Do not edit by hand. -->", "",
        "本文列出 `content.yaml` 的每一个块和键：是否必填、允许的取值和长度上限。先看"
        "[常用示例](#常用示例--copy-paste-examples)，复制后按需修改，然后运行 `kiosk validate`。"
        "写法基础（引号、缩进、日期）见 [staff-guide.md](staff-guide.md)。", "",
        "Every block and key of `content.yaml`: required or optional, the values allowed and "
        "the length limits. Start from the copy-paste examples, edit, then run "
        "`kiosk validate`. The basics (quotes, indentation, dates) are in the staff guide.", "",
        "Texts over their limit are cut off on screen with “…” (a warning). Panels longer than "
        "the limit still show, but visitors stop reading.", "",
        "## 常用示例 · Copy-paste examples", "",
    ]
    for zh, en, model_name, snippet in EXAMPLES:
        out += [f"### {zh} · {en}", "", f"(`{model_name}`)", "", "```yaml", snippet.rstrip(),
                "```", ""]
    out += ["## 结构 · Structure", "",
            "顶层 · Top level: `kiosk:` (Settings), `attract:` (Attract), `sections:` (a list of "
            "HistorySection / ParkSection / PartnersSection / PlatformSection, chosen by "
            "`type:`).", ""]
    for name in _order():
        sub = body if name == "Content" else body["$defs"][name]
        out += _block(name, known[name], sub)
    return "\n".join(out).rstrip() + "\n"


def example_models() -> list[tuple[str, Any]]:
    """Each example parsed, with its model's name (for the test that they are valid)."""
    import yaml

    parsed = [(name, yaml.safe_load(snippet)) for _, _, name, snippet in EXAMPLES]
    return [(name, data[0] if isinstance(data, list) else data) for name, data in parsed]


if __name__ == "__main__":
    import sys

    sys.stdout.write(reference())
