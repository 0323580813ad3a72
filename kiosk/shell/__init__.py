"""The kiosk shell: window, navigation, attract/home screens, idle reset, language, lockdown
and the admin door. Wiring only — it builds section pages through :mod:`kiosk.sections`'
registry and never imports a page module by name."""

from kiosk.shell.status import ContentStatus, load_status, status_from_content
from kiosk.shell.window import KioskWindow, ShellOptions

__all__ = ["ContentStatus", "KioskWindow", "ShellOptions", "load_status", "status_from_content"]
