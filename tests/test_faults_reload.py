"""Bounded memory across reloads: applying new content destroys the old view, every page,
their animations and image loader (C++ objects, seen through QObject.destroyed) and frees
their Python wrappers (weak references die) — nothing keeps yesterday's content alive.
The memory figure over 100 reloads is measured in benchmarks/reload.py."""

from __future__ import annotations

import gc
import weakref

from conftest import CONTENT, minimal_content_dict
from PySide6.QtCore import QAbstractAnimation, QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from kiosk.content.model import Content
from kiosk.shell import status_from_content


def _flush_deletes() -> None:
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()


def _watch(objects: list[QObject]) -> tuple[list[str], list[weakref.ref]]:
    destroyed: list[str] = []
    for obj in objects:
        name = f"{type(obj).__name__}:{obj.objectName()}"
        obj.destroyed.connect(lambda *_a, n=name: destroyed.append(n))
    return destroyed, [weakref.ref(o) for o in objects]


def _new_status(n: int):
    data = minimal_content_dict()
    data["attract"]["highlights"][0]["title"]["en"] = f"Welcome {n}"
    return status_from_content(Content.model_validate(data), CONTENT)


def test_reload_destroys_the_old_view_pages_and_animations(make_kiosk, qtbot):
    window = make_kiosk(size=(1280, 720))
    window.warm_up()
    qtbot.waitUntil(lambda: window.view.warmed_up)
    for page in window.view.built_pages():
        window.show_screen(page)  # every page shown once: media, animations, charts
    window.reset()
    view = window.view
    old = [view, view.images, view.stack, *view.built_pages().values(),
           *view.findChildren(QAbstractAnimation), *view.findChildren(QTimer)]
    widgets_before = len(view.findChildren(QWidget))
    destroyed, refs = _watch(old)
    window.set_content(_new_status(1))
    window.warm_up()
    qtbot.waitUntil(lambda: window.view.warmed_up)
    del view, old
    _flush_deletes()
    assert len(destroyed) == len(refs), "some old objects were not destroyed"
    alive = [r() for r in refs if r() is not None]
    assert not alive, f"Python still holds old objects: {[type(a).__name__ for a in alive]}"
    assert len(window.view.findChildren(QWidget)) <= widgets_before


def test_images_are_shared_across_reloads(make_kiosk, qtbot):
    window = make_kiosk(size=(1280, 720))
    first = window.view.images.cache
    window.set_content(_new_status(2))
    assert window.view.images.cache is first, "one decoded-image cache for the whole app"
