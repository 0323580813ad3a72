"""PyInstaller runtime hook: the bundle leaves out PySide6's QtOpenGL *binding* (8.5 MB of
Python wrappers for QOpenGLBuffer, QOpenGLShaderProgram, the QOpenGLFunctions_* classes...).
Only pyqtgraph's OpenGL drawing mode (``useOpenGL``) uses them; the kiosk's charts paint with
QPainter. pyqtgraph nevertheless imports the module when it is imported (PlotCurveItem,
Qt/OpenGLHelpers), so this placeholder stands in for it: importing works, and touching any of
its names raises an AttributeError that says why. Qt's libQt6OpenGL and the QtOpenGLWidgets
binding stay (QOpenGLWidget, which pyqtgraph subclasses at import time).
"""

import sys
import types


class _NotBundled(types.ModuleType):
    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        raise AttributeError(f"PySide6.QtOpenGL.{name}: the kiosk bundle leaves out the "
                             "QtOpenGL binding (pyqtgraph's OpenGL mode is not used)")


sys.modules.setdefault("PySide6.QtOpenGL", _NotBundled("PySide6.QtOpenGL"))
