"""What every key of content.yaml means, in Chinese and English: the hover help in the JSON
Schema and the text of docs/content-reference.md. No Qt here.

A description is looked up by (model, key), then by key alone. A model field that has its
own ``Field(description=...)`` keeps it. A test checks that every key of the schema has one.
"""

from __future__ import annotations

from typing import Any

Doc = tuple[str, str]
"""(中文, English)."""

BLOCKS: dict[str, Doc] = {
    "Content": ("整个内容文件。", "The whole content file."),
    "Settings": ("触摸屏设置（`kiosk:`）。", "Kiosk settings (`kiosk:`)."),
    "Theme": ("界面颜色，均为 \"#RRGGBB\"。", "Screen colours, each \"#RRGGBB\"."),
    "Attract": ("待机轮播（`attract:`）。", "The attract loop shown while nobody touches the screen."),
    "Highlight": ("待机轮播中的一页。", "One page of the attract loop."),
    "Figure": ("一个关键数字。", "A key figure."),
    "Video": ("可选的循环静音视频。", "An optional looping, silent video."),
    "Text": ("一段给观众看的文字：中文和英文。", "A text for visitors, in Chinese and English."),
    "HistorySection": ("历史板块（`type: history`）：按时代排列的时间轴。",
                       "History section (`type: history`): a timeline by era."),
    "Era": ("时间轴上的一个时代。", "An era on the timeline."),
    "Event": ("时间轴上的一个事件。", "An event on the timeline."),
    "ParkSection": ("园区板块（`type: park`）：平面图、热区和关键数字。",
                    "Park section (`type: park`): the plan, its hotspots and key figures."),
    "Plan": ("园区平面图（SVG）。", "The park plan (an SVG drawing)."),
    "Hotspot": ("平面图上可点击的区域。", "A touchable area on the plan."),
    "FrameworkItem": ("“个十百千万”框架中的一级。", "One step of the 个十百千万 framework."),
    "PartnersSection": ("合作伙伴板块（`type: partners`）：分类和单位。",
                        "Partners section (`type: partners`): categories and partners."),
    "Category": ("合作伙伴的一个分类。", "A category of partners."),
    "Partner": ("一个合作单位。", "One partner company or institution."),
    "PlatformSection": ("平台板块（`type: platform`）：数字、图表、能力和案例。",
                        "Platform section (`type: platform`): figures, charts, capabilities, cases."),
    "Chart": ("一张图表。", "A chart."),
    "Series": ("图表中的一组数值。", "One series of values in a chart."),
    "Capability": ("平台的一项能力。", "One capability of the platform."),
    "Case": ("一个应用案例。", "One case study."),
}

_KEYS: dict[str, Doc] = {
    "id": ("唯一标识：小写字母、数字、- 和 _，例如 golden-flowers。其他地方用它来引用。",
           "Unique id: lowercase letters, digits, '-' and '_', e.g. golden-flowers. "
           "Other entries refer to it by this id."),
    "title": ("标题。", "Title."),
    "subtitle": ("副标题。", "Subtitle."),
    "icon": ("图标名称（qtawesome），例如 mdi6.factory。", "Icon name (qtawesome), e.g. mdi6.factory."),
    "picture": ("板块图片，路径相对于 content.yaml 所在文件夹。",
                "Section picture, relative to the folder of content.yaml."),
    "video": ("可选的循环视频。", "An optional looping video."),
    "type": ("板块类型。", "The section type."),
    "name": ("名称。", "Name."),
    "description": ("说明文字。", "Description."),
    "text": ("正文（观众阅读的一段文字）。", "Body text (a panel visitors read)."),
    "summary": ("概述。", "Summary."),
    "image": ("图片，路径相对于 content.yaml 所在文件夹（PNG、JPEG、WebP、GIF、BMP）。",
              "A picture, relative to the folder of content.yaml (PNG, JPEG, WebP, GIF, BMP)."),
    "figures": ("关键数字列表。", "Key figures."),
    "partners": ("合作单位 id 列表（来自合作伙伴板块）。",
                 "Ids of partners (from a partners section)."),
    "label": ("说明文字。", "Label."),
    "unit": ("单位，例如 亿元 / billion yuan。", "Unit, e.g. 亿元 / billion yuan."),
    "caption": ("图注。", "Caption."),
    "date": ("日期。", "Date."),
    "zh": ("中文。", "Chinese."),
    "en": ("英文。", "English."),
}

