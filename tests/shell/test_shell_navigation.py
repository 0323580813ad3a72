"""Navigator and LanguageState: the shell's logic, without widgets."""

from __future__ import annotations

import pytest

from kiosk.shell.language import LanguageState
from kiosk.shell.navigation import Navigator

IDS = ["history", "park", "partners", "platform"]


@pytest.fixture
def nav(qapp):
    n = Navigator(IDS)
    n.events = []
    n.changed.connect(lambda key, direction: n.events.append((key, direction)))
    return n


def test_starts_on_attract_and_opens_through_home(nav):
    assert nav.current == "attract" and not nav.can_go_back
    nav.open("park")
    assert nav.history == ("home", "park")
    assert nav.events == [("park", "forward")]


def test_back_unwinds_and_stops_at_home(nav):
    nav.open("history")
    nav.open("platform")
    nav.back()
    assert nav.current == "history" and nav.events[-1] == ("history", "back")
    nav.back()
    assert nav.current == "home"
    nav.back()
    assert nav.current == "home" and len(nav.events) == 4  # the third back emitted nothing


def test_opening_a_section_already_in_the_trail_unwinds_to_it(nav):
    for sid in ("history", "park", "partners"):
        nav.open(sid)
    nav.open("history")
    assert nav.history == ("home", "history")


def test_next_section_stops_at_the_ends(nav):
    nav.open("platform")
    assert not nav.next_section()
    nav.open("history")
    assert nav.next_section() and nav.current == "park"
    assert not nav.next_section(-5)


def test_home_and_reset(nav):
    nav.open("partners")
    nav.home()
    assert nav.history == ("home",) and nav.events[-1] == ("home", "back")
    nav.open("park")
    nav.reset()
    assert nav.history == ("attract",) and nav.events[-1] == ("attract", "none")


def test_unknown_section_is_an_error(nav):
    with pytest.raises(KeyError):
        nav.open("nope")


def test_language_state(qapp):
    lang = LanguageState("zh")
    seen = []
    lang.changed.connect(seen.append)
    lang.set("zh")
    assert seen == []
    lang.toggle()
    assert lang.lang == "en" and seen == ["en"]
    lang.reset()
    assert lang.lang == "zh" and seen == ["en", "zh"]
    with pytest.raises(ValueError):
        lang.set("fr")
