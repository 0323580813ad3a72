"""The park plan's picture: the SVG (checked safe first) rendered once at a base size and, when
zoomed past it, sharp for the visible part only."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QTransform

log = logging.getLogger(__name__)

#: The longest side of the cached whole-plan image, in device pixels.
MAX_BASE_SIDE = 4096


def svg_is_safe(path: Path | None) -> bool:
    """Whether ``path`` is an SVG Qt may parse: the same rules as ``kiosk validate``."""
    from kiosk.content.media import loadable

    return path is not None and loadable(path, "svg")


class PlanPicture:
    """The plan SVG, rendered on demand into cached images (no widget)."""

    def __init__(self, path: Path | None, plan_size: tuple[float, float]) -> None:
        self.plan_w, self.plan_h = plan_size
        self.renderer = None
        if svg_is_safe(path):
            from PySide6.QtSvg import QSvgRenderer

            renderer = QSvgRenderer(str(path))
            if renderer.isValid():
                renderer.setAspectRatioMode(Qt.AspectRatioMode.IgnoreAspectRatio)
                self.renderer = renderer
        if self.renderer is None:
            log.warning("park plan %s cannot be shown; showing the placeholder", path)
        self._bases: dict[int, tuple[float, QImage]] = {}
        self._sharp: QImage | None = None
        self._sharp_key: tuple[float, float, float, int, int, float] | None = None

    @property
    def ok(self) -> bool:
        return self.renderer is not None

    def invalidate(self) -> None:
        self._bases.clear()
        self._sharp = None
        self._sharp_key = None

    def _render(self, image: QImage, transform: QTransform) -> None:
        assert self.renderer is not None
        p = QPainter(image)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        p.setTransform(transform)
        self.renderer.render(p, QRectF(0, 0, self.plan_w, self.plan_h))
        p.end()

    def base(self, scale: float, fit_scale: float, dpr: float) -> QImage | None:
        """The whole plan, cached at 1× and 2× the fit scale: the level that is just
        sharp enough for ``scale`` (a 2:1 smooth downscale costs as much as a render)."""
        if not self.ok or fit_scale <= 0:
            return None
        level = 1 if scale <= fit_scale * 1.2 else 2
        target = min(fit_scale * level * dpr, MAX_BASE_SIDE / max(self.plan_w, self.plan_h))
        cached = self._bases.get(level)
        if cached is None or abs(cached[0] - target) > 1e-6:
            w, h = max(1, round(self.plan_w * target)), max(1, round(self.plan_h * target))
            image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(Qt.GlobalColor.transparent)
            self._render(image, QTransform.fromScale(w / self.plan_w, h / self.plan_h))
            self._bases[level] = (target, image)
        return self._bases[level][1]

    def sharp(self, size: QSize, scale: float, offset: QPointF, dpr: float) -> QImage | None:
        """The visible part of the plan at exactly ``scale``, for a view of ``size``."""
        if not self.ok or size.isEmpty():
            return None
        key = (round(scale, 6), round(offset.x(), 2), round(offset.y(), 2), size.width(), size.height(), dpr)
        if self._sharp is None or self._sharp_key != key:
            image = QImage(
                max(1, round(size.width() * dpr)),
                max(1, round(size.height() * dpr)),
                QImage.Format.Format_ARGB32_Premultiplied,
            )
            image.setDevicePixelRatio(dpr)
            image.fill(Qt.GlobalColor.transparent)
            t = QTransform()
            t.scale(dpr, dpr)
            t.translate(offset.x(), offset.y())
            t.scale(scale, scale)
            self._render(image, t)
            self._sharp, self._sharp_key = image, key
        return self._sharp

    def draw(
        self,
        p: QPainter,
        rect: QRectF,
        view: QRectF,
        *,
        moving: bool,
        scale: float,
        fit_scale: float,
        offset: QPointF,
        size: QSize,
        dpr: float,
    ) -> None:
        """Moving: a scaled blit of a cached whole-plan image. At rest: the visible part
        rendered at exactly this scale, blitted 1:1."""
        if moving:
            base = self.base(scale, fit_scale, dpr)
            if base is not None:
                p.drawImage(rect, base, QRectF(base.rect()))
        else:
            sharp = self.sharp(size, scale, offset, dpr)
            if sharp is not None:
                p.drawImage(view.topLeft(), sharp)