FIELDS: dict[tuple[str, str], Doc] = {
    ("Content", "kiosk"): ("触摸屏设置：待机时间、语言、颜色。", "Kiosk settings: idle time, language, colours."),
    ("Content", "attract"): ("待机轮播。", "The attract loop."),
    ("Content", "sections"): ("板块列表，每个板块在首页有一个入口。",
                              "The sections; each has a tile on the home screen."),
    ("Settings", "idle_timeout"): ("无人触摸多少秒后提示“还在浏览吗？”（30–3600）。",
                                   "Seconds without a touch before 'Still there?' (30–3600)."),
    ("Settings", "countdown"): ("提示后倒计时多少秒回到待机画面（5–60）。",
                                "Seconds of countdown before the reset (5–60)."),
    ("Settings", "default_language"): ("默认语言：zh 或 en。", "Start language: zh or en."),
    ("Settings", "screen_diagonal_in"): ("屏幕对角线尺寸（英寸），用于按毫米计算按钮大小。",
                                         "Screen diagonal in inches, for sizing buttons in mm."),
    ("Settings", "theme"): ("界面颜色。", "Screen colours."),
    ("Settings", "name"): ("展厅名称，显示在页面顶部。", "Name of the showroom, shown at the top."),
    ("Theme", "background"): ("背景色。", "Background colour."),
    ("Theme", "surface"): ("卡片颜色。", "Card colour."),
    ("Theme", "primary"): ("主色（按钮、高亮）。", "Primary colour (buttons, highlights)."),
    ("Theme", "accent"): ("强调色（选中项）。", "Accent colour (selected items)."),
    ("Theme", "text"): ("文字颜色。", "Text colour."),
    ("Theme", "text_muted"): ("次要文字颜色。", "Secondary text colour."),
    ("Attract", "interval"): ("每页停留秒数（3–60）。", "Seconds each page stays (3–60)."),
    ("Attract", "highlights"): ("轮播的各页（至少一页）。", "The pages of the loop (at least one)."),
    ("Highlight", "figure"): ("可选：这一页显示的关键数字。", "Optional key figure on this page."),
    ("Highlight", "section"): ("可选：触摸这一页时打开的板块 id。",
                               "Optional section id opened when this page is touched."),
    ("Figure", "value"): ("完整数值，例如 3.4亿写 340000000；界面按语言格式化。",
                          "The whole number, e.g. 340000000 for 3.4亿; the screen formats it."),
    ("Figure", "approx"): ("true 时显示“约 / about”。", "When true, shown as 约 / about."),
    ("Figure", "plus"): ("true 时显示“余 / +”。", "When true, shown as 余 / + (more than)."),
    ("Figure", "decimals"): ("显示的小数位数（0–3）。", "Decimals shown (0–3)."),
    ("Video", "file"): ("视频文件（MP4、WebM、MKV、MOV），相对于 content.yaml。",
                        "Video file (MP4, WebM, MKV, MOV), relative to content.yaml."),
    ("Video", "poster"): ("视频加载前显示的图片。", "Picture shown before the video plays."),
    ("HistorySection", "eras"): ("时代列表（至少一个）。", "The eras (at least one)."),
    ("Era", "period"): ("时代的年份范围，显示在标签上，例如 1897–1949。",
                        "The span shown on the era chip, e.g. 1897–1949."),
    ("Era", "events"): ("这个时代的事件（至少一个），按时间顺序。", "Events of this era, in date order."),
    ("Event", "date"): ("年份 1978、月份 \"2020-06\"（加引号）或日期 2020-06-28。",
                        "A year 1978, a month \"2020-06\" (quoted) or a day 2020-06-28."),
    ("Event", "label"): ("日期不确切时显示的文字，例如“约百年前”。",
                         "Shown instead of the date when it is approximate."),
    ("Event", "featured"): ("true 时在时间轴上突出显示。", "When true, the event stands out."),
    ("ParkSection", "plan"): ("园区平面图。", "The park plan."),
    ("ParkSection", "hotspots"): ("平面图上的热区。", "Hotspots on the plan."),
    ("ParkSection", "framework"): ("“个十百千万”框架的各级。", "Steps of the 个十百千万 framework."),
    ("ParkSection", "address"): ("地址。", "Address."),
    ("Plan", "image"): ("平面图 SVG 文件（必填，必须能显示）。", "The plan's SVG file (required)."),
    ("Plan", "width"): ("平面图坐标宽度（SVG viewBox 宽）。", "Width of the plan's coordinates (SVG viewBox)."),
    ("Plan", "height"): ("平面图坐标高度（SVG viewBox 高）。", "Height of the plan's coordinates (SVG viewBox)."),
    ("Hotspot", "kind"): ("热区类型：zone（区域）、building（楼宇）、site（地点）。",
                          "Kind: zone, building or site."),
    ("Hotspot", "rect"): ("矩形：[x, y, 宽, 高]，平面图坐标。与 polygon 二选一。",
                          "Rectangle [x, y, width, height] in plan units. Give rect or polygon."),
    ("Hotspot", "polygon"): ("多边形：按顺序列出的顶点 [[x, y], …]，至少 3 个，不能自相交。",
                             "Polygon: points in order around the shape, at least 3, not crossing."),
    ("FrameworkItem", "key"): ("这一级的字和释义，例如 个 / One。", "The character and gloss, e.g. 个 / One."),
    ("FrameworkItem", "count"): ("这一级的数量。", "The number of this step."),
    ("PartnersSection", "categories"): ("分类（至少一个）。", "Categories (at least one)."),
    ("PartnersSection", "partners"): ("合作单位列表。", "The partners."),
    ("Partner", "short_name"): ("简称，显示在卡片上。", "Short name shown on the card."),
    ("Partner", "category"): ("所属分类的 id。", "Id of the partner's category."),
    ("Partner", "logo"): ("标志图片，相对于 content.yaml；缺少时显示字母徽章。",
                          "Logo picture, relative to content.yaml; a monogram is shown without."),
    ("Partner", "website"): ("网址（https://…），显示为二维码。", "Website (https://…), shown as a QR code."),
    ("Partner", "tags"): ("标签。", "Tags."),
    ("PlatformSection", "charts"): ("图表。", "Charts."),
    ("PlatformSection", "capabilities"): ("能力。", "Capabilities."),
    ("PlatformSection", "cases"): ("案例。", "Case studies."),
    ("Chart", "kind"): ("图表类型：bar（柱）、hbar（横柱）、line（折线）。", "Chart kind: bar, hbar or line."),
    ("Chart", "categories"): ("横轴的各项（至少一个）。", "The categories along the axis (at least one)."),
    ("Chart", "series"): ("数据组；每组的数值个数与 categories 相同。",
                          "Series; each has as many values as there are categories."),
    ("Chart", "log_scale"): ("true 时用对数刻度（数值必须大于 0）。", "Logarithmic scale (values above 0)."),
    ("Chart", "note"): ("图表下方的注释或来源。", "Note or source under the chart."),
    ("Series", "values"): ("数值，与 categories 一一对应。", "Values, one per category."),
    ("Case", "date"): ("案例日期，例如 2021-05-01。", "Date of the case, e.g. 2021-05-01."),
}

