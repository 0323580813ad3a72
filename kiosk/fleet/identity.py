"""A stable kiosk id: generated once (host name + random suffix) into the config folder;
``KIOSK_ID`` overrides it. It labels every metric and every exported event. No Qt here."""

from __future__ import annotations

import logging
import os
import re
import secrets
import socket
from pathlib import Path

log = logging.getLogger(__name__)

ID_ENV = "KIOSK_ID"
FILE = "kiosk-id"


def kiosk_id(config: Path | None = None) -> str:
    env = os.environ.get(ID_ENV, "").strip()
    if env:
        return env
    if config is None:
        from kiosk.paths import config_dir

        config = config_dir()
    path = config / FILE
    try:
        text = path.read_text(encoding="utf-8").strip()
        if text:
            return text
    except OSError:
        pass
    host = re.sub(r"[^a-z0-9-]+", "-", socket.gethostname().lower()).strip("-")[:24] or "kiosk"
    new = f"{host}-{secrets.token_hex(3)}"
    try:
        config.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{FILE}.tmp-{os.getpid()}")
        tmp.write_text(new + "\n", encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        log.warning("could not store the kiosk id in %s; using %s for this run", path, new)
    return new
