"""Test set-up: offscreen Qt, a sandboxed data/config dir, no stray timers."""

from __future__ import annotations

import gc
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_SCALE_FACTOR", "1")

from pathlib import Path

import pytest

from kiosk import pyside_guard

pyside_guard.apply()  # what kiosk.app.create_app does at start; tests build widgets without it
from kiosk import heap  # noqa: E402

heap.return_large_buffers()  # so is this: freed big buffers go back to the system (memory tests)

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content.yaml"


@pytest.fixture(autouse=True)
def _sandbox_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every test away from the real data and config folders."""
    base = tmp_path_factory.mktemp("kiosk-dirs")
    monkeypatch.setenv("KIOSK_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("KIOSK_CONFIG_DIR", str(base / "config"))
    monkeypatch.delenv("KIOSK_CONTENT", raising=False)


# -- shell / widget fixtures (appended by the shell work) ---------------------------------

# The offscreen platform's default screen is 800×600. Kiosk windows are 1920×1080 and
# larger, and Qt's gesture manager (QScroller) looks widgets up by screen position, so give
# the offscreen platform a screen big enough for every window the tests build.
if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
    import json as _json
    import tempfile as _tempfile

    _screen_cfg = Path(_tempfile.gettempdir()) / "kiosk-tests-offscreen-screen.json"
    _screen_cfg.write_text(
        _json.dumps({"screens": [{"name": "kiosk-test", "x": 0, "y": 0, "width": 4096, "height": 4096, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}),
        encoding="utf-8",
    )
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screen_cfg}"



def minimal_content_dict(**kiosk: object) -> dict:
    """The smallest content with one section of each type, as a dict (tests tweak it)."""
    t = lambda zh, en: {"zh": zh, "en": en}  # noqa: E731
    return {
        "kiosk": dict(kiosk),
        "attract": {
            "interval": 5,
            "highlights": [
                {"title": t("欢迎", "Welcome"), "section": "history"},
                {"title": t("平台", "Platform"), "figure": {"value": 340000000, "label": t("用户", "Users")}},
            ],
        },
        "sections": [
            {
                "id": "history",
                "type": "history",
                "title": t("工业百年", "A century of industry"),
                "subtitle": t("从发源地到互联网", "From the cradle to the internet"),
                "eras": [
                    {
                        "id": "cradle",
                        "title": t("发源地", "The cradle"),
                        "period": t("约百年前", "A century ago"),
                        "events": [
                            {"date": 1920, "title": t("起步", "The start"), "text": t("市北孕育了工业。", "Industry began in Shibei.")},
                            {"date": "2020-06", "title": t("启动", "Launch"), "text": t("集聚区启动。", "The cluster opened."), "featured": True},
                        ]
                        * 4,
                    }
                ],
            },
            {
                "id": "park",
                "type": "park",
                "title": t("产业园", "The park"),
                "plan": {"image": "plan.svg", "width": 1600, "height": 1000},
                "figures": [{"value": 35000, "unit": t("平方米", "m²"), "label": t("占地", "Land"), "approx": True}],
            },
            {
                "id": "partners",
                "type": "partners",
                "title": t("合作伙伴", "Partners"),
                "categories": [{"id": "flowers", "name": t("五朵金花", "Golden flowers")}],
                "partners": [
                    {"id": "haier", "name": t("海尔", "Haier"), "category": "flowers", "description": t("家电。", "Appliances.")}
                ],
            },
            {"id": "platform", "type": "platform", "title": t("平台", "Platform"), "summary": t("卡奥斯。", "Kaos.")},
        ],
    }


@pytest.fixture
def content_dict() -> dict:
    return minimal_content_dict()


def running_timers(root) -> list[str]:
    """Active QTimers and running animations under ``root`` (a QObject)."""
    from PySide6.QtCore import QAbstractAnimation, QTimer

    found = [f"QTimer {t.objectName() or t.parent().__class__.__name__}" for t in root.findChildren(QTimer) if t.isActive()]
    found += [
        f"animation {a.objectName() or a.__class__.__name__}"
        for a in root.findChildren(QAbstractAnimation)
        if a.state() == QAbstractAnimation.State.Running
    ]
    return found


def _shutdown_and_check(window) -> None:
    window.shutdown()
    window.allow_close = True
    leftover = running_timers(window)
    assert not leftover, f"timers still running after shutdown: {leftover}"


@pytest.fixture
def make_kiosk(qtbot):
    """Build a shown KioskWindow: ``make_kiosk(content_or_dict_or_status, size=…, kiosk_mode=…)``.
    At teardown it shuts the window down and fails if any timer or animation still runs."""

    def make(content=None, *, size=(1920, 1080), kiosk_mode=True, lang=None, idle_timeout=None, loader=None, path=None,
             clock=None):
        from kiosk.app import register_fonts
        from kiosk.content.model import Content
        from kiosk.shell import ContentStatus, KioskWindow, ShellOptions, status_from_content

        if content is None:
            content = minimal_content_dict()
        if isinstance(content, dict):
            content = Content.model_validate(content)
        status = content if isinstance(content, ContentStatus) else status_from_content(content, path or ROOT / "content.yaml")
        options = ShellOptions(kiosk_mode=kiosk_mode, size=size, lang=lang, idle_timeout=idle_timeout, clock=clock)
        window = KioskWindow(status, options, families=register_fonts(), loader=loader)
        qtbot.addWidget(window, before_close_func=_shutdown_and_check)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture(autouse=True)
def _no_stray_event_filters(monkeypatch: pytest.MonkeyPatch):
    """Fail a test that leaves an application-wide event filter installed (a stale one once
    segfaulted a later test). ``QCoreApplication.installEventFilter``/``removeEventFilter``
    are wrapped for the test; at the end every filter installed and not removed must be
    gone (removed, or its object deleted — Qt drops a deleted filter by itself). Set up
    before qtbot, so this runs after qtbot has closed the test's widgets."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from shiboken6 import isValid

    installed: dict[int, object] = {}
    real_install = QCoreApplication.installEventFilter
    real_remove = QCoreApplication.removeEventFilter

    def install(self, obj):
        if self is QCoreApplication.instance():
            installed[id(obj)] = obj
        return real_install(self, obj)

    def remove(self, obj):
        installed.pop(id(obj), None)
        return real_remove(self, obj)

    monkeypatch.setattr(QCoreApplication, "installEventFilter", install)
    monkeypatch.setattr(QCoreApplication, "removeEventFilter", remove)
    yield
    monkeypatch.undo()
    if installed:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    left = [f"{type(obj).__name__} {getattr(obj, 'objectName', lambda: '')()!r}" for obj in installed.values()
            if isValid(obj)]
    installed.clear()
    assert not left, f"test left application-wide event filters installed: {left}"


