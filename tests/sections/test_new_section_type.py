"""README "Architecture", tried once: a fifth section type is a package under kiosk/sections/
whose ``page`` module registers a SectionPage — discovered by the registry, built by
``create_page``, no shell change. The throwaway package lives in a temporary folder added to
``kiosk.sections``' search path for this test only."""

from __future__ import annotations

import sys
import textwrap
from typing import Literal

import pytest
from conftest import ROOT
from PySide6.QtWidgets import QWidget

import kiosk.sections as sections
from kiosk.content.model import SectionBase, Text
from kiosk.sections import PageContext, create_page, icon_for, page_class, registered
from kiosk.sections import registry as registry_module
from kiosk.theme import build_theme

PAGE = textwrap.dedent(
    '''
    """A throwaway section type (tests/sections/test_new_section_type.py)."""

    from kiosk.sections.base import PageContext, SectionPage
    from kiosk.sections.registry import register_page
    from kiosk.widgets.labels import TextLabel


    @register_page("demo")
    class DemoPage(SectionPage):
        default_icon = "mdi6.flask-outline"

        def __init__(self, section, context: PageContext, parent=None) -> None:
            super().__init__(section, context, parent)
            self.title_label = TextLabel(self.theme, section.title, self.lang, role="h1", parent=self)
    '''
)


class DemoSection(SectionBase):
    type: Literal["demo"] = "demo"


@pytest.fixture
def demo_package(tmp_path, monkeypatch):
    """Step 1 and 2: ``kiosk/sections/demo/__init__.py`` and ``page.py``."""
    package = tmp_path / "demo"
    package.mkdir()
    (package / "__init__.py").write_text('"""The demo section."""\n', encoding="utf-8")
    (package / "page.py").write_text(PAGE, encoding="utf-8")
    monkeypatch.setattr(sections, "__path__", [*sections.__path__, str(tmp_path)])
    monkeypatch.setattr(registry_module, "_loaded", False)  # discover again
    yield
    registry_module.unregister("demo")
    for name in ("kiosk.sections.demo.page", "kiosk.sections.demo"):
        sys.modules.pop(name, None)


def test_a_fifth_section_type_is_one_package_the_registry_finds(qtbot, shipped, demo_package):
    pages = registered()  # discovery imports kiosk.sections.demo.page: it registers itself
    assert "demo" in pages and pages["demo"].__module__ == "kiosk.sections.demo.page"
    assert {"history", "park", "partners", "platform"} <= set(pages)  # the others still there

    section = DemoSection(id="lab", title=Text(zh="实验室", en="The lab"))
    assert page_class("demo") is pages["demo"]
    assert icon_for(section) == "mdi6.flask-outline"
    host = QWidget()
    qtbot.addWidget(host)
    context = PageContext(build_theme(shipped.kiosk, (1920, 1080)), shipped, ROOT, "en")
    page = create_page(section, context, host)
    assert type(page) is pages["demo"] and page.objectName() == "page-lab"
    assert page.title_label.text() == "The lab"
    page.set_language("zh")  # every page follows the language the same way
    assert page.title_label.text() == "实验室"
