"""Where things live. The only module that knows whether the kiosk runs frozen (PyInstaller).

Everything else asks this module for paths; nothing else looks at ``sys.frozen`` or the
working directory.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "qingdao-iic-kiosk"
APP_AUTHOR = "QingdaoIIC"

IS_FROZEN: bool = bool(getattr(sys, "frozen", False))

#: Folder holding the read-only resources: assets/, content.yaml, content.schema.json.
RESOURCE_ROOT: Path = (
    Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    if IS_FROZEN
    else Path(__file__).resolve().parent.parent
)

ASSETS_DIR = RESOURCE_ROOT / "assets"
FONTS_DIR = ASSETS_DIR / "fonts"
BUNDLED_CONTENT = RESOURCE_ROOT / "content.yaml"
SCHEMA_FILE = RESOURCE_ROOT / "content.schema.json"
FONT_COVERAGE_FILE = FONTS_DIR / "coverage.txt"

CONTENT_ENV = "KIOSK_CONTENT"
DATA_DIR_ENV = "KIOSK_DATA_DIR"
CONFIG_DIR_ENV = "KIOSK_CONFIG_DIR"


def find_content(option: str | os.PathLike[str] | None = None) -> Path:
    """The content file to use, in this order: the ``--content`` option, the
    ``KIOSK_CONTENT`` environment variable, ``content.yaml`` in the working directory,
    and last the bundled ``content.yaml``."""
    if option:
        return Path(option)
    env = os.environ.get(CONTENT_ENV)
    if env:
        return Path(env)
    cwd = Path("content.yaml")
    if cwd.is_file():
        return cwd
    return BUNDLED_CONTENT


def data_dir() -> Path:
    """Writable per-machine data (analytics, last-good content). ``KIOSK_DATA_DIR`` overrides."""
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def config_dir() -> Path:
    """Writable configuration (the admin PIN hash). ``KIOSK_CONFIG_DIR`` overrides."""
    env = os.environ.get(CONFIG_DIR_ENV)
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))


def log_dir() -> Path:
    """Rotating log files. Follows ``KIOSK_DATA_DIR`` when set, so tests stay sandboxed."""
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env) / "logs"
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def analytics_db() -> Path:
    return data_dir() / "analytics.db"