# The calendar (schedule, welcome banners, guided tour, show_from / show_until).
_SHOW: dict[tuple[str, str], Doc] = {
    ("Windowed", "show_from"): ("从这个日期（或日期和时间）起显示；之前隐藏。",
                                "Shown from this date (or date and time) on; hidden before."),
    ("Windowed", "show_until"): ("显示到这个日期（整天）或日期和时间；之后隐藏。",
                                 "Shown until this date (the whole day) or date and time; hidden after."),
}
FIELDS.update(_SHOW)
FIELDS.update({
    ("Content", "schedule"): ("开放时间与夜间模式。", "Opening hours and night mode."),
    ("Content", "welcome"): ("欢迎横幅（来宾、代表团）。", "Welcome banners (guests, delegations)."),
    ("Content", "guided"): ("讲解模式：讲解时暂停无人复位。", "Guided tour: the idle reset waits during a tour."),
    ("Banner", "guest"): ("来宾或代表团名称。", "The guest's or delegation's name."),
    ("Banner", "organisation"): ("来宾单位。", "The guest's organisation."),
    ("Banner", "logo"): ("来宾标志（可选）。", "The guest's logo (optional)."),
    ("Banner", "start"): ("开始：日期（整天）或 \"2026-11-26 09:00\"。",
                          "From: a date (the whole day) or \"2026-11-26 09:00\"."),
    ("Banner", "end"): ("结束：日期（整天）或 \"2026-11-26 12:00\"。",
                        "Until: a date (the whole day) or \"2026-11-26 12:00\"."),
    ("Banner", "example"): ("标记随附文件中的示例横幅。", "Marks a sample banner in the shipped file."),
    ("Guided", "limit_minutes"): ("讲解模式最长持续的分钟数，之后恢复无人复位。",
                                  "The idle reset is suspended for at most this many minutes."),
    ("Guided", "gesture"): ("左上角连点五次并输入管理员 PIN 开始讲解；false 关闭此手势。",
                            "Five taps top-left plus the admin PIN start a tour; false turns it off."),
    ("NightMode", "show"): ("夜间显示：clock（时钟和名称）、name（仅名称）等。",
                            "What shows at night: clock (a small clock and the name), name, …"),
    ("NightMode", "display_off"): ("关闭显示器的命令，例如 `xset dpms force off`。",
                                   "Command that switches the display off, e.g. `xset dpms force off`."),
    ("NightMode", "display_on"): ("打开显示器的命令。", "Command that switches the display on again."),
    ("NightMode", "command_timeout"): ("显示器命令最多运行的秒数。", "Seconds a display command may take."),
    ("NightMode", "wake_minutes"): ("夜间触摸后唤醒的分钟数。", "Minutes a touch at night wakes the kiosk."),
    ("OpeningException", "date"): ("日期（2026-10-01）；有 until 时为第一天。",
                                   "The day (2026-10-01); with `until`, the first day."),
    ("OpeningException", "until"): ("连续多天的最后一天。", "The last day of a run of days."),
    ("OpeningException", "hours"): ("\"09:00-12:00\"、closed 或多个时间段。",
                                    "\"09:00-12:00\", closed, or a list of ranges."),
    ("Schedule", "timezone"): ("时区（IANA 名称），例如 Asia/Shanghai。",
                               "The kiosk's time zone (IANA name), e.g. Asia/Shanghai."),
    ("Schedule", "hours"): ("每周各天的开放时间（mon … sun 或 mon-fri）：\"09:00-17:00\" 或 closed。",
                            "Per weekday (mon … sun, or mon-fri): \"09:00-17:00\" or closed."),
    ("Schedule", "exceptions"): ("特定日期的例外，优先于每周设置。", "Dated exceptions; they override the weekday."),
    ("Schedule", "night"): ("闭馆时间的显示。", "What the screen does outside opening hours."),
    ("Content", "accessibility"): ("观众模式的默认设置和屏幕的安装位置。",
                                   "Visitor modes every visitor starts in, and where the screen hangs."),
    ("Accessibility", "large_text"): ("大字模式：所有文字放大约 1.4 倍。", "Large text: every text about 1.4× larger."),
    ("Accessibility", "high_contrast"): ("高对比度：纯色背景，所有文字对比度不低于 7:1。",
                                         "High contrast: solid backgrounds, every text at 7:1 or more."),
    ("Accessibility", "reduced_motion"): ("减少动态：不滚动计数、不滑动切换。",
                                          "Reduced motion: no count-ups, cross-fades instead of slides."),
    ("Accessibility", "reach"): ("够得着模式：所有可点的控件移到轮椅和儿童够得着的下部。",
                                 "Reach mode: every control moves into the lower band that wheelchair users "
                                 "and children reach."),
    ("Accessibility", "mounting"): ("屏幕的安装高度（用于够得着模式）。", "Where the screen hangs (for reach mode)."),
    ("Mounting", "bottom_edge_mm"): ("画面下边缘离地面的高度（毫米）。",
                                     "Height of the picture's bottom edge above the floor, in millimetres."),
    ("Mounting", "height_mm"): ("画面的实际高度（毫米）；不填则按对角线计算。",
                                "Physical height of the picture in millimetres; left out, it comes from the diagonal."),
})

