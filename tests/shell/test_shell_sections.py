"""The page registry, the SectionPage contract, and the shell/section boundary."""

from __future__ import annotations

import ast

import pytest
from conftest import ROOT, minimal_content_dict
from PySide6.QtWidgets import QWidget

from kiosk import sections
from kiosk.content.model import SECTION_TYPES, Content
from kiosk.sections import PageContext, SectionPage, register_page
from kiosk.theme import build_theme
from kiosk.widgets.kinetic import KineticScrollArea
from kiosk.widgets.labels import TextLabel


def test_every_section_type_has_a_registered_page():
    registered = sections.registered()
    assert set(SECTION_TYPES) <= set(registered)
    for section_type, cls in registered.items():
        assert issubclass(cls, SectionPage)
        assert cls.section_type == section_type
        assert cls.default_icon.count(".") == 1


def test_shell_never_imports_a_page_module_by_name():
    page_modules = {f"kiosk.sections.{t}" for t in SECTION_TYPES}
    for path in (ROOT / "kiosk" / "shell").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            bad = page_modules.intersection(names)
            assert not bad, f"{path.name} imports {bad}"


def test_duplicate_registration_is_refused():
    class Other(SectionPage):
        pass

    with pytest.raises(ValueError):
        register_page("history")(Other)
    with pytest.raises(TypeError):
        register_page("history")(object)  # type: ignore[arg-type]


def test_unknown_section_type_gets_the_fallback_page(qtbot):
    content = Content.model_validate(minimal_content_dict())
    section = content.section("platform")
    theme = build_theme(content.kiosk, (1920, 1080))
    sections.unregister("platform")
    try:
        page = sections.create_page(section, PageContext(theme, content, ROOT, "en"))
        qtbot.addWidget(page)
        assert type(page).__name__ == "FallbackPage"
        assert page.objectName() == "page-platform"
    finally:
        from kiosk.sections.platform.page import PlatformPage

        register_page("platform", replace=True)(PlatformPage)


_hosts: list[QWidget] = []


@pytest.fixture(autouse=True)
def _drop_hosts():
    yield
    _hosts.clear()


def _build(qtbot, section_id: str, lang: str = "zh", content=None):
    """The page in a 1920×944 host (a top-level layout would make offscreen Qt warn)."""
    content = content or Content.model_validate(minimal_content_dict())
    theme = build_theme(content.kiosk, (1920, 1080))
    host = QWidget()
    qtbot.addWidget(host)
    host.resize(1920, 944)
    page = sections.create_page(content.section(section_id), PageContext(theme, content, ROOT, lang), host)
    page.resize(host.size())
    host.show()
    _hosts.append(host)  # qtbot keeps only a weak reference
    return page


@pytest.mark.parametrize("section_id", ["history", "park", "partners", "platform"])
def test_pages_show_their_sections_real_text(qtbot, section_id):
    page = _build(qtbot, section_id)
    texts = {l.text() for l in page.findChildren(TextLabel) if l.text()}
    content = Content.model_validate(minimal_content_dict())
    assert content.section(section_id).title.zh in texts
    page.set_language("en")
    texts = {l.text() for l in page.findChildren(TextLabel) if l.text()}
    assert content.section(section_id).title.en in texts
    assert page.lang == "en"


def test_history_page_shows_every_event_and_marks_featured(qtbot):
    from kiosk.widgets.labels import resolve

    page = _build(qtbot, "history", "en")  # a painted timeline: its cards are rows, not labels
    titles = [resolve(e.title, "en") for e in page.events]
    assert titles.count("The start") == 4 and titles.count("Launch") == 4
    assert {"June 2020", "1920"} <= {resolve(e.when, "en") for e in page.events}
    assert sum(e.featured for e in page.events) == 4


def test_reset_returns_every_scroll_area_to_the_start(qtbot):
    page = _build(qtbot, "history")
    timeline = page.timeline  # scrolls sideways; the page's KineticScrollAreas reset too
    timeline.horizontalScrollBar().setValue(300)
    assert timeline.value == 300
    page.reset()
    assert timeline.value == 0
    assert all(area.is_at_start() for area in page.findChildren(KineticScrollArea))


def test_shipped_yaml_builds_every_page(qtbot):
    from kiosk.content import load_file

    loaded = load_file(ROOT / "content.yaml")
    for section in loaded.content.sections:
        page = _build(qtbot, section.id, "en", loaded.content)
        assert page.findChildren(TextLabel)
