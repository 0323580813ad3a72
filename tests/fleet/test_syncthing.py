"""A real fleet: two Syncthing instances on loopback ("headquarters" send-only → "kiosk"
receive-only) and a running kiosk (offscreen, in this process) on the receiving side.

A content set packed at headquarters arrives file by file and is applied only when whole;
broken sets are never shown; rollback works. Skipped only when ``syncthing`` is not
installed (CI installs it: build/setup.sh test). Every process is stopped by a finalizer;
every wait is bounded; everything listens on 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import secrets
import shutil
import socket
import subprocess
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from fleet_helpers import make_set, title_of

from kiosk.fleet.manifest import MANIFEST, pack

SYNCTHING = shutil.which("syncthing")
pytestmark = pytest.mark.skipif(SYNCTHING is None, reason="syncthing is not installed "
                                "(apt-get install syncthing; build/setup.sh test does it)")
WAIT = 60_000  # ms, for anything that goes through Syncthing
FOLDER = "kiosk-content"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Syncthing:
    """One instance with its own home, GUI/API and sync port on 127.0.0.1."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.gui, self.listen = free_port(), free_port()
        self.key = secrets.token_hex(16)
        self.env = {**os.environ, "HOME": str(home), "STNOUPGRADE": "1", "STNODEFAULTFOLDER": "1"}
        subprocess.run([SYNCTHING, "generate", f"--home={home}", "--no-default-folder",
                        "--skip-port-probing"], check=True, capture_output=True, timeout=60, env=self.env)
        self._configure(home / "config.xml")
        self.log = (home / "syncthing.out").open("wb")
        self.proc: subprocess.Popen[bytes] | None = subprocess.Popen(
            [SYNCTHING, "serve", f"--home={home}", "--no-browser", "--no-restart", "--no-upgrade",
             f"--gui-address=127.0.0.1:{self.gui}", f"--gui-apikey={self.key}"],
            stdout=self.log, stderr=subprocess.STDOUT, env=self.env)

    def _configure(self, path: Path) -> None:
        """Loopback only: no discovery, relays, NAT, usage or crash reports, upgrades."""
        tree = ET.parse(path)
        root = tree.getroot()
        gui = root.find("gui")
        assert gui is not None
        gui.find("address").text = f"127.0.0.1:{self.gui}"  # type: ignore[union-attr]
        gui.find("apikey").text = self.key  # type: ignore[union-attr]
        options = root.find("options")
        assert options is not None
        values = {"listenAddress": f"tcp://127.0.0.1:{self.listen}", "globalAnnounceEnabled": "false",
                  "localAnnounceEnabled": "false", "relaysEnabled": "false", "natEnabled": "false",
                  "startBrowser": "false", "urAccepted": "-1", "autoUpgradeIntervalH": "0",
                  "crashReportingEnabled": "false", "reconnectionIntervalS": "1"}
        for name, value in values.items():
            element = options.find(name)
            if element is None:
                element = ET.SubElement(options, name)
            element.text = value
        tree.write(path)

    # -- REST ------------------------------------------------------------------------------
    def api(self, method: str, path: str, body: object = None) -> object:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(f"http://127.0.0.1:{self.gui}{path}", data=data, method=method,
                                         headers={"X-API-Key": self.key, "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=5) as response:
            text = response.read()
        return json.loads(text) if text.strip() else None

    def up(self) -> bool:
        assert self.proc is not None and self.proc.poll() is None, self.output()
        try:
            return self.api("GET", "/rest/system/ping") == {"ping": "pong"}
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return False

    @property
    def device_id(self) -> str:
        return str(self.api("GET", "/rest/system/status")["myID"])  # type: ignore[index]

    def share(self, folder: Path, kind: str, peer: Syncthing) -> None:
        peer_id = peer.device_id
        self.api("POST", "/rest/config/devices", {"deviceID": peer_id, "name": peer.home.name,
                                                  "addresses": [f"tcp://127.0.0.1:{peer.listen}"]})
        self.api("POST", "/rest/config/folders", {
            "id": FOLDER, "label": "kiosk content", "path": str(folder), "type": kind,
            "devices": [{"deviceID": self.device_id}, {"deviceID": peer_id}],
            "rescanIntervalS": 3600, "fsWatcherEnabled": False})

    def connected_to(self, peer: Syncthing) -> bool:
        connections = self.api("GET", "/rest/system/connections")["connections"]  # type: ignore[index]
        return bool(connections.get(peer.device_id, {}).get("connected"))

    def scan(self) -> None:
        self.api("POST", f"/rest/db/scan?folder={FOLDER}")

    def in_sync(self) -> bool:
        status = self.api("GET", f"/rest/db/status?folder={FOLDER}")
        return status["state"] == "idle" and status["needTotalItems"] == 0  # type: ignore[index]

    def output(self) -> str:
        self.log.flush()
        return (self.home / "syncthing.out").read_text(errors="replace")[-3000:]

    def stop(self) -> None:
        if self.proc is None:
            return
        try:
            self.api("POST", "/rest/system/shutdown")
            self.proc.wait(timeout=20)
        except (urllib.error.URLError, ConnectionError, TimeoutError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait(timeout=20)
        self.proc = None
        self.log.close()


@pytest.fixture
def fleet(tmp_path, qtbot, request):
    """(headquarters instance, hq folder, kiosk folder) — connected and sharing."""
    hq_dir, kiosk_dir = tmp_path / "hq-content", tmp_path / "kiosk-content"
    hq_dir.mkdir()
    kiosk_dir.mkdir()
    hq = Syncthing(tmp_path / "hq")
    request.addfinalizer(hq.stop)
    kiosk = Syncthing(tmp_path / "kiosk")
    request.addfinalizer(kiosk.stop)
    for st in (hq, kiosk):
        qtbot.waitUntil(st.up, timeout=WAIT)
    hq.share(hq_dir, "sendonly", kiosk)
    kiosk.share(kiosk_dir, "receiveonly", hq)
    qtbot.waitUntil(lambda: hq.connected_to(kiosk), timeout=WAIT)
    return hq, kiosk, hq_dir, kiosk_dir


@pytest.fixture
def running_kiosk(qtbot, tmp_path, monkeypatch):
    from kiosk import app

    monkeypatch.setenv("KIOSK_METRICS_DIR", str(tmp_path / "metrics"))
    monkeypatch.setenv("KIOSK_ID", "fleet-test")
    made = []

    def start(content: Path):
        args = argparse.Namespace(content=str(content), lang=None, idle_timeout=None)
        win = app.build_window(args, kiosk_mode=False, size=(1280, 800))

        def close(w):
            w.fleet.stop()
            w.fleet.service.stop()
            w.shutdown()
            w.allow_close = True
            w.recorder.close()

        qtbot.addWidget(win, before_close_func=close)
        win.show()
        made.append(win)
        return win

    return start


@pytest.fixture
def kiosk_process(tmp_path, request):
    """A second kiosk on the same machine: ``kiosk run`` in its own process and data folder,
    writing its textfile into the same collector folder as the first."""
    import signal
    import sys

    from conftest import ROOT

    def start(content: Path, name: str) -> Path:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_ID": name,
               "KIOSK_CONFIG_DIR": str(tmp_path / f"{name}-config"),
               "KIOSK_METRICS_DIR": str(tmp_path / "metrics")}
        log = (tmp_path / f"{name}.log").open("wb")
        proc = subprocess.Popen([sys.executable, "-m", "kiosk", "run", "--windowed", "--size", "1280x800",
                                 "--content", str(content), "--data-dir", str(tmp_path / f"{name}-data")],
                                cwd=str(ROOT), env=env, stdout=log, stderr=subprocess.STDOUT)

        def stop() -> None:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                try:
                    proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait(timeout=20)
            log.close()

        request.addfinalizer(stop)
        return tmp_path / "metrics" / f"kiosk-{name}.prom"

    return start


def textfile_version(prom: Path) -> str | None:
    from prometheus_client.parser import text_string_to_metric_families

    if not prom.exists():
        return None
    for family in text_string_to_metric_families(prom.read_text(encoding="utf-8")):
        if family.name == "kiosk_content_info":
            return family.samples[0].labels["version"]
    return None


def copy(src: Path, dst: Path, names: list[str]) -> None:
    for name in names:
        target = dst / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src / name, target)


def same(a: Path, b: Path) -> bool:
    return a.is_file() and b.is_file() and hashlib.sha256(a.read_bytes()).digest() == \
        hashlib.sha256(b.read_bytes()).digest()


def shown(win) -> str | None:
    return title_of(win.status.content) if win.status.content is not None else None


def test_sets_arrive_whole_or_not_at_all_and_rollback_works(fleet, running_kiosk, kiosk_process,
                                                            qtbot, tmp_path):
    hq, kiosk, hq_dir, kiosk_dir = fleet
    staging = tmp_path / "staging"
    one, two, bad_hash, bad_content = (staging / n for n in ("one", "two", "bad-hash", "bad-content"))
    make_set(one, "One")
    pack(one, version="one")
    make_set(two, "Two", plan=(one / "plan.svg").read_text().replace("#2E7CF6", "#FF8800"))
    (two / "media").mkdir()
    (two / "media" / "film.bin").write_bytes(os.urandom(3_000_000))  # not named: not listed
    pack(two, version="two")

    win = running_kiosk(kiosk_dir / "content.yaml")  # an empty folder: the calm screen
    assert win.status.content is None
    second = kiosk_process(kiosk_dir / "content.yaml", "kiosk-b")  # two kiosks, one machine
    applied: list[str] = []
    win.fleet.service.updated.connect(lambda status: applied.append(title_of(status.content)))

    # 1. the first set arrives and is shown
    copy(one, hq_dir, ["content.yaml", "plan.svg", MANIFEST])
    hq.scan()
    qtbot.waitUntil(lambda: shown(win) == "One", timeout=WAIT)
    qtbot.waitUntil(lambda: textfile_version(second) == "one", timeout=WAIT)

    # 2. the next set, file by file: content.yaml and manifest first, media later
    copy(two, hq_dir, ["content.yaml", MANIFEST])
    hq.scan()
    qtbot.waitUntil(lambda: same(kiosk_dir / MANIFEST, two / MANIFEST)
                    and same(kiosk_dir / "content.yaml", two / "content.yaml"), timeout=WAIT)
    watcher = win.fleet.service.watcher
    qtbot.waitUntil(watcher._retry.isActive, timeout=WAIT)  # waiting for the rest of the set
    assert shown(win) == "One"
    copy(two, hq_dir, ["plan.svg", "media/film.bin"])
    hq.scan()
    qtbot.waitUntil(lambda: shown(win) == "Two", timeout=WAIT)
    assert b"#FF8800" in (win.status.base_dir / "plan.svg").read_bytes()
    assert applied == ["One", "Two"]  # nothing in between
    qtbot.waitUntil(lambda: textfile_version(second) == "two", timeout=WAIT)

    # 3. a set whose picture does not match its manifest: it never completes
    shutil.copytree(two, bad_hash)
    make_set(bad_hash, "Broken by hash")
    pack(bad_hash, version="bad-hash")
    (bad_hash / "plan.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    copy(bad_hash, hq_dir, ["content.yaml", "plan.svg", MANIFEST])
    hq.scan()
    qtbot.waitUntil(lambda: same(kiosk_dir / MANIFEST, bad_hash / MANIFEST)
                    and same(kiosk_dir / "plan.svg", bad_hash / "plan.svg"), timeout=WAIT)
    qtbot.waitUntil(lambda: kiosk.in_sync(), timeout=WAIT)
    qtbot.waitUntil(watcher._retry.isActive, timeout=WAIT)
    assert shown(win) == "Two"

    # 4. a set whose content has errors, with a manifest that matches it: rejected
    rejected: list[object] = []
    win.fleet.service.findings_changed.connect(rejected.append)
    shutil.copytree(two, bad_content)
    path = bad_content / "content.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("sections:", "sectons:"), encoding="utf-8")
    doc = json.loads((bad_content / MANIFEST).read_text(encoding="utf-8"))
    doc["version"] = "bad-content"
    doc["files"]["content.yaml"] = {"size": path.stat().st_size,
                                    "sha256": hashlib.sha256(path.read_bytes()).hexdigest()}
    (bad_content / MANIFEST).write_text(json.dumps(doc), encoding="utf-8")
    copy(bad_content, hq_dir, ["content.yaml", "plan.svg", MANIFEST])
    hq.scan()
    qtbot.waitUntil(lambda: bool(rejected), timeout=WAIT)
    assert shown(win) == "Two" and applied == ["One", "Two"]

    # 5. rollback to the first version, from the admin side
    win.fleet.rollback("one")
    assert shown(win) == "One"
    assert win.fleet.versions.current().label == "one"
    assert [v.label for v in win.fleet.versions.versions()] == ["two", "one"]

    # 6. Prometheus sees both kiosks: the first rolled back, the second still on "two" and
    # it never kept (so never showed) a broken set either
    qtbot.waitUntil(lambda: textfile_version(tmp_path / "metrics" / "kiosk-fleet-test.prom") == "one",
                    timeout=WAIT)
    assert textfile_version(second) == "two"
    from kiosk.fleet.versions import VersionStore

    assert [v.label for v in VersionStore(tmp_path / "kiosk-b-data").versions()] == ["two", "one"]