@pytest.fixture(autouse=True)
def _no_stray_timers():
    """Fail a test that leaves a QTimer or animation running on the application object
    or on a top-level widget that outlived it."""
    yield
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    # Collect this test's Qt wrappers now, while its windows are shut down, instead of at
    # whatever later moment the cyclic GC picks (an app-wide event filter of an old window
    # torn down in the middle of another test crashed the suite).
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    leftover = running_timers(app)
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            leftover += running_timers(widget)
    assert not leftover, f"test left timers running: {leftover}"


PLAN_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1600 1000" width="1600" height="1000">'
    '<rect width="1600" height="1000" fill="#13243A"/><rect x="100" y="100" width="400" height="300" fill="#2E7CF6"/></svg>'
)


def write_minimal_content(folder: Path, data: dict | None = None) -> Path:
    """Write the minimal content (and its plan.svg) as content.yaml in ``folder``."""
    import json

    import yaml

    data = json.loads(json.dumps(data or minimal_content_dict()))  # no shared nodes → no YAML aliases
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "plan.svg").write_text(PLAN_SVG, encoding="utf-8")
    path = folder / "content.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


# -- shared content fixtures ---------------------------------------------------------------


def load_shipped():
    """The shipped content.yaml, through the real loader."""
    from kiosk.content import load_file

    return load_file(CONTENT).content


def scale_content():
    """benchmarks/scale_content.py as a module (it writes N× the shipped content)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("scale_content", ROOT / "benchmarks" / "scale_content.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


@pytest.fixture(scope="module")
def shipped():
    """The shipped content (loaded once per test module)."""
    return load_shipped()


@pytest.fixture(scope="module")
def scaled_10x(tmp_path_factory):
    """Ten times the shipped content, written to a temporary folder: ``(content, folder)``."""
    from kiosk.content import load_file

    path = scale_content().write(10, tmp_path_factory.mktemp("c10") / "content.yaml")
    return load_file(path).content, path.parent


@pytest.fixture(scope="module")
def families():
    """The bundled fonts, registered (the font families to build a theme with)."""
    from kiosk.app import register_fonts

    return register_fonts()


def pytest_collection_modifyitems(config, items):
    """The bundle tests run last: their build waits for the no-BLAS numpy that
    ``build/setup.sh test`` starts compiling in the background, so the rest of the suite
    runs meanwhile."""
    items.sort(key=lambda item: item.get_closest_marker("bundle") is not None)
