"""Icon pixmaps load only the icon fonts asked for, with qtawesome's own pixels."""

from __future__ import annotations

import pytest

from kiosk.widgets import icons


@pytest.fixture
def fresh_icons(qapp, monkeypatch):
    monkeypatch.setattr(icons, "_cache", {})
    monkeypatch.setattr(icons, "_fonts", {})
    return icons


def test_only_the_prefix_asked_for_is_loaded(fresh_icons):
    assert fresh_icons.icon_pixmap("mdi6.factory", "#FFFFFF", 64) is not None
    assert fresh_icons.loaded_prefixes() == {"mdi6"}
    assert fresh_icons.icon_pixmap("fa5s.industry", "#FFFFFF", 64) is not None
    assert fresh_icons.loaded_prefixes() == {"mdi6", "fa5s"}


@pytest.mark.parametrize("name", ["mdi6.factory", "fa5s.industry", "ph.globe"])
def test_pixels_equal_qtawesome(fresh_icons, name):
    import qtawesome

    ours = fresh_icons.icon_pixmap(name, "#3DA5FF", 96)
    theirs = qtawesome.icon(name, color="#3DA5FF").pixmap(96, 96)
    assert ours is not None
    assert ours.toImage() == theirs.toImage()


@pytest.mark.parametrize("name", ["mdi6.no-such-icon", "nosuchfont.factory", "factory", ""])
def test_unknown_names_give_none(fresh_icons, name, caplog):
    assert fresh_icons.icon_pixmap(name, "#FFFFFF", 64) is None