EXAMPLES: dict[tuple[str, str], list[Any]] = {
    ("Settings", "idle_timeout"): [90],
    ("Settings", "default_language"): ["zh"],
    ("Theme", "primary"): ["#2E7CF6"],
    ("Event", "date"): [1978, "2020-06", "2020-06-28"],
    ("Figure", "value"): [340000000],
    ("Hotspot", "rect"): [[100, 100, 200, 120]],
    ("Hotspot", "polygon"): [[[100, 100], [300, 100], [300, 250], [100, 250]]],
    ("Partner", "logo"): ["images/haier.png"],
    ("Partner", "website"): ["https://www.haier.com"],
    ("Plan", "image"): ["assets/plan/park.svg"],
    ("Video", "file"): ["media/intro.mp4"],
    ("SectionBase", "icon"): ["mdi6.factory"],
}


def describe_field(model: type, key: str) -> Doc | None:
    """(中文, English) for ``key`` of ``model`` (searched along its base classes)."""
    for cls in model.__mro__:
        found = FIELDS.get((cls.__name__, key))
        if found is not None:
            return found
    return _KEYS.get(key)


def examples(model: type, key: str) -> list[Any] | None:
    for cls in model.__mro__:
        found = EXAMPLES.get((cls.__name__, key))
        if found is not None:
            return found
    return None


def joined(doc: Doc) -> str:
    return f"{doc[0]} · {doc[1]}"
