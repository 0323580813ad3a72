"""PyInstaller runtime hook: ``KIOSK_BUNDLE_SELFCHECK=<video file> kiosk`` checks, with the
bundle's own libraries and no display, the two parts of the kiosk whose libraries the build
prunes hardest, then exits instead of starting the kiosk:

* video: QMediaPlayer → the kiosk's own VideoSurface (kiosk.widgets.video, a QVideoSink)
  decodes frames of the file through Qt's FFmpeg plugin (and the stand-ins of
  build/packaging/qtstubs.py: Qt Quick/QML, libsndfile, GSS-API, libsystemd);
* charts: pyqtgraph draws a bar and a line chart offscreen, and numpy multiplies and inverts
  a matrix (numpy's own matmul and lapack_lite in the no-BLAS build of
  build/packaging/numpy_noblas.py; OpenBLAS and LAPACK with the wheel's numpy).

It prints one JSON line ({"video": {...}, "chart": {...}, "ok": true|false}) and exits 0 when
both work, 1 otherwise. Without the variable this hook does nothing. The bundle smoke test
(tests/test_bundle.py) runs it; integrators can too, on the kiosk PC:
``KIOSK_BUNDLE_SELFCHECK=/path/to/clip.mp4 /opt/qingdao-iic-kiosk/kiosk``.
"""


def _selfcheck(video: str) -> int:
    import json
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    result = {"video": _video(video), "chart": _chart()}
    result["ok"] = bool(result["video"].get("frames", 0) > 0
                        and result["video"].get("surface_frames", 0) > 0
                        and result["chart"].get("ok"))
    print(json.dumps(result), flush=True)
    del app
    return 0 if result["ok"] else 1


def _video(path: str) -> dict:
    import os

    from PySide6.QtCore import QEventLoop, QTimer, QUrl
    from PySide6.QtMultimedia import QMediaPlayer

    from kiosk.widgets.video import VideoSurface  # the kiosk's own video widget

    player = QMediaPlayer()
    surface = VideoSurface()
    surface.resize(320, 180)
    sink = surface.sink
    player.setVideoSink(sink)
    loop = QEventLoop()
    seen = {"frames": 0, "size": None, "error": None}

    def on_frame(frame) -> None:
        image = frame.toImage()
        if not image.isNull():
            seen["frames"] += 1
            seen["size"] = [image.width(), image.height()]
            if seen["frames"] >= 5:
                loop.quit()

    def on_error(_error, message: str) -> None:
        seen["error"] = message
        loop.quit()

    def on_status(status) -> None:
        if status in (QMediaPlayer.MediaStatus.EndOfMedia, QMediaPlayer.MediaStatus.InvalidMedia):
            loop.quit()

    sink.videoFrameChanged.connect(on_frame)
    player.errorOccurred.connect(on_error)
    player.mediaStatusChanged.connect(on_status)
    QTimer.singleShot(20000, loop.quit)
    player.setSource(QUrl.fromLocalFile(os.path.abspath(path)))
    player.play()
    loop.exec()
    player.stop()
    seen["surface_frames"] = surface.frames  # frames VideoSurface received and would paint
    return seen


def _chart() -> dict:
    import numpy as np
    import pyqtgraph as pg
    from PySide6.QtGui import QColor

    a = np.arange(1.0, 65.0).reshape(8, 8) + np.eye(8) * 100
    blas = bool(np.allclose((a @ np.linalg.inv(a)), np.eye(8)))
    widget = pg.PlotWidget(background="w")
    widget.resize(400, 300)
    widget.addItem(pg.BarGraphItem(x=[1, 2, 3], height=[3, 5, 2], width=0.6, brush="r", pen=None))
    widget.plot([1, 2, 3], [2, 4, 1], pen=pg.mkPen("b", width=3))
    image = widget.grab().toImage()
    red = blue = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = QColor(image.pixel(x, y))
            red += c.red() > 200 and c.green() < 60 and c.blue() < 60
            blue += c.blue() > 200 and c.red() < 60 and c.green() < 60
    return {"ok": blas and red > 100 and blue > 10, "blas": blas, "bar_px": red, "line_px": blue,
            "pyqtgraph": pg.__version__, "numpy": np.__version__,
            "numpy_blas": _numpy_blas(np)}


def _numpy_blas(np) -> str:
    """The BLAS numpy was built with ("none" for the no-BLAS build)."""
    try:
        deps = np.show_config(mode="dicts")["Build Dependencies"]
        return str(deps.get("blas", {}).get("name", "none"))
    except Exception as exc:  # a report, never a failure
        return f"unknown ({exc})"


def _main() -> None:
    import os

    video = os.environ.get("KIOSK_BUNDLE_SELFCHECK")
    if video:
        os._exit(_selfcheck(video))


_main()
